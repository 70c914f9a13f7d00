"""What the scheduler must place and where it may: the problem read off a plan.

A plan's meetings become *demands*: each is a half-day or a full-day session of a kind, with
the days it may take (working days of the term, not a day without meetings, not a day when a
body presenting at it holds one of its own events, within its window), a day it must take
(the date the methodology states for a requested event; a meeting already held), the day and
half it has now, and what it costs on each day. The negotiation plan adds an order between
meetings; the appropriations add a ceiling per period. The other committees' plans take rooms
and interpretation teams on their days.

Days are numbered from the term's first day, and a day has two halves (0: morning, 1:
afternoon); a full-day session takes both.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from comitia.budget import meeting_cost, plan_budget
from comitia.dates import FuzzyDate
from comitia.plan import (
    Activity,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneKind,
    Plan,
)
from comitia.plan.sessions import LUNCH_END, LUNCH_START, SessionLength, session_length

# The longest event of another body that is taken to keep its presenters away every day it
# spans; a longer one (a year-long programme) names no particular day.
LONGEST_BUSY_EVENT = dt.timedelta(days=14)


class Half(enum.IntEnum):
    MORNING = 0
    AFTERNOON = 1


@dataclass(frozen=True)
class Hours:
    """The hours of the three kinds of session, as the plan itself uses them."""

    morning: tuple[dt.time, dt.time]
    afternoon: tuple[dt.time, dt.time]
    full_day: tuple[dt.time, dt.time]

    def of(self, length: SessionLength, half: Half) -> tuple[dt.time, dt.time]:
        if length is SessionLength.FULL_DAY:
            return self.full_day
        return self.morning if half is Half.MORNING else self.afternoon


DEFAULT_HOURS = Hours(
    morning=(dt.time(10, 0), dt.time(13, 0)),
    afternoon=(dt.time(14, 30), dt.time(17, 30)),
    full_day=(dt.time(10, 0), dt.time(17, 30)),
)


@dataclass(frozen=True)
class Window:
    """A range of days a demand must fall in, and why (said when it cannot)."""

    first: dt.date
    last: dt.date
    reason: str  # a ``Family`` value

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


class Family(enum.StrEnum):
    """The groups of hard constraints that can clash, as the explanation names them."""

    TERM = "term"  # working days of the term, days without meetings, presenters' events
    REQUESTED = "requested"  # the dates stated for requested events
    HELD = "held"  # meetings already held keep their day
    REVIEW = "review"  # the formal review's sessions within its dates
    ORDER = "order"  # the negotiation's steps in order
    AGENDA = "agenda"  # the agenda items held after the items they follow
    GAP = "gap"  # a minimum of days between two meetings of one committee
    BUDGET = "budget"  # the appropriation of each period
    ROOMS = "rooms"  # a room is used once at a time
    TEAMS = "teams"  # an interpretation team is used once at a time, so many a day


@dataclass(frozen=True)
class Resource:
    """A room or an interpretation team, shared by every committee of the organization."""

    id: str
    name: str
    languages: frozenset[str]  # a room's booths; a team's languages
    per_day: int | None = None  # meetings a day it can cover (None: as many as fit)
    unavailable: frozenset[dt.date] = frozenset()


@dataclass
class Demand:
    """One meeting to place.

    ``days`` are the days it may be given at all (working days of the term, and the day it
    must take); ``excluded`` are those of them that a family of constraints forbids (a day a
    presenting body holds its own event, a stated day on a weekend): apart, so that the
    explanation of a clash can name the family.
    """

    id: str
    committee: str
    length: SessionLength
    kind: MeetingKind
    days: list[dt.date]
    current: dt.date
    current_half: Half
    published: bool  # scheduled and not provisional: its date is known to others
    excluded: dict[dt.date, Family] = field(default_factory=dict)
    fixed: dt.date | None = None  # the day it must take
    fixed_family: Family | None = None
    window: Window | None = None
    languages: frozenset[str] = frozenset()
    costs: dict[str, int] = field(default_factory=dict)  # period id -> cost in cents
    rooms: list[str] = field(default_factory=list)  # rooms it may use (empty: none is known)
    teams: list[str] = field(default_factory=list)  # teams it may use (empty: none needed)

    @property
    def full_day(self) -> bool:
        return self.length is SessionLength.FULL_DAY

    @property
    def movable(self) -> bool:
        return self.fixed_family is not Family.HELD


@dataclass(frozen=True)
class Busy:
    """A meeting of another committee, fixed: it holds its room and team at its hours."""

    committee: str
    meeting: str
    day: dt.date
    halves: tuple[Half, ...]
    room: str | None
    team: str | None


@dataclass(frozen=True)
class Ceiling:
    """An appropriation period with an amount: the demands' cost within it may not exceed it."""

    id: str
    period: FuzzyDate
    first: dt.date
    last: dt.date
    available: int  # cents
    currency: str


