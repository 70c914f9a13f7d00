"""Rooms and interpretation teams across the committees of one organization (ORG).

A meeting that is not cancelled books its room (``Meeting.room``) and its interpretation team
(``Meeting.team``) from its start to its end. The rules read every committee's bookings: the
plan's own and those of ``Context.others``, the organization's other committees, with the rooms
and teams of ``Context.organization``. Only clashes that involve one of the plan's own meetings
are reported, so that each committee's checks show its own, and two committees that book one
room at one time both see the clash.

Bookings are grouped by room (or team) and day and swept in order of start time, never
compared in every pair. A meeting of another committee that the reader may not see
(``OtherCommittee.hidden``) still clashes, but the finding does not name it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from comitia.checks.engine import (
    Context,
    Hit,
    ObjectKind,
    ObjectRef,
    OtherCommittee,
    Severity,
    rule,
)
from comitia.checks.messages import BodyName
from comitia.plan import Language, Meeting, MeetingStatus, Text


@dataclass(slots=True)
class Booking:
    """A meeting (not cancelled) of some committee, as the room and team it books (slots, not
    frozen: thousands are made for each check of an organization's committees)."""

    meeting: Meeting
    default_languages: tuple[Language, ...]  # its plan's, when it names none
    other: OtherCommittee | None  # None: a meeting of the plan checked

    @property
    def own(self) -> bool:
        return self.other is None

    @property
    def languages(self) -> list[Language]:
        return self.meeting.languages_or(list(self.default_languages))

    @property
    def hidden(self) -> bool:
        return self.other is not None and self.meeting.id in self.other.hidden

    @property
    def ref(self) -> ObjectRef:
        if self.other is None:
            return ObjectRef(ObjectKind.MEETING, self.meeting.id)
        return ObjectRef(ObjectKind.OTHER_MEETING, f"{self.other.key}/{self.meeting.id}")


def _own(context: Context) -> list[Booking]:
    """The plan's own meetings that are not cancelled."""

    def build(context: Context) -> list[Booking]:
        plan = context.plan
        languages = tuple(plan.languages)
        return [
            Booking(meeting, languages, None)
            for meeting in plan.meetings
            if meeting.status is not MeetingStatus.CANCELLED
        ]

    return context.shared("organization.own", build)


Index = dict[tuple[str, dt.date], list[Booking]]


def _by_resource(context: Context, attribute: str) -> Index:
    """Bookings by (room or team id, day), each list by start and end time: every committee's,
    on the days on which one of the plan's own meetings books that resource."""

    def build(context: Context) -> Index:
        index: Index = defaultdict(list)
        for booking in _own(context):
            resource = getattr(booking.meeting, attribute)
            if resource is not None:
                index[(resource, booking.meeting.date)].append(booking)
        for key, bookings in index.items():
            for other in context.others:
                bookings.extend(
                    Booking(meeting, other.languages, other)
                    for meeting in other.booked(attribute).get(key, ())
                )
            bookings.sort(key=lambda b: (b.meeting.start, b.meeting.end, b.own))
        return dict(index)

    return context.shared(f"organization.{attribute}", build)


def _committee_name(context: Context) -> BodyName:
    plan = context.plan
    body = next((b for b in plan.bodies if b.id == plan.term.committee), None)
    if body is None:
        name = Text.of(plan.language, plan.term.committee.upper())
        return BodyName(name, name)
    return BodyName(body.acronym or body.name, body.name)


def _room_name(context: Context, room_id: str) -> Text | str:
    room = context.organization.room(room_id) if context.organization else None
    return room.name if room is not None else room_id


def _team_name(context: Context, team_id: str) -> Text | str:
    team = context.organization.team(team_id) if context.organization else None
    return team.name if team is not None else team_id


def _twice(context: Context, attribute: str, key: str) -> Iterator[Hit]:
    """Every pair of bookings of one resource at overlapping times, one of them the plan's."""
    for (resource, day), bookings in sorted(_by_resource(context, attribute).items()):
        if len(bookings) < 2:
            continue
        active: list[Booking] = []
        for booking in bookings:
            active = [a for a in active if a.meeting.end > booking.meeting.start]
            for earlier in active:
                if not (earlier.own or booking.own):
                    continue
                mine, theirs = (earlier, booking) if earlier.own else (booking, earlier)
                yield _clash_hit(context, attribute, resource, day, mine, theirs, key)
            active.append(booking)


def _clash_hit(
    context: Context,
    attribute: str,
    resource: str,
    day: dt.date,
    mine: Booking,
    theirs: Booking,
    key: str,
) -> Hit:
    name = _room_name(context, resource) if attribute == "room" else _team_name(context, resource)
    params: dict[str, object] = {
        key: name,
        "date": day,
        "start": mine.meeting.start,
        "end": mine.meeting.end,
        "other_start": theirs.meeting.start,
        "other_end": theirs.meeting.end,
    }
    objects = [mine.ref]
    if theirs.hidden:
        params["variant"] = "hidden"
    else:
        other = theirs.other
        params["other"] = (
            BodyName(other.name, other.full_name or other.name)
            if other is not None
            else _committee_name(context)
        )
        objects.append(theirs.ref)
    return Hit(params, (day,), tuple(objects))


@rule("ORG001", Severity.ERROR)
def room_booked_twice(context: Context) -> Iterator[Hit]:
    """One room booked by two meetings (of any committees) at overlapping times."""
    yield from _twice(context, "room", "room")


@rule("ORG002", Severity.ERROR)
def team_booked_twice(context: Context) -> Iterator[Hit]:
    """One interpretation team booked by two meetings at overlapping times."""
    yield from _twice(context, "team", "team")


@rule("ORG003", Severity.ERROR)
def team_over_its_day(context: Context) -> Iterator[Hit]:
    """A day on which a team is booked for more meetings than it covers in a day."""
    organization = context.organization
    if organization is None:
        return
    for (team_id, day), bookings in sorted(_by_resource(context, "team").items()):
        team = organization.team(team_id)
        if team is None or len(bookings) <= team.meetings_per_day:
            continue
        yield Hit(
            {
                "team": team.name,
                "date": day,
                "count": len(bookings),
                "limit": team.meetings_per_day,
            },
            (day,),
            tuple(sorted({b.ref for b in bookings if b.own})),
        )


def _own_in_organization(context: Context) -> Iterator[Booking]:
    if context.organization is not None:
        yield from _own(context)


@rule("ORG004", Severity.ERROR)
def room_without_booths(context: Context) -> Iterator[Hit]:
    """A meeting in a room without booths for all the languages it is held in."""
    organization = context.organization
    for booking in _own_in_organization(context):
        meeting = booking.meeting
        room = organization.room(meeting.room) if organization and meeting.room else None
        if room is None:
            continue
        missing = room.interprets(booking.languages)
        if missing:
            yield Hit(
                {"room": room.name, "date": meeting.date, "missing": missing},
                (meeting.date,),
                (booking.ref,),
            )


@rule("ORG005", Severity.ERROR)
def team_without_languages(context: Context) -> Iterator[Hit]:
    """A meeting whose interpretation team does not interpret all its languages."""
    organization = context.organization
    for booking in _own_in_organization(context):
        meeting = booking.meeting
        team = organization.team(meeting.team) if organization and meeting.team else None
        if team is None:
            continue
        missing = team.lacks(booking.languages)
        if missing:
            yield Hit(
                {"team": team.name, "date": meeting.date, "missing": missing},
                (meeting.date,),
                (booking.ref,),
            )


@rule("ORG006", Severity.ERROR)
def unavailable_that_day(context: Context) -> Iterator[Hit]:
    """A meeting in a room, or with a team, on a day it is unavailable."""
    organization = context.organization
    if organization is None:
        return
    for booking in _own_in_organization(context):
        meeting = booking.meeting
        room = organization.room(meeting.room) if meeting.room else None
        if room is not None and meeting.date in room.unavailable:
            yield Hit({"room": room.name, "date": meeting.date}, (meeting.date,), (booking.ref,))
        team = organization.team(meeting.team) if meeting.team else None
        if team is not None and meeting.date in team.unavailable:
            yield Hit(
                {"team": team.name, "date": meeting.date, "variant": "team"},
                (meeting.date,),
                (booking.ref,),
            )


@rule("ORG007", Severity.ERROR)
def unknown_room_or_team(context: Context) -> Iterator[Hit]:
    """A meeting naming a room or team that the organization does not have."""
    organization = context.organization
    if organization is None:
        return
    for meeting in context.plan.meetings:
        ref = ObjectRef(ObjectKind.MEETING, meeting.id)
        if meeting.room is not None and organization.room(meeting.room) is None:
            yield Hit(
                {"id": meeting.room, "date": meeting.date, "organization": organization.name},
                (meeting.date,),
                (ref,),
            )
        if meeting.team is not None and organization.team(meeting.team) is None:
            yield Hit(
                {
                    "id": meeting.team,
                    "date": meeting.date,
                    "organization": organization.name,
                    "variant": "team",
                },
                (meeting.date,),
                (ref,),
            )
