"""What the committees share, read off the organization file and the other committees' plans.

The organization's rooms and interpretation teams become the solver's resources; the other
committees' meetings, which stay where they are, hold the room and team they name on their
day. A meeting of the plan held at the headquarters (no venue) may use every room whose booths
hold its languages and, when it is interpreted, every team that covers them.

Plain Python: never imports Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from comitia.plan import Meeting, MeetingStatus, Plan
from comitia.plan.organization import Organization as OrganizationFile
from comitia.plan.sessions import SessionLength, session_length
from comitia.schedule.problem import Busy, Half, Problem, Resource, give_resources, half_of
from comitia.schedule.solve import Organization


def resources(organization: OrganizationFile, lang: str) -> tuple[list[Resource], list[Resource]]:
    """The organization's rooms and teams, named in ``lang``."""
    rooms = [
        Resource(
            room.id,
            room.name.get(lang)[0],
            frozenset(room.booths),
            None,
            frozenset(room.unavailable),
        )
        for room in organization.rooms
    ]
    teams = [
        Resource(
            team.id,
            team.name.get(lang)[0],
            frozenset(team.languages),
            team.meetings_per_day,
            frozenset(team.unavailable),
        )
        for team in organization.teams
    ]
    return rooms, teams


def busy(others: Sequence[Plan]) -> list[Busy]:
    """The other committees' meetings, each holding the room and team it names."""
    return [b for plan in others for b in busy_of(plan.term.committee, plan.meetings)]


def busy_of(committee: str, meetings: Iterable[Meeting]) -> list[Busy]:
    """The meetings of another committee (``committee``'s) that hold a room or a team: as
    ``busy``, for a caller that has only those meetings, not the whole plan."""
    taken = []
    for meeting in meetings:
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        if meeting.room is None and meeting.team is None:
            continue
        full = session_length(meeting.start, meeting.end) is SessionLength.FULL_DAY
        halves = (Half.MORNING, Half.AFTERNOON) if full else (half_of(meeting),)
        taken.append(Busy(committee, meeting.id, meeting.date, halves, meeting.room, meeting.team))
    return taken


def shared_with(
    problem: Problem,
    plan: Plan,
    organization: OrganizationFile | None,
    others: Sequence[Plan] = (),
    lang: str | None = None,
) -> Organization:
    """The solver's view of what ``plan`` shares, its demands given their rooms and teams;
    rooms and teams named in ``lang`` (default: the plan's language)."""
    if organization is None:
        return Organization(busy=tuple(busy(others)))
    rooms, teams = resources(organization, lang or plan.language)
    at_headquarters = {
        m.id: frozenset(m.languages_or(plan.languages)) for m in plan.meetings if m.venue is None
    }
    give_resources(problem, rooms, teams, at_headquarters)
    named = {m.id: m for m in plan.meetings}
    for demand in problem.demands:
        meeting = named[demand.id]
        if not demand.movable:
            # A meeting that stays keeps the room and team booked for it.
            if meeting.room is not None:
                demand.rooms = [meeting.room]
            if meeting.team is not None:
                demand.teams = [meeting.team]
    return Organization(tuple(rooms), tuple(teams), tuple(busy(others)))
