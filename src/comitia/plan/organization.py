"""What the committees of one organization share: its rooms and its interpretation teams.

A secretariat department keeps these once for all the committees it serves, in an
organization file (``comitia.plan.files.read_organization``), not in each committee's plan:
a plan's meetings name a room (``Meeting.room``) and optionally the team booked
(``Meeting.team``) by identifier, and the languages they need (``Meeting.languages``).

Only what a person decides is stored: a room's capacity, its booths (the languages it can
interpret into) and equipment, a team's languages and how many meetings a day it can cover,
and the days either is unavailable. Whether two meetings clash is derived
(``comitia.checks.rules.organization``), as is any schedule built on these (issue 25).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Sequence
from typing import Any, Literal, Self

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from comitia.plan.fields import Identifier, Language, PlanModel, Text, TimeZone

ORGANIZATION_FORMAT_VERSION: Literal[1] = 1


class Equipment(enum.StrEnum):
    """What a room may offer beyond seats and booths."""

    VIDEOCONFERENCE = "videoconference"
    WEBCAST = "webcast"
    RECORDING = "recording"
    VOTING = "voting"
    PROJECTION = "projection"


class Room(PlanModel):
    """A meeting room of the headquarters."""

    id: Identifier
    name: Text
    capacity: int = Field(ge=1, description="Seats at the table and behind it.")
    booths: list[Language] = Field(
        default_factory=list,
        description="Languages its interpretation booths interpret into; empty: no booths.",
    )
    equipment: list[Equipment] = Field(default_factory=list)
    unavailable: list[dt.date] = Field(
        default_factory=list, description="Days it cannot be booked (works, other events)."
    )

    def interprets(self, languages: list[Language]) -> list[Language]:
        """The ``languages`` a meeting needs that this room has no booth for, in their order;
        empty when it needs one language only (no interpretation)."""
        if len(set(languages)) < 2:
            return []
        return [lang for lang in dict.fromkeys(languages) if lang not in self.booths]


class InterpretationTeam(PlanModel):
    """A team of interpreters, booked as one for a meeting."""

    id: Identifier
    name: Text
    languages: list[Language] = Field(
        min_length=2, description="The languages it interprets between."
    )
    meetings_per_day: int = Field(
        default=1, ge=1, le=4, description="How many meetings (half days) it can cover a day."
    )
    unavailable: list[dt.date] = Field(default_factory=list)

    def lacks(self, languages: list[Language]) -> list[Language]:
        """The ``languages`` a meeting needs that this team does not interpret, in order."""
        return [lang for lang in dict.fromkeys(languages) if lang not in self.languages]


class Organization(PlanModel):
    """One organization's shared resources, as its organization file holds them."""

    comitia: Literal[1] = Field(
        default=ORGANIZATION_FORMAT_VERSION, description="Version of the file format."
    )
    id: Identifier = Field(description="What plans name in their organization field.")
    name: Text
    timezone: TimeZone = Field(
        default="America/New_York", description="IANA time zone of the headquarters."
    )
    illustrative: bool = Field(
        default=False,
        description="The rooms and teams are an example, not the organization's real ones.",
    )
    rooms: list[Room] = Field(default_factory=list)
    teams: list[InterpretationTeam] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        problems = list(_duplicates(self))
        if problems:
            raise ValidationError.from_exception_data(
                "Organization",
                [
                    InitErrorDetails(
                        type=PydanticCustomError("organization_integrity", message),
                        loc=location,
                        input=value,
                    )
                    for location, message, value in problems
                ],
            )
        return self

    def room(self, room_id: str) -> Room | None:
        return next((room for room in self.rooms if room.id == room_id), None)

    def team(self, team_id: str) -> InterpretationTeam | None:
        return next((team for team in self.teams if team.id == team_id), None)


def _duplicates(
    organization: Organization,
) -> Iterator[tuple[tuple[str | int, ...], str, Any]]:
    for collection, items in (("rooms", organization.rooms), ("teams", organization.teams)):
        yield from _duplicates_in(collection, items)


def _duplicates_in(
    collection: str, items: Sequence[Room | InterpretationTeam]
) -> Iterator[tuple[tuple[str | int, ...], str, Any]]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            yield (
                (collection, index, "id"),
                f"id {item.id!r} is already used by entry {seen[item.id] + 1} of {collection}",
                item.id,
            )
        else:
            seen[item.id] = index
        days = [day.isoformat() for day in item.unavailable]
        if len(set(days)) != len(days):
            yield (collection, index, "unavailable"), "a day is listed twice", days


__all__ = [
    "ORGANIZATION_FORMAT_VERSION",
    "Equipment",
    "InterpretationTeam",
    "Organization",
    "Room",
]
