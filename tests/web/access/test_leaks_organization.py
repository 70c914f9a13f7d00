"""The organization's calendar and feeds show every committee's public meetings and nothing
else: a draft meeting of one committee, a meeting it shares with member states only, and
every meeting of a committee whose plan is not published, never appear there, for any role
(the committee's own secretariat included: it sees them on its committee's calendar)."""

from __future__ import annotations

import pytest

from comitia.plan import OAS_MEMBER_STATES
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from tests.factories import build_plan
from tests.web.publishing import committed

from .conftest import ROLES, make_user, publish_with_hidden_meetings, signed_in
from .leaks import answer_bytes, texts

DRAFT = "MARKER-ORG-DRAFT-MEETING-1f0b"
SHARED = "MARKER-ORG-SHARED-MEETING-8e21"
UNPUBLISHED = "MARKER-ORG-UNPUBLISHED-TERM-44aa"
PUBLIC = "MARKER-ORG-PUBLIC-MEETING-d9c7"

pytestmark = pytest.mark.django_db

URLS = [
    "/calendar/all/",
    "/calendar/all/?room=",
    "/calendar/all/?language=fr",
    *(f"/calendar/all/feed.{lang}.ics" for lang in ("en", "es", "fr", "pt")),
    *(f"/calendar/all/states/{state}.en.ics" for state in ("BR", "MX", OAS_MEMBER_STATES[0])),
]


def test_no_role_sees_a_hidden_meeting_in_the_organizations_calendar() -> None:
    here = save_plan(build_plan(3))
    publish_with_hidden_meetings(here, DRAFT, SHARED)
    public = m.Meeting.objects.filter(term=here).order_by("date")[2]
    m.Meeting.objects.filter(pk=public.pk).update(title=texts(PUBLIC))
    # Another committee's term, stored and never published.
    elsewhere = save_plan(build_plan(2, label="2020-2021"))
    m.Meeting.objects.filter(term=elsewhere).update(title=texts(UNPUBLISHED))
    committed()
    for role in ROLES:
        client = signed_in(make_user(role, here, elsewhere))
        for url in URLS:
            answer = answer_bytes(client.get(url, follow=True))
            for marker in (DRAFT, SHARED, UNPUBLISHED):
                assert marker.encode() not in answer, (role, url, marker)
            assert PUBLIC.encode() in answer, (role, url)
