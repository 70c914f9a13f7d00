"""The files and links of an agenda item's documents reach only those who see the meeting:
a file (its content and its name) and a link attached to a draft meeting, and to a meeting
shared with member states only, never reach the public or a role that may not see them, on
any route (the download, the meeting page, search, feeds, the API), while a public meeting's
reach everyone (so the test can fail)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from comitia.web.documents.agenda_files import attach
from comitia.web.plans import models as m

from .conftest import ROLES, make_user, publish_with_hidden_meetings, signed_in, store_terms
from .leaks import _empty_cache, every_url, found

__all__ = ["_empty_cache"]

DRAFT = "MARKER-AGENDA-FILE-DRAFT-5c1e"
SHARED = "MARKER-AGENDA-FILE-SHARED-a07d"
PUBLIC = "MARKER-AGENDA-FILE-PUBLIC-3f92"
EVERY_MARKER = (DRAFT, SHARED, PUBLIC)
INSIDERS = {"secretariat", "bureau", "administrator"}
DELEGATIONS = {"delegation", "delegation_elsewhere"}


def may_see(role: str) -> set[str]:
    if role in INSIDERS:
        return set(EVERY_MARKER)
    if role in DELEGATIONS:
        return {SHARED, PUBLIC}
    return {PUBLIC}


def _scene(here: m.Term) -> list[str]:
    publish_with_hidden_meetings(here, "Draft meeting", "Shared meeting")
    meetings = list(m.Meeting.objects.select_related("term").filter(term=here).order_by("date"))
    urls = []
    for meeting, marker in zip(meetings, EVERY_MARKER, strict=True):
        symbol = next(s for n in m.AgendaNode.objects.filter(meeting=meeting) for s in n.documents)
        content = f"%PDF-1.4 {marker}".encode()
        upload = SimpleUploadedFile(f"{marker}.pdf", content, "application/pdf")
        row = attach(meeting, symbol, "fr", upload=upload, by=None)
        attach(meeting, symbol, "es", link=f"https://example.org/{marker}-es", by=None)
        urls += [
            reverse("documents:agenda_file", args=[here.slug, meeting.key, row.pk]),
            reverse("calendar:meeting", args=[here.slug, meeting.key]),
            reverse("documents:agenda_file_attach", args=[here.slug, meeting.key]),
        ]
    # Search echoes what it is asked: a prefix of the markers, which it must not complete.
    return [*urls, reverse("search:search") + "?q=MARKER-AGENDA-FILE"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_an_agenda_items_files_reach_only_those_who_see_the_meeting(role: str) -> None:
    here, elsewhere = store_terms()
    urls = _scene(here) + every_url(here, 1)
    seen = found(signed_in(make_user(role, here, elsewhere)), urls, EVERY_MARKER)
    leaked = {marker: where for marker, where in seen.items() if marker not in may_see(role)}
    assert leaked == {}
    assert set(seen) == may_see(role)  # what it may see does reach it: the test can fail
