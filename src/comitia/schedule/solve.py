"""Place the demands of one or more committees with OR-Tools' CP-SAT solver.

Each demand chooses one of its days (a Boolean per day), a half for a half-day session, a room
and an interpretation team when the organization has them. Time runs in halves of days: a
session is an interval of one half (or two, for a full day) at ``2 * day + half``, and each
room and team takes no two intervals at once. The committee's own meetings are kept
``min_gap_days`` apart by a second interval each, a day long per gap day.

Every family of hard constraints (``Family``) hangs on one literal. The main solve fixes them
all true. When it finds no calendar, the families are taken away one at a time and kept away
when the rest still clash (a deletion filter): what is left is a smallest set of families that
cannot hold together, which the explanation names. A second solve then places as many
meetings as fit, and says which could not be.

The same input gives the same proposal: one search worker, a fixed seed, and a limit on the
solver's deterministic time rather than on the clock (the clock limit is only a safety net).

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from comitia.plan import MeetingKind
from comitia.schedule.problem import Busy, Demand, Family, Half, Problem, Resource

# Weights of the soft constraints, in the order a secretariat ranks them: the committee's
# usual weekday first, then keeping published dates, then its usual hours, then the spread.
WEEKDAY_WEIGHT = 10
MOVE_WEIGHT = 4
HOURS_WEIGHT = 3
CROWDED_WEEK_WEIGHT = 2
# Each week a meeting moves away from its day, up to a quarter: a secretariat moves a
# meeting to a nearby week before a distant one.
WEEK_AWAY_WEIGHT = 1
MOST_WEEKS_AWAY = 13
# An unplaced meeting costs more than every soft constraint together could.
UNPLACED_WEIGHT = 100_000


@dataclass(frozen=True)
class Placement:
    meeting: str
    committee: str
    day: dt.date
    half: Half
    full_day: bool
    room: str | None
    team: str | None


@dataclass(frozen=True)
class Unplaced:
    meeting: str
    committee: str
    clash: tuple[Family, ...]  # the families of constraints that together leave it no day


@dataclass(frozen=True)
class SoftCost:
    off_weekday: int = 0  # regular meetings not on the committee's usual weekday
    moved: int = 0  # published meetings given another day
    off_hours: int = 0  # half-day meetings not in the committee's usual half
    crowded_weeks: int = 0  # meetings beyond the first of a committee in one week
    weeks_away: int = 0  # how far the meetings moved, in weeks (up to 13 each)

    @property
    def total(self) -> int:
        return (
            WEEKDAY_WEIGHT * self.off_weekday
            + MOVE_WEIGHT * self.moved
            + HOURS_WEIGHT * self.off_hours
            + CROWDED_WEEK_WEIGHT * self.crowded_weeks
            + WEEK_AWAY_WEIGHT * self.weeks_away
        )


@dataclass
class Outcome:
    placements: dict[str, Placement]
    unplaced: list[Unplaced]
    soft: SoftCost
    optimal: bool
    seconds: float
    clash: tuple[Family, ...] = ()  # when some could not be placed: the families that clash
    notes: list[str] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        return not self.unplaced


@dataclass(frozen=True)
class Organization:
    """What the committees share: rooms, interpretation teams, and the meetings of other
    committees that stay where they are."""

    rooms: tuple[Resource, ...] = ()
    teams: tuple[Resource, ...] = ()
    busy: tuple[Busy, ...] = ()


# A committee on its own: no room, team or other committee is known.
ALONE = Organization()


class _Model:
    """The CP-SAT model of the demands, with one literal per family of constraints."""

    def __init__(
        self,
        problems: Sequence[Problem],
        organization: Organization,
        *,
        optional: bool,
    ) -> None:
        self.model = cp_model.CpModel()
        self.problems = problems
        self.organization = organization
        demands = [d for p in problems for d in p.demands]
        self.demands = demands
        every_day = [day for d in demands for day in d.days] + [b.day for b in organization.busy]
        every_day += [
            day for r in (*organization.rooms, *organization.teams) for day in r.unavailable
        ]
        self.origin = min(every_day).toordinal() if every_day else 0
        self.families = {f: self.model.new_bool_var(f"family_{f}") for f in Family}
        self.day_index: dict[str, cp_model.IntVar] = {}
        self.afternoon: dict[str, cp_model.IntVar] = {}
        self.start: dict[str, cp_model.IntVar] = {}  # in halves of days: 2 * day + half
        self.placed: dict[str, cp_model.IntVar] = {}
        self.room_vars: dict[str, dict[str, cp_model.IntVar]] = {}
        self.team_vars: dict[str, dict[str, cp_model.IntVar]] = {}
        self.penalties: dict[str, list[cp_model.LinearExprT]] = defaultdict(list)
        self._days(optional)
        self._term_and_stated()
        self._review()
        self._order()
        self._follows()
        self._gap()
        self._budget()
        self._resources()
        self._soft()

    def index(self, day: dt.date) -> int:
        return day.toordinal() - self.origin

    def _domain(self, days: Iterable[dt.date]) -> cp_model.Domain:
        return cp_model.Domain.from_values(sorted({self.index(day) for day in days}))

    def _inside(self, d: Demand, days: Sequence[dt.date], name: str) -> cp_model.IntVar:
        """A literal true exactly when ``d`` is placed on one of ``days``."""
        m = self.model
        inside = m.new_bool_var(f"{name}_{d.id}")
        wanted = set(days)
        within = [day for day in d.days if day in wanted]
        outside = [day for day in d.days if day not in wanted]
        if not within:
            m.add(inside == 0)
        else:
            m.add_linear_expression_in_domain(
                self.day_index[d.id], self._domain(within)
            ).only_enforce_if([inside, self.placed[d.id]])
            m.add_implication(inside, self.placed[d.id])
        if outside:
            m.add_linear_expression_in_domain(
                self.day_index[d.id], self._domain(outside)
            ).only_enforce_if([inside.negated(), self.placed[d.id]])
        elif within:
            m.add(inside == self.placed[d.id])
        return inside

    def _days(self, optional: bool) -> None:
        """One day per demand, as an integer over its possible days, and a half."""
        m = self.model
        horizon = max((self.index(day) for d in self.demands for day in d.days), default=0)
        for d in self.demands:
            placed = m.new_bool_var(f"placed_{d.id}")
            if not optional or not d.movable:
                m.add(placed == 1)
            self.placed[d.id] = placed
            index = m.new_int_var_from_domain(self._domain(d.days or [d.current]), f"day_{d.id}")
            self.day_index[d.id] = index
            m.add_hint(
                index, self.index(d.current) if d.current in d.days else index.proto.domain[0]
            )
            afternoon = m.new_bool_var(f"afternoon_{d.id}")
            if d.full_day:
                m.add(afternoon == 0)
            self.afternoon[d.id] = afternoon
            start = m.new_int_var(0, 2 * horizon + 1, f"time_{d.id}")
            m.add(start == 2 * index + afternoon)
            self.start[d.id] = start
        self.horizon = horizon

    def _term_and_stated(self) -> None:
        for d in self.demands:
            by_family: dict[Family, list[dt.date]] = defaultdict(list)
            for day, family in d.excluded.items():
                by_family[family].append(day)
            for family, days in by_family.items():
                forbidden = set(days)
                allowed = [day for day in d.days if day not in forbidden]
                literal = self.families[family]
                if allowed:
                    self.model.add_linear_expression_in_domain(
                        self.day_index[d.id], self._domain(allowed)
                    ).only_enforce_if([literal, self.placed[d.id]])
                else:
                    self.model.add_bool_or([literal.negated(), self.placed[d.id].negated()])
            if d.fixed is not None and d.fixed_family is not Family.HELD:
                assert d.fixed_family is not None
                self.model.add(self.day_index[d.id] == self.index(d.fixed)).only_enforce_if(
                    [self.families[d.fixed_family], self.placed[d.id]]
                )

    def _review(self) -> None:
        literal = self.families[Family.REVIEW]
        for d in self.demands:
            if d.window is None or not d.movable:
                continue
            window = d.window
            allowed = [day for day in d.days if window.holds(day)]
            if allowed:
                self.model.add_linear_expression_in_domain(
                    self.day_index[d.id], self._domain(allowed)
                ).only_enforce_if([literal, self.placed[d.id]])
            else:
                self.model.add_bool_or([literal.negated(), self.placed[d.id].negated()])

    def _time(self, d: Demand) -> cp_model.IntVar:
        return self.start[d.id]

    def _order(self) -> None:
        literal = self.families[Family.ORDER]
        for problem in self.problems:
            for earlier, later, _step in problem.order:
                self.model.add(self.day_index[earlier] < self.day_index[later]).only_enforce_if(
                    [literal, self.placed[earlier], self.placed[later]]
                )
            first = problem.first_of_review
            if first is None:
                continue
            for d in problem.demands:
                if d.window is not None and d.id != first:
                    self.model.add(
                        self._time(problem.demand(first)) < self._time(d)
                    ).only_enforce_if([literal, self.placed[first], self.placed[d.id]])

    def _follows(self) -> None:
        """An agenda item's meeting on a later day than the meetings of the items it follows;
        a meeting kept where it is has its day fixed, so the other is placed around it."""
        literal = self.families[Family.AGENDA]
        for problem in self.problems:
            for earlier, later, _item in problem.follows:
                self.model.add(self.day_index[earlier] < self.day_index[later]).only_enforce_if(
                    [literal, self.placed[earlier], self.placed[later]]
                )

    def _gap(self) -> None:
        literal = self.families[Family.GAP]
        for problem in self.problems:
            gap = problem.min_gap_days
            if gap <= 0:
                continue
            intervals = []
            for d in problem.demands:
                presence = self.model.new_bool_var(f"gap_{d.id}")
                self.model.add_bool_and([literal, self.placed[d.id]]).only_enforce_if(presence)
                self.model.add_bool_or(
                    [literal.negated(), self.placed[d.id].negated()]
                ).only_enforce_if(presence.negated())
                intervals.append(
                    self.model.new_optional_fixed_size_interval_var(
                        self.day_index[d.id], gap, presence, f"gap_interval_{d.id}"
                    )
                )
            self.model.add_no_overlap(intervals)

    def _budget(self) -> None:
        literal = self.families[Family.BUDGET]
        for problem in self.problems:
            for ceiling in problem.ceilings:
                terms: list[cp_model.LinearExprT] = []
                for d in problem.demands:
                    cost = d.costs.get(ceiling.id, 0)
                    days = [day for day in d.days if ceiling.first <= day <= ceiling.last]
                    if cost and days:
                        terms.append(cost * self._inside(d, days, f"in_{ceiling.id}"))
                if terms:
                    self.model.add(
                        cp_model.LinearExpr.sum(terms) <= ceiling.available
                    ).only_enforce_if(literal)

    def _presence(self, d: Demand, choice: cp_model.IntVar, family: Family) -> cp_model.IntVar:
        """A literal true when ``d`` is placed with ``choice`` and ``family`` holds."""
        literal = self.families[family]
        present = self.model.new_bool_var(f"present_{family}_{d.id}_{choice.name}")
        both = [literal, choice, self.placed[d.id]]
        self.model.add_bool_and(both).only_enforce_if(present)
        self.model.add_bool_or([v.negated() for v in both]).only_enforce_if(present.negated())
        return present

    def _resources(self) -> None:
        m = self.model
        organization = self.organization
        for kind, resources, family, chosen in (
            ("room", organization.rooms, Family.ROOMS, self.room_vars),
            ("team", organization.teams, Family.TEAMS, self.team_vars),
        ):
            if not resources:
                continue
            halves: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
            whole_days: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
            for d in self.demands:
                usable = d.rooms if kind == "room" else d.teams
                if not usable:
                    continue
                options = {r: m.new_bool_var(f"{kind}_{d.id}_{r}") for r in usable}
                chosen[d.id] = options
                m.add(sum(options.values()) == self.placed[d.id])
                size = 2 if d.full_day else 1
                for resource_id, var in options.items():
                    present = self._presence(d, var, family)
                    halves[resource_id].append(
                        m.new_optional_fixed_size_interval_var(self.start[d.id], size, present, "h")
                    )
                    whole_days[resource_id].append(
                        m.new_optional_fixed_size_interval_var(
                            2 * self.day_index[d.id], 2, present, "d"
                        )
                    )
            literal = self.families[family]
            for resource in resources:
                # What the other committees hold and the days it is unavailable, each half
                # once, and each day up to the resource's limit: the others' own double
                # bookings are their clash, not this plan's.
                taken_halves: set[int] = set()
                taken_days: Counter[int] = Counter()
                for b in organization.busy:
                    if (b.room if kind == "room" else b.team) == resource.id:
                        taken_halves.update(2 * self.index(b.day) + int(h) for h in b.halves)
                        taken_days[self.index(b.day)] += 1
                for day in resource.unavailable:
                    taken_halves.update((2 * self.index(day), 2 * self.index(day) + 1))
                for start in sorted(taken_halves):
                    halves[resource.id].append(
                        m.new_optional_fixed_size_interval_var(start, 1, literal, "busy")
                    )
                limit = resource.per_day
                for day_index, count in sorted(taken_days.items()):
                    for _ in range(count if limit is None else min(count, limit)):
                        whole_days[resource.id].append(
                            m.new_optional_fixed_size_interval_var(
                                2 * day_index, 2, literal, "busy_day"
                            )
                        )
                m.add_no_overlap(halves[resource.id])
                if resource.per_day is not None and whole_days[resource.id]:
                    m.add_cumulative(
                        whole_days[resource.id],
                        [1] * len(whole_days[resource.id]),
                        resource.per_day,
                    )

    def _soft(self) -> None:
        m = self.model
        for problem in self.problems:
            weeks: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
            for d in problem.demands:
                by_week: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
                for day in d.days:
                    by_week[day.isocalendar()[:2]].append(day)
                if len(by_week) == 1:
                    weeks[next(iter(by_week))].append(self.placed[d.id])
                else:
                    for week, days in by_week.items():
                        weeks[week].append(self._inside(d, days, f"week_{week[0]}_{week[1]}"))
                if not d.movable:
                    continue
                if d.kind is MeetingKind.REGULAR and problem.usual_weekdays:
                    usual = [day for day in d.days if day.isoweekday() in problem.usual_weekdays]
                    on_usual = self._inside(d, usual, "usual_weekday")
                    self.penalties["off_weekday"].append(self.placed[d.id] - on_usual)
                if d.published:
                    kept = self._inside(d, [d.current], "kept")
                    self.penalties["moved"].append(self.placed[d.id] - kept)
                distance = m.new_int_var(0, self.horizon + 1, f"distance_{d.id}")
                m.add_abs_equality(distance, self.day_index[d.id] - self.index(d.current))
                weeks_away = m.new_int_var(0, MOST_WEEKS_AWAY, f"weeks_away_{d.id}")
                # At least the whole weeks away, capped: the objective keeps it no higher.
                far = m.new_bool_var(f"far_{d.id}")
                m.add(distance >= 7 * MOST_WEEKS_AWAY).only_enforce_if(far)
                m.add(weeks_away == MOST_WEEKS_AWAY).only_enforce_if([far, self.placed[d.id]])
                m.add(7 * weeks_away >= distance - 6).only_enforce_if(
                    [far.negated(), self.placed[d.id]]
                )
                self.penalties["weeks_away"].append(weeks_away)
                if not d.full_day:
                    off = (
                        self.afternoon[d.id]
                        if problem.usual_half is Half.MORNING
                        else 1 - self.afternoon[d.id]
                    )
                    self.penalties["off_hours"].append(off)
            for index, members in enumerate(weeks.values()):
                if len(members) < 2:
                    continue
                excess = m.new_int_var(0, len(members), f"crowded_{problem.committee}_{index}")
                m.add(excess >= sum(members) - 1)
                self.penalties["crowded_weeks"].append(excess)

    def objective(self) -> cp_model.LinearExprT:
        weights = {
            "off_weekday": WEEKDAY_WEIGHT,
            "moved": MOVE_WEIGHT,
            "off_hours": HOURS_WEIGHT,
            "crowded_weeks": CROWDED_WEEK_WEIGHT,
            "weeks_away": WEEK_AWAY_WEIGHT,
        }
        total = cp_model.LinearExpr.sum
        soft = [total(self.penalties[name]) * weight for name, weight in weights.items()]
        unplaced = total([1 - placed for placed in self.placed.values()])
        return total([*soft, unplaced * UNPLACED_WEIGHT])

    def hold(self, families: Iterable[Family]) -> None:
        held = set(families)
        for family, literal in self.families.items():
            self.model.add(literal == (1 if family in held else 0))


# The solver's deterministic work done per second of the time limit asked for. CP-SAT counts
# its work in deterministic units, the same on every run of the same model, so that a search
# stopped by them gives the same proposal every time; a unit takes several seconds here
# (measured with benchmarks/bench_schedule.py: 1 unit in 4.0 s of CPU, 1.7 units in 10 s on
# the six committees, quiet machine), so the limit asked for is turned into units that take
# about half of it, and the clock stops the search only on a machine twice slower.
WORK_PER_SECOND = 0.1


def _solver(work: float, seconds: float, seed: int) -> cp_model.CpSolver:
    """A solver stopped by ``work`` deterministic units, or by ``seconds`` on the clock if
    those come first (the proposal may then differ from one run to the next)."""
    solver = cp_model.CpSolver()
    solver.parameters.num_search_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = work
    solver.parameters.max_time_in_seconds = seconds
    # Presolve without probing: on these models probing spends seconds to learn little (the
    # domains are stated exactly), while presolve itself proves a clash at once and halves the
    # search (measured: benchmarks/bench_schedule.py).
    solver.parameters.cp_model_presolve = True
    solver.parameters.cp_model_probing_level = 0
    return solver


def _feasible(
    problems: Sequence[Problem],
    organization: Organization,
    families: Iterable[Family],
    limit: float,
) -> bool:
    model = _Model(problems, organization, optional=False)
    model.hold(families)
    # Proving a clash is worth more time than a proposal: the deletion filter asks once a family.
    status = _solver(limit, 3 * limit + 1, 0).solve(model.model)
    # A search stopped by its limit is taken as finding nothing: the family stays suspected.
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def families_in_use(problems: Sequence[Problem], organization: Organization) -> list[Family]:
    """The families that constrain anything in ``problems`` (the others cannot clash)."""
    demands = [d for p in problems for d in p.demands]
    used = {
        Family.TERM: any(Family.TERM in d.excluded.values() for d in demands),
        Family.REQUESTED: any(d.fixed_family is Family.REQUESTED for d in demands),
        Family.HELD: False,  # a fact, not a constraint: held meetings are on their day
        Family.REVIEW: any(d.window is not None for d in demands),
        Family.ORDER: any(p.order or p.first_of_review for p in problems),
        Family.AGENDA: any(p.follows for p in problems),
        Family.GAP: any(p.min_gap_days > 0 for p in problems),
        Family.BUDGET: any(p.ceilings for p in problems),
        Family.ROOMS: bool(organization.rooms) and any(d.rooms for d in demands),
        Family.TEAMS: bool(organization.teams) and any(d.teams for d in demands),
    }
    return [family for family in Family if used[family]]


def clashing_families(
    problems: Sequence[Problem], organization: Organization, *, limit: float = 2.0
) -> tuple[Family, ...]:
    """A smallest set of families of constraints that leave no calendar (deletion filter)."""
    suspects = families_in_use(problems, organization)
    for family in list(suspects):
        rest = [f for f in suspects if f is not family]
        if not _feasible(problems, organization, rest, limit):
            suspects = rest
    return tuple(suspects)


def _read(
    model: _Model, solver: cp_model.CpSolver
) -> tuple[dict[str, Placement], list[str], SoftCost]:
    placements = {}
    unplaced = []
    for d in model.demands:
        if not solver.boolean_value(model.placed[d.id]):
            unplaced.append(d.id)
            continue
        day = dt.date.fromordinal(model.origin + solver.value(model.day_index[d.id]))
        half = Half.AFTERNOON if solver.boolean_value(model.afternoon[d.id]) else Half.MORNING
        room = next(
            (r for r, v in model.room_vars.get(d.id, {}).items() if solver.boolean_value(v)), None
        )
        team = next(
            (t for t, v in model.team_vars.get(d.id, {}).items() if solver.boolean_value(v)), None
        )
        placements[d.id] = Placement(d.id, d.committee, day, half, d.full_day, room, team)
    soft = SoftCost(
        **{
            name: int(sum(solver.value(term) for term in terms))
            for name, terms in model.penalties.items()
        }
    )
    return placements, unplaced, soft


def solve(
    problems: Sequence[Problem],
    organization: Organization = ALONE,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
) -> Outcome:
    """A proposal for every demand of ``problems``, or as many as fit and why the rest do not."""
    started = time.perf_counter()
    model = _Model(problems, organization, optional=False)
    model.hold(Family)
    model.model.minimize(model.objective())
    solver = _solver(time_limit * WORK_PER_SECOND, time_limit, seed)
    status = solver.solve(model.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        placements, _, soft = _read(model, solver)
        return Outcome(
            placements, [], soft, status == cp_model.OPTIMAL, time.perf_counter() - started
        )
    clash = clashing_families(problems, organization)
    partial = _Model(problems, organization, optional=True)
    partial.hold(Family)
    partial.model.minimize(partial.objective())
    solver = _solver(time_limit * WORK_PER_SECOND, time_limit, seed)
    status = solver.solve(partial.model)
    by_id = {d.id: d for d in model.demands}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Not even the meetings already held fit together: nothing is proposed.
        unplaced = [Unplaced(d.id, d.committee, clash) for d in model.demands if d.movable]
        return Outcome({}, unplaced, SoftCost(), False, time.perf_counter() - started, clash)
    placements, missing, soft = _read(partial, solver)
    unplaced = [Unplaced(m, by_id[m].committee, clash) for m in missing]
    return Outcome(
        placements,
        unplaced,
        soft,
        status == cp_model.OPTIMAL,
        time.perf_counter() - started,
        clash,
    )
