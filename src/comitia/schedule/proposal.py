"""The proposal written into the plan, and told in the reader's language.

``apply_proposal`` moves each meeting the solver placed elsewhere as a move by hand does: its
old day joins its earlier dates (a day it returns to leaves them), the move keeps its reason,
its revision number rises, and its hours become those of the half it was given. The steps of
the negotiation dated by a moved meeting follow it. The claims of an imported document about
its own month-by-month summary describe that document, not the proposal, and are left out.

``describe`` is the report the command prints: what was placed, what could not be and which
constraints clash, and what the soft constraints cost.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Iterator
from dataclasses import dataclass

from comitia import catalog
from comitia.dates import FuzzyDate, format_day
from comitia.plan import Meeting, Move, Plan, Text
from comitia.plan.sessions import SessionLength, session_length
from comitia.schedule.problem import Family, Half, Problem
from comitia.schedule.solve import ALONE, Organization, Outcome, Placement


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is printed."""
    return message


FAMILY_WORDS = {
    Family.TERM: N_(
        "the working days of the term, without its days without meetings and the days a "
        "presenting body holds its own event"
    ),
    Family.REQUESTED: N_("the dates the methodology states for the requested events"),
    Family.HELD: N_("the meetings already held, which keep their day"),
    Family.REVIEW: N_("the dates of the formal review of the draft resolution"),
    Family.ORDER: N_(
        "the order of the negotiation (methodology, first draft, then the formal review, "
        "opened by the final reports)"
    ),
    Family.AGENDA: N_(
        "the agenda items that must come after others, each in a meeting on a later day"
    ),
    Family.GAP: N_("the minimum of {days} day(s) between two meetings of a committee"),
    Family.BUDGET: N_("the appropriation of each budget period"),
    Family.ROOMS: N_("the rooms, each used by one meeting at a time"),
    Family.TEAMS: N_("the interpretation teams, each at one meeting at a time and so many a day"),
}


REASON = N_("Proposed by the scheduler")


def reason_of_proposal(lang: str) -> str:
    """The reason recorded with the moves of a proposal, in ``lang``."""
    return _translations(lang).gettext(REASON)


def errors_in_proposal(count: int, lang: str) -> str:
    """What the command says when the checks find errors in the proposal, in ``lang``."""
    return _translations(lang).gettext(N_("{count} error(s) in the proposal")).format(count=count)


def _translations(lang: str) -> gettext.NullTranslations:
    try:
        return catalog.translations(lang)
    except FileNotFoundError:
        return gettext.NullTranslations()


@dataclass(frozen=True)
class Change:
    meeting: str
    before: dt.date
    after: dt.date
    hours_before: tuple[dt.time, dt.time]
    hours_after: tuple[dt.time, dt.time]
    room: str | None
    team: str | None


def hours_for(problem: Problem, meeting: Meeting, placement: Placement) -> tuple[dt.time, dt.time]:
    """The meeting's own hours where its half still holds them, else the plan's for the half."""
    length = session_length(meeting.start, meeting.end)
    same_half = length is SessionLength.FULL_DAY or (
        (meeting.start < problem.hours.afternoon[0]) == (placement.half is Half.MORNING)
    )
    if same_half:
        return meeting.start, meeting.end  # its own hours, where they still fit
    return problem.hours.of(length, placement.half)


def changes(plan: Plan, problem: Problem, outcome: Outcome) -> list[Change]:
    """The meetings of ``plan`` the proposal gives another day or other hours, in date order."""
    found = []
    for meeting in plan.meetings:
        placement = outcome.placements.get(meeting.id)
        if placement is None:
            continue
        hours = hours_for(problem, meeting, placement)
        room = placement.room or meeting.room
        team = placement.team or meeting.team
        if (
            placement.day != meeting.date
            or hours != (meeting.start, meeting.end)
            or (room, team) != (meeting.room, meeting.team)
        ):
            found.append(
                Change(
                    meeting.id,
                    meeting.date,
                    placement.day,
                    (meeting.start, meeting.end),
                    hours,
                    room,
                    team,
                )
            )
    return sorted(found, key=lambda c: (c.after, c.meeting))