@dataclass
class Problem:
    committee: str
    term: tuple[dt.date, dt.date]
    demands: list[Demand]
    order: list[tuple[str, str, MilestoneKind]]  # (earlier, later, the step that asks it)
    first_of_review: str | None  # the meeting that must open the formal review
    ceilings: list[Ceiling]
    hours: Hours
    usual_weekdays: frozenset[int]  # ISO weekdays
    usual_half: Half
    min_gap_days: int
    rooms: list[Resource] = field(default_factory=list)
    teams: list[Resource] = field(default_factory=list)
    busy: list[Busy] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # meetings left where they are
    # (earlier meeting, later meeting, the item followed): the agenda items' after.
    follows: list[tuple[str, str, str]] = field(default_factory=list)

    def demand(self, meeting_id: str) -> Demand:
        return next(d for d in self.demands if d.id == meeting_id)


def _most_common(values: Iterable[tuple[dt.time, dt.time]]) -> tuple[dt.time, dt.time] | None:
    counts = Counter(values)
    if not counts:
        return None
    # Ties go to the earliest hours, so the choice never depends on the plan's order.
    return min(counts, key=lambda hours: (-counts[hours], hours))


def plan_hours(plan: Plan) -> Hours:
    """The morning, afternoon and full-day hours the plan's own meetings keep most often."""
    meetings = [m for m in plan.meetings if m.status is not MeetingStatus.CANCELLED]
    halves = [m for m in meetings if session_length(m.start, m.end) is SessionLength.HALF_DAY]
    morning = _most_common((m.start, m.end) for m in halves if m.start < LUNCH_START)
    afternoon = _most_common((m.start, m.end) for m in halves if m.start >= LUNCH_END)
    full = _most_common(
        (m.start, m.end)
        for m in meetings
        if session_length(m.start, m.end) is SessionLength.FULL_DAY
    )
    return Hours(
        morning or DEFAULT_HOURS.morning,
        afternoon or DEFAULT_HOURS.afternoon,
        full or DEFAULT_HOURS.full_day,
    )


def usual_weekdays(plan: Plan) -> frozenset[int]:
    """The weekday most of the plan's regular meetings fall on (CSH: Thursday)."""
    counts = Counter(
        m.date.isoweekday()
        for m in plan.meetings
        if m.kind is MeetingKind.REGULAR and m.status is not MeetingStatus.CANCELLED
    )
    if not counts:
        return frozenset()
    best = max(counts.values())
    return frozenset(day for day, count in counts.items() if count == best)


def usual_half(plan: Plan) -> Half:
    """The half of the day most of the plan's regular half-day meetings take (mornings on a
    tie)."""
    counts = Counter(
        half_of(m)
        for m in plan.meetings
        if m.kind is MeetingKind.REGULAR
        and m.status is not MeetingStatus.CANCELLED
        and session_length(m.start, m.end) is SessionLength.HALF_DAY
    )
    return Half.AFTERNOON if counts[Half.AFTERNOON] > counts[Half.MORNING] else Half.MORNING


def half_of(meeting: Meeting) -> Half:
    return Half.MORNING if meeting.start < LUNCH_START else Half.AFTERNOON


def activity_days(activity: Activity) -> list[dt.date]:
    """The days another body's event takes, when it names them and spans at most two weeks."""
    when = activity.when
    if when.first_day is None or when.last_day is None or when.provisional:
        return []
    if when.listed_days:
        return list(when.listed_days)
    if when.last_day - when.first_day > LONGEST_BUSY_EVENT:
        return []
    span = (when.last_day - when.first_day).days
    return [when.first_day + dt.timedelta(days=n) for n in range(span + 1)]


