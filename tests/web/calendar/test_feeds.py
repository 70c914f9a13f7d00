"""The calendar feeds on the web: same code as the plan-file render, ETags and 304."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comitia.plan import Text
from comitia.render.ics import build_feed
from comitia.web.calendar import feeds, operations
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, save_plan
from comitia.web.publication.operations import publish_plan, set_meeting_visibility

from .conftest import SLUG, committed

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
# Each feed keeps its events' text between requests (comitia.web.calendar.feeds), and the
# database's triggers tell which events changed. Every change below is made after the feed was
# served once, straight to the rows (as the admin, a script or raw SQL would) or by operations;
# the next feed must show it, and must be the feed written from scratch.

FEEDS = ["feed", "delegations"]


def _served(client: Client, kind: str, lang: str = "fr") -> bytes:
    response = client.get(f"/calendar/{SLUG}/{kind}.{lang}.ics")
    assert response.status_code == 200
    return response.content


def _from_scratch(term: m.Term, kind: str, lang: str = "fr") -> bytes:
    return build_feed(
        load_plan(m.Term.objects.get(pk=term.pk)),
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


def _saved(rows: Any, **fields: Any) -> None:
    """Each of ``rows`` changed and saved, as an edit saves it (a QuerySet's ``update`` sends
    no signal, and must raise the term's output version itself)."""
    for row in rows:
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()


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
        _saved(m.Meeting.objects.filter(pk=meeting.pk), start=dt.time(15, 30), end=dt.time(17, 0))

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
        _saved(m.AgendaNode.objects.filter(pk=node.pk), title={"fr": "Point renommé pour l’essai"})

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
    assert "présenté par le Département contre la criminalité" not in text
    assert "présenté par le Département renommé pour l’essai" in text


@pytest.mark.parametrize("kind", FEEDS)
def test_a_translation_added_shows_in_the_feed_of_its_language(
    client: Client, model_term: m.Term, kind: str
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    node = m.AgendaNode.objects.filter(meeting=meeting, title__isnull=False).first()
    assert node is not None
    before = _served(client, kind, "es")
    _saved(
        m.AgendaNode.objects.filter(pk=node.pk),
        title={**node.title, "es": "Punto traducido para la prueba"},
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
        client,
        model_term,
        kind,
        lambda: operations.cancel_meeting(meeting, staff, reason="no quorum"),
    )
    event = _event(feed, uid)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] > sequence


def test_a_reporting_obligation_renamed_shows_in_the_delegations_feed(
    client: Client, model_term: m.Term
) -> None:
    def change() -> None:
        _saved(
            m.ReportingObligation.objects.filter(term=model_term, key="mecs-liste"),
            title={"fr": "Liste renommée pour l’essai"},
        )

    feed = _change_then_serve(client, model_term, "delegations", change)
    assert str(_event(feed, "deadline-mecs-liste.")["SUMMARY"]).endswith(
        "Liste renommée pour l’essai"
    )


def test_a_meeting_added_shows_in_its_place(client: Client, model_term: m.Term, staff: Any) -> None:
    def change() -> None:
        fields = {"date": dt.date(2019, 11, 7), "start": dt.time(9), "end": dt.time(10)}
        meeting = operations.create_meeting(model_term, fields, "fr", staff)
        set_meeting_visibility(meeting, Visibility.PUBLIC, None)  # a draft until then

    feed = _change_then_serve(client, model_term, "feed", change)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")]
    assert uids.index("meeting-csh-2019-11-07-2.csh-2019-2020@comitia") == 1


def test_a_meeting_deleted_leaves_the_feed(client: Client, model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2020-05-26")
    feed = _change_then_serve(client, model_term, "feed", meeting.delete)
    assert b"meeting-csh-2020-05-26." not in feed


def test_a_meeting_moved_after_others_moves_in_the_feed(
    client: Client, model_term: m.Term, staff: Any
) -> None:
    meeting = m.Meeting.objects.select_related("term").get(term=model_term, key="csh-2019-10-24")

    def change() -> None:
        operations.move_meeting(meeting, dt.date(2019, 12, 6), "salle occupée", staff, lang="fr")

    feed = _change_then_serve(client, model_term, "feed", change)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")]
    assert uids[:3] == [
        f"meeting-{key}.csh-2019-2020@comitia"
        for key in ("csh-2019-11-07", "csh-2019-12-05", "csh-2019-10-24")
    ]


def test_an_agenda_item_added_then_deleted_shows_then_leaves(
    client: Client, model_term: m.Term, staff: Any
) -> None:
    meeting = m.Meeting.objects.select_related("term").get(term=model_term, key="csh-2019-10-24")
    title = "Point ajouté pour l’essai"

    def add() -> None:
        fields = {"kind": "item", "title": title, "documents": [], "presenters": []}
        operations.save_agenda_item(meeting, None, fields | {"mandate": None}, "fr", staff)

    assert title in _change_then_serve(client, model_term, "feed", add).decode()
    node = m.AgendaNode.objects.filter(meeting=meeting).latest("pk")
    deleted = _change_then_serve(
        client, model_term, "feed", lambda: operations.delete_agenda_item(node, staff)
    )
    assert title not in deleted.decode()


def test_an_activity_added_then_deleted_in_the_admin_shows_then_leaves(
    client: Client, model_term: m.Term, staff: Any
) -> None:
    def add() -> None:
        fields = {"title": "Activité ajoutée pour l’essai", "when": "2020-02-03"}
        operations.save_activity(model_term, None, fields, "fr", staff)

    assert "Activité ajoutée" in _change_then_serve(client, model_term, "feed", add).decode()
    activity = m.Activity.objects.filter(term=model_term).latest("pk")
    admin = Client()
    admin.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))

    def delete() -> None:
        url = reverse("admin:plans_activity_delete", args=[activity.pk])
        assert admin.post(url, {"post": "yes"}).status_code == 302

    assert "Activité ajoutée" not in _change_then_serve(client, model_term, "feed", delete).decode()


