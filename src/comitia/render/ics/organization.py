"""One feed for every committee of an organization: their meetings side by side.

Each meeting is written as its committee's own feed writes it (``FeedWriter.meeting``: local
time in its term's time zone with that zone's VTIMEZONE, ``SEQUENCE``, ``STATUS`` CANCELLED,
TENTATIVE or CONFIRMED, the same UID, so a calendar subscribed to both knows it is one event),
with its committee's colour (``COLOR``, RFC 7986) and acronym (``CATEGORIES``). A meeting in
a room of the organization has the room's name as its ``LOCATION``. Other bodies' activities
are left out: each committee's feed has them, and several committees list the same ones.

With ``state``, the yearly reporting deadlines that this member state owes under any of the
plans (as ``Cycle.owed_by`` decides) are added: a delegation's one subscription.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence

from comitia.plan import Convention, Meeting, Plan, ReportingObligation, Text
from comitia.plan.reporting import Cycle
from comitia.render.ics.content import escape_text
from comitia.render.ics.feed import PRODID, FeedWriter, _last_day, meeting_order
from comitia.render.ics.folding import serialize
from comitia.render.ics.timezone import vtimezone
from comitia.render.ics.wording import wording

# The colours committees are shown in: CSS colour names (what COLOR takes) with their hex
# value for the pages, distinct for readers with the common colour-vision deficiencies.
PALETTE: tuple[tuple[str, str], ...] = (
    ("darkblue", "#00008b"),
    ("darkorange", "#ff8c00"),
    ("teal", "#008080"),
    ("purple", "#800080"),
    ("firebrick", "#b22222"),
    ("olive", "#808000"),
    ("saddlebrown", "#8b4513"),
    ("slategray", "#708090"),
)

MeetingUrl = Callable[[Plan, str], str]


def committee_colours(committees: Sequence[str]) -> dict[str, tuple[str, str]]:
    """A colour (CSS name, hex) for each committee identifier: the same committee keeps its
    colour whatever others are shown (it starts from a digest of its identifier), and two
    committees of the list get different colours while the palette lasts."""
    colours: dict[str, tuple[str, str]] = {}
    taken: set[int] = set()
    for committee in sorted(set(committees)):
        start = int(hashlib.sha256(committee.encode("utf-8")).hexdigest(), 16) % len(PALETTE)
        index = start
        for step in range(len(PALETTE)):
            index = (start + step) % len(PALETTE)
            if index not in taken:
                break
        taken.add(index)
        colours[committee] = PALETTE[index]
    return colours


def build_organization_feed(
    plans: Sequence[Plan],
    lang: str,
    *,
    name: str,
    rooms: Mapping[str, Text] | None = None,
    meeting_url: MeetingUrl | None = None,
    calendar_url: str | None = None,
    state: tuple[str, str] | None = None,
) -> bytes:
    """The meetings of every plan of ``plans`` (each as its reader may see it) in one
    iCalendar file in ``lang``, named ``name`` (the organization's).

    ``rooms`` names the organization's rooms (by id); ``meeting_url(plan, meeting_id)`` gives
    a meeting's page; ``state`` (ISO code, name) adds that state's reporting deadlines.
    Raise FeedError for an unknown language or time zone.
    """
    words = wording(lang)
    writers = [_RoomWriter(plan, lang, meeting_url, rooms or {}) for plan in plans]
    colours = committee_colours([plan.term.committee for plan in plans])
    if state is None:
        title = words.organization_calendar_name.format(organization=name)
    else:
        title = words.state_calendar_name.format(organization=name, state=state[1])
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(PRODID)}",
        "CALSCALE:GREGORIAN",
        f"NAME:{escape_text(title)}",
        f"X-WR-CALNAME:{escape_text(title)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    ]
    if calendar_url:
        lines.append(f"SOURCE;VALUE=URI:{calendar_url}")
    lines.append("X-PUBLISHED-TTL:PT1H")
    out = [serialize(lines)]
    # One VTIMEZONE per zone, over the years of every term in it.
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for plan in plans:
        if not plan.meetings and not (state and plan.obligations):
            continue
        first, last = dt.date(plan.term.start.year, 1, 1), _last_day(plan.term)
        zone = plan.term.timezone
        known = spans.get(zone)
        spans[zone] = (min(first, known[0]), max(last, known[1])) if known else (first, last)
    out.extend(vtimezone(zone, first, last) for zone, (first, last) in sorted(spans.items()))
    lines = []
    events: list[tuple[tuple[dt.date, dt.time, str], _RoomWriter, Meeting]] = [
        ((meeting.date, meeting.start, f"{writer.term_key}/{meeting.id}"), writer, meeting)
        for writer in writers
        for meeting in sorted(writer.plan.meetings, key=meeting_order)
    ]
    events.sort(key=lambda event: event[0])
    for _order, writer, meeting in events:
        writer.meeting_in_colour(meeting, colours[writer.plan.term.committee][0], lines)
    if state is not None:
        for writer in writers:
            for obligation in _owed(writer.plan, state[0]):
                writer.deadline(obligation, lines)
    lines.append("END:VCALENDAR")
    out.append(serialize(lines))
    return b"".join(out)


def _owed(plan: Plan, state: str) -> list[ReportingObligation]:
    conventions: dict[str, Convention] = {c.id: c for c in plan.conventions}
    owed = []
    for obligation in plan.obligations:
        convention = conventions.get(obligation.convention) if obligation.convention else None
        parties = convention.states_parties if convention is not None else None
        if Cycle.of(obligation, parties).owed_by(state):
            owed.append(obligation)
    return owed


class _RoomWriter(FeedWriter):
    """A committee's feed writer that names the organization's rooms and gives colours."""

    def __init__(
        self,
        plan: Plan,
        lang: str,
        meeting_url: MeetingUrl | None,
        rooms: Mapping[str, Text],
    ) -> None:
        url_of = (lambda key: meeting_url(plan, key)) if meeting_url is not None else None
        super().__init__(plan, lang, url_of)
        self.rooms = rooms

    def meeting_in_colour(self, meeting: Meeting, colour: str, out: list[str]) -> None:
        """Append the meeting's VEVENT with ``colour``, and its room as its location."""
        start = len(out)
        room = self.rooms.get(meeting.room) if meeting.room and meeting.venue is None else None
        if room is not None:
            meeting = meeting.model_copy(update={"venue": room})
        self.meeting(meeting, out)
        # COLOR goes after CATEGORIES, in the properties' order the feeds keep (by name).
        at = next(i for i in range(start, len(out)) if out[i].startswith("CATEGORIES:")) + 1
        out.insert(at, f"COLOR:{colour}")
