"""Nothing reaches a role that may not see it, on any route or channel.

Unique marker strings are written into what some roles may not see: a draft term's meetings,
activities and document; in a published term, a draft meeting, a meeting shared with member
states only, a draft current document, a draft approved revision, and each delegation's
proposals. Every route is requested by every role (pages, lists, filters, feeds in each
language, the CSV export, downloads, revision files and their comparison, the proposals pages,
and the admin, changelists, searches and change pages, for a delegation member given staff
status), after the secretariat's own requests have filled the feed cache; no response may
contain a marker its reader may not see, and those they may see do reach them (so that the
test can fail).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from comitia.web.access.operations import (
    publish_plan,
    set_document_visibility,
    set_meeting_visibility,
    set_publication,
)
from comitia.web.documents.operations import approve_revision
from comitia.web.plans import models as m
from comitia.web.plans.models import Visibility
from comitia.web.suggestions.models import Proposal

from .conftest import ROLES, make_user
from .test_matrix import _named_routes, _sample_kwargs, _url

MARKERS = ("MARKER-MEETING-7f3a", "MARKER-ACTIVITY-91c2", "MARKER-DOCUMENT-5d0e")
BLIND = (
    "anonymous",
    "no_role",
    "delegation",
    "delegation_elsewhere",
    "secretariat_elsewhere",
    "bureau_elsewhere",
)


def _texts(marker: str) -> dict[str, str]:
    return {"en": marker, "es": marker, "fr": marker, "pt": marker}


def _mark(term: m.Term) -> None:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    activity = m.Activity.objects.filter(term=term).first()
    assert meeting is not None and activity is not None
    m.Meeting.objects.filter(pk=meeting.pk).update(title=_texts(MARKERS[0]))
    m.Activity.objects.filter(pk=activity.pk).update(title=_texts(MARKERS[1]))
    m.PlanDocument.objects.filter(term=term).update(title=_texts(MARKERS[2]))


def _urls(term: m.Term, revision_number: int) -> list[str]:
    sample = _sample_kwargs(term, revision_number)
    urls = ["/", "/calendar/", f"/calendar/{term.slug}/?kind=regular"]
    for name, arguments in _named_routes():
        url = _url(name, arguments, sample)
        if url is None or name == "calendar:logout":
            continue
        if name in {"calendar:feed", "calendar:delegations_feed"}:
            urls += [url.replace(".en.ics", f".{lang}.ics") for lang in ("en", "es", "fr", "pt")]
        elif name in {"documents:plan", "documents:download", "documents:revision"}:
            urls += [url, url + ("&" if "?" in url else "?") + "lang=es"]
        else:
            urls.append(url)
    return urls


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _found(client: Client, urls: list[str], markers: tuple[str, ...]) -> dict[str, list[str]]:
    """Each marker found, with the requests whose responses held it."""
    found: dict[str, list[str]] = {}
    for url in urls:
        for method in ("get", "head"):
            content = getattr(client, method)(url, follow=True).content
            for marker in markers:
                if marker.encode() in content:
                    found.setdefault(marker, []).append(f"{method.upper()} {url}")
    return found


@pytest.mark.parametrize("role", BLIND)
def test_no_marker_of_a_draft_term_reaches_a_role_that_may_not_see_it(
    terms: tuple[m.Term, m.Term], role: str
) -> None:
    here, elsewhere = terms
    _mark(here)
    bureau = make_user("bureau", here, elsewhere)
    revision = approve_revision(
        here,
        symbol="X rev. 9",
        approved_on=dt.date(2019, 11, 7),
        user=bureau,
        override_reason="test plan",
    )
    publish_plan(here, None)  # everything in it public, but the term itself a draft:
    set_publication(here, False, None)
    urls = _urls(here, revision.number)
    insider = make_user("secretariat", here, elsewhere)
    # The secretariat sees the markers, and fills the feed cache.
    assert set(_found(_client(insider), urls, MARKERS)) == set(MARKERS)
    leaks = _found(_client(make_user(role, here, elsewhere)), urls, MARKERS)
    assert leaks == {}


# -- a published term with hidden things in it -------------------------------------------------

DRAFT_MEETING = "MARKER-DRAFT-MEETING-2b81"
SHARED_MEETING = "MARKER-SHARED-MEETING-c4e0"
DRAFT_DOCUMENT = "MARKER-DRAFT-DOCUMENT-9a17"
DRAFT_REVISION = "MARKER-DRAFT-REVISION-50df"
BRAZIL = "MARKER-BRAZIL-PROPOSAL-e3c6"
MEXICO = "MARKER-MEXICO-PROPOSAL-7d42"
EVERY_MARKER = (DRAFT_MEETING, SHARED_MEETING, DRAFT_DOCUMENT, DRAFT_REVISION, BRAZIL, MEXICO)
PUBLIC_ROLES = ("anonymous", "no_role", "secretariat_elsewhere", "bureau_elsewhere")
# Given staff status and every view permission in the admin, to try the admin too.
STAFFED = {"no_role", "delegation", "delegation_elsewhere", "secretariat_elsewhere"}

# What each role may see of the markers; everything else must never reach it.
MAY_SEE: dict[str, set[str]] = {
    **{role: set() for role in PUBLIC_ROLES},
    "delegation": {SHARED_MEETING, BRAZIL},
    "delegation_elsewhere": {SHARED_MEETING, MEXICO},
    "secretariat": set(EVERY_MARKER),
    "bureau": set(EVERY_MARKER),
    "administrator": set(EVERY_MARKER),
}


def _published_with_hidden_things(here: m.Term, bureau: Any) -> tuple[list[m.Meeting], int]:
    """``here`` published; its first meeting a draft, its second shared with member states,
    its third public with a proposal of each delegation; its current document a draft; a
    draft revision approved. Returns the meetings and the revision's number."""
    publish_plan(here, None)
    first, second, third = m.Meeting.objects.select_related("term").filter(term=here)
    m.Meeting.objects.filter(pk=first.pk).update(title=_texts(DRAFT_MEETING))
    m.Meeting.objects.filter(pk=second.pk).update(title=_texts(SHARED_MEETING))
    set_meeting_visibility(first, Visibility.DRAFT, None)
    set_meeting_visibility(second, Visibility.MEMBER_STATES, None)
    document = m.PlanDocument.objects.select_related("term").get(term=here)
    m.PlanDocument.objects.filter(pk=document.pk).update(title=_texts(DRAFT_DOCUMENT))
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
    return [first, second, third], revision.number


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