def working_days(plan: Plan, first: dt.date, last: dt.date) -> list[dt.date]:
    """Monday to Friday from ``first`` to ``last``, but the plan's days without meetings."""
    closed = {day.date for day in plan.non_meeting_days}
    days = []
    day = first
    while day <= last:
        if day.isoweekday() <= 5 and day not in closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _review_window(plan: Plan) -> tuple[Window | None, list[str]]:
    """The formal review's dates and the meetings it holds (those it lists, else those
    within its dates)."""
    negotiation = plan.negotiation
    if negotiation is None:
        return None, []
    review = next(
        (m for m in negotiation.milestones if m.kind is MilestoneKind.FORMAL_REVIEW), None
    )
    if review is None or review.when is None:
        return None, []
    when = review.when
    if when.first_day is None or when.last_day is None:
        return None, []
    window = Window(when.first_day, when.last_day, Family.REVIEW)
    meetings = [
        m.id
        for m in plan.meetings
        if m.status is not MeetingStatus.CANCELLED and when.contains(m.date)
    ]
    return window, meetings


def _milestone_meeting(plan: Plan, kind: MilestoneKind) -> str | None:
    if plan.negotiation is None:
        return None
    milestone = next((m for m in plan.negotiation.milestones if m.kind is kind), None)
    return milestone.meeting if milestone is not None else None


def _order(
    plan: Plan, review: list[str]
) -> tuple[list[tuple[str, str, MilestoneKind]], str | None]:
    """Methodology before the first draft, the first draft before the formal review; the
    final reports open the formal review."""
    methodology = _milestone_meeting(plan, MilestoneKind.METHODOLOGY)
    draft = _milestone_meeting(plan, MilestoneKind.FIRST_DRAFT)
    reports = _milestone_meeting(plan, MilestoneKind.FINAL_REPORTS)
    order: list[tuple[str, str, MilestoneKind]] = []
    if methodology and draft and methodology != draft:
        order.append((methodology, draft, MilestoneKind.FIRST_DRAFT))
    before_review = draft or methodology
    if before_review:
        for meeting in review:
            if meeting != before_review:
                order.append((before_review, meeting, MilestoneKind.FORMAL_REVIEW))
    first = reports if reports in review else None
    return order, first


def _follows(meetings: Sequence[Meeting]) -> list[tuple[str, str, str]]:
    """The agenda items of ``meetings`` that must follow others, as pairs of meetings."""
    holder: dict[str, str] = {}
    for meeting in meetings:
        for root in meeting.agenda:
            for node in root.walk():
                if node.id is not None:
                    holder[node.id] = meeting.id
    return [
        (holder[earlier], meeting.id, earlier)
        for meeting in meetings
        for root in meeting.agenda
        for node in root.walk()
        for earlier in node.after
        if earlier in holder and holder[earlier] != meeting.id
    ]


def _stated_days(plan: Plan) -> dict[str, dt.date]:
    """The day the methodology states for each requested event its meeting must hold."""
    stated = {}
    for event in plan.requested_events:
        when = event.when
        if event.meeting and when.first_day is not None and when.first_day == when.last_day:
            stated[event.meeting] = when.first_day
    return stated


def _presenters_busy(plan: Plan) -> dict[str, set[dt.date]]:
    """For each meeting, the days a body presenting at it holds one of its own events."""
    busy_days: dict[str, set[dt.date]] = {}
    for activity in plan.activities:
        if activity.body is not None:
            busy_days.setdefault(activity.body, set()).update(activity_days(activity))
    result = {}
    for meeting in plan.meetings:
        bodies = {body for node in meeting.agenda_nodes() for body in node.presenters}
        result[meeting.id] = set().union(*(busy_days.get(body, set()) for body in bodies))
    return result


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _costs(plan: Plan, meeting: Meeting, hours: Hours, ceilings: list[Ceiling]) -> dict[str, int]:
    """The meeting's cost in each period, as if it were held in it (its rates are the
    period's)."""
    costs = {}
    length = session_length(meeting.start, meeting.end)
    start, end = hours.of(length, half_of(meeting))
    for ceiling in ceilings:
        moved = meeting.model_copy(update={"date": ceiling.first, "start": start, "end": end})
        cost = meeting_cost(moved, plan.cost_rates, plan.languages, ceiling.currency)
        costs[ceiling.id] = _cents(cost.counted)
    return costs


