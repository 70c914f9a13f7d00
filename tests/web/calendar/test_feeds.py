"""The calendar feeds on the web: same code as the plan-file render, ETags and 304."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import icalendar
import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comitia.plan import Text
from comitia.render.ics import FeedWriter, build_feed
from comitia.web.access.operations import publish_plan, set_meeting_visibility
from comitia.web.calendar import operations
from comitia.web.calendar.feed_rows import TABLES
from comitia.web.calendar.models import FeedChange, FeedStamp
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, save_plan

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


# Each table a feed reads, changed in raw SQL (``%(term)s`` is the term's id): a change the
# application never sees. Some need a first change (``setup``) before the feed is served, for
# the second to show.
SQL_CHANGES: dict[str, tuple[str, ...]] = {
    "plans_term": ("UPDATE plans_term SET label = '2019-2020 bis' WHERE id = %(term)s",),
    "plans_plandocument": (
        "UPDATE plans_plandocument SET approved_on = '2019-12-02' WHERE term_id = %(term)s",
    ),
    "plans_body": (
        'UPDATE plans_body SET name = \'{"fr": "Département renommé"}\' '
        "WHERE term_id = %(term)s AND key = 'dtoc'",
    ),
    "plans_thematicarea": (
        # Area headings without a title of their own show their area's.
        "UPDATE plans_agendanode SET title = NULL WHERE term_id = %(term)s AND kind = 'area'",
        'UPDATE plans_thematicarea SET title = \'{"fr": "Domaine renommé"}\' '
        "WHERE term_id = %(term)s",
    ),
    "plans_mandate": (
        "UPDATE plans_mandate SET source = 'Source renommée' "
        "WHERE term_id = %(term)s AND key = 'ag-res-2945'",
    ),
    "plans_meeting": (
        "UPDATE plans_meeting SET \"end\" = '17:45' "
        "WHERE term_id = %(term)s AND key = 'csh-2019-11-07'",
    ),
    "plans_previousdate": (
        "UPDATE plans_previousdate SET date = '2020-01-29' WHERE meeting_id IN "
        "(SELECT id FROM plans_meeting WHERE term_id = %(term)s)",
    ),
    "plans_agendanode": (
        "UPDATE plans_agendanode SET documents = '[\"CP/CSH-9999/20\"]' "
        "WHERE id = (SELECT max(id) FROM plans_agendanode WHERE term_id = %(term)s)",
    ),
    "plans_agendapresenter": (
        "UPDATE plans_agendapresenter SET body_id = "
        "(SELECT id FROM plans_body WHERE term_id = %(term)s AND key = 'dtoc') "
        "WHERE id = (SELECT min(p.id) FROM plans_agendapresenter p "
        "JOIN plans_agendanode n ON n.id = p.node_id WHERE n.term_id = %(term)s)",
    ),
    "plans_citation": (
        "UPDATE plans_citation SET paragraphs = '[\"77\"]' WHERE id = "
        "(SELECT min(id) FROM plans_citation WHERE term_id = %(term)s AND node_id IS NOT NULL)",
    ),
    "plans_activity": (
        'UPDATE plans_activity SET venue = \'{"fr": "Salle renommée"}\' '
        "WHERE id = (SELECT min(id) FROM plans_activity WHERE term_id = %(term)s)",
    ),
    "plans_reportingobligation": (
        "UPDATE plans_reportingobligation SET channel = 'par courrier' "
        "WHERE term_id = %(term)s AND key = 'mecs-liste'",
    ),
}


def test_every_table_a_feed_reads_is_changed_in_raw_sql_below() -> None:
    assert set(SQL_CHANGES) == {model._meta.db_table for model in TABLES}


def _sql(statement: str, term: m.Term) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement % {"term": term.pk})


@pytest.mark.parametrize("table", sorted(SQL_CHANGES))
def test_a_change_made_in_raw_sql_shows_in_the_next_feed(
    client: Client, model_term: m.Term, table: str
) -> None:
    *setup, change = SQL_CHANGES[table]
    for statement in setup:
        _sql(statement, model_term)
    _change_then_serve(client, model_term, "delegations", lambda: _sql(change, model_term))


def test_a_meeting_added_shows_in_its_place(client: Client, model_term: m.Term, staff: Any) -> None:
    def change() -> None:
        fields = {"date": dt.date(2019, 11, 7), "start": dt.time(9), "end": dt.time(10)}
        meeting = operations.create_meeting(model_term, fields, "fr", staff)
        set_meeting_visibility(meeting, m.Visibility.PUBLIC, None)  # a draft until then

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
        m.Meeting.objects.filter(term=model_term, key="csh-2019-10-24").update(sequence=9)
        assert _served(client, "feed") != before
        transaction.set_rollback(True)
    assert _served(client, "feed") == before == _from_scratch(model_term, "feed")


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
    m.ReportingObligation.objects.filter(term=model_term).update(channel="courrier")
    _served(client, "feed")  # the public feed shows no deadline
    assert written == ["csh-2019-10-24"]
    m.Body.objects.filter(term=model_term, key="dtoc").update(name={"fr": "Renommé"})
    _served(client, "feed")
    assert len(written) == 1 + 20


# -- queries ------------------------------------------------------------------------------------


def _reads(client: Client, kind: str = "delegations") -> Counter[str]:
    """How many queries of the request read each table of a feed, or its counter or changes
    (not counting the subqueries of other queries, whose tables Django names U0, U1...)."""
    with CaptureQueriesContext(connection) as captured:
        _served(client, kind)
    tables = [model._meta.db_table for model in (*TABLES, FeedStamp, FeedChange)]
    return Counter(
        table
        for query in captured
        for table in tables
        if re.search(rf'\bFROM "?{table}"?(?! U\d)(\s|$)', query["sql"])
    )


# What the request reads to know what its reader may see (the term in the access middleware,
# then the hidden meetings and whether the document is hidden), whatever the feed.
READER = Counter({"plans_term": 1, "plans_meeting": 1, "plans_plandocument": 1})


def test_an_unchanged_feed_reads_its_counter_and_no_row_it_prints(
    client: Client, model_term: m.Term
) -> None:
    _served(client, "delegations")
    assert _reads(client) == READER + Counter({"calendar_web_feedstamp": 1})


def test_a_feed_reads_each_table_once_whatever_the_number_of_events_it_writes(
    client: Client, model_term: m.Term
) -> None:
    every_table = Counter(model._meta.db_table for model in TABLES)
    assert _reads(client) == READER + every_table + Counter({"calendar_web_feedstamp": 1})

    def changed(keys: list[str]) -> Counter[str]:
        m.Meeting.objects.filter(term=model_term, key__in=keys).update(provisional=True)
        return _reads(client)

    meeting_tables = ["plans_meeting", "plans_previousdate", "plans_agendanode"]
    meeting_tables += ["plans_agendapresenter", "plans_citation"]
    one = changed(["csh-2019-10-24"])
    assert one == READER + Counter(
        ["calendar_web_feedstamp", "calendar_web_feedchange", *meeting_tables]
    )
    assert changed(["csh-2019-11-07", "csh-2019-12-05", "csh-2020-01-23"]) == one
