"""The database records every change to a row a feed prints: each table a feed reads has its
triggers, which raise the term's counter and name the event changed, and the migration that
installs them can be undone."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from comitia.web.calendar import feed_triggers
from comitia.web.calendar.feed_rows import TABLES
from comitia.web.calendar.models import ACTIVITY, MEETING, SHARED, FeedChange, FeedStamp
from comitia.web.plans import models as m


def _triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {name for (name,) in cursor.fetchall()}


def _expected(tables: list[str]) -> set[str]:
    return {
        feed_triggers.trigger_name(table, event)
        for table in tables
        for event in feed_triggers.EVENTS
    }


@pytest.mark.django_db
def test_every_table_a_feed_reads_has_its_triggers() -> None:
    tables = [model._meta.db_table for model in TABLES]
    assert set(tables) == set(feed_triggers.OWNERS)
    assert _expected(tables) <= _triggers()


def _changes(term: m.Term, since: int) -> set[tuple[str, int]]:
    rows = FeedChange.objects.filter(term=term, n__gt=since)
    return set(rows.values_list("kind", "owner"))


def _counter(term: m.Term) -> int:
    return FeedStamp.objects.get(term=term).n


@pytest.mark.django_db
def test_a_row_changed_names_the_event_it_belongs_to(term: m.Term) -> None:
    meeting = m.Meeting.objects.filter(term=term).first()
    node = m.AgendaNode.objects.filter(meeting=meeting).first()
    activity = m.Activity.objects.filter(term=term).first()
    assert meeting is not None and node is not None and activity is not None
    before = _counter(term)
    m.AgendaPresenter.objects.create(node=node, body=term.committee, position=99)
    m.Citation.objects.create(term=term, activity=activity, symbol="X/1", position=9)
    assert _counter(term) > before
    assert _changes(term, before) == {(MEETING, meeting.pk), (ACTIVITY, activity.pk)}
    before = _counter(term)
    m.Body.objects.filter(pk=term.committee_id).update(acronym={"en": "C"})
    assert _changes(term, before) == {(SHARED, 0)}


@pytest.mark.django_db
def test_a_row_that_belongs_to_no_feed_event_records_nothing(term: m.Term) -> None:
    before = _counter(term)
    m.NonMeetingDay.objects.filter(term=term).update(name={"en": "Holiday"})
    m.Officer.objects.filter(term=term).update(person="Someone Else")
    assert _counter(term) == before and _changes(term, before) == set()


@pytest.mark.django_db
def test_a_term_deleted_takes_its_counter_and_changes_with_it(term: m.Term) -> None:
    from comitia.web.access.models import Publication
    from comitia.web.plans.convert import delete_term

    assert FeedChange.objects.filter(term=term).exists()
    Publication.objects.filter(term=term).delete()
    delete_term(term)
    assert not FeedStamp.objects.filter(term_id=term.pk).exists()
    assert not FeedChange.objects.filter(term_id=term.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_triggers_go_with_their_migration_and_come_back_with_it() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    expected = _expected(list(feed_triggers.OWNERS))
    try:
        executor.migrate([("calendar_web", None)])
        assert not expected & _triggers()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    assert expected <= _triggers()
