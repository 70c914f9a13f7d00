"""The objects of a committee's plan for one term, as plain Pydantic models.

Only what a person decides is stored; whatever can be derived (counts of meetings, the
month-by-month summary, differences between appropriations, full or half days) is computed by
the code that needs it, so it can never disagree with the data.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Self

from pydantic import AwareDatetime, Field, model_validator

from comitia.plan.costs import MeetingCosting
from comitia.plan.fields import (
    Amount,
    Fuzzy,
    Identifier,
    Language,
    MonthDay,
    PlanModel,
    Text,
    Time,
    TimeZone,
    field_error,
)
from comitia.plan.states import StateCode


class Body(PlanModel):
    """An organ or office: the committee itself, the councils, secretariats, other bodies."""

    id: Identifier
    acronym: Text | None = None
    name: Text
    parent: Identifier | None = Field(
        default=None, description="The body this one belongs to (a department of a secretariat)."
    )


class Term(PlanModel):
    """One committee's period of work."""

    committee: Identifier = Field(description="The body whose plan this is.")
    label: str = Field(description="How the term is named, such as 2019-2020.")
    start: dt.date
    end: dt.date
    installed_on: dt.date | None = None
    installed_by: Identifier | None = None
    timezone: TimeZone = Field(
        default="America/New_York",
        description="IANA time zone of the headquarters, where meeting times are local.",
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end <= self.start:
            raise field_error(
                "Term",
                "end",
                f"the term ends ({self.end}) before it starts ({self.start})",
                self.end,
            )
        return self


class PlanDocument(PlanModel):
    """The work-plan document as approved: its title, symbol and revision."""

    title: Text
    symbol: str = Field(description="Document symbol, such as CP/CSH-1933/19 rev. 2.")
    revision: int = Field(default=0, ge=0)
    approved_on: dt.date | None = None
    approved_by: Identifier | None = None


class OfficerRole(enum.StrEnum):
    CHAIR = "chair"
    FIRST_VICE_CHAIR = "first_vice_chair"
    SECOND_VICE_CHAIR = "second_vice_chair"
    THIRD_VICE_CHAIR = "third_vice_chair"


class Officer(PlanModel):
    """A member of the bureau and how they were elected."""

    role: OfficerRole
    person: str = Field(
        min_length=1, description="Name as printed, such as José Manuel Boza Orozco."
    )
    honorific: Text | None = Field(default=None, description="Such as Ambassadeur or M.")
    position: Text | None = Field(
        default=None, description="Such as Représentant permanent du Pérou près l’OEA."
    )
    state: StateCode
    elected_on: dt.date
    elected_by: Identifier


class ThematicArea(PlanModel):
    """One of the ordered areas of the resolution; every agenda item sits in one."""

    id: Identifier
    number: int = Field(ge=1)
    title: Text


class MandateGroup(enum.StrEnum):
    GENERAL_ASSEMBLY = "general_assembly"
    CHARTER = "charter"
    STANDING = "standing"


class Mandate(PlanModel):
    """What the committee must follow up, and where the obligation comes from."""

    id: Identifier
    group: MandateGroup
    title: Text
    source: str = Field(description="Resolution or document symbol, or the Charter.")
    resolution: Identifier | None = Field(
        default=None,
        description="The resolution of the plan it comes from, whose paragraphs citations name.",
    )
    article: str | None = Field(default=None, description="Article of the source, such as 91 f.")
    body: Identifier | None = Field(
        default=None, description="The body concerned, such as the one whose report is due."
    )
    area: Identifier | None = None
    excluded_paragraphs: list[str] = Field(
        default_factory=list,
        description="Paragraphs of the source assigned to other bodies.",
    )
    notes: list[Text] = Field(default_factory=list)


class Citation(PlanModel):
    """A reference from an agenda item or activity to a mandate or another document."""

    mandate: Identifier | None = Field(default=None, description="A mandate of the register.")
    symbol: str | None = Field(default=None, description="Another document's symbol.")
    paragraphs: list[str] = Field(default_factory=list)
    article: str | None = None

    @model_validator(mode="after")
    def _names_a_source(self) -> Self:
        if self.mandate is None and self.symbol is None:
            raise ValueError("a citation names a mandate or a document symbol")
        return self


class AgendaKind(enum.StrEnum):
    AREA = "area"
    TOPIC = "topic"
    ITEM = "item"


class AgendaNode(PlanModel):
    """A node of a meeting's agenda tree: a thematic area, a topic under it, or an item."""

    kind: AgendaKind = AgendaKind.ITEM
    id: Identifier | None = Field(
        default=None,
        description=(
            "Optional: a stable id of this node, unique across the plan's agendas, for other "
            "agenda items to name in their after."
        ),
    )
    area: Identifier | None = Field(default=None, description="For an area node: which area.")
    title: Text | None = Field(
        default=None, description="Required for topics and items; for areas, a heading as worded."
    )
    presenters: list[Identifier] = Field(default_factory=list, description="Bodies presenting.")
    citations: list[Citation] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list, description="Document symbols.")
    notes: list[Text] = Field(default_factory=list)
    items: list[AgendaNode] = Field(default_factory=list)
    after: list[Identifier] = Field(
        default_factory=list,
        description=(
            "Optional: the ids of agenda items, of other meetings, that must be held first: "
            "this node's meeting is held on a later day than theirs (a hard constraint of the "
            "scheduler, checked by the plan checks)."
        ),
    )

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.kind is AgendaKind.AREA and self.area is None:
            raise ValueError("an area node names its thematic area")
        if self.kind is not AgendaKind.AREA and self.area is not None:
            raise ValueError(f"a {self.kind.value} node does not name an area")
        if self.kind is not AgendaKind.AREA and self.title is None:
            raise ValueError(f"a {self.kind.value} node has a title")
        return self

    def walk(self) -> list[AgendaNode]:
        """This node and all its descendants, depth first, in agenda order."""
        nodes = [self]
        for child in self.items:
            nodes.extend(child.walk())
        return nodes


