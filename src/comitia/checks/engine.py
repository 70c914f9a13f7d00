"""The rule engine: findings, the rule registry and one pass over a plan.

A rule is a small generator function over a :class:`Context`; it yields :class:`Hit` values
(what it found, with the dates and objects concerned) and the engine turns each into a
:class:`Finding` with the rule's stable code and severity. Rules read the plan through the
context's indexes, built once and sorted, so that no rule compares every pair of objects.

Messages are not built here: a finding keeps the values its message needs, and
:meth:`Finding.message` and :meth:`Finding.hint` word them in the reader's language from the
templates of :mod:`comitia.checks.messages`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from comitia.dates import FuzzyDate, Precision
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Language,
    Meeting,
    MeetingStatus,
    Organization,
    Plan,
    Text,
)


class Severity(enum.StrEnum):
    """How serious a finding is; errors block the approval of a revision."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class ObjectKind(enum.StrEnum):
    """The kinds of plan object a finding can point at."""

    MEETING = "meeting"
    ACTIVITY = "activity"
    MANDATE = "mandate"
    BODY = "body"
    REQUESTED_EVENT = "requested_event"
    OBLIGATION = "obligation"
    MILESTONE = "milestone"
    SUMMARY_CLAIM = "summary_claim"
    COUNT_CLAIM = "count_claim"
    DOCUMENT = "document"
    APPROPRIATION = "appropriation"
    RESOLUTION = "resolution"
    # A meeting of another committee of the organization: its id is committee/meeting.
    OTHER_MEETING = "other_meeting"


@dataclass(frozen=True, order=True)
class ObjectRef:
    """One object of the plan: its kind and its id (claims: their index in the plan's list)."""

    kind: ObjectKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True)