@pytest.mark.parametrize("role", ROLES)
def test_hidden_things_of_a_published_term_reach_only_those_who_may_see_them(
    terms: tuple[m.Term, m.Term], role: str
) -> None:
    here, elsewhere = terms
    bureau = make_user("bureau", here, elsewhere)
    meetings, number = _published_with_hidden_things(here, bureau)
    urls = _urls(here, number)
    for meeting in meetings:
        urls += [
            reverse("calendar:meeting", args=[here.slug, meeting.key]),
            reverse("suggestions:meeting", args=[here.slug, meeting.key]),
        ]
    urls.append(f"/terms/{here.slug}/document/compare/?a={number}&b={number}")
    urls += _admin_urls(meetings, number)
    secretariat = make_user("secretariat", here, elsewhere)
    assert set(_found(_client(secretariat), urls, EVERY_MARKER)) == set(EVERY_MARKER)
    if role in {"secretariat", "bureau"}:
        user = secretariat if role == "secretariat" else bureau
    elif role in STAFFED:
        user = _as_staff(make_user(role, here, elsewhere))
    else:
        user = make_user(role, here, elsewhere)
    found = _found(_client(user), urls, EVERY_MARKER)
    leaks = {marker: where for marker, where in found.items() if marker not in MAY_SEE[role]}
    assert leaks == {}
    assert set(found) == MAY_SEE[role]


def test_a_published_term_shows_its_markers_to_the_public(
    terms: tuple[m.Term, m.Term], client: Client
) -> None:
    here, _ = terms
    _mark(here)
    publish_plan(here, None)
    set_publication(here, False, None)
    set_publication(here, True, None)
    content = client.get(f"/calendar/{here.slug}/").content
    assert MARKERS[0].encode() in content


def test_a_draft_feed_is_never_kept_by_a_shared_cache(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    set_publication(here, False, None)
    client = Client()
    client.force_login(make_user("secretariat", here, elsewhere))  # type: ignore[arg-type]
    response = client.get(f"/calendar/{here.slug}/feed.en.ics")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