class MeetingKind(enum.StrEnum):
    REGULAR = "regular"
    SPECIAL = "special"
    GA_REQUESTED = "ga_requested"
    JOINT = "joint"


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class Move(PlanModel):
    """Why and when a meeting left one of its earlier dates (listed in ``previous_dates``)."""

    date: dt.date = Field(description="The earlier date, one of the meeting's previous_dates.")
    reason: Text | None = None
    recorded_at: AwareDatetime | None = Field(
        default=None, description="When the move was recorded, with its UTC offset."
    )


class Meeting(PlanModel):
    """One of the committee's own sessions."""

    id: Identifier
    date: dt.date
    start: Time
    end: Time
    kind: MeetingKind = MeetingKind.REGULAR
    status: MeetingStatus = MeetingStatus.SCHEDULED
    provisional: bool = Field(default=False, description="The date is not final.")
    previous_dates: list[dt.date] = Field(
        default_factory=list, description="Dates it was scheduled for before, oldest first."
    )
    moves: list[Move] = Field(
        default_factory=list,
        description="Optional: why and when it left some of its previous dates.",
    )
    sequence: int = Field(
        default=0,
        ge=0,
        description="Revision number, raised by each change (the SEQUENCE of calendar feeds).",
    )
    title: Text | None = None
    venue: Text | None = Field(
        default=None,
        description="Where it is held away from the headquarters; empty for the headquarters.",
    )
    room: Identifier | None = Field(
        default=None,
        description=(
            "The headquarters room it is held in: a room of the organization file "
            "(comitia.plan.organization); a meeting elsewhere has a venue instead."
        ),
    )
    team: Identifier | None = Field(
        default=None, description="The interpretation team booked for it, of the organization file."
    )
    languages: list[Language] | None = Field(
        default=None,
        min_length=1,
        description="The languages it is held in (interpreted); absent: the plan's languages.",
    )
    agenda: list[AgendaNode] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)
    costing: MeetingCosting | None = Field(
        default=None, description="Optional: languages, pages, who pays, a stated cost."
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end <= self.start:
            raise field_error(
                "Meeting",
                "end",
                f"the meeting ends ({self.end:%H:%M}) before it starts ({self.start:%H:%M})",
                self.end.strftime("%H:%M"),
            )
        if self.room is not None and self.venue is not None:
            raise field_error(
                "Meeting",
                "venue",
                "a meeting in a room of the headquarters has no venue (the venue is for "
                "meetings held elsewhere)",
                str(self.venue),
            )
        if self.languages is not None and len(set(self.languages)) != len(self.languages):
            raise field_error("Meeting", "languages", "a language is listed twice", self.languages)
        seen: set[dt.date] = set()
        for move in self.moves:
            if move.date not in self.previous_dates or move.date in seen:
                raise field_error(
                    "Meeting",
                    "moves",
                    f"a move's date ({move.date}) is one of previous_dates, listed once",
                    move.date.isoformat(),
                )
            seen.add(move.date)
        return self

    def agenda_nodes(self) -> list[AgendaNode]:
        return [node for root in self.agenda for node in root.walk()]

    def languages_or(self, default: list[Language]) -> list[Language]:
        """The languages it is held in: its own, else ``default`` (its plan's languages)."""
        return list(self.languages) if self.languages is not None else list(default)


class Activity(PlanModel):
    """Another body's event shown beside the committee's calendar."""

    id: Identifier
    title: Text
    body: Identifier | None = None
    when: Fuzzy
    provisional: bool = Field(
        default=False, description="Same as a trailing ? on when; either may be written."
    )
    start: Time | None = None
    end: Time | None = None
    venue: Text | None = None
    citations: list[Citation] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _provisional_agrees_with_when(self) -> Self:
        if "provisional" in self.model_fields_set and self.provisional != self.when.provisional:
            if self.when.provisional:
                raise field_error(
                    "Activity",
                    "provisional",
                    f"provisional is false but when ({self.when}) is provisional",
                    self.provisional,
                )
            object.__setattr__(self, "when", self.when.with_provisional(True))
        object.__setattr__(self, "provisional", self.when.provisional)
        if (self.start is None) != (self.end is None):
            raise ValueError("an activity has both a start and an end time, or neither")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise field_error(
                "Activity",
                "end",
                f"the activity ends ({self.end:%H:%M}) before it starts ({self.start:%H:%M})",
                self.end.strftime("%H:%M"),
            )
        return self


class RequestedEvent(PlanModel):
    """An event the General Assembly asked the committee to hold, as the methodology lists it."""

    id: Identifier
    title: Text
    when: Fuzzy = Field(description="The date stated; provisional (?) when only proposed.")
    venue: Text | None = None
    meeting: Identifier | None = Field(default=None, description="The meeting that holds it.")
    activity: Identifier | None = Field(default=None, description="Or the activity that does.")
    citations: list[Citation] = Field(default_factory=list)


class NonMeetingDay(PlanModel):
    """A holiday of the headquarters calendar."""

    date: dt.date
    name: Text


class Frequency(enum.StrEnum):
    YEARLY = "yearly"
    BIENNIAL = "biennial"
    VOLUNTARY = "voluntary"
    STANDING = "standing"


class Parties(enum.StrEnum):
    MEMBER_STATES = "member_states"
    STATES_PARTIES = "states_parties"


class Submission(PlanModel):
    """One state's answer to a reporting obligation."""

    state: StateCode
    date: dt.date = Field(description="When it was received.")
    reference: str | None = Field(default=None, description="Its document symbol, if any.")
    cycle: int | None = Field(
        default=None,
        ge=1900,
        le=2200,
        description="The year it reports for; absent: the year it was received.",
    )
    link: str | None = Field(default=None, description="Where the document can be read.")
    language: Language | None = Field(default=None, description="The language it is written in.")

    @property
    def year(self) -> int:
        """The cycle it answers: ``cycle``, or the year it was received."""
        return self.cycle if self.cycle is not None else self.date.year


class Convention(PlanModel):
    """A convention whose states parties owe some of the reports.

    Who the states parties are is data the secretariat keeps (ratifications change): absent
    until it is entered, and marked ``illustrative`` when it is an example, not the real list.
    """

    id: Identifier
    title: Text
    states_parties: list[StateCode] | None = Field(
        default=None, description="ISO 3166 codes of the states parties; absent: not known yet."
    )
    illustrative: bool = Field(
        default=False, description="True when the list is an example, not the real one."
    )


# Days before a due date, and after it, on which states that have not reported are reminded.
DEFAULT_REMINDERS_BEFORE = (14,)
DEFAULT_REMINDERS_AFTER = (1,)


class ReportingObligation(PlanModel):
    """What member states (or states parties to a convention) must send, and when.

    A yearly obligation is due every year on ``due``; a biennial one every other year from
    ``reference_year`` (on ``due`` if given, else by the end of that year); a voluntary one
    may be sent at any time; a standing one (a point of contact to keep up to date) is asked
    for once and kept current.
    """

    id: Identifier
    title: Text
    frequency: Frequency
    due: MonthDay | None = Field(
        default=None, description="For yearly (and optionally biennial) obligations: --MM-DD."
    )
    reference_year: int | None = Field(
        default=None,
        ge=1900,
        le=2200,
        description="For biennial obligations: a year in which a report is due.",
    )
    parties: Parties = Parties.MEMBER_STATES
    convention: Identifier | None = Field(
        default=None, description="For states parties: the convention (see conventions)."
    )
    request: list[Text] = Field(default_factory=list, description="What is asked, as worded.")
    basis: list[str] = Field(default_factory=list, description="Symbols of the resolutions.")
    channel: str | None = Field(default=None, description="Where to send it, such as a URL.")
    remind_before: list[int] = Field(
        default_factory=lambda: list(DEFAULT_REMINDERS_BEFORE),
        description="Days before the due date on which states that owe it are reminded.",
    )
    remind_after: list[int] = Field(
        default_factory=lambda: list(DEFAULT_REMINDERS_AFTER),
        description="Days after the due date on which states that have not sent it are reminded.",
    )
    submissions: list[Submission] = Field(default_factory=list)

    @model_validator(mode="after")
    def _due_for_yearly_only(self) -> Self:
        if self.frequency is Frequency.YEARLY and self.due is None:
            raise ValueError("a yearly obligation has a due date (--MM-DD)")
        dated = (Frequency.YEARLY, Frequency.BIENNIAL)
        if self.frequency not in dated and self.due is not None:
            raise ValueError(f"a {self.frequency.value} obligation has no yearly due date")
        if self.frequency is not Frequency.BIENNIAL and self.reference_year is not None:
            raise field_error(
                "ReportingObligation",
                "reference_year",
                f"a {self.frequency.value} obligation has no reference year",
                self.reference_year,
            )
        if self.convention is not None and self.parties is not Parties.STATES_PARTIES:
            raise field_error(
                "ReportingObligation",
                "convention",
                "only an obligation of states parties names a convention",
                self.convention,
            )
        for name in ("remind_before", "remind_after"):
            days = getattr(self, name)
            if any(not 0 <= day <= 366 for day in days):
                raise field_error("ReportingObligation", name, "days are between 0 and 366", days)
        return self


class Appropriation(PlanModel):
    """Money for the committee's meetings for a year or part of one, and its legal basis."""

    id: Identifier
    period: Fuzzy
    amount: Amount
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    basis: str = Field(description="Symbol of the resolution that appropriated it.")
    basis_title: Text | None = None
    approved_by: Identifier | None = None
    notes: list[Text] = Field(default_factory=list)
    parts: list[Fuzzy] = Field(
        default_factory=list,
        description="Sub-periods it covers without an amount of their own (its semesters).",
    )

    @model_validator(mode="after")
    def _parts_within_period(self) -> Self:
        first, last = self.period.first_day, self.period.last_day
        for index, part in enumerate(self.parts):
            if (
                first is None
                or last is None
                or part.first_day is None
                or part.last_day is None
                or part.first_day < first
                or part.last_day > last
            ):
                raise field_error(
                    "Appropriation",
                    ("parts", index),
                    f"the part {part} is not within the period {self.period}",
                    str(part),
                )
        return self


class MilestoneKind(enum.StrEnum):
    METHODOLOGY = "methodology"
    FIRST_DRAFT = "first_draft"
    INFORMAL_CONSULTATIONS = "informal_consultations"
    FORMAL_REVIEW = "formal_review"
    FINAL_REPORTS = "final_reports"
    ADOPTION = "adoption"


class Milestone(PlanModel):
    """A step of the negotiation of the draft resolution."""

    id: Identifier
    kind: MilestoneKind
    title: Text
    when: Fuzzy | None = None
    meeting: Identifier | None = None
    half_day_sessions: int | None = Field(default=None, ge=0)
    full_day_sessions: int | None = Field(default=None, ge=0)


class Negotiation(PlanModel):
    """The plan for negotiating the committee's draft resolution."""

    title: Text | None = None
    starts: Fuzzy | None = None
    milestones: list[Milestone] = Field(default_factory=list)


class ClaimedCount(enum.StrEnum):
    """What a count stated in a document's prose counts."""

    COMMITTEE_MEETINGS = "committee_meetings"
    REGULAR_MEETINGS = "regular_meetings"
    GA_REQUESTED_MEETINGS = "ga_requested_meetings"
    HALF_DAY_SESSIONS = "half_day_sessions"
    FULL_DAY_SESSIONS = "full_day_sessions"


class CountClaim(PlanModel):
    """A count that an imported document states in its prose ("13 réunions ordinaires")."""

    counts: ClaimedCount
    number: int = Field(ge=0)
    text: Text = Field(description="The sentence that states it, as printed.")
    line: int | None = Field(default=None, ge=1, description="Its line in the source document.")


class SummaryClaim(PlanModel):
    """One entry of an imported document's own month-by-month summary of meetings.

    Kept as the document printed it, to be checked against the calendar, never used as data:
    the summary Comitia prints is derived from the meetings and activities.
    """

    when: Fuzzy
    title: Text
    committee: bool = Field(description="Whether the entry names a meeting of the committee.")
    line: int | None = Field(default=None, ge=1, description="Its line in the source document.")


__all__ = [
    "DEFAULT_REMINDERS_AFTER",
    "DEFAULT_REMINDERS_BEFORE",
    "Activity",
    "AgendaKind",
    "AgendaNode",
    "Appropriation",
    "Body",
    "Citation",
    "ClaimedCount",
    "Convention",
    "CountClaim",
    "Frequency",
    "Language",
    "Mandate",
    "MandateGroup",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Milestone",
    "MilestoneKind",
    "Move",
    "Negotiation",
    "NonMeetingDay",
    "Officer",
    "OfficerRole",
    "Parties",
    "PlanDocument",
    "ReportingObligation",
    "RequestedEvent",
    "Submission",
    "SummaryClaim",
    "Term",
    "ThematicArea",
]
