"""How the days of a week are laid out: an event of several days as one bar across them.

A week is a grid of seven columns (``calendar.css``: ``.week``). Its first row holds the days'
numbers; below them each bar takes a lane (a row) from the column of its first day in the
week over as many columns as it lasts there; the last row holds each day's own entries
(meetings, one-day activities). The lanes are given here, not left to the browser's automatic
placement, so that the days' entries always come below every bar. The page's Content Security
Policy forbids ``style`` attributes: positions are classes (``c3 s2 r4``) that the stylesheet
defines for up to ``MAX_LANES`` lanes; bars beyond them fall back to their days' lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# Enough for any real week (the model plan has at most two events of several days at once);
# the stylesheet defines the classes of that many lanes.
MAX_LANES = 8

T = TypeVar("T")


@dataclass
class Bar(Generic[T]):
    """One event over ``span`` days of a week from column ``column`` (1 to 7), in ``lane``
    (1 is the first row below the days' numbers)."""

    item: T
    first: dt.date
    last: dt.date
    column: int
    span: int
    lane: int
    before: bool  # it began in an earlier week
    after: bool  # it goes on in a later week

    @property
    def row(self) -> int:
        return self.lane + 1


@dataclass
class WeekLayout(Generic[T]):
    """The bars of a week, the lanes they use, and the items left to the days' own lists."""

    bars: list[Bar[T]] = field(default_factory=list)
    lanes: int = 0
    left: dict[dt.date, list[T]] = field(default_factory=dict)

    @property
    def body_row(self) -> int:
        """The grid row of the days' own entries."""
        return self.lanes + 2

    @property
    def rows(self) -> int:
        return self.lanes + 2


def runs(days: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The runs of consecutive days in ``days`` (sorted or not), as (first, last) pairs."""
    result: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if result and (day - result[-1][1]).days == 1:
            result[-1] = (result[-1][0], day)
        else:
            result.append((day, day))
    return result


def lay_out_week(
    week: Sequence[dt.date], spans: Sequence[tuple[T, dt.date, dt.date]]
) -> WeekLayout[T]:
    """The bars of ``spans`` (item, first day, last day; each of at least two days) that meet
    the seven days of ``week``, each in the lowest lane free over its days: longer ones first
    among those that begin on the same day, so that a long event keeps its lane."""
    start, end = week[0], week[-1]
    layout: WeekLayout[T] = WeekLayout()
    shown = [
        (item, max(first, start), min(last, end), first < start, last > end)
        for item, first, last in spans
        if first <= end and last >= start
    ]
    shown.sort(key=lambda s: (s[1], -(s[2] - s[1]).days))
    taken: list[list[tuple[dt.date, dt.date]]] = []
    for item, first, last, before, after in shown:
        lane = next(
            (
                index
                for index, used in enumerate(taken)
                if all(last < a or first > b for a, b in used)
            ),
            len(taken),
        )
        if lane >= MAX_LANES:
            for offset in range((last - first).days + 1):
                layout.left.setdefault(first + dt.timedelta(days=offset), []).append(item)
            continue
        if lane == len(taken):
            taken.append([])
        taken[lane].append((first, last))
        layout.bars.append(
            Bar(
                item=item,
                first=first,
                last=last,
                column=(first - start).days + 1,
                span=(last - first).days + 1,
                lane=lane + 1,
                before=before,
                after=after,
            )
        )
    layout.lanes = len(taken)
    return layout
