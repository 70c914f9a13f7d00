"""Nothing hidden in a published term reaches a role that may not see it, on any route or
channel, the admin's included.

Unique marker strings are written into what some roles may not see: in a published term, a
draft meeting, a meeting shared with member states only, a draft current document, a draft
approved revision, and each delegation's proposals. Every route is requested by every role
(pages, lists, filters, feeds in each language, the CSV export, downloads, revision files and
their comparison, the proposals pages, and the admin, changelists, searches and change pages,
for a delegation member given staff status), after the secretariat's own requests have filled
the caches; no answer may hold a marker its reader may not see, and those they may see do
reach them (so that the test can fail).

The scene is built and the secretariat's requests made once for the module (see
tests/web/module_data.py); each role's test rolls back what it writes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from comitia.web.documents.operations import approve_revision
from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.plans import models as m
from comitia.web.publication.operations import (
    publish_plan,
    set_document_visibility,
    set_meeting_visibility,
)
from comitia.web.suggestions.models import Proposal
from tests.web.module_data import kept_for_module
from tests.web.publishing import committed

from .conftest import ROLES, make_user, signed_in, store_terms
from .leaks import _empty_cache, answer_bytes, every_url, found, texts

__all__ = ["_empty_cache"]

DRAFT_MEETING = "MARKER-DRAFT-MEETING-2b81"
SHARED_MEETING = "MARKER-SHARED-MEETING-c4e0"
DRAFT_DOCUMENT = "MARKER-DRAFT-DOCUMENT-9a17"
DRAFT_REVISION = "MARKER-DRAFT-REVISION-50df"
BRAZIL = "MARKER-BRAZIL-PROPOSAL-e3c6"
MEXICO = "MARKER-MEXICO-PROPOSAL-7d42"
# The draft resolution's paragraph while the draft is the secretariat's and bureau's, and
# Brazil's amendment to a paragraph led by Peru and Canada, not shared.
DRAFT_RESOLUTION = "MARKER-DRAFT-RESOLUTION-5f3a"
BRAZIL_AMENDMENT = "MARKER-BRAZIL-AMENDMENT-0c9d"
EVERY_MARKER = (
    DRAFT_MEETING,
    SHARED_MEETING,
    DRAFT_DOCUMENT,
    DRAFT_REVISION,
    BRAZIL,
    MEXICO,
    DRAFT_RESOLUTION,
    BRAZIL_AMENDMENT,
)
PUBLIC_ROLES = ("anonymous", "no_role", "secretariat_elsewhere", "bureau_elsewhere")
# Given staff status and every view permission in the admin, to try the admin too.
STAFFED = {"no_role", "delegation", "delegation_elsewhere", "secretariat_elsewhere"}

# What each role may see of the markers; everything else must never reach it.
MAY_SEE: dict[str, set[str]] = {
    **{role: set() for role in PUBLIC_ROLES},
    "delegation": {SHARED_MEETING, BRAZIL, BRAZIL_AMENDMENT},
    "delegation_elsewhere": {SHARED_MEETING, MEXICO},
    "secretariat": set(EVERY_MARKER),
    "bureau": set(EVERY_MARKER),
    "administrator": set(EVERY_MARKER),
}


class Scene(NamedTuple):
    here: m.Term
    elsewhere: m.Term
    urls: list[str]
    secretariat: Any
    bureau: Any


def _published_with_hidden_things(here: m.Term, bureau: Any) -> tuple[list[m.Meeting], int]:
    """``here`` published; its first meeting a draft, its second shared with member states,
    its third public with a proposal of each delegation; its current document a draft; a
    draft revision approved. Returns the meetings and the revision's number."""
    publish_plan(here, None)
    first, second, third = m.Meeting.objects.select_related("term").filter(term=here)
    m.Meeting.objects.filter(pk=first.pk).update(title=texts(DRAFT_MEETING))
    m.Meeting.objects.filter(pk=second.pk).update(title=texts(SHARED_MEETING))
    set_meeting_visibility(first, Visibility.DRAFT, None)
    set_meeting_visibility(second, Visibility.MEMBER_STATES, None)
    document = m.PlanDocument.objects.select_related("term").get(term=here)
    m.PlanDocument.objects.filter(pk=document.pk).update(title=texts(DRAFT_DOCUMENT))
    set_document_visibility(document, Visibility.DRAFT, None)
    revision = approve_revision(
        here,
        symbol=DRAFT_REVISION,
        approved_on=dt.date(2019, 11, 7),
        user=bureau,
        override_reason="test plan",
    )
    assert revision.visibility == Visibility.DRAFT
    for state, topic in (("BR", BRAZIL), ("MX", MEXICO)):
        for meeting in (first, second, third):
            Proposal.objects.create(
                meeting=meeting, member_state=state, kind="topic", topic=topic, token=uuid.uuid4()
            )
    _draft_with_an_amendment(here)
    return [first, second, third], revision.number


def _draft_with_an_amendment(here: m.Term) -> None:
    """The factory's draft (draft-2020) shared with member states, with Brazil's amendment to
    its paragraph 3 bis (led by Peru and Canada), not shared; and a second draft
    (draft-hidden, illustrative) left at the draft level, its title and paragraph marked."""
    draft = m.Resolution.objects.get(term=here, key="draft-2020")
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number="3 bis"
    )
    operations.propose_amendment(
        paragraph,
        "BR",
        {
            "kind": "reword",
            "language": "en",
            "text": f"Encourage {BRAZIL_AMENDMENT}",
            "justification": BRAZIL_AMENDMENT,
        },
        None,
        token=uuid.uuid4(),
    )
    m.Resolution.objects.filter(pk=draft.pk).update(visibility=Visibility.MEMBER_STATES)
    hidden = m.Resolution.objects.create(
        term=here,
        key="draft-hidden",
        position=9,
        title=texts(DRAFT_RESOLUTION),
        state="draft",
        document_symbol="CP/CSH-2020/99",
    )
    m.Paragraph.objects.create(
        resolution=hidden, position=0, number="1", text=texts(DRAFT_RESOLUTION)
    )


