"""The negotiation's figures, counted from plain data: paragraphs by status (per section and in
all), and the status counts after each formal session from the paragraphs' status history.

Nothing here reads the database or Django: ``dashboard`` gathers the rows and calls these
functions, and the tests call them with data written by hand.

The status of a paragraph after a session is read from its history: the status the last
change recorded at or before that session left it in; for a paragraph none of whose changes
came by then, the status its first later change started from; for a paragraph with no
recorded change, its status now. A change belongs to a session when it names that session's
meeting, or names no formal session and happened on or before that session's day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comitia.plan import ParagraphStatus

# The statuses in the order the negotiation moves through them (and the charts draw them),
# with None (no status recorded) last.
ORDER: tuple[ParagraphStatus | None, ...] = (*ParagraphStatus, None)
# A paragraph needs nothing more once agreed, or once withdrawn
# (``comitia.checks.rules.resolutions.SETTLED``).
SETTLED = frozenset({ParagraphStatus.AGREED, ParagraphStatus.WITHDRAWN})


@dataclass(frozen=True)
class ParagraphState:
    """One paragraph of the draft as it stands: ``key`` identifies it in the history."""

    key: int
    number: str
    section: str
    status: ParagraphStatus | None
    leads: tuple[str, ...] = ()
    kind: str = "operative"


@dataclass(frozen=True)
class StatusChange:
    """A change of a paragraph's status, in the order recorded: ``on`` is the day it happened
    (its meeting's date when it names one), ``meeting`` the meeting's key, if any."""

    paragraph: int
    before: ParagraphStatus | None
    after: ParagraphStatus | None
    on: dt.date
    meeting: str | None = None


@dataclass(frozen=True)
class Session:
    """A formal-review meeting, held or to come."""

    key: str
    date: dt.date
    held: bool


@dataclass(frozen=True)
class Counts:
    """How many paragraphs have each status (in ``ORDER``), and how many are settled."""

    by_status: tuple[tuple[ParagraphStatus | None, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_status)

    @property
    def settled(self) -> int:
        return sum(n for status, n in self.by_status if status in SETTLED)

    def of(self, status: ParagraphStatus | None) -> int:
        return next(n for s, n in self.by_status if s == status)

    @property
    def settled_percent(self) -> int:
        """The settled share, rounded down to a whole percent (0 for no paragraph)."""
        return self.settled * 100 // self.total if self.total else 0


def count(statuses: Iterable[ParagraphStatus | None]) -> Counts:
    found = dict.fromkeys(ORDER, 0)
    for status in statuses:
        found[status] += 1
    return Counts(tuple(found.items()))


def by_section(
    paragraphs: Sequence[ParagraphState], sections: Sequence[str]
) -> list[tuple[str, Counts]]:
    """The counts of each of ``sections`` (in that order; a section of no paragraph counts
    none), then of the paragraphs in no listed section, under '' if there are any."""
    listed = set(sections)
    rows = [(key, count(p.status for p in paragraphs if p.section == key)) for key in sections]
    loose = [p.status for p in paragraphs if p.section not in listed]
    if loose:
        rows.append(("", count(loose)))
    return rows


def without_lead(paragraphs: Iterable[ParagraphState]) -> list[ParagraphState]:
    """The paragraphs, not withdrawn, that no delegation leads (``checks`` RES002)."""
    return [p for p in paragraphs if not p.leads and p.status is not ParagraphStatus.WITHDRAWN]


def still_open(paragraphs: Iterable[ParagraphState]) -> list[ParagraphState]:
    """The paragraphs neither agreed nor withdrawn."""
    return [p for p in paragraphs if p.status not in SETTLED]


def sessions_left(sessions: Iterable[Session]) -> list[Session]:
    return [s for s in sessions if not s.held]


def after_sessions(
    paragraphs: Sequence[ParagraphState],
    changes: Iterable[StatusChange],
    sessions: Sequence[Session],
) -> list[tuple[Session, Counts]]:
    """The counts after each held session of ``sessions`` (in date order), from
    ``changes`` (in the order recorded); changes of paragraphs not in ``paragraphs`` are
    left out."""
    held = sorted((s for s in sessions if s.held), key=lambda s: s.date)
    index = {s.key: i for i, s in enumerate(held)}
    keys = {p.key for p in paragraphs}
    history: dict[int, list[StatusChange]] = {}
    for change in changes:
        if change.paragraph in keys:
            history.setdefault(change.paragraph, []).append(change)
    for recorded in history.values():
        recorded.sort(key=lambda c: c.on)  # stable: the order recorded within a day

    def by(change: StatusChange, position: int) -> bool:
        if change.meeting is not None and change.meeting in index:
            return index[change.meeting] <= position
        return change.on <= held[position].date

    def status_after(paragraph: ParagraphState, position: int) -> ParagraphStatus | None:
        recorded = history.get(paragraph.key, [])
        done = [c for c in recorded if by(c, position)]
        if done:
            return done[-1].after
        if recorded:
            return recorded[0].before
        return paragraph.status

    return [
        (session, count(status_after(p, position) for p in paragraphs))
        for position, session in enumerate(held)
    ]
