"""The plan: everything a committee plans and follows for one term, in one validated object.

``Plan.model_validate`` checks each object's shape and then the plan's integrity: identifiers
are unique, every reference names an object of the plan, the bureau has one officer per role.
Each broken rule is reported at the place that breaks it (for example
``officers.1.role``), so a plan file's error can name its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal, Self

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from comitia.plan.costs import CostRates
from comitia.plan.entities import (
    Activity,
    AgendaKind,
    Appropriation,
    Body,
    Citation,
    Convention,
    CountClaim,
    Mandate,
    Meeting,
    Negotiation,
    NonMeetingDay,
    Officer,
    PlanDocument,
    ReportingObligation,
    RequestedEvent,
    SummaryClaim,
    Term,
    ThematicArea,
)
from comitia.plan.fields import Identifier, Language, PlanModel
from comitia.plan.resolutions import Resolution, citation_problems, resolution_problems

FORMAT_VERSION: Literal[1] = 1

# A text's id (comitia.translations.texts): a collection, then names of objects and fields.
TextId = Annotated[str, Field(pattern=r"^[a-z_]+(/[a-z0-9._-]+)+$", max_length=300)]
# The fingerprint of a source text (comitia.translations.texts.fingerprint).
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]

Location = tuple[str | int, ...]


class Plan(PlanModel):
    """One committee's plan for one term."""

    comitia: Literal[1] = Field(
        default=FORMAT_VERSION, description="Version of the plan file format."
    )
    language: Language = Field(description="The language the plan's content is written in.")
    languages: list[Language] = Field(
        default_factory=lambda: list(Language), description="Languages the plan is published in."
    )
    term: Term
    organization: Identifier | None = Field(
        default=None,
        description=(
            "The organization whose rooms and interpretation teams its meetings use: the id of "
            "an organization file, which the secretariat keeps once for all its committees."
        ),
    )
    document: PlanDocument | None = None
    bodies: list[Body] = Field(default_factory=list)
    officers: list[Officer] = Field(default_factory=list)
    thematic_areas: list[ThematicArea] = Field(default_factory=list)
    mandates: list[Mandate] = Field(default_factory=list)
    requested_events: list[RequestedEvent] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    non_meeting_days: list[NonMeetingDay] = Field(default_factory=list)
    conventions: list[Convention] = Field(default_factory=list)
    obligations: list[ReportingObligation] = Field(default_factory=list)
    appropriations: list[Appropriation] = Field(default_factory=list)
    cost_rates: list[CostRates] = Field(
        default_factory=list, description="What meetings cost, per budget period."
    )
    negotiation: Negotiation | None = None
    resolutions: list[Resolution] = Field(
        default_factory=list,
        description="Resolutions: the adopted one the mandates come from, the draft negotiated.",
    )
    summary_claims: list[SummaryClaim] = Field(
        default_factory=list,
        description="An imported document's own summary of its meetings, kept to be checked.",
    )
    count_claims: list[CountClaim] = Field(
        default_factory=list,
        description="Counts an imported document states in its prose, kept to be checked.",
    )
    translated_from: dict[Language, dict[TextId, Fingerprint]] = Field(
        default_factory=dict,
        description=(
            "Per language, the fingerprint of the source each translation was made from, by "
            "text id (meetings/m-2019-10-24/agenda/3.2.1/title): a translation whose source "
            "has changed since is outdated. Written by comitia translations import."
        ),
    )

    @model_validator(mode="after")
    def _integrity(self) -> Self:
        problems = list(integrity_problems(self))
        if problems:
            raise ValidationError.from_exception_data(
                "Plan",
                [
                    InitErrorDetails(
                        type=PydanticCustomError("plan_integrity", message),
                        loc=location,
                        input=value,
                    )
                    for location, message, value in problems
                ],
            )
        return self

    def body(self, body_id: str) -> Body:
        return next(body for body in self.bodies if body.id == body_id)


Problem = tuple[Location, str, Any]


def integrity_problems(plan: Plan) -> Iterator[Problem]:
    """Every broken cross-object rule of ``plan``, with where it is broken."""
    yield from _unique("bodies", (body.id for body in plan.bodies))
    yield from _unique("thematic_areas", (area.id for area in plan.thematic_areas))
    yield from _unique("mandates", (mandate.id for mandate in plan.mandates))
    yield from _unique("meetings", (meeting.id for meeting in plan.meetings))
    yield from _unique("activities", (activity.id for activity in plan.activities))
    yield from _unique("requested_events", (event.id for event in plan.requested_events))
    yield from _unique("conventions", (item.id for item in plan.conventions))
    yield from _unique("obligations", (item.id for item in plan.obligations))
    yield from _unique("appropriations", (item.id for item in plan.appropriations))
    yield from _unique("cost_rates", (item.id for item in plan.cost_rates))
    yield from _unique("resolutions", (item.id for item in plan.resolutions))
    yield from _unique(
        "thematic_areas", (area.number for area in plan.thematic_areas), field="number"
    )
    yield from _unique("officers", (officer.role.value for officer in plan.officers), field="role")
    yield from _unique(
        "non_meeting_days", (day.date.isoformat() for day in plan.non_meeting_days), field="date"
    )
    if plan.negotiation is not None:
        yield from _unique(
            ("negotiation", "milestones"), (m.id for m in plan.negotiation.milestones)
        )
    yield from _references(plan)
    yield from resolution_problems(plan)


