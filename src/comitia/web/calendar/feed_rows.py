"""The rows a term's feed prints, read once, grouped by the event that prints them.

A feed event (a meeting's VEVENT, an activity's, a yearly deadline's) is written from its own
rows and from what every event shares: the term, its document, its bodies, thematic areas and
mandates. Each event carries its own rows, every column, as the database returns them (its
``source``), and the shared rows are summed up in one digest (``shared``); so a change to
anything an event could print (its time, an agenda item's title, a body's name, a
translation, a cancellation) changes its source or the digest, whoever made the change and
however (operations, the admin, a script).

Rows are kept as fetched, before Django converts them: turning JSON text and dates into
Python values costs more than the rest. Only the rows of events whose text is not kept
already are converted, into model instances, and read into a plan with ``plan_of_rows``.

A table's rows are fetched with the SQL of its queryset (``term_rows``) and converted with
the queryset's own compiler (``results_iter`` on the rows fetched, then ``Model.from_db``):
Django's steps for a queryset, taken apart so that rows can be compared before they are
converted. One query per table, whatever the size of the term.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections, router

from comitia.web.plans import models as m
from comitia.web.plans.convert import term_rows

# What every event prints besides its own rows.
SHARED = (m.PlanDocument, m.Body, m.ThematicArea, m.Mandate)
# What feed events are read from; the other tables of a term are never printed in a feed.
EVENT_TABLES = (m.Meeting, m.PreviousDate, m.AgendaNode, m.AgendaPresenter, m.Citation)


def _digest(*parts: object) -> str:
    # pickle writes the values faithfully (equal pickles, equal values), faster than repr.
    return hashlib.blake2b(pickle.dumps(parts, 5), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=64)
def _statement(model: type[Any], alias: str, vendor: str) -> str:
    """The SQL of ``term_rows(model, term)``, whose one parameter is the term's id.

    Compiling a queryset costs about as much as running it on a small table; the statement
    is the same for every term, so it is compiled once (per database and its vendor).
    """
    sql, params = term_rows(model, m.Term(pk=-1)).query.sql_with_params()
    if tuple(params) != (-1,):
        raise RuntimeError(f"the rows of {model.__name__} are not selected by the term alone")
    return sql


class _Table:
    """One table's rows of the term as fetched (``raw``), convertible to model instances."""

    def __init__(self, model: type[Any], term: m.Term) -> None:
        self.model = model
        self.db = router.db_for_read(model)
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(_statement(model, self.db, connection.vendor), [term.pk])
            self.raw: list[tuple[Any, ...]] = cursor.fetchall()
        self.names = [f.attname for f in model._meta.concrete_fields]
        self.pk_at = self.column(model._meta.pk.attname)

    def column(self, name: str) -> int:
        return self.names.index(name)

    @functools.cached_property
    def _compiler(self) -> Any:
        # Only to convert rows: set up, a compiler knows each column's converters. They depend
        # on the columns alone, which are those of term_rows without its filter and order
        # (the costly part to build).
        compiler = self.model._base_manager.all().query.get_compiler(using=self.db)
        compiler.setup_query()
        return compiler

    def values(self, names: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The columns ``names`` of every row, converted as the queryset would convert them."""
        columns = [self.column(name) for name in names]
        compiler = self._compiler
        fields = [s[0] for s in compiler.select[: compiler.col_count]]
        converters = {
            at: found for at, found in compiler.get_converters(fields).items() if at in columns
        }
        rows = compiler.apply_converters(self.raw, converters) if converters else self.raw
        return [tuple(row[at] for at in columns) for row in rows]

    def instances(self, rows: Iterable[tuple[Any, ...]]) -> list[Any]:
        """``rows`` (some of ``raw``) as model instances, as the queryset would give them."""
        converted = self._compiler.results_iter(results=[list(rows)])
        return [self.model.from_db(self.db, self.names, values) for values in converted]


@dataclass
class FeedEvent:
    """A meeting, activity or reporting obligation: its kind, its identifier, and its rows
    (``source``) as fetched, table by table. Two events whose sources are equal print the
    same text, given the same shared rows."""

    kind: str
    key: str
    rows: dict[type[Any], list[tuple[Any, ...]]] = field(repr=False)

    @property
    def source(self) -> list[list[tuple[Any, ...]]]:
        return list(self.rows.values())


class FeedRows:
    """The rows of ``term`` that its feed prints, with its events in the feed's order:
    meetings by day, start and identifier, then activities and (with ``deadlines``) the
    reporting obligations in the plan's order. ``shared`` is a digest of the rows that every
    event may print (the term, its document, bodies, thematic areas and mandates)."""

    def __init__(self, term: m.Term, *, deadlines: bool) -> None:
        self.term = term
        models = SHARED + EVENT_TABLES + (m.Activity,)
        if deadlines:
            models += (m.ReportingObligation,)
        self.tables = {model: _Table(model, term) for model in models}
        shared_rows = [self.tables[model].raw for model in SHARED]
        term_row = [getattr(term, f.attname) for f in m.Term._meta.concrete_fields]
        self.shared = _digest(term_row, shared_rows)
        self.events = self._meetings() + self._activities()
        if deadlines:
            self.events += self._singles(m.ReportingObligation, "deadline")

    def _meetings(self) -> list[FeedEvent]:
        t = self.tables
        meetings, nodes = t[m.Meeting], t[m.AgendaNode]
        # Each meeting's rows, table by table, in EVENT_TABLES' order.
        rows: dict[Any, dict[type[Any], list[tuple[Any, ...]]]] = {
            row[meetings.pk_at]: {model: [] for model in EVENT_TABLES} for row in meetings.raw
        }
        for row in meetings.raw:
            rows[row[meetings.pk_at]][m.Meeting].append(row)
        for model in (m.PreviousDate, m.AgendaNode):
            at = t[model].column("meeting_id")
            for row in t[model].raw:
                rows[row[at]][model].append(row)
        at = nodes.column("meeting_id")
        meeting_of_node = {row[nodes.pk_at]: row[at] for row in nodes.raw}
        for model in (m.AgendaPresenter, m.Citation):
            at = t[model].column("node_id")
            for row in t[model].raw:
                if row[at] is not None:
                    rows[meeting_of_node[row[at]]][model].append(row)
        key_at = meetings.column("key")
        events = [
            FeedEvent("meeting", row[key_at], rows[row[meetings.pk_at]]) for row in meetings.raw
        ]
        # The order of build_feed (comitia.render.ics.meeting_order), on converted values.
        # SQLite (as Django connects to it) and PostgreSQL give dates and times already;
        # converting them as the queryset would costs more than the rest of this method.
        date_at, start_at = meetings.column("date"), meetings.column("start")
        days = [(row[date_at], row[start_at]) for row in meetings.raw]
        if not all(isinstance(d, dt.date) and isinstance(s, dt.time) for d, s in days):
            days = meetings.values(("date", "start"))
        order = {event.key: (*day, event.key) for event, day in zip(events, days, strict=True)}
        return sorted(events, key=lambda event: order[event.key])

    def _activities(self) -> list[FeedEvent]:
        citations = self.tables[m.Citation]
        at = citations.column("activity_id")
        cited: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
        for row in citations.raw:
            if row[at] is not None:
                cited[row[at]].append(row)
        activities = self.tables[m.Activity]
        key_at, pk_at = activities.column("key"), activities.pk_at
        return [
            FeedEvent("activity", row[key_at], {m.Activity: [row], m.Citation: cited[row[pk_at]]})
            for row in activities.raw
        ]

    def _singles(self, model: type[Any], kind: str) -> list[FeedEvent]:
        table = self.tables[model]
        key_at = table.column("key")
        return [FeedEvent(kind, row[key_at], {model: [row]}) for row in table.raw]

    def part(self, events: Iterable[FeedEvent]) -> _Part:
        """The tables of ``events`` alone, with every shared row, for ``plan_of_rows``."""
        chosen: dict[type[Any], list[tuple[Any, ...]]] = defaultdict(list)
        for event in events:
            for model, rows in event.rows.items():
                chosen[model].extend(rows)
        return _Part(self, chosen)


class _Part:
    def __init__(self, rows: FeedRows, chosen: dict[type[Any], list[tuple[Any, ...]]]) -> None:
        self.feed_rows = rows
        self.chosen = chosen

    def rows(self, model: type[Any]) -> list[Any]:
        table = self.feed_rows.tables.get(model)
        if table is None:
            return []
        if model in SHARED:
            return table.instances(table.raw)
        # Each event's rows are in the table's order; the plan is read owner by owner (its
        # agenda items by meeting and parent, and so on), so events may come in any order.
        return table.instances(self.chosen.get(model, []))
