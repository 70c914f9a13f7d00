"""What the home page shows of a term, read from the rows it displays.

The page shows counts, the bureau and the meetings month by month. Rebuilding and validating
the whole plan for that cost some 70% of the page's time (1,242 model instances and a full
validation on the model plan, ten times as much on a plan ten times larger); the rows it shows
take a fixed number of queries instead: the document, the officers, the meetings the reader
sees with their earlier dates, their agendas' entries, the thematic areas, a count of
activities. The lines are those the plan would give (``overview``), byte for byte on the page.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from comitia.dates import format_day
from comitia.plan import Text, state_name
from comitia.web.home.moves import moved_note
from comitia.web.home.overview import (
    LocalText,
    MeetingLine,
    Month,
    OfficerLine,
    group_by_month,
    named_term,
)
from comitia.web.plans import models as m
from comitia.web.publication.visibility import may_see_document, visible_meetings


@dataclass(frozen=True)
class TermOverview:
    """What the home page shows of one term, as the reader may see it."""

    committee_name: LocalText
    term_name: str
    document: m.PlanDocument | None
    document_title: LocalText | None
    officers: list[OfficerLine]
    months: list[Month]
    meeting_count: int
    activity_count: int


@functools.lru_cache(maxsize=8192)
def _day(day: dt.date, lang: str, weekday: bool = False) -> str:
    # Babel looks up month and day names afresh each time; the page prints every meeting's.
    return format_day(day, lang, weekday=weekday)


def _local(value: dict[str, str] | None, lang: str) -> LocalText | None:
    return LocalText.of(Text(value), lang) if value else None


def term_overview(term: m.Term, user: Any, lang: str, role_names: dict[str, str]) -> TermOverview:
    """The overview of ``term`` for ``user`` in ``lang``, with officers' roles named by
    ``role_names`` (in the order of the bureau). ``term.committee`` should be fetched with the
    term (``select_related``); the caller has checked that ``user`` sees the term."""
    committee = term.committee
    if committee is None:
        raise ValueError(f"the term {term.slug} names no committee")
    document = m.PlanDocument.objects.filter(term=term).first()
    if document is not None and not may_see_document(user, term):
        document = None
    meetings = list(visible_meetings(user, term).order_by("date", "start", "position", "pk"))
    return TermOverview(
        committee_name=LocalText.of(Text(committee.name), lang),
        term_name=named_term(
            Text(committee.acronym) if committee.acronym else None,
            Text(committee.name),
            term.label,
            lang,
        ),
        document=document,
        document_title=_local(document.title, lang) if document is not None else None,
        officers=_officer_lines(term, lang, role_names),
        months=group_by_month(_meeting_lines(term, meetings, lang), lang),
        meeting_count=len(meetings),
        activity_count=m.Activity.objects.filter(term=term).count(),
    )


def _officer_lines(term: m.Term, lang: str, role_names: dict[str, str]) -> list[OfficerLine]:
    order = {role: index for index, role in enumerate(role_names)}
    officers = sorted(
        m.Officer.objects.filter(term=term).order_by("position", "pk"),
        key=lambda officer: order.get(officer.role, 99),
    )
    return [
        OfficerLine(
            role=role_names.get(officer.role, officer.role),
            person=officer.person,
            honorific=_local(officer.honorific, lang),
            state=state_name(officer.state, lang),
            elected_on=_day(officer.elected_on, lang),
        )
        for officer in officers
    ]


def _meeting_lines(term: m.Term, meetings: list[m.Meeting], lang: str) -> list[MeetingLine]:
    """Lines for ``meetings`` (in date order), with their earlier dates, the thematic areas
    their agendas address and the size of their agendas (three more queries).

    Earlier dates are read as values rather than prefetched: a prefetched relation makes a
    queryset for each meeting, a tenth of the page's time on a long term."""
    pks = [meeting.pk for meeting in meetings]
    earlier: dict[int, list[dt.date]] = defaultdict(list)
    for meeting_id, day in (
        m.PreviousDate.objects.filter(meeting__in=pks)
        .order_by("meeting_id", "position", "pk")
        .values_list("meeting_id", "date")
    ):
        earlier[meeting_id].append(day)
    titles = {
        area.pk: area.title for area in m.ThematicArea.objects.filter(term=term).only("title")
    }
    areas: dict[int, list[int]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    nodes = (
        m.AgendaNode.objects.filter(meeting__in=pks)
        .order_by("meeting_id", "position", "pk")
        .values_list("meeting_id", "parent_id", "area_id")
    )
    for meeting_id, parent_id, area_id in nodes:
        sizes[meeting_id] += 1
        # The areas of the agenda's top entries, each once, in agenda order.
        if parent_id is None and area_id is not None and area_id not in areas[meeting_id]:
            areas[meeting_id].append(area_id)
    return [
        MeetingLine(
            id=meeting.key,
            day=_day(meeting.date, lang, True),
            iso_date=meeting.date.isoformat(),
            start=meeting.start.strftime("%H:%M"),
            end=meeting.end.strftime("%H:%M"),
            title=_local(meeting.title, lang),
            kind=meeting.kind,
            status=meeting.status,
            provisional=meeting.provisional,
            earlier_dates=[_day(day, lang) for day in earlier.get(meeting.pk, [])],
            venue=_local(meeting.venue, lang),
            areas=[LocalText.of(Text(titles[pk]), lang) for pk in areas.get(meeting.pk, [])],
            agenda_size=sizes.get(meeting.pk, 0),
            moved=moved_note(earlier.get(meeting.pk, []), lang),
        )
        for meeting in meetings
    ]


# How many of the coming meetings the home page shows first.
COMING = 3


def coming_meetings(months: list[Month], today: dt.date, count: int = COMING) -> list[MeetingLine]:
    """The first ``count`` meetings of ``months`` on or after ``today``, not cancelled."""
    first = today.isoformat()
    return [
        meeting
        for month in months
        for meeting in month.meetings
        if meeting.iso_date >= first and meeting.status != "cancelled"
    ][:count]
