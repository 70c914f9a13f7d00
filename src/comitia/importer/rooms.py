"""Rooms named in an imported document's venues, read as the organization's rooms.

A legacy document writes the room of a meeting at the headquarters as free text ("Salle
Simón Bolívar", "Sala Rubén Darío, edificio principal"); the importer keeps it as the meeting's
``venue``. Given the organization file, ``place_in_rooms`` turns a venue that names one of its
rooms (its name in any language, compared without case, accents or punctuation) into the
meeting's ``room``, and the plan names the organization. A venue naming no room, or more than
one, stays as it was: a meeting elsewhere keeps its venue.
"""

from __future__ import annotations

import re
import unicodedata

from comitia.plan import Organization, Plan

__all__ = ["place_in_rooms"]

_WORD = re.compile(r"[a-z0-9]+")


def _plain(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return " ".join(_WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


def place_in_rooms(plan: Plan, organization: Organization) -> tuple[Plan, list[str]]:
    """``plan`` with the meetings whose venue names exactly one room of ``organization`` placed
    in it (their venue emptied) and the organization named; and the ids of those meetings."""
    names = {
        room.id: {f" {_plain(name)} " for name in room.name.root.values()}
        for room in organization.rooms
    }
    placed: list[str] = []
    meetings = []
    for meeting in plan.meetings:
        venue = meeting.venue
        if venue is not None and meeting.room is None:
            texts = [f" {_plain(text)} " for text in venue.root.values()]
            found = {
                room
                for room, spelled in names.items()
                if any(name in text for name in spelled for text in texts)
            }
            if len(found) == 1:
                meeting = meeting.model_copy(update={"venue": None, "room": found.pop()})
                placed.append(meeting.id)
        meetings.append(meeting)
    if not placed:
        return plan, []
    return plan.model_copy(update={"meetings": meetings, "organization": organization.id}), placed
