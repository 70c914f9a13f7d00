"""What the API reads and writes, as Pydantic models (Django Ninja schemas).

Meetings are read in the shape of the plan file's meetings (``docs/plan.schema.json``), with
the stored ``version`` a write must name and the address of the meeting's page. Writes name
only what they change; the rest keeps its stored value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Schema
from pydantic import Field, ModelWrapValidatorHandler, model_validator

from comitia.plan import Meeting as PlanMeeting
from comitia.plan.fields import UNFIT_CHARACTER, field_error
from comitia.web.plans.models.fields import validate_fit_text


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


class VersionIn(Schema):
    version: int = Field(ge=1, description="The version the change is based on.")

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


class MeetingChangeIn(VersionIn):
    """The details of a meeting to change; a new date goes through ``move``."""

    lang: str | None = Field(
        default=None, description="The language title and venue are written in."
    )
    start: dt.time | None = None
    end: dt.time | None = None
    kind: str | None = None
    status: str | None = None
    provisional: bool | None = None
    title: str | None = Field(default=None, description="Empty removes it in that language.")
    venue: str | None = Field(default=None, description="Empty means the headquarters.")


class MeetingMoveIn(VersionIn):
    date: dt.date
    reason: str = Field(description="Why it moved, shown beside the earlier date.")
    lang: str | None = Field(default=None, description="The language the reason is written in.")
    start: dt.time | None = None
    end: dt.time | None = None


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
    """A write refused as invalid; ``errors`` gives the messages of each field."""

    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)
