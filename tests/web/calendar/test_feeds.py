"""The calendar feeds on the web: same code as the plan-file render, ETags and 304."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.render.ics import FeedWriter, build_feed
from comitia.web.calendar import operations
from comitia.web.calendar.feeds import EVENTS
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from .conftest import SLUG

pytestmark = pytest.mark.django_db


def test_the_feed_is_the_plan_feed_with_links_back_to_meeting_pages(
    client: Client, model_term: m.Term
) -> None:
    response = client.get(f"/calendar/{SLUG}/feed.fr.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    meetings = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("meeting-")]
    assert len(meetings) == 20
    assert all(
        str(e["URL"]).startswith(f"http://testserver/calendar/{SLUG}/meetings/") for e in meetings
    )
    expected = build_feed(
        load_plan(model_term),
        "fr",
        meeting_url=lambda key: f"http://testserver/calendar/{SLUG}/meetings/{key}/",
        calendar_url=f"http://testserver/calendar/{SLUG}/feed.fr.ics",
    )
    assert response.content == expected


def test_the_delegations_feed_adds_the_reporting_deadlines(
    client: Client, model_term: m.Term
) -> None:
    public = icalendar.Calendar.from_ical(client.get(f"/calendar/{SLUG}/feed.en.ics").content)
    delegations = icalendar.Calendar.from_ical(
        client.get(f"/calendar/{SLUG}/delegations.en.ics").content
    )
    deadlines = [e for e in delegations.walk("VEVENT") if "RRULE" in e]
    assert deadlines and not [e for e in public.walk("VEVENT") if "RRULE" in e]
    assert len(delegations.walk("VEVENT")) == len(public.walk("VEVENT")) + len(deadlines)


def test_an_unchanged_feed_is_answered_not_modified(client: Client, model_term: m.Term) -> None:
    first = client.get(f"/calendar/{SLUG}/feed.es.ics")
    etag = first["ETag"]
    again = client.get(f"/calendar/{SLUG}/feed.es.ics", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    meeting.sequence += 1
    meeting.save()
    changed = client.get(f"/calendar/{SLUG}/feed.es.ics", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_feed_in_another_language_is_not_found(client: Client, model_term: m.Term) -> None:
    assert client.get(f"/calendar/{SLUG}/feed.de.ics").status_code == 404


# -- kept event text is never served stale ------------------------------------------------------
#
# Each feed keeps its events' text between requests (comitia.web.calendar.feeds). Every change
# below is written straight to the rows, as the admin or a script would, after the feed was
# served once; the next feed must show it, and must be the feed written from scratch.

FEEDS = ["feed", "delegations"]


def _served(client: Client, kind: str, lang: str = "fr") -> bytes:
    response = client.get(f"/calendar/{SLUG}/{kind}.{lang}.ics")
    assert response.status_code == 200
    return response.content


def _from_scratch(term: m.Term, kind: str, lang: str = "fr") -> bytes:
    return build_feed(
        load_plan(term),
        lang,
        deadlines=kind == "delegations",
        meeting_url=lambda key: f"http://testserver/calendar/{SLUG}/meetings/{key}/",
        calendar_url=f"http://testserver/calendar/{SLUG}/{kind}.{lang}.ics",
    )


def _event(feed: bytes, uid_start: str) -> icalendar.Event:
    (event,) = [
        e
        for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")
        if str(e["UID"]).startswith(uid_start)
    ]
    return event


def _change_then_serve(client: Client, term: m.Term, kind: str, change: Any) -> bytes:
    before = _served(client, kind)
    change()
    after = _served(client, kind)
    assert after != before
    assert after == _from_scratch(term, kind)
    return after


@pytest.mark.parametrize("kind", FEEDS)
def test_a_meeting_moved_to_another_time_shows_at_its_new_time(
    client: Client, model_term: m.Term, kind: str
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")

    def change() -> None:
        m.Meeting.objects.filter(pk=meeting.pk).update(start=dt.time(15, 30), end=dt.time(17, 0))

    feed = _change_then_serve(client, model_term, kind, change)
    start = _event(feed, "meeting-csh-2019-10-24.")["DTSTART"].dt
    assert (start.date(), start.time()) == (dt.date(2019, 10, 24), dt.time(15, 30))


@pytest.mark.parametrize("kind", FEEDS)
def test_an_agenda_item_renamed_shows_its_new_title(
    client: Client, model_term: m.Term, kind: str
) -> None:
    node = (
        m.AgendaNode.objects.filter(term=model_term, title__isnull=False, depth__gt=0)
        .select_related("meeting")
        .first()
    )
    assert node is not None

    def change() -> None:
        m.AgendaNode.objects.filter(pk=node.pk).update(title={"fr": "Point renommé pour l’essai"})

    feed = _change_then_serve(client, model_term, kind, change)
    description = str(_event(feed, f"meeting-{node.meeting.key}.")["DESCRIPTION"])
    assert "Point renommé pour l’essai" in description


@pytest.mark.parametrize("kind", FEEDS)
def test_a_body_renamed_shows_its_new_name_in_every_event_that_names_it(
    client: Client, model_term: m.Term, kind: str
) -> None:
    # The DTOC has no acronym: the agenda items it presents show its name.
    def change() -> None:
        body = m.Body.objects.get(term=model_term, key="dtoc")
        body.name = {"fr": "Département renommé pour l’essai"}
        body.save()

    feed = _change_then_serve(client, model_term, kind, change)
    text = feed.decode().replace("\r\n ", "")
    assert "présenté par Département contre la criminalité" not in text
    assert "présenté par Département renommé pour l’essai" in text


@pytest.mark.parametrize("kind", FEEDS)
def test_a_translation_added_shows_in_the_feed_of_its_language(
    client: Client, model_term: m.Term, kind: str
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    node = m.AgendaNode.objects.filter(meeting=meeting, title__isnull=False).first()
    assert node is not None
    before = _served(client, kind, "es")
    m.AgendaNode.objects.filter(pk=node.pk).update(
        title={**node.title, "es": "Punto traducido para la prueba"}
    )
    after = _served(client, kind, "es")
    assert after != before and after == _from_scratch(model_term, kind, "es")
    description = str(_event(after, "meeting-csh-2019-10-24.")["DESCRIPTION"])
    assert "Punto traducido para la prueba" in description


@pytest.mark.parametrize("kind", FEEDS)
def test_a_cancelled_meeting_is_marked_cancelled_with_a_higher_sequence(
    client: Client, model_term: m.Term, staff: Any, kind: str
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    uid = "meeting-csh-2019-10-24."
    sequence = _event(_served(client, kind), uid)["SEQUENCE"]
    feed = _change_then_serve(
        client, model_term, kind, lambda: operations.cancel_meeting(meeting, staff)
    )
    event = _event(feed, uid)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] > sequence


def test_a_reporting_obligation_renamed_shows_in_the_delegations_feed(
    client: Client, model_term: m.Term
) -> None:
    def change() -> None:
        m.ReportingObligation.objects.filter(term=model_term, key="mecs-liste").update(
            title={"fr": "Liste renommée pour l’essai"}
        )

    feed = _change_then_serve(client, model_term, "delegations", change)
    assert str(_event(feed, "deadline-mecs-liste.")["SUMMARY"]).endswith(
        "Liste renommée pour l’essai"
    )


def test_a_change_writes_again_only_the_events_it_changes(
    client: Client, model_term: m.Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    _served(client, "feed")
    written: list[str] = []
    meeting_text = FeedWriter.meeting

    def counted(self: FeedWriter, meeting: Any) -> bytes:
        written.append(meeting.id)
        return meeting_text(self, meeting)

    monkeypatch.setattr(FeedWriter, "meeting", counted)
    m.Meeting.objects.filter(term=model_term, key="csh-2019-10-24").update(sequence=7)
    _served(client, "feed")
    assert written == ["csh-2019-10-24"]
    _served(client, "feed")
    assert written == ["csh-2019-10-24"]


def test_a_feed_reads_each_table_once_whether_it_writes_all_some_or_no_events(
    client: Client, model_term: m.Term
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _served(client, "delegations")
        return len(captured)

    EVENTS.clear()
    cold = queries()
    m.Meeting.objects.filter(term=model_term, key="csh-2019-10-24").update(sequence=7)
    changed = queries()
    assert cold == changed == queries()
