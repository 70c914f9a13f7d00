"""Organizations between the database and the plain model (``comitia.plan.organization``).

``save_organization`` stores an organization file's content (creating the organization or
replacing its rooms and teams, in one transaction); ``organization_of`` reads it back as the
plain model, as the checks and the calendar read it. Reading back what was stored gives an
equal organization.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F

from comitia.plan import InterpretationTeam, Organization, Room
from comitia.plan import Meeting as PlanMeeting
from comitia.web.plans import models as m

__all__ = ["organization_of", "save_organization"]


def save_organization(organization: Organization) -> m.Organization:
    """Store ``organization``: a new row, or the one of the same key with its name, time zone
    and all its rooms and teams replaced. Terms that point to it keep pointing to it."""
    with transaction.atomic():
        row, _created = m.Organization.objects.update_or_create(
            key=organization.id,
            defaults={
                "name": organization.name.model_dump(mode="json"),
                "timezone": organization.timezone,
                "illustrative": organization.illustrative,
            },
        )
        m.Room.objects.filter(organization=row).delete()
        m.InterpretationTeam.objects.filter(organization=row).delete()
        m.Room.objects.bulk_create(
            m.Room(
                organization=row,
                key=room.id,
                position=i,
                name=room.name.model_dump(mode="json"),
                capacity=room.capacity,
                booths=[lang.value for lang in room.booths],
                equipment=[item.value for item in room.equipment],
                unavailable=_days(room.unavailable),
            )
            for i, room in enumerate(organization.rooms)
        )
        m.InterpretationTeam.objects.bulk_create(
            m.InterpretationTeam(
                organization=row,
                key=team.id,
                position=i,
                name=team.name.model_dump(mode="json"),
                languages=[lang.value for lang in team.languages],
                meetings_per_day=team.meetings_per_day,
                unavailable=_days(team.unavailable),
            )
            for i, team in enumerate(organization.teams)
        )
        # Bulk writes send no signal: raise the version that outputs printing them key on.
        m.Organization.objects.filter(pk=row.pk).update(version=F("version") + 1)
        row.refresh_from_db(fields=["version"])
    return row


def _days(days: list[dt.date]) -> list[str]:
    return [day.isoformat() for day in days]


def organization_of(row: m.Organization) -> Organization:
    """The stored organization ``row`` with its rooms and teams, as the plain model (two
    queries). Raise pydantic's ValidationError if rows edited in the admin no longer make a
    valid organization."""
    rooms: list[dict[str, Any]] = [
        {
            "id": room.key,
            "name": room.name,
            "capacity": room.capacity,
            "booths": room.booths,
            "equipment": room.equipment,
            "unavailable": room.unavailable,
        }
        for room in m.Room.objects.filter(organization=row).order_by("position", "pk")
    ]
    teams: list[dict[str, Any]] = [
        {
            "id": team.key,
            "name": team.name,
            "languages": team.languages,
            "meetings_per_day": team.meetings_per_day,
            "unavailable": team.unavailable,
        }
        for team in m.InterpretationTeam.objects.filter(organization=row).order_by("position", "pk")
    ]
    return Organization.model_validate(
        {
            "id": row.key,
            "name": row.name,
            "timezone": row.timezone,
            "illustrative": row.illustrative,
            "rooms": [Room.model_validate(room) for room in rooms],
            "teams": [InterpretationTeam.model_validate(team) for team in teams],
        }
    )


def booked_meetings(term: m.Term) -> list[PlanMeeting]:
    """The meetings of ``term`` that book a room or an interpretation team, as plan meetings
    with only what a booking is (day, hours, status, room, team, languages), in one query:
    what another committee's term weighs in the checks and the rescheduling assistant."""
    rows = (
        m.Meeting.objects.filter(term=term)
        .exclude(room="", team="")
        .order_by()
        .values("key", "date", "start", "end", "status", "room", "team", "languages")
    )
    return [
        PlanMeeting.model_validate(
            {
                "id": row["key"],
                "date": row["date"],
                "start": row["start"],
                "end": row["end"],
                "status": row["status"],
                "room": row["room"] or None,
                "team": row["team"] or None,
                "languages": row["languages"] or None,
            }
        )
        for row in rows
    ]
