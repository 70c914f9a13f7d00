"""What the report pages show, read with a fixed number of queries whatever the size.

Statuses come from ``comitia.plan.reporting``; submissions are those recorded here
(``reports.Submission``) and those a plan file states (``plans.Submission``), the recorded one
winning for the same state and cycle.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from comitia.plan.reporting import Cycle, Status, rate, status
from comitia.web.plans import models as m

from .models import Submission


@dataclass(frozen=True)
class Received:
    """A report received: when, and the recorded submission if it was recorded here."""

    day: dt.date
    submission: Submission | None = None


@dataclass
class Row:
    """One obligation of the term and its cycle rules."""

    obligation: m.ReportingObligation
    cycle: Cycle

    @property
    def parties_known(self) -> bool:
        return self.cycle.parties.value == "member_states" or self.cycle.states_parties is not None


@dataclass(frozen=True)
class Cell:
    state: str
    row: Row
    status: Status
    received: Received | None


@dataclass
class Matrix:
    """Statuses of states × obligations for cycle ``year``, as of ``today``."""

    term: m.Term
    year: int
    today: dt.date
    states: tuple[str, ...]
    rows: list[Row]
    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)

    def cell(self, state: str, row: Row) -> Cell:
        return self.cells[(state, row.obligation.pk)]

    def by_state(self) -> list[tuple[str, list[Cell]]]:
        return [(state, [self.cell(state, row) for row in self.rows]) for state in self.states]


def obligation_rows(term: m.Term) -> list[Row]:
    """The term's obligations with their cycle rules (one query)."""
    obligations = m.ReportingObligation.objects.filter(term=term).select_related("convention")
    return [
        Row(o, Cycle.of(o, o.convention.states_parties if o.convention else None))
        for o in obligations.order_by("position", "pk")
    ]


def received_reports(
    term: m.Term,
    years: Iterable[int] | None = None,
    states: Iterable[str] | None = None,
    *,
    documents: bool = False,
) -> dict[tuple[int, str, int], Received]:
    """Reports received, by (obligation id, state, cycle): two queries. With ``documents``,
    each recorded one comes with its submission (symbol, link, file); without, only its day,
    read as plain values (the matrix of ten years reads thousands)."""
    found: dict[tuple[int, str, int], Received] = {}
    from_plan = m.Submission.objects.filter(obligation__term=term)
    if states is not None:
        from_plan = from_plan.filter(state__in=list(states))
    wanted = None if years is None else set(years)
    for obligation_id, state, day, cycle in from_plan.values_list(
        "obligation_id", "state", "date", "cycle"
    ):
        year = cycle if cycle is not None else day.year
        if wanted is None or year in wanted:
            found[(obligation_id, state, year)] = Received(day)
    recorded = Submission.objects.filter(obligation__term=term)
    if wanted is not None:
        recorded = recorded.filter(cycle__in=sorted(wanted))
    if states is not None:
        recorded = recorded.filter(state__in=list(states))
    if documents:
        for submission in recorded.select_related("obligation"):
            found[(submission.obligation_id, submission.state, submission.cycle)] = Received(
                submission.received, submission
            )
    else:
        for obligation_id, state, cycle, day in recorded.values_list(
            "obligation_id", "state", "cycle", "received"
        ):
            found[(obligation_id, state, cycle)] = Received(day)
    return found


def matrix(
    term: m.Term,
    year: int,
    today: dt.date,
    states: Iterable[str],
    *,
    rows: list[Row] | None = None,
    documents: bool = False,
) -> Matrix:
    """The matrix of ``states`` × the term's obligations for ``year`` (three queries)."""
    states = tuple(states)
    rows = obligation_rows(term) if rows is None else rows
    received = received_reports(term, [year], states, documents=documents)
    result = Matrix(term, year, today, states, rows)
    for row in rows:
        for state in states:
            got = received.get((row.obligation.pk, state, year))
            result.cells[(state, row.obligation.pk)] = Cell(
                state, row, status(row.cycle, state, year, got.day if got else None, today), got
            )
    return result


@dataclass(frozen=True)
class Rate:
    year: int
    received: int
    owed: int

    @property
    def percent(self) -> int | None:
        return None if not self.owed else round(100 * self.received / self.owed)


def rates(
    term: m.Term, years: Iterable[int], today: dt.date, states: Iterable[str]
) -> list[tuple[Row, list[Rate]]]:
    """Per obligation, for each of ``years``, the reports received among those owed (three
    queries)."""
    years = sorted(set(years))
    states = tuple(states)
    rows = obligation_rows(term)
    received = received_reports(term, years)
    table = []
    for row in rows:
        line = []
        for year in years:
            statuses = []
            for state in states:
                got = received.get((row.obligation.pk, state, year))
                statuses.append(status(row.cycle, state, year, got.day if got else None, today))
            line.append(Rate(year, *rate(statuses)))
        table.append((row, line))
    return table


def years_with_reports(term: m.Term) -> list[int]:
    """The cycles the term's reports were received for, and the term's own years."""
    years = set(range(term.start.year, term.end.year + 1))
    years |= set(
        Submission.objects.filter(obligation__term=term).values_list("cycle", flat=True).distinct()
    )
    for day, cycle in m.Submission.objects.filter(obligation__term=term).values_list(
        "date", "cycle"
    ):
        years.add(cycle if cycle is not None else day.year)
    return sorted(years)


def counts_by_status(cells: Iterable[Cell]) -> dict[Status, int]:
    counts: dict[Status, int] = defaultdict(int)
    for cell in cells:
        counts[cell.status] += 1
    return counts