class Hit:
    """What a rule found: the values of its message, the dates and the objects concerned."""

    params: Mapping[str, Any]
    dates: tuple[dt.date, ...] = ()
    objects: tuple[ObjectRef, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One broken rule: its code, severity, the dates and objects concerned, and its wording."""

    code: str
    severity: Severity
    params: Mapping[str, Any]
    dates: tuple[dt.date, ...]
    objects: tuple[ObjectRef, ...]

    def message(self, lang: str = "en") -> str:
        from comitia.checks.messages import render

        return render(self.code, "message", self.params, lang)

    def hint(self, lang: str = "en") -> str:
        from comitia.checks.messages import render

        return render(self.code, "hint", self.params, lang)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The finding as plain JSON data: code, severity, message, dates (ISO), objects, hint."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(lang),
            "dates": [d.isoformat() for d in self.dates],
            "objects": [{"kind": ref.kind.value, "id": ref.id} for ref in self.objects],
            "hint": self.hint(lang),
        }

    @property
    def sort_key(self) -> tuple[Any, ...]:
        first = self.dates[0] if self.dates else dt.date.max
        return (SEVERITY_ORDER[self.severity], first, self.code, self.objects)


RuleFunction = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable code, severity, the family it belongs to, and its function."""

    code: str
    severity: Severity
    family: str
    check: RuleFunction


RULES: dict[str, Rule] = {}


def rule(code: str, severity: Severity) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` as the rule ``code``; its family is its module's last name."""

    def register(function: RuleFunction) -> RuleFunction:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        family = function.__module__.rsplit(".", 1)[-1]
        RULES[code] = Rule(code, severity, family, function)
        return function

    return register


DEFAULT_PROVISIONAL_WEEKS = 4
T = TypeVar("T")


@dataclass(frozen=True)
class PlacedNode:
    """An agenda node of a meeting, with the thematic area it sits under (if any)."""

    meeting: Meeting
    node: AgendaNode
    area: str | None


@dataclass(frozen=True)
class OtherCommittee:
    """Another committee of the organization, as the rules across committees read it: its
    meetings (those not cancelled are booked), and which of them the reader may not see.

    ``key`` names its term in findings (``other_meeting:KEY/MEETING``; the term's name, such as
    cajp-2019-2020); ``name`` is how messages name it (its acronym), with the article of its
    ``full_name`` (la CAJP: la Commission); ``hidden`` holds the ids of
    meetings a finding must not name (a draft meeting, for a reader who may not see it): the
    clash is still found, worded without the meeting.
    """

    key: str
    committee: str
    name: Text
    meetings: tuple[Meeting, ...]
    languages: tuple[Language, ...]
    hidden: frozenset[str] = frozenset()
    full_name: Text | None = None
    _booked: dict[str, dict[tuple[str, dt.date], tuple[Meeting, ...]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def booked(self, attribute: str) -> dict[tuple[str, dt.date], tuple[Meeting, ...]]:
        """Its meetings that are not cancelled by (the ``room`` or ``team`` they book, day),
        built once: checking each of the organization's committees against the others reads
        every other committee's index many times."""
        if attribute not in self._booked:
            index: dict[tuple[str, dt.date], list[Meeting]] = defaultdict(list)
            for meeting in self.meetings:
                resource = getattr(meeting, attribute)
                if resource is not None and meeting.status is not MeetingStatus.CANCELLED:
                    index[(resource, meeting.date)].append(meeting)
            self._booked[attribute] = {key: tuple(found) for key, found in index.items()}
        return self._booked[attribute]

    @classmethod
    def of_plan(cls, plan: Plan, hidden: Iterable[str] = ()) -> OtherCommittee:
        committee = next((b for b in plan.bodies if b.id == plan.term.committee), None)
        name = (
            (committee.acronym or committee.name)
            if committee is not None
            else Text.of(plan.language, plan.term.committee.upper())
        )
        key = f"{plan.term.committee}-{plan.term.label}".lower().replace(" ", "-")
        return cls(
            key,
            plan.term.committee,
            name,
            tuple(plan.meetings),
            tuple(plan.languages),
            frozenset(hidden),
            full_name=committee.name if committee is not None else None,
        )


@dataclass
class Context:
    """A plan and what the rules need to read it fast: sorted lists and indexes, built once.

    ``organization`` holds the rooms and teams the meetings name, ``others`` the organization's
    other committees whose meetings book them too (the rules of ``rules.organization``).
    """

    plan: Plan
    today: dt.date
    provisional_weeks: int = DEFAULT_PROVISIONAL_WEEKS
    organization: Organization | None = None
    others: Sequence[OtherCommittee] = ()
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)

    def shared(self, key: str, build: Callable[[Context], T]) -> T:
        """A value that several rules need, built by the first that asks for it."""
        if key not in self._shared:
            self._shared[key] = build(self)
        return self._shared[key]  # type: ignore[no-any-return]

    @cached_property
    def meetings(self) -> list[Meeting]:
        """The committee's meetings that are not cancelled, by date and start time."""
        return sorted(
            (m for m in self.plan.meetings if m.status is not MeetingStatus.CANCELLED),
            key=lambda m: (m.date, m.start, m.id),
        )

    @cached_property
    def meetings_by_date(self) -> dict[dt.date, list[Meeting]]:
        index: dict[dt.date, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            index[meeting.date].append(meeting)
        return index

    @cached_property
    def meeting_by_id(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.plan.meetings}

    @cached_property
    def activities(self) -> list[Activity]:
        """Activities with a known date, by first day."""
        return sorted(
            (a for a in self.plan.activities if a.when.first_day is not None),
            key=lambda a: (a.when.sort_key, a.id),
        )

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {a.id: a for a in self.plan.activities}

    @cached_property
    def placed_nodes(self) -> list[PlacedNode]:
        """Every agenda node of every meeting (cancelled ones too), with its thematic area."""
        placed: list[PlacedNode] = []
        for meeting in self.plan.meetings:
            stack: list[tuple[AgendaNode, str | None]] = [
                (node, None) for node in reversed(meeting.agenda)
            ]
            while stack:
                node, area = stack.pop()
                if node.kind is AgendaKind.AREA:
                    area = node.area
                placed.append(PlacedNode(meeting, node, area))
                stack.extend((child, area) for child in reversed(node.items))
        return placed

    @cached_property
    def citing_nodes(self) -> dict[str, list[PlacedNode]]:
        """Agenda nodes by the mandate they cite, in meeting order."""
        index: dict[str, list[PlacedNode]] = defaultdict(list)
        for placed in self.placed_nodes:
            for mandate in {c.mandate for c in placed.node.citations if c.mandate is not None}:
                index[mandate].append(placed)
        return index

    @cached_property
    def body_ids(self) -> set[str]:
        return {body.id for body in self.plan.bodies}

    @cached_property
    def acronyms(self) -> set[str]:
        """Every body's acronym in every language, and its id, upper-cased."""
        found = {body.id.upper() for body in self.plan.bodies}
        for body in self.plan.bodies:
            if body.acronym is not None:
                found.update(value.upper() for value in body.acronym.root.values())
        return found

    @cached_property
    def non_meeting_days(self) -> dict[dt.date, Text]:
        return {day.date: day.name for day in self.plan.non_meeting_days}


def is_precise(when: FuzzyDate) -> bool:
    """Whether a fuzzy date names its days (a day, listed days, or a range of days)."""
    if when.precision in (Precision.DAY, Precision.DAYS):
        return True
    return when.precision is Precision.RANGE and when.range_unit is Precision.DAY


def fuzzy_days(when: FuzzyDate) -> tuple[dt.date, ...]:
    """The first and last possible day of a dated fuzzy date (empty when unknown)."""
    if when.first_day is None or when.last_day is None:
        return ()
    if when.first_day == when.last_day:
        return (when.first_day,)
    return (when.first_day, when.last_day)


def run_checks(
    plan: Plan,
    *,
    today: dt.date | None = None,
    provisional_weeks: int = DEFAULT_PROVISIONAL_WEEKS,
    codes: Iterable[str] | None = None,
    organization: Organization | None = None,
    others: Sequence[OtherCommittee] = (),
) -> list[Finding]:
    """Every finding of every rule (or only of ``codes``) over ``plan``, errors first, by date.

    ``today`` is the day the plan is read on (the system's date by default); it decides which
    provisional meetings are too close and which mandates were already presented.
    ``organization`` (its rooms and teams) and ``others`` (the organization's other
    committees) let the rules across committees find rooms and teams booked twice; without
    them those rules see only ``plan``.
    """
    _load_rules()
    context = Context(
        plan, today or dt.date.today(), provisional_weeks, organization, tuple(others)
    )
    selected = [RULES[code] for code in sorted(codes)] if codes is not None else RULES.values()
    findings = [
        Finding(r.code, r.severity, hit.params, hit.dates, hit.objects)
        for r in selected
        for hit in r.check(context)
    ]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def blocking_findings(plan: Plan, *, today: dt.date | None = None) -> list[Finding]:
    """The error findings of ``plan``: what blocks the approval of a revision."""
    return [f for f in run_checks(plan, today=today) if f.severity is Severity.ERROR]


def _load_rules() -> None:
    # Importing the rule modules registers their rules.
    from comitia.checks import rules  # noqa: F401


def iter_rules() -> Iterator[Rule]:
    """The registered rules, by code."""
    _load_rules()
    yield from (RULES[code] for code in sorted(RULES))
