"""What meetings cost: the rates of a budget period and what a meeting states about its cost.

Only what a person decides is kept here: the rates (data, per budget period), and for a
meeting the languages it needs, the pages of documents to translate, who pays for it and an
override with its reason. A meeting's cost is derived from these and from its date, hours and
venue by :mod:`comitia.budget`, never stored.
"""

from __future__ import annotations

import enum

from pydantic import Field

from comitia.plan.fields import Amount, Fuzzy, Identifier, Language, PlanModel, Text

CURRENCY_PATTERN = r"^[A-Z]{3}$"


class SessionRates(PlanModel):
    """A price for a half-day session and one for a full-day session (see ``plan.sessions``)."""

    half_day: Amount
    full_day: Amount


class RoomRates(PlanModel):
    """Room and technical services, at the headquarters and elsewhere."""

    headquarters: SessionRates
    elsewhere: SessionRates


class InterpretationUnit(enum.StrEnum):
    """What one interpretation rate pays for.

    ``team``: one team (booth) per language of the meeting, when it has more than one;
    ``pair``: one per pair of its languages (English-French, English-Spanish, ...).
    """

    TEAM = "team"
    PAIR = "pair"


class InterpretationRates(SessionRates):
    unit: InterpretationUnit = InterpretationUnit.TEAM


class CostRates(PlanModel):
    """What a meeting costs in one budget period (a year or part of one)."""

    id: Identifier
    period: Fuzzy
    currency: str = Field(default="USD", pattern=CURRENCY_PATTERN)
    room: RoomRates = Field(description="Room and technical services, by venue.")
    interpretation: InterpretationRates
    translation_per_page: Amount = Field(
        description="One page of documents translated into one language."
    )
    illustrative: bool = Field(
        default=False,
        description="The rates are an example, not the organization's: printed as such.",
    )
    notes: list[Text] = Field(default_factory=list)


class CostOverride(PlanModel):
    """A cost stated for a meeting instead of the one its rates give, and why."""

    amount: Amount
    reason: Text


class MeetingCosting(PlanModel):
    """What a meeting states about its cost; every field is optional."""

    languages: list[Language] | None = Field(
        default=None,
        description="The languages it needs interpreted; by default the plan's languages.",
    )
    pages: int = Field(
        default=0, ge=0, description="Pages of documents translated into its other languages."
    )
    paid_by: Identifier | None = Field(
        default=None, description="Another body that pays for it: it costs the committee nothing."
    )
    override: CostOverride | None = None
