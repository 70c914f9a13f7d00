"""What the home page shows of a plan, computed from the plan model alone (no Django).

Keeping this apart from the view lets it be tested without a database and reused by the
calendar pages to come.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from babel.dates import format_date

from comitia.dates import format_day
from comitia.plan import Language, Meeting, Plan, Text, state_name
from comitia.plan.entities import Officer
from comitia.render.ics.agenda import Shown

# Text as shown in one language, its original language marked when it falls back to it: the
# type the calendar feeds use too.
LocalText = Shown


@dataclass(frozen=True)
class OfficerLine:
    role: str
    person: str
    honorific: LocalText | None
    state: str
    elected_on: str


@dataclass(frozen=True)
class MeetingLine:
    id: str
    day: str
    iso_date: str
    start: str
    end: str
    title: LocalText | None
    kind: str
    status: str
    provisional: bool
    earlier_dates: list[str]
    venue: LocalText | None
    areas: list[LocalText]
    agenda_size: int


@dataclass(frozen=True)
class Month:
    label: str
    meetings: list[MeetingLine]


def officer_lines(plan: Plan, lang: str, role_names: dict[str, str]) -> list[OfficerLine]:
    order = {role: index for index, role in enumerate(role_names)}
    officers: list[Officer] = sorted(plan.officers, key=lambda o: order.get(o.role.value, 99))
    return [
        OfficerLine(
            role=role_names.get(officer.role.value, officer.role.value),
            person=officer.person,
            honorific=LocalText.of(officer.honorific, lang),
            state=state_name(officer.state, lang),
            elected_on=format_day(officer.elected_on, lang),
        )
        for officer in officers
    ]


def months_of_meetings(plan: Plan, lang: str) -> list[Month]:
    """The plan's meetings in date order, grouped by month, with dates printed in ``lang``."""
    meetings = sorted(plan.meetings, key=lambda m: (m.date, m.start))
    areas = {area.id: area.title for area in plan.thematic_areas}

    def month_key(meeting: Meeting) -> tuple[int, int]:
        return meeting.date.year, meeting.date.month

    return [
        Month(
            label=format_date(dt.date(year, month, 1), "LLLL y", locale=lang).capitalize(),
            meetings=[_meeting_line(meeting, areas, lang) for meeting in group],
        )
        for (year, month), group in groupby(meetings, key=month_key)
    ]


def _meeting_line(meeting: Meeting, areas: dict[str, Text], lang: str) -> MeetingLine:
    area_ids = [node.area for node in meeting.agenda if node.area is not None]
    return MeetingLine(
        id=meeting.id,
        day=format_day(meeting.date, lang, weekday=True),
        iso_date=meeting.date.isoformat(),
        start=meeting.start.strftime("%H:%M"),
        end=meeting.end.strftime("%H:%M"),
        title=LocalText.of(meeting.title, lang),
        kind=meeting.kind.value,
        status=meeting.status.value,
        provisional=meeting.provisional,
        earlier_dates=[format_day(d, lang) for d in meeting.previous_dates],
        venue=LocalText.of(meeting.venue, lang),
        # The thematic areas the agenda addresses, each once, in agenda order.
        areas=[_local(areas[area_id], lang) for area_id in dict.fromkeys(area_ids)],
        agenda_size=len(meeting.agenda_nodes()),
    )


def _local(value: Text, lang: str) -> LocalText:
    text, fallback = value.get(lang)
    return LocalText(text, value.original.value if fallback else None)


def display_language(lang: str) -> str:
    """The plan language closest to Django's active language code (pt-br → pt)."""
    code = lang.split("-")[0].lower()
    return code if code in {language.value for language in Language} else Language.EN.value


def term_name(plan: Plan, lang: str) -> str:
    """The term as pages name it: the committee's acronym (or name) and the term's label,
    "CSH 2019-2020"."""
    committee = plan.body(plan.term.committee)
    short = committee.acronym if committee.acronym is not None else committee.name
    return f"{_local(short, lang).text} {plan.term.label}"
