"""Nothing of a draft term reaches anyone who may not see drafts, on any route or channel.

Unique marker strings are written into a draft term's meetings, activities and document; every
route is requested by every role that may not see drafts (pages, lists, filters, feeds in each
language, the CSV export, downloads, revision files, the admin), after the secretariat's own
requests have filled the feed cache, and no response may contain a marker.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from comitia.web.access.operations import set_publication
from comitia.web.documents.operations import approve_revision
from comitia.web.plans import models as m

from .conftest import make_user
from .test_matrix import _named_routes, _sample_kwargs, _url

MARKERS = ("MARKER-MEETING-7f3a", "MARKER-ACTIVITY-91c2", "MARKER-DOCUMENT-5d0e")
BLIND = ("anonymous", "no_role", "delegation", "secretariat_elsewhere", "bureau_elsewhere")


def _mark(term: m.Term) -> None:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    activity = m.Activity.objects.filter(term=term).first()
    assert meeting is not None and activity is not None
    m.Meeting.objects.filter(pk=meeting.pk).update(
        title={"en": MARKERS[0], "es": MARKERS[0], "fr": MARKERS[0], "pt": MARKERS[0]}
    )
    m.Activity.objects.filter(pk=activity.pk).update(
        title={"en": MARKERS[1], "es": MARKERS[1], "fr": MARKERS[1], "pt": MARKERS[1]}
    )
    m.PlanDocument.objects.filter(term=term).update(
        title={"en": MARKERS[2], "es": MARKERS[2], "fr": MARKERS[2], "pt": MARKERS[2]}
    )


def _urls(term: m.Term, revision_number: int) -> list[str]:
    sample = _sample_kwargs(term) | {"number": revision_number}
    urls = ["/", "/calendar/", f"/calendar/{term.slug}/?kind=regular"]
    for name, arguments in _named_routes():
        url = _url(name, arguments, sample)
        if url is None or name == "calendar:logout":
            continue
        if name in {"calendar:feed", "calendar:delegations_feed"}:
            urls += [url.replace(".en.ics", f".{lang}.ics") for lang in ("en", "es", "fr", "pt")]
        elif name in {"documents:plan", "documents:download", "documents:revision"}:
            urls += [url, url + "?lang=es"]
        else:
            urls.append(url)
    urls.append(f"/terms/{term.slug}/document/compare/?a={revision_number}&b=current")
    return urls


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
    set_publication(here, False, None)
    urls = _urls(here, revision.number)
    insider = Client()
    insider.force_login(make_user("secretariat", here, elsewhere))  # type: ignore[arg-type]
    seen = set()
    for url in urls:  # the secretariat sees the markers, and fills the feed cache
        content = insider.get(url, follow=True).content
        seen |= {marker for marker in MARKERS if marker.encode() in content}
    assert seen == set(MARKERS)
    outsider = Client()
    user = make_user(role, here, elsewhere)
    if user is not None:
        outsider.force_login(user)
    leaks = []
    for url in urls:
        for method in ("get", "head"):
            response = getattr(outsider, method)(url, follow=True)
            leaks += [f"{method} {url}: {k}" for k in MARKERS if k.encode() in response.content]
    assert leaks == []


def test_a_published_term_shows_its_markers_to_the_public(
    terms: tuple[m.Term, m.Term], client: Client
) -> None:
    here, _ = terms
    _mark(here)
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
