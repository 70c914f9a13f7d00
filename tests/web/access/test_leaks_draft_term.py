"""Nothing of a draft term reaches a role that may not see it, on any route or channel.

Unique marker strings are written into a draft term's meetings, activities and document
(everything in it public, the term itself a draft). Every route is requested by every role
that may not see the term (pages, lists, filters, feeds in each language, the CSV export,
downloads, revision files and their comparison, the proposals pages) after the secretariat's
own requests have filled the caches; no answer may hold a marker, and the secretariat's hold
them all (so that the test can fail).

The scene is built and the secretariat's requests made once for the module (see
tests/web/module_data.py); each role's test rolls back what it writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from django.test import Client

from comitia.web.documents.operations import approve_revision
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan, set_publication
from tests.web.module_data import kept_for_module
from tests.web.publishing import committed

from .conftest import make_user, signed_in, store_terms
from .leaks import _empty_cache, every_url, found, texts

__all__ = ["_empty_cache"]

MARKERS = ("MARKER-MEETING-7f3a", "MARKER-ACTIVITY-91c2", "MARKER-DOCUMENT-5d0e")
BLIND = (
    "anonymous",
    "no_role",
    "delegation",
    "delegation_elsewhere",
    "secretariat_elsewhere",
    "bureau_elsewhere",
)


class Scene(NamedTuple):
    here: m.Term
    elsewhere: m.Term
    urls: list[str]
    secretariat: Any


def _mark(term: m.Term) -> None:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    activity = m.Activity.objects.filter(term=term).first()
    assert meeting is not None and activity is not None
    m.Meeting.objects.filter(pk=meeting.pk).update(title=texts(MARKERS[0]))
    m.Activity.objects.filter(pk=activity.pk).update(title=texts(MARKERS[1]))
    m.PlanDocument.objects.filter(term=term).update(title=texts(MARKERS[2]))


def _build() -> Scene:
    here, elsewhere = store_terms()
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
    urls = every_url(here, revision.number)
    secretariat = make_user("secretariat", here, elsewhere)
    # What the scene wrote counts as committed, so that what the secretariat reads is kept.
    committed()
    # The secretariat sees the markers, and fills the caches.
    assert set(found(signed_in(secretariat), urls, MARKERS)) == set(MARKERS)
    return Scene(here, elsewhere, urls, secretariat)


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any) -> Iterator[Scene]:
    yield from kept_for_module(django_db_blocker, _build)


@pytest.mark.parametrize("role", BLIND)
def test_no_marker_of_a_draft_term_reaches_a_role_that_may_not_see_it(
    scene: Scene, db: None, role: str
) -> None:
    reader = signed_in(make_user(role, scene.here, scene.elsewhere))
    assert found(reader, scene.urls, MARKERS) == {}


def test_a_published_term_shows_its_markers_to_the_public(
    scene: Scene, db: None, client: Client
) -> None:
    here = m.Term.objects.get(pk=scene.here.pk)
    set_publication(here, True, None)
    content = client.get(f"/calendar/{here.slug}/").content
    assert MARKERS[0].encode() in content


def test_a_draft_feed_is_never_kept_by_a_shared_cache(scene: Scene, db: None) -> None:
    response = signed_in(scene.secretariat).get(f"/calendar/{scene.here.slug}/feed.en.ics")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