def _moved(meeting: Meeting, change: Change, reason: Text, recorded_at: dt.datetime) -> Meeting:
    update: dict[str, object] = {
        "start": change.hours_after[0],
        "end": change.hours_after[1],
        "sequence": meeting.sequence + 1,
        "room": change.room,
        "team": change.team,
    }
    if change.after != meeting.date:
        previous = [day for day in meeting.previous_dates if day != change.after]
        moves = [move for move in meeting.moves if move.date != change.after]
        update |= {
            "date": change.after,
            "previous_dates": [*previous, meeting.date],
            "moves": [*moves, Move(date=meeting.date, reason=reason, recorded_at=recorded_at)],
        }
    return meeting.model_copy(update=update)


def apply_proposal(
    plan: Plan, problem: Problem, outcome: Outcome, *, reason: Text, recorded_at: dt.datetime
) -> Plan:
    """``plan`` with the proposal's days and hours, each move recorded with ``reason``."""
    by_id = {c.meeting: c for c in changes(plan, problem, outcome)}
    meetings = [
        _moved(m, by_id[m.id], reason, recorded_at) if m.id in by_id else m for m in plan.meetings
    ]
    days = {m.id: m.date for m in meetings}
    negotiation = plan.negotiation
    if negotiation is not None:
        milestones = [
            milestone.model_copy(update={"when": FuzzyDate.day(days[milestone.meeting])})
            if milestone.meeting in by_id
            else milestone
            for milestone in negotiation.milestones
        ]
        negotiation = negotiation.model_copy(update={"milestones": milestones})
    updated = plan.model_copy(
        update={"meetings": meetings, "negotiation": negotiation, "summary_claims": []}
    )
    # Validated again as a whole, so that a proposal never writes a plan the format refuses.
    return type(plan).model_validate(updated.model_dump(mode="python", by_alias=True))


def _time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def describe(
    plan: Plan,
    problem: Problem,
    outcome: Outcome,
    lang: str = "en",
    shared: Organization = ALONE,
) -> Iterator[str]:
    """The lines of the report on ``outcome``, in ``lang``; rooms named as ``shared`` names
    them."""
    names = {r.id: r.name for r in (*shared.rooms, *shared.teams)}
    _ = _translations(lang).gettext
    moved = changes(plan, problem, outcome)
    placed = len(outcome.placements) - len(problem.kept)
    yield _(
        "Placed {placed} of {total} meetings; {moved} on another day or at other hours."
    ).format(
        placed=placed,
        total=placed + len(outcome.unplaced),
        moved=len(moved),
    )
    for change in moved:
        yield (
            "  "
            + _("{meeting}: {before} {hours_before} → {after} {hours_after}").format(
                meeting=change.meeting,
                before=format_day(change.before, lang, weekday=True),
                hours_before=f"{_time(change.hours_before[0])}–{_time(change.hours_before[1])}",
                after=format_day(change.after, lang, weekday=True),
                hours_after=f"{_time(change.hours_after[0])}–{_time(change.hours_after[1])}",
            )
            + (f" ({names.get(change.room, change.room)})" if change.room else "")
        )
    if outcome.unplaced:
        yield _("Could not place {count} meeting(s): {meetings}.").format(
            count=len(outcome.unplaced),
            meetings=", ".join(u.meeting for u in outcome.unplaced),
        )
        yield _("These constraints clash:")
        for family in outcome.clash:
            yield "  - " + _(FAMILY_WORDS[family]).format(days=problem.min_gap_days)
    soft = outcome.soft
    yield _(
        "Cost of the soft constraints: {total} ({weekday} regular meeting(s) off the usual "
        "weekday, {moved} published meeting(s) moved, {weeks} week(s) away in all, {hours} "
        "half-day meeting(s) off the usual hours, {crowded} meeting(s) in a week that already "
        "has one)."
    ).format(
        total=soft.total,
        weekday=soft.off_weekday,
        moved=soft.moved,
        weeks=soft.weeks_away,
        hours=soft.off_hours,
        crowded=soft.crowded_weeks,
    )
    if not outcome.optimal and outcome.feasible:
        yield _("The solver stopped at its time limit: a better proposal may exist.")
    if plan.summary_claims and moved:
        yield _(
            "The imported document's summary of its own calendar is left out of the proposal, "
            "which no longer follows it."
        )