def _ceilings(plan: Plan) -> list[Ceiling]:
    """The periods with an amount: what the meetings held in each may cost at most."""
    ceilings = []
    for period in plan_budget(plan).periods:
        if period.appropriation is None:
            continue
        ceilings.append(
            Ceiling(
                period.id,
                period.period,
                period.start,
                period.end,
                _cents(period.appropriation),
                period.currency,
            )
        )
    return ceilings


def build_problem(
    plan: Plan,
    *,
    today: dt.date | None = None,
    min_gap_days: int = 1,
    place: Sequence[str] | None = None,
) -> Problem:
    """The problem of placing ``plan``'s meetings again.

    Every meeting not cancelled and not held before ``today`` (default: the term's first day,
    so that every meeting is placed) is a demand; ``place`` narrows them to the meetings named
    (the others stay where they are). A meeting held keeps its day.
    """
    first_day = plan.term.start if today is None else max(today, plan.term.start)
    hours = plan_hours(plan)
    review_window, review = _review_window(plan)
    order, first_of_review = _order(plan, review)
    stated = _stated_days(plan)
    busy = _presenters_busy(plan)
    active = [m for m in plan.meetings if m.status is not MeetingStatus.CANCELLED]
    movable = {
        m.id
        for m in active
        if m.status is not MeetingStatus.HELD
        and m.date >= first_day
        and (place is None or m.id in place)
    }
    ceilings = _ceilings(plan)
    open_days = working_days(plan, first_day, plan.term.end)
    demands = []
    for meeting in active:
        window = review_window if meeting.id in review else None
        demand = Demand(
            id=meeting.id,
            committee=plan.term.committee,
            length=session_length(meeting.start, meeting.end),
            kind=meeting.kind,
            days=[meeting.date],
            current=meeting.date,
            current_half=half_of(meeting),
            published=not meeting.provisional and meeting.status is MeetingStatus.SCHEDULED,
            window=window,
            costs=_costs(plan, meeting, hours, ceilings),
        )
        if meeting.id not in movable:
            # Held, or not to be placed: it keeps its day, and the others are placed around it.
            demand.fixed, demand.fixed_family = meeting.date, Family.HELD
            demand.window = None
        else:
            stated_day = stated.get(meeting.id)
            demand.days = sorted({*open_days, *([stated_day] if stated_day else [])})
            demand.excluded = {day: Family.TERM for day in busy[meeting.id] if day in demand.days}
            if stated_day is not None:
                if stated_day not in open_days:
                    demand.excluded[stated_day] = Family.TERM
                demand.fixed, demand.fixed_family = stated_day, Family.REQUESTED
        demands.append(demand)
    known = {d.id for d in demands}
    order = [pair for pair in order if pair[0] in known and pair[1] in known]
    # Two meetings both kept where they are: the scheduler cannot order them (DAT011 reports
    # them when they are out of order); one of them placed is placed around the other.
    follows = [pair for pair in _follows(active) if pair[0] in movable or pair[1] in movable]
    return Problem(
        committee=plan.term.committee,
        term=(plan.term.start, plan.term.end),
        demands=demands,
        order=order,
        first_of_review=first_of_review if first_of_review in known else None,
        ceilings=ceilings,
        hours=hours,
        usual_weekdays=usual_weekdays(plan),
        usual_half=usual_half(plan),
        min_gap_days=min_gap_days,
        kept=sorted(m.id for m in active if m.id not in movable),
        follows=follows,
    )


def give_resources(
    problem: Problem,
    rooms: Sequence[Resource],
    teams: Sequence[Resource],
    languages: Mapping[str, frozenset[str]],
) -> None:
    """Let each demand use the rooms whose booths hold its languages and, when it is
    interpreted (two languages or more), the teams that cover them all.

    ``languages`` gives each meeting's languages; a meeting it does not name uses none of the
    rooms (it meets elsewhere).
    """
    for demand in problem.demands:
        needed = languages.get(demand.id)
        if needed is None:
            continue
        demand.languages = needed
        interpreted = len(needed) >= 2
        demand.rooms = [room.id for room in rooms if not interpreted or needed <= room.languages]
        if interpreted:
            demand.teams = [team.id for team in teams if needed <= team.languages]
