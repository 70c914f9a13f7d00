"""The rows a term's feed prints: those of every event, or of some events only.

A feed event (a meeting's VEVENT, an activity's, a yearly deadline's) is written from its own
rows and from what every event shares (``SHARED``: the term's document, bodies, thematic areas
and mandates, and the term's own row). A meeting's rows are its row, its earlier dates, its
agenda nodes and their presenters and citations; an activity's, its row and its citations; a
deadline's, its reporting obligation's row. Each table is read with one query, in the order of
``term_rows``, whatever the number of events.

Every table named here has the triggers of ``feed_triggers``, which record a change to any of
its rows (tests/web/calendar/test_feed_triggers.py checks it for ``TABLES``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from django.db.models import Q, QuerySet

from comitia.web.plans import models as m
from comitia.web.plans.convert import rows_in_order, term_rows

from .models import ACTIVITY, DEADLINE, MEETING

# What every event prints besides its own rows (and the term's row).
SHARED = (m.PlanDocument, m.Body, m.ThematicArea, m.Mandate)
# Each table of events' rows, with the kind of event its rows belong to and the path from a
# row to that event's id. Citations belong to a meeting's agenda node or to an activity.
EVENT_TABLES: dict[type[Any], tuple[str, str]] = {
    m.Meeting: (MEETING, "pk"),
    m.PreviousDate: (MEETING, "meeting_id"),
    m.AgendaNode: (MEETING, "meeting_id"),
    m.AgendaPresenter: (MEETING, "node__meeting_id"),
    m.Activity: (ACTIVITY, "pk"),
    m.ReportingObligation: (DEADLINE, "pk"),
}
TABLES = (m.Term, *SHARED, *EVENT_TABLES, m.Citation)

Owners = Mapping[str, Collection[int]]


class FeedRows:
    """The rows of ``term``'s events of the kinds in ``kinds`` (all of them), or with
    ``owners`` only those of the events named (by kind, their ids), with the ``shared`` rows
    given or read. ``rows(model)`` gives them to ``plan_of_rows``; ``events[kind]`` holds the
    row of each event found, so an id named in ``owners`` but absent is an event deleted."""

    def __init__(
        self,
        term: m.Term,
        kinds: Collection[str],
        owners: Owners | None = None,
        shared: Mapping[type[Any], list[Any]] | None = None,
    ) -> None:
        self.tables: dict[type[Any], list[Any]] = dict(shared or {})
        if shared is None:
            self.tables.update({model: list(term_rows(model, term)) for model in SHARED})
        for model, (kind, path) in EVENT_TABLES.items():
            if kind not in kinds:
                continue
            if owners is None:
                self.tables[model] = list(term_rows(model, term))
            elif owners.get(kind):
                self.tables[model] = list(_owned(model, path, term, owners[kind]))
        if owners is None:
            self.tables[m.Citation] = list(term_rows(m.Citation, term))
        elif owners.get(MEETING) or owners.get(ACTIVITY):
            # The citations of the meetings' agenda nodes and of the activities.
            nodes = m.AgendaNode.objects.filter(meeting_id__in=owners.get(MEETING, ()))
            cited = Q(node__in=nodes.values("pk")) | Q(activity_id__in=owners.get(ACTIVITY, ()))
            self.tables[m.Citation] = list(rows_in_order(m.Citation).filter(cited))
        self.events: dict[str, dict[str, Any]] = {
            kind: {row.key: row for row in self.tables.get(model, [])}
            for kind, model in (
                (MEETING, m.Meeting),
                (ACTIVITY, m.Activity),
                (DEADLINE, m.ReportingObligation),
            )
        }

    def rows(self, model: type[Any]) -> list[Any]:
        return self.tables.get(model, [])

    @property
    def shared(self) -> dict[type[Any], list[Any]]:
        return {model: self.tables[model] for model in SHARED}


def _owned(model: type[Any], path: str, term: m.Term, ids: Collection[int]) -> QuerySet[Any]:
    """The rows of ``model`` that belong to the events ``ids`` of ``term``.

    An event's own row is searched by its id and term (an event moved to another term is no
    longer this term's); the rows under it by the event's id alone, which SQLite finds by its
    index, where the term's index would lead it through every row of the term.
    """
    rows = rows_in_order(model).filter(**{f"{path}__in": ids})
    return rows.filter(term=term) if path == "pk" else rows