def _admin_urls(meetings: list[m.Meeting], revision_number: int) -> list[str]:
    """Every changelist of the admin, searched for the markers too, and the change pages of
    the marked objects."""
    from comitia.web.documents.models import Revision

    urls = []
    for model in admin.site._registry:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        urls += [changelist, f"{changelist}?q=MARKER"]
    urls += [reverse("admin:plans_meeting_change", args=[x.pk]) for x in meetings]
    urls += [
        reverse("admin:plans_plandocument_change", args=[d.pk])
        for d in m.PlanDocument.objects.all()
    ]
    urls += [
        reverse("admin:documents_revision_change", args=[r.pk])
        for r in Revision.objects.filter(number=revision_number)
    ]
    urls += [
        reverse("admin:suggestions_proposal_change", args=[p.pk]) for p in Proposal.objects.all()
    ]
    urls += [
        reverse("admin:plans_agendanode_change", args=[n.pk])
        for n in m.AgendaNode.objects.filter(meeting__in=meetings)
    ]
    return urls


def _as_staff(user: Any) -> Any:
    """``user`` given staff status and every permission to view, as a careless administrator
    might."""
    if user is None:
        return None
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    return type(user).objects.get(pk=user.pk)


def _build() -> Scene:
    here, elsewhere = store_terms(resolutions=True)
    bureau = make_user("bureau", here, elsewhere)
    meetings, number = _published_with_hidden_things(here, bureau)
    urls = every_url(here, number)
    for meeting in meetings:
        urls += [
            reverse("calendar:meeting", args=[here.slug, meeting.key]),
            reverse("suggestions:meeting", args=[here.slug, meeting.key]),
        ]
    urls.append(f"/terms/{here.slug}/document/compare/?a={number}&b={number}")
    urls += [f"/terms/{here.slug}/resolutions/{key}/" for key in ("draft-2020", "draft-hidden")]
    urls += _admin_urls(meetings, number)
    secretariat = make_user("secretariat", here, elsewhere)
    # What the scene wrote counts as committed, so that what the secretariat reads is kept.
    committed()
    # The secretariat sees every marker, and fills the caches.
    assert set(found(signed_in(secretariat), urls, EVERY_MARKER)) == set(EVERY_MARKER)
    return Scene(here, elsewhere, urls, secretariat, bureau)


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any) -> Iterator[Scene]:
    yield from kept_for_module(django_db_blocker, _build)


def _reader(scene: Scene, role: str) -> Any:
    """The user of ``role``: the scene's secretariat and bureau, others made now (given staff
    status for the roles in STAFFED)."""
    if role == "secretariat":
        return scene.secretariat
    if role == "bureau":
        return scene.bureau
    user = make_user(role, scene.here, scene.elsewhere)
    return _as_staff(user) if role in STAFFED else user


@pytest.mark.parametrize("role", ROLES)
def test_hidden_things_of_a_published_term_reach_only_those_who_may_see_them(
    scene: Scene, db: None, role: str
) -> None:
    seen = found(signed_in(_reader(scene, role)), scene.urls, EVERY_MARKER)
    leaks = {marker: where for marker, where in seen.items() if marker not in MAY_SEE[role]}
    assert leaks == {}
    assert set(seen) == MAY_SEE[role]


def test_a_head_request_is_answered_as_its_get_without_the_body(scene: Scene, db: None) -> None:
    """A delegation member given staff status (who may see some markers and not others):
    each HEAD gets its GET's status, or 405 from a page that takes GET only, and its headers
    hold no marker the member may not see."""
    client = signed_in(_reader(scene, "delegation"))
    differing, leaks = [], []
    for url in scene.urls:
        get, head = client.get(url, follow=True), client.head(url, follow=True)
        if head.status_code not in {get.status_code, 405}:
            differing.append(f"{url}: GET {get.status_code}, HEAD {head.status_code}")
        hidden = set(EVERY_MARKER) - MAY_SEE["delegation"]
        leaks += [f"{url}: {x}" for x in hidden if x.encode() in answer_bytes(head)]
    assert differing == []
    assert leaks == []


# Readers of different levels (and two delegations of one level) asking the same pages in a
# row, in both orders: the second must get nothing of what the cache kept for the first.
IN_A_ROW = [
    ("bureau", "anonymous"),
    ("anonymous", "bureau"),
    ("delegation", "delegation_elsewhere"),
    ("delegation_elsewhere", "delegation"),
    ("bureau", "delegation"),
    ("delegation", "bureau"),
]


@pytest.mark.parametrize(("first", "second"), IN_A_ROW, ids=[f"{a}-then-{b}" for a, b in IN_A_ROW])
def test_readers_asking_the_same_page_in_a_row_each_get_their_own(
    scene: Scene, db: None, first: str, second: str
) -> None:
    from django.core.cache import cache

    cache.clear()
    users = {role: _reader(scene, role) for role in (first, second)}
    clients = {role: signed_in(user) for role, user in users.items()}
    for url in (u for u in scene.urls if not u.startswith("/admin/")):
        for role in (first, second):
            answer = answer_bytes(clients[role].get(url, follow=True))
            leaked = [x for x in EVERY_MARKER if x.encode() in answer and x not in MAY_SEE[role]]
            assert leaked == [], (role, url)
            other = users[second if role == first else first]
            if other is not None:
                assert f"Log out ({other.get_username()})".encode() not in answer, (role, url)
