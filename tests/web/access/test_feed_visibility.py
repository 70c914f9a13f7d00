"""The feeds hold only what their reader may see, and a feed cached for one level is never
served to another."""

from __future__ import annotations

from django.test import Client

from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.operations import set_meeting_visibility

from .conftest import make_user, publish_with_hidden_meetings

DRAFT, SHARED = "FEED-DRAFT-MEETING-1c9e", "FEED-SHARED-MEETING-82ad"


def _feed(user: object, slug: str, name: str = "feed") -> tuple[str, str, str]:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    response = client.get(f"/calendar/{slug}/{name}.en.ics")
    assert response.status_code == 200
    return response.content.decode(), response["ETag"], response["Cache-Control"]


def test_each_level_gets_its_own_feed_whatever_was_cached_first(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_with_hidden_meetings(here, DRAFT, SHARED)
    insider, _, insider_cache = _feed(make_user("secretariat", here, elsewhere), here.slug)
    delegation, _, delegation_cache = _feed(make_user("delegation", here, elsewhere), here.slug)
    public, public_tag, public_cache = _feed(None, here.slug)
    assert DRAFT in insider and SHARED in insider
    assert DRAFT not in delegation and SHARED in delegation
    assert DRAFT not in public and SHARED not in public
    assert public.count("BEGIN:VEVENT") == insider.count("BEGIN:VEVENT") - 2
    assert "private" in insider_cache and "private" in delegation_cache
    assert "public" in public_cache
    # The public's validator does not match the delegation's feed, nor the other way round.
    client = Client()
    client.force_login(make_user("no_role", here, elsewhere))  # type: ignore[arg-type]
    again = client.get(f"/calendar/{here.slug}/feed.en.ics", HTTP_IF_NONE_MATCH=public_tag)
    assert again.status_code == 304
    delegate = Client()
    delegate.force_login(make_user("delegation_elsewhere", here, elsewhere))  # type: ignore[arg-type]
    fresh = delegate.get(f"/calendar/{here.slug}/feed.en.ics", HTTP_IF_NONE_MATCH=public_tag)
    assert fresh.status_code == 200 and SHARED in fresh.content.decode()


def test_the_delegations_feed_follows_the_same_rule(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    publish_with_hidden_meetings(here, DRAFT, SHARED)
    public, _, _ = _feed(None, here.slug, "delegations")
    delegation, _, _ = _feed(make_user("delegation", here, elsewhere), here.slug, "delegations")
    assert SHARED not in public and SHARED in delegation and DRAFT not in delegation


def test_publishing_a_meeting_shows_at_once_in_the_public_feed(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, _ = terms
    publish_with_hidden_meetings(here, DRAFT, SHARED)
    assert SHARED not in _feed(None, here.slug)[0]
    second = m.Meeting.objects.select_related("term").filter(term=here)[1]
    set_meeting_visibility(second, Visibility.PUBLIC, None)
    assert SHARED in _feed(None, here.slug)[0]
