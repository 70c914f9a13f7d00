"""What the API reads and writes, as Pydantic models (Django Ninja schemas).

Meetings are read in the shape of the plan file's meetings (``docs/plan.schema.json``), with
the stored ``version`` a write must name and the address of the meeting's page. Writes name
only what they change; the rest keeps its stored value.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import (
    AfterValidator,
    Field,
    ModelWrapValidatorHandler,
    WithJsonSchema,
    model_validator,
)

from comitia.plan import Meeting as PlanMeeting
from comitia.plan import Paragraph as PlanParagraph
from comitia.plan import Resolution as PlanResolution
from comitia.plan.fields import UNFIT_CHARACTER, field_error
from comitia.web.plans.models.fields import validate_fit_text


def _local(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError(_("A time of day at the venue, without a time zone."))
    return value


# A time of day at the meeting's venue, as the editing pages take it: HH:MM (or HH:MM:SS).
Clock = Annotated[
    dt.time,
    AfterValidator(_local),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
            "examples": ["10:00"],
        }
    ),
]


class ResourceOut(Schema):
    name: str
    url: str
    description: str


class IndexOut(Schema):
    """What the API is: its name and version, where its description is, and where to start."""

    name: str
    version: str
    description: str
    openapi_url: str = Field(description="The OpenAPI 3 description of every operation.")
    docs_url: str = Field(description="The same, as a page to read.")
    resources: list[ResourceOut] = Field(description="The resources at the top; others nest.")


class TermOut(Schema):
    slug: str
    label: str
    committee: str | None = Field(description="The committee's key.")
    start: dt.date
    end: dt.date
    plan_url: str
    meetings_url: str


class MeetingOut(PlanMeeting):
    """A meeting as in a plan file, with its stored version and the address of its page."""

    version: int = Field(description="Name it in a write: a write based on an older one fails.")
    url: str = Field(description="The meeting's public page.")


class ObjectOut(Schema):
    kind: str
    id: str


class FindingOut(Schema):
    """A finding of the plan's checks, worded in the request's language."""

    code: str = Field(description="The rule's stable code, such as DAT004.")
    severity: str = Field(description="error, warning or info.")
    message: str
    dates: list[dt.date]
    objects: list[ObjectOut]
    hint: str


class MeetingSavedOut(MeetingOut):
    """The meeting as saved, with the findings of the checks that the change brought (those
    the plan did not have before: warnings, and errors the request confirmed)."""

    findings: list[FindingOut] = Field(default_factory=list)


class ResolutionOut(PlanResolution):
    """A resolution of the term as in a plan file, with the address of its paragraphs."""

    paragraphs_url: str = Field(description="Its paragraphs, each with what addresses it.")


class ParagraphOut(PlanParagraph):
    """A paragraph as in a plan file, with where it sits and what addresses it."""

    resolution: str = Field(description="The resolution's key.")
    area: str | None = Field(description="The thematic area of its section, if any.")
    coverage: str | None = Field(
        description=(
            "For a paragraph the committee follows up (an operative paragraph of a resolution "
            "a mandate comes from, assigned to no other body): not_scheduled, scheduled or "
            "presented; otherwise null."
        )
    )
    meetings: list[str] = Field(
        description="The meetings (that the caller may see) whose agenda cites it, by date."
    )


class FitTextIn(Schema):
    """A write's body whose strings are checked to be text a plan may hold."""

    @model_validator(mode="wrap")
    @classmethod
    def _only_fit_text(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        # Every write's body, whatever its fields (unknown ones too, keys included): no string
        # may hold what no plan may hold, above all a lone surrogate ("\ud800" in JSON), which
        # would be stored and then break every page written from it. A wrap validator, to see
        # the body as sent, before Ninja's own wraps it.
        if isinstance(data, dict):
            for key, value in data.items():
                try:
                    validate_fit_text([key, value])
                except DjangoValidationError as error:
                    raise field_error(
                        cls.__name__, str(key), error.messages[0], value, kind=UNFIT_CHARACTER
                    ) from None
        return handler(data)


class VersionIn(FitTextIn):
    version: int = Field(ge=1, description="The version the change is based on.")


class MeetingChangeIn(VersionIn):
    """The details of a meeting to change; a new date goes through ``move``."""

    lang: str | None = Field(
        default=None, description="The language title and venue are written in."
    )
    start: Clock | None = None
    end: Clock | None = None
    kind: str | None = None
    status: str | None = None
    provisional: bool | None = None
    title: str | None = Field(default=None, description="Empty removes it in that language.")
    venue: str | None = Field(default=None, description="Empty means the headquarters.")
    confirm: str | None = Field(
        default=None,
        description=(
            "To save a change that brings new errors to the plan's checks: the ``confirm`` "
            "fingerprint of the 422 answer that listed them. Other findings by then ask again."
        ),
    )


class MeetingMoveIn(VersionIn):
    date: dt.date
    reason: str = Field(description="Why it moved, shown beside the earlier date.")
    lang: str | None = Field(default=None, description="The language the reason is written in.")
    start: Clock | None = None
    end: Clock | None = None
    room: str | None = Field(
        default=None,
        description="The key of a room of the term's organization to book there (as a date "
        "of ``other-dates`` names it); none keeps the meeting's booking.",
    )
    team: str | None = Field(
        default=None,
        description="The key of an interpretation team of the organization to book there.",
    )
    confirm: str | None = Field(
        default=None,
        description=(
            "To save a change that brings new errors to the plan's checks: the ``confirm`` "
            "fingerprint of the 422 answer that listed them. Other findings by then ask again."
        ),
    )


class MeetingCancelIn(VersionIn):
    reason: str = Field(description="Why it is cancelled, kept in the meeting's history.")


class ChangeOut(Schema):
    user: str
    at: str
    fields: list[str]


class ConflictOut(Schema):
    """A write refused because the meeting was saved since the version it was based on."""

    detail: str
    based_on: int
    current: int
    changes: list[ChangeOut]
    meeting: MeetingOut = Field(description="The meeting as it is now.")
    your_input: dict[str, Any] = Field(description="What was sent, to apply again on purpose.")


class InvalidOut(Schema):
    """A write refused as invalid (422): ``detail`` says so in a sentence, ``errors`` gives the
    messages of each field that is wrong, by its name (a dotted path for a field inside
    another, such as ``meetings.0.end`` of the plan the change would make); ``body`` for a
    body that is not the object asked for. Never Pydantic's internals (the value it was
    given, error types, links) nor the database's own error text."""

    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


class UnconfirmedOut(Schema):
    """A write refused (422) because the change brings new errors to the plan's checks
    (findings the plan did not have), sent without confirming them: ``findings`` lists them,
    ``confirm`` is the fingerprint to send back to save the change anyway."""

    detail: str
    findings: list[FindingOut]
    confirm: str


class RefusalOut(Schema):
    """Any other refusal: 400 (the body is not JSON), 401 (sign in, or the API token is
    unknown or revoked), 403 (not allowed), 404 (nothing there, or nothing you may see),
    405 (a method the address does not take, with ``Allow``)."""

    detail: str


class BudgetEffectOut(Schema):
    """What a date does to one appropriation period's planned cost, in the request's
    language."""

    period: str
    change: str = Field(description="The change of the period's planned cost.")
    planned: str = Field(description="The period's planned cost after the move.")
    balance: str = Field(description="What is left of its appropriation after the move (—: none).")
    over: bool = Field(description="Whether the planned cost would exceed the appropriation.")


class OtherDateOut(Schema):
    """One date the rescheduling assistant proposes, and why."""

    date: dt.date
    start: str = Field(description="HH:MM at the venue.")
    end: str = Field(description="HH:MM at the venue.")
    room: str | None = Field(description="The room it would use, by key (null: none known).")
    room_name: str | None
    team: str | None = Field(description="The interpretation team it would use, by key.")
    team_name: str | None
    soft_change: int = Field(
        description=(
            "The change of the calendar's soft cost against the meeting's current date: "
            "negative is better, positive worse."
        )
    )
    verdict: str = Field(description="The soft change in words.")
    soft_reasons: list[str] = Field(description="Which soft rules it keeps or breaks.")
    budget: list[BudgetEffectOut] = Field(description="The periods whose planned cost changes.")
    reasons: list[str] = Field(
        description=(
            "Every reason in words: the room and team, no clash, the soft change, the budget, "
            "and that no other meeting moves."
        )
    )


class OtherDatesOut(Schema):
    """The rescheduling assistant's dates for one meeting, best first. To choose one, send
    its date, start and end with a reason to the meeting's ``move`` endpoint (``move_url``,
    POST), as for any move."""

    meeting: str
    version: int = Field(description="The meeting's version, to name in the move.")
    dates: list[OtherDateOut]
    detail: str | None = Field(
        default=None,
        description="Why no date is proposed (a meeting held, cancelled or past), if so.",
    )
    move_url: str