def _unique(
    collection: str | tuple[str, ...], keys: Iterable[Any], *, field: str = "id"
) -> Iterator[Problem]:
    prefix = (collection,) if isinstance(collection, str) else collection
    seen: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if key in seen:
            yield (
                (*prefix, index, field),
                f"{field} {key!r} is already used by entry {seen[key] + 1} of {prefix[-1]}",
                key,
            )
        else:
            seen[key] = index


def _references(plan: Plan) -> Iterator[Problem]:
    bodies = {body.id for body in plan.bodies}
    areas = {area.id for area in plan.thematic_areas}
    mandates = {mandate.id for mandate in plan.mandates}
    meetings = {meeting.id for meeting in plan.meetings}
    activities = {activity.id for activity in plan.activities}
    resolutions = {resolution.id for resolution in plan.resolutions}

    def check(
        known: set[str], kind: str, value: str | None, *location: str | int
    ) -> Iterator[Problem]:
        if value is not None and value not in known:
            yield location, f"no {kind} has the id {value!r}", value

    yield from check(bodies, "body", plan.term.committee, "term", "committee")
    yield from check(bodies, "body", plan.term.installed_by, "term", "installed_by")
    if plan.document is not None:
        yield from check(bodies, "body", plan.document.approved_by, "document", "approved_by")
    for i, body in enumerate(plan.bodies):
        yield from check(bodies, "body", body.parent, "bodies", i, "parent")
    for i, officer in enumerate(plan.officers):
        yield from check(bodies, "body", officer.elected_by, "officers", i, "elected_by")
    for i, mandate in enumerate(plan.mandates):
        yield from check(bodies, "body", mandate.body, "mandates", i, "body")
        yield from check(areas, "thematic area", mandate.area, "mandates", i, "area")
        yield from check(resolutions, "resolution", mandate.resolution, "mandates", i, "resolution")

    def citations(items: list[Citation], *location: str | int) -> Iterator[Problem]:
        for c, citation in enumerate(items):
            yield from check(
                mandates, "mandate", citation.mandate, *location, "citations", c, "mandate"
            )
            yield from citation_problems(plan, citation, *location, "citations", c)

    agenda_ids: dict[str, int] = {}
    for i, meeting in enumerate(plan.meetings):
        for root in meeting.agenda:
            for node in root.walk():
                if node.id is not None:
                    agenda_ids.setdefault(node.id, i)
    yield from _unique(
        "agenda",
        (
            node.id
            for meeting in plan.meetings
            for root in meeting.agenda
            for node in root.walk()
            if node.id is not None
        ),
    )
    for i, meeting in enumerate(plan.meetings):
        stack: list[tuple[Location, Any]] = [
            (("meetings", i, "agenda", n), node) for n, node in enumerate(meeting.agenda)
        ]
        while stack:
            location, node = stack.pop()
            if node.kind is AgendaKind.AREA:
                yield from check(areas, "thematic area", node.area, *location, "area")
                if len(location) > 4:
                    yield (*location, "kind"), "an area node sits at the top of the agenda", "area"
            for p, presenter in enumerate(node.presenters):
                yield from check(bodies, "body", presenter, *location, "presenters", p)
            yield from citations(node.citations, *location)
            for a, earlier in enumerate(node.after):
                if earlier not in agenda_ids:
                    yield (
                        (*location, "after", a),
                        f"no agenda item has the id {earlier!r}",
                        earlier,
                    )
                elif agenda_ids[earlier] == i:
                    yield (
                        (*location, "after", a),
                        f"agenda item {earlier!r} is on the same meeting's agenda",
                        earlier,
                    )
            stack.extend(((*location, "items", n), child) for n, child in enumerate(node.items))
    for i, activity in enumerate(plan.activities):
        yield from check(bodies, "body", activity.body, "activities", i, "body")
        yield from citations(activity.citations, "activities", i)
    for i, event in enumerate(plan.requested_events):
        yield from check(meetings, "meeting", event.meeting, "requested_events", i, "meeting")
        yield from check(activities, "activity", event.activity, "requested_events", i, "activity")
        yield from citations(event.citations, "requested_events", i)
    conventions = {convention.id for convention in plan.conventions}
    for i, obligation in enumerate(plan.obligations):
        yield from check(
            conventions, "convention", obligation.convention, "obligations", i, "convention"
        )
    for i, meeting in enumerate(plan.meetings):
        if meeting.costing is not None:
            yield from check(
                bodies, "body", meeting.costing.paid_by, "meetings", i, "costing", "paid_by"
            )
    for i, appropriation in enumerate(plan.appropriations):
        yield from check(
            bodies, "body", appropriation.approved_by, "appropriations", i, "approved_by"
        )
    if plan.negotiation is not None:
        for i, milestone in enumerate(plan.negotiation.milestones):
            yield from check(
                meetings, "meeting", milestone.meeting, "negotiation", "milestones", i, "meeting"
            )
