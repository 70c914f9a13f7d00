"""Planned cost against appropriations, per budget period, sub-period and month.

Each appropriation is a period with an amount; the parts it names (its semesters) are
periods without one. A meeting counts against the narrowest period that holds its day and has
an amount; every period shows the meetings within it, so an enclosing year shows the ones
counted against its sub-periods too, for information. Only the days of a period within the
term are planned: ``planned_from`` and ``planned_to`` say which.

For every period ``planned`` is the exact sum of its meetings' costs, and ``balance`` is
``appropriation - planned``; the months of a period add up to its planned cost.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from comitia.budget.costs import ZERO, CostBasis, MeetingCost, cost_under, rates_for
from comitia.dates import FuzzyDate
from comitia.plan import Appropriation, CostRates, Plan

_SHARE = Decimal("0.0001")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class PeriodBudget:
    """One period: its appropriation (None for a part without one) and what is planned in it."""

    id: str
    period: FuzzyDate
    start: dt.date
    end: dt.date
    currency: str
    basis: str
    appropriation: Decimal | None
    within: str | None  # the period this one is a part or sub-period of
    meetings: tuple[MeetingCost, ...]  # within the period, by date
    counted: tuple[str, ...]  # ids of the meetings counted against this period itself
    planned_from: dt.date
    planned_to: dt.date
    planned: Decimal  # the sum of its meetings' costs

    @property
    def balance(self) -> Decimal | None:
        return None if self.appropriation is None else self.appropriation - self.planned

    @property
    def share_used(self) -> Decimal | None:
        """planned / appropriation, to four places (0.4312 is 43.12 %)."""
        if not self.appropriation:
            return None
        return (self.planned / self.appropriation).quantize(_SHARE, ROUND_HALF_EVEN)

    @property
    def over(self) -> Decimal:
        """By how much the planned cost exceeds the appropriation (zero when it does not)."""
        balance = self.balance
        return -balance if balance is not None and balance < 0 else ZERO

    def months(self) -> list[tuple[str, Decimal]]:
        """("2019-10", planned cost) for each month of the period within the term, in order."""
        totals: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
        for cost in self.meetings:
            totals[cost.meeting.date.year, cost.meeting.date.month] += cost.counted
        return [
            (f"{year:04d}-{month:02d}", totals[year, month])
            for year, month in _months(self.planned_from, self.planned_to)
        ]


@dataclass(frozen=True)
class Budget:
    """The whole plan's budget: its periods, and the meetings no period or rate holds."""

    periods: tuple[PeriodBudget, ...]
    costs: tuple[MeetingCost, ...]  # every meeting, by date
    placed: dict[str, str]  # meeting id -> the period it is counted against

    @property
    def unplaced(self) -> list[MeetingCost]:
        """Meetings that cost something but fall in no period with an amount."""
        return [
            cost
            for cost in self.costs
            if cost.meeting.id not in self.placed
            and cost.basis not in (CostBasis.CANCELLED, CostBasis.PAID_BY_OTHER)
        ]

    @property
    def unrated(self) -> list[MeetingCost]:
        """Meetings counted against a period whose cost no rate gives."""
        return [
            cost
            for cost in self.costs
            if cost.basis is CostBasis.NO_RATE and cost.meeting.id in self.placed
        ]

    def period(self, period_id: str) -> PeriodBudget:
        return next(p for p in self.periods if p.id == period_id)


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class _Span:
    id: str
    period: FuzzyDate
    first: dt.date
    last: dt.date
    item: Appropriation
    amount: Decimal | None

    @property
    def days(self) -> int:
        return (self.last - self.first).days

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def encloses(self, other: _Span) -> bool:
        return (
            other is not self
            and self.first <= other.first
            and other.last <= self.last
            and (self.days > other.days or (self.days == other.days and self.amount is None))
        )


def _spans(plan: Plan) -> list[_Span]:
    spans = []
    for item in plan.appropriations:
        first, last = item.period.first_day, item.period.last_day
        if first is None or last is None:
            continue
        spans.append(_Span(item.id, item.period, first, last, item, item.amount))
        for part in item.parts:
            assert part.first_day is not None and part.last_day is not None  # validated
            spans.append(
                _Span(f"{item.id}/{part}", part, part.first_day, part.last_day, item, None)
            )
    return spans


def _narrowest(spans: list[_Span], day: dt.date) -> _Span | None:
    best: _Span | None = None
    for span in spans:
        if span.holds(day) and (best is None or span.days < best.days):
            best = span
    return best


@dataclass
class _Segment:
    """Days from ``first`` on (to the next segment's first) that the same periods and rates
    hold: the lookups are made once per segment rather than once per meeting."""

    first: dt.date
    holders: list[_Span]
    home: _Span | None
    rates: dict[str | None, CostRates | None]


def _segments(spans: list[_Span], rates: Sequence[CostRates]) -> list[_Segment]:
    starts = {span.first for span in spans} | {
        span.last + _DAY for span in spans if span.last < dt.date.max
    }
    for item in rates:
        if item.period.first_day is not None and item.period.last_day is not None:
            starts.add(item.period.first_day)
            if item.period.last_day < dt.date.max:
                starts.add(item.period.last_day + _DAY)
    with_amount = [span for span in spans if span.amount is not None]
    segments = [_Segment(dt.date.min, [], None, {})]
    for first in sorted(starts):
        holders = [span for span in spans if span.holds(first)]
        segments.append(_Segment(first, holders, _narrowest(with_amount, first), {}))
    return segments


def plan_budget(plan: Plan) -> Budget:
    """The budget of ``plan``: every period's appropriation, planned cost and balance."""
    spans = _spans(plan)
    segments = _segments(spans, plan.cost_rates)
    languages = len(set(plan.languages))
    ordered = sorted(plan.meetings, key=lambda m: (m.date, m.start, m.id))
    placed: dict[str, str] = {}
    costs: list[MeetingCost] = []
    by_span: dict[str, list[MeetingCost]] = defaultdict(list)
    counted: dict[str, list[str]] = defaultdict(list)
    position = 0
    for meeting in ordered:
        while position + 1 < len(segments) and segments[position + 1].first <= meeting.date:
            position += 1
        segment = segments[position]
        home = segment.home
        currency = home.item.currency if home else None
        if currency not in segment.rates:
            segment.rates[currency] = rates_for(meeting, plan.cost_rates, currency)
        cost = cost_under(meeting, segment.rates[currency], languages, currency)
        costs.append(cost)
        if home is None:
            continue
        placed[meeting.id] = home.id
        counted[home.id].append(meeting.id)
        for span in segment.holders:
            if span.item.currency == currency:
                by_span[span.id].append(cost)
    periods = []
    for span in sorted(spans, key=lambda s: (s.first, -s.days, s.amount is None)):
        parent = min(
            (other for other in spans if other.encloses(span)),
            key=lambda other: other.days,
            default=None,
        )
        periods.append(
            PeriodBudget(
                id=span.id,
                period=span.period,
                start=span.first,
                end=span.last,
                currency=span.item.currency,
                basis=span.item.basis,
                appropriation=span.amount,
                within=parent.id if parent else None,
                meetings=tuple(by_span.get(span.id, ())),
                planned=sum((cost.counted for cost in by_span.get(span.id, ())), ZERO),
                counted=tuple(counted.get(span.id, ())),
                planned_from=max(span.first, plan.term.start),
                planned_to=min(span.last, plan.term.end),
            )
        )
    return Budget(tuple(periods), tuple(costs), placed)