def test_a_term_stored_again_under_the_same_id_is_not_served_the_earlier_feed(
    client: Client, model_term: m.Term
) -> None:
    # A rolled-back term's id is used again by the next (on SQLite; PostgreSQL's sequences
    # move on), with a counter that starts again: only the counter's random token differs.
    plan = load_plan(model_term)
    first = plan.model_copy(update={"term": plan.term.model_copy(update={"label": "2029-2030"})})
    with transaction.atomic():
        stored = save_plan(first)
        publish_plan(stored, None)
        earlier = client.get(f"/calendar/{stored.slug}/feed.fr.ics")
        transaction.set_rollback(True)
    elsewhere = Text.model_validate({"fr": "Ailleurs"})
    activities = [a.model_copy(update={"venue": elsewhere}) for a in first.activities]
    second = save_plan(first.model_copy(update={"activities": activities}))
    publish_plan(second, None)
    again = client.get(f"/calendar/{second.slug}/feed.fr.ics")
    assert earlier.status_code == again.status_code == 200
    assert again.content != earlier.content
    assert b"LOCATION:Ailleurs" in again.content


def test_a_feed_read_in_a_transaction_rolled_back_is_not_served_after(
    client: Client, model_term: m.Term
) -> None:
    # The feed kept inside the transaction was written at a counter the rollback takes back.
    before = _served(client, "feed")
    with transaction.atomic():
        _saved(m.Meeting.objects.filter(term=model_term, key="csh-2019-10-24"), sequence=9)
        assert _served(client, "feed") != before
        transaction.set_rollback(True)
    assert _served(client, "feed") == before == _from_scratch(model_term, "feed")


def test_an_unchanged_feed_reads_no_row_it_prints(client: Client, model_term: m.Term) -> None:
    _served(client, "delegations")
    with CaptureQueriesContext(connection) as captured:
        again = client.get(f"/calendar/{SLUG}/delegations.fr.ics")
    assert again.status_code == 200
    read = " ".join(query["sql"] for query in captured)
    # The public's kept answer: not even the term (its version from the shared cache).
    for table in ("plans_term", "plans_meeting", "plans_activity", "plans_agendanode"):
        assert f'FROM "{table}"' not in read


def test_a_feed_kept_is_served_again_until_a_write_raises_the_version(
    client: Client, model_term: m.Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real = feeds.build_feed

    def counted(*args: Any, **kwargs: Any) -> bytes:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(feeds, "build_feed", counted)
    first = _served(client, "feed")
    assert _served(client, "feed") == first and len(built) == 1
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    meeting.sequence = 7
    meeting.save()
    assert _served(client, "feed") != first and len(built) == 2  # not kept: not committed
    committed()
    assert _served(client, "feed") != first and len(built) == 3
    assert _served(client, "feed") != first and len(built) == 3
