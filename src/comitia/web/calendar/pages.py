"""What the calendar pages show, read from the database with a fixed number of queries.

Each page reads only the rows it shows (a month's meetings, the activities that overlap it),
each table once, whatever the number of meetings; texts are chosen in the reader's language
with the original as a visible fallback (``LocalText``), dates printed by ``comitia.dates``.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from babel.core import Locale
from babel.dates import format_date, get_day_names
from django.db.models import Prefetch, Q, QuerySet

from comitia.dates import FuzzyDate, Precision, format_day
from comitia.plan import AgendaKind
from comitia.render.outline import AgendaLine, agenda_outline
from comitia.web.home.moves import moved_note, moved_steps
from comitia.web.home.overview import LocalText
from comitia.web.plans import models as m
from comitia.web.plans.convert import meeting_plan
from comitia.web.publication.visibility import visible_meetings

from .labels import meeting_kind_names
from .spans import Bar, WeekLayout, lay_out_week, runs

STATUS_PROVISIONAL = "provisional"
AREA = AgendaKind.AREA.value


@functools.lru_cache(maxsize=8192)
def _day(day: dt.date, lang: str, weekday: bool = False) -> str:
    # Babel looks up month and day names afresh each time; a page prints many days.
    return format_day(day, lang, weekday=weekday)


@functools.lru_cache(maxsize=8192)
def _fuzzy(text: str) -> FuzzyDate:
    return FuzzyDate.parse_edtf(text)


@functools.lru_cache(maxsize=8192)
def _when(text: str, lang: str) -> str:
    return _fuzzy(text).format(lang)


def local(value: dict[str, str] | None, lang: str) -> LocalText | None:
    """A stored multilingual text in ``lang``, or its original (its first language) marked as
    a fallback: what ``LocalText.of(Text(value), lang)`` gives.

    Read straight from the mapping: the stored text was validated when it was written, and
    validating it again as a ``Text`` (each character checked) cost a third of the time of
    the list of a long term's data, which prints thousands of texts.
    """
    if not value:
        return None
    text = value.get(lang)
    if text is not None:
        return LocalText(text, None)
    original = next(iter(value))
    return LocalText(value[original], original)


@dataclass(frozen=True)
class Filters:
    """The reader's choice of what to show; empty strings show everything."""

    area: str = ""
    body: str = ""
    kind: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query: Any) -> Filters:
        return cls(
            **{
                name: str(query.get(name, "")).strip()
                for name in ("area", "body", "kind", "status")
            }
        )

    @property
    def active(self) -> bool:
        return any((self.area, self.body, self.kind, self.status))

    def items(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in vars(self).items() if v]

    def as_query(self) -> str:
        from urllib.parse import urlencode

        pairs = [(k, v) for k, v in vars(self).items() if v]
        return urlencode(pairs)

    @property
    def shows_meetings(self) -> bool:
        # Meetings are the committee's own; another body's filter shows activities only.
        return not self.body or self.body == "committee"

    @property
    def shows_activities(self) -> bool:
        # Thematic areas, kinds and statuses are those of meetings.
        return not (self.area or self.kind or self.status) and self.body != "committee"


@dataclass
class MeetingEntry:
    key: str
    date: dt.date
    day: str
    start: str
    end: str
    title: LocalText | None
    kind: str
    status: str
    provisional: bool
    venue: LocalText | None
    earlier: list[str]
    moved: str = ""  # the earlier dates as one chain (comitia.web.home.moves)
    kind_label: str = ""
    areas: list[LocalText] = field(default_factory=list)
    visibility: str = "public"
    # The subject of the agenda's first entry (its first titled node, in agenda order), shown
    # where the meeting has no title of its own instead of its kind ("Regular meeting").
    subject: LocalText | None = None
    # How many more titled entries the agenda has.
    more: int = 0
    # The thematic areas as (number, title): a colour per number, and always the title.
    area_tags: list[AreaTag] = field(default_factory=list)

    @property
    def label(self) -> LocalText | None:
        """What names the meeting on a chip: its own title, else its agenda's first subject
        (None: the template names its kind)."""
        return self.title or self.subject


@dataclass(frozen=True)
class AreaTag:
    """A thematic area on a chip: its number picks a colour (``area-N``), its title says it."""

    number: int
    title: LocalText

    @property
    def colour(self) -> int:
        # The stylesheet has eight colours, as the resolution has eight areas.
        return (self.number - 1) % 8 + 1


@dataclass
class ActivityEntry:
    key: str
    when: str
    first: dt.date | None
    last: dt.date | None
    title: LocalText
    body: LocalText | None
    provisional: bool
    period: bool
    hours: str
    venue: LocalText | None


@dataclass
class DayCell:
    date: dt.date
    iso: str
    label: str
    in_month: bool
    holiday: LocalText | None
    meetings: list[MeetingEntry]
    activities: list[ActivityEntry]
    today: bool = False

    @property
    def empty(self) -> bool:
        """Nothing of its own (a bar may cross it): the phone's list leaves it out."""
        return not (self.meetings or self.activities or self.holiday)


@dataclass
class Week:
    """A row of the month grid (or the week view): its days, and the bars of the events of
    several days across them (``spans``)."""

    days: list[DayCell]
    layout: WeekLayout[ActivityEntry]

    @property
    def bars(self) -> list[Bar[ActivityEntry]]:
        return self.layout.bars


@dataclass
class MonthGroup:
    key: str
    label: str
    meetings: list[MeetingEntry]
    activities: list[ActivityEntry]
    holidays: list[tuple[str, LocalText]]


def meetings_query(term: m.Term, filters: Filters, user: Any) -> QuerySet[m.Meeting]:
    """The term's meetings that ``user`` may see, narrowed by ``filters``."""
    meetings = visible_meetings(user, term).prefetch_related(
        Prefetch("previous_dates", queryset=m.PreviousDate.objects.order_by("position"))
    )
    if filters.area:
        meetings = meetings.filter(
            pk__in=m.AgendaNode.objects.filter(term=term, area__key=filters.area).values(
                "meeting_id"
            )
        )
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    if filters.status == STATUS_PROVISIONAL:
        meetings = meetings.filter(provisional=True)
    elif filters.status:
        meetings = meetings.filter(status=filters.status)
    return meetings.order_by("date", "start", "position")


def activities_query(term: m.Term, filters: Filters) -> QuerySet[m.Activity]:
    activities = m.Activity.objects.filter(term=term).select_related("body")
    if filters.body and filters.body != "committee":
        activities = activities.filter(body__key=filters.body)
    return activities


def meeting_entries(meetings: list[m.Meeting], term: m.Term, lang: str) -> list[MeetingEntry]:
    """Entries for ``meetings`` with the thematic areas of their agendas and the subject of
    their first entry (one more query: the meetings' agenda nodes)."""
    areas: dict[int, list[LocalText]] = defaultdict(list)
    tags: dict[int, list[AreaTag]] = defaultdict(list)
    subjects: dict[int, tuple[LocalText | None, int]] = {}
    if meetings:
        rows = (
            m.AgendaNode.objects.filter(meeting__in=[meeting.pk for meeting in meetings])
            .order_by("meeting_id", "depth", "position")
            .values_list(
                "meeting_id",
                "pk",
                "parent_id",
                "kind",
                "title",
                "area__key",
                "area__title",
                "area__number",
            )
        )
        nodes: dict[int, list[tuple[int, int | None, Any, str]]] = defaultdict(list)
        seen: set[tuple[int, str]] = set()
        for meeting_id, pk, parent_id, kind, title, key, area_title, number in rows:
            nodes[meeting_id].append((pk, parent_id, title, kind))
            if key is not None and (meeting_id, key) not in seen:
                seen.add((meeting_id, key))
                text = local(_as_mapping(area_title), lang)
                if text is not None:
                    areas[meeting_id].append(text)
                    tags[meeting_id].append(AreaTag(int(number), text))
        for meeting_id, listed in nodes.items():
            subjects[meeting_id] = _first_subject(listed, lang)
    kind_names = meeting_kind_names()
    entries = []
    for meeting in meetings:
        subject, more = subjects.get(meeting.pk, (None, 0))
        entries.append(
            MeetingEntry(
                key=meeting.key,
                date=meeting.date,
                day=_day(meeting.date, lang, True),
                start=f"{meeting.start:%H:%M}",
                end=f"{meeting.end:%H:%M}",
                title=local(meeting.title, lang),
                kind=meeting.kind,
                status=meeting.status,
                provisional=meeting.provisional,
                venue=local(meeting.venue, lang),
                earlier=[_day(p.date, lang) for p in meeting.previous_dates.all()],
                moved=moved_note([p.date for p in meeting.previous_dates.all()], lang),
                kind_label=kind_names.get(meeting.kind, meeting.kind),
                areas=areas.get(meeting.pk, []),
                visibility=meeting.visibility,
                subject=subject,
                more=more,
                area_tags=tags.get(meeting.pk, []),
            )
        )
    return entries


def _first_subject(
    nodes: list[tuple[int, int | None, Any, str]], lang: str
) -> tuple[LocalText | None, int]:
    """The title of the first titled entry of an agenda in its reading order (depth first, by
    position; ``nodes`` (pk, parent, title, kind) come by depth then position) and how many
    other titled entries it has. A thematic area's heading is not a subject: its entries are."""
    children: dict[int | None, list[tuple[int, Any, str]]] = defaultdict(list)
    for pk, parent_id, title, kind in nodes:
        children[parent_id].append((pk, title, kind))
    titled = 0
    first: LocalText | None = None
    stack = list(reversed(children.get(None, [])))
    while stack:
        pk, title, kind = stack.pop()
        text = local(_as_mapping(title), lang) if title and kind != AREA else None
        if text is not None:
            titled += 1
            if first is None:
                first = text
        stack.extend(reversed(children.get(pk, [])))
    return first, max(titled - 1, 0)


def _as_mapping(value: Any) -> dict[str, str] | None:
    # values_list() through a relation returns the stored pairs of a multilingual field.
    if isinstance(value, list):
        return dict(value)
    return value  # type: ignore[no-any-return]


def activity_entry(activity: m.Activity, lang: str) -> ActivityEntry:
    when = _fuzzy(activity.when)
    body = None
    if activity.body is not None:
        body = local(activity.body.acronym, lang) or local(activity.body.name, lang)
    return ActivityEntry(
        key=activity.key,
        when=_when(activity.when, lang),
        first=when.first_day,
        last=when.last_day,
        title=local(activity.title, lang) or LocalText("", None),
        body=body,
        provisional=activity.provisional,
        period=is_period(when),
        hours=f"{activity.start:%H:%M}–{activity.end:%H:%M}"
        if activity.start and activity.end
        else "",
        venue=local(activity.venue, lang),
    )


def is_period(when: FuzzyDate) -> bool:
    if when.first_day is None:
        return True
    if when.precision in (Precision.MONTH, Precision.QUARTER, Precision.SEMESTER, Precision.YEAR):
        return True
    return when.precision is Precision.RANGE and when.range_unit is not Precision.DAY


def activity_days(activity: m.Activity) -> list[dt.date] | None:
    """The days an activity occupies, or None when only its period is known."""
    when = _fuzzy(activity.when)
    if is_period(when) or when.first_day is None or when.last_day is None:
        return None
    if when.precision is Precision.DAYS:
        return list(when.listed_days)
    span = (when.last_day - when.first_day).days
    return [when.first_day + dt.timedelta(days=n) for n in range(span + 1)]


@functools.lru_cache(maxsize=2048)
def month_label(year: int, month: int, lang: str) -> str:
    return format_date(dt.date(year, month, 1), "LLLL y", locale=lang).capitalize()


@functools.lru_cache(maxsize=16)
def weekday_names(lang: str) -> list[tuple[str, str]]:
    """(abbreviated, full) weekday names from the locale's first day of the week."""
    first = Locale.parse(lang).first_week_day
    short = get_day_names("abbreviated", locale=lang)
    wide = get_day_names("wide", locale=lang)
    return [(short[(first + i) % 7], wide[(first + i) % 7]) for i in range(7)]


def month_grid(
    term: m.Term, year: int, month: int, filters: Filters, lang: str, user: Any
) -> tuple[list[Week], list[ActivityEntry], list[MeetingEntry]]:
    """The weeks of a month, the month's activities dated only by a period, and its
    meetings."""
    first_week_day = Locale.parse(lang).first_week_day
    weeks_of_days = stdlib_calendar.Calendar(first_week_day).monthdatescalendar(year, month)
    month_first = dt.date(year, month, 1)
    month_last = dt.date(year, month, stdlib_calendar.monthrange(year, month)[1])
    weeks, periods, meetings = days_shown(
        term, weeks_of_days, (month_first, month_last), filters, lang, user
    )
    return weeks, periods, [e for e in meetings if e.date.month == month]


def week_of(day: dt.date, lang: str) -> list[dt.date]:
    """The seven days of the week of ``day``, from the locale's first day of the week."""
    first = Locale.parse(lang).first_week_day
    start = day - dt.timedelta(days=(day.weekday() - first) % 7)
    return [start + dt.timedelta(days=n) for n in range(7)]


def days_shown(
    term: m.Term,
    weeks_of_days: list[list[dt.date]],
    shown: tuple[dt.date, dt.date],
    filters: Filters,
    lang: str,
    user: Any,
) -> tuple[list[Week], list[ActivityEntry], list[MeetingEntry]]:
    """The rows of days ``weeks_of_days`` (a month's grid or one week) with their meetings,
    one-day activities and bars of activities of several days (``spans``); the activities
    dated only by a period that meets ``shown`` (the month or the week); the meetings. A day
    outside ``shown`` (the grid's days of the months before and after) shows its number only.
    A fixed number of queries: meetings, their agendas, activities, non-meeting days."""
    first_shown, last_shown = shown
    meetings = (
        list(meetings_query(term, filters, user).filter(date__range=shown))
        if filters.shows_meetings
        else []
    )
    entries = meeting_entries(meetings, term, lang)
    by_day: dict[dt.date, list[MeetingEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.date].append(entry)

    activities_by_day: dict[dt.date, list[ActivityEntry]] = defaultdict(list)
    spans: list[tuple[ActivityEntry, dt.date, dt.date]] = []
    periods: list[ActivityEntry] = []
    if filters.shows_activities:
        overlapping = activities_query(term, filters).filter(
            when_first__lte=last_shown, when_last__gte=first_shown
        )
        for activity in overlapping:
            shown_activity = activity_entry(activity, lang)
            days = activity_days(activity)
            if days is None:
                periods.append(shown_activity)
                continue
            for first, last in runs([d for d in days if first_shown <= d <= last_shown]):
                if first == last:
                    activities_by_day[first].append(shown_activity)
                else:
                    spans.append((shown_activity, first, last))
        periods.sort(key=lambda a: (a.first or dt.date.max, a.last or dt.date.max))

    holidays = {
        day.date: local(day.name, lang)
        for day in m.NonMeetingDay.objects.filter(term=term, date__range=shown)
    }
    today = dt.date.today()
    weeks = []
    for week in weeks_of_days:
        layout = lay_out_week(week, spans)
        weeks.append(
            Week(
                days=[
                    DayCell(
                        date=day,
                        iso=day.isoformat(),
                        label=_day(day, lang, True),
                        in_month=first_shown <= day <= last_shown,
                        holiday=holidays.get(day),
                        meetings=by_day.get(day, []),
                        activities=activities_by_day.get(day, []) + layout.left.get(day, []),
                        today=day == today,
                    )
                    for day in week
                ],
                layout=layout,
            )
        )
    return weeks, periods, entries


def month_groups(
    term: m.Term, filters: Filters, lang: str, user: Any
) -> tuple[list[MonthGroup], list[ActivityEntry]]:
    """The term's meetings and activities grouped by month, and the activities with no date."""
    groups: dict[tuple[int, int], MonthGroup] = {}

    def group(day: dt.date) -> MonthGroup:
        key = (day.year, day.month)
        if key not in groups:
            groups[key] = MonthGroup(
                f"{day:%Y-%m}", month_label(day.year, day.month, lang), [], [], []
            )
        return groups[key]

    if filters.shows_meetings:
        for entry in meeting_entries(list(meetings_query(term, filters, user)), term, lang):
            group(entry.date).meetings.append(entry)
    undated: list[ActivityEntry] = []
    if filters.shows_activities:
        for activity in activities_query(term, filters):
            shown = activity_entry(activity, lang)
            if shown.first is None:
                undated.append(shown)
            else:
                group(shown.first).activities.append(shown)
    if not filters.active:
        for day in m.NonMeetingDay.objects.filter(term=term):
            text = local(day.name, lang)
            if text is not None:
                group(day.date).holidays.append((_day(day.date, lang), text))
    for value in groups.values():
        value.activities.sort(key=lambda a: (a.first or dt.date.max, a.last or dt.date.max))
    return [groups[key] for key in sorted(groups)], undated


def filter_choices(term: m.Term, lang: str) -> dict[str, list[tuple[str, str]]]:
    """The options of the filter form: areas and bodies of the term (two queries)."""
    areas = [
        (area.key, f"{area.number}. {(local(area.title, lang) or LocalText('', None)).text}")
        for area in m.ThematicArea.objects.filter(term=term).order_by("number")
    ]
    used = m.Activity.objects.filter(term=term).values("body_id")
    bodies = [
        (
            body.key,
            (local(body.acronym, lang) or local(body.name, lang) or LocalText("", None)).text,
        )
        for body in m.Body.objects.filter(Q(pk__in=used)).order_by("position")
    ]
    return {"areas": areas, "bodies": sorted(bodies, key=lambda pair: pair[1].lower())}


def agenda_kinds() -> tuple[str, ...]:
    return tuple(kind.value for kind in AgendaKind)


@dataclass
class MeetingDetail:
    key: str
    date: dt.date
    start: dt.time
    end: dt.time
    kind: str
    status: str
    provisional: bool
    title: LocalText | None
    venue: LocalText | None
    earlier: list[tuple[str, LocalText | None]]  # each step of the chain, with its reason
    notes: list[LocalText]
    agenda: list[AgendaLine]
    visibility: str = "public"


def meeting_detail(term: m.Term, key: str, lang: str, user: Any) -> MeetingDetail | None:
    """One meeting with its numbered agenda, read with a fixed number of queries; None if the
    term has no such meeting or ``user`` may not see it.

    The agenda is the outline (``comitia.render.outline``) of the meeting's plan, read alone
    (``convert.meeting_plan``): pages and feeds number and word it by the same rules."""
    meeting = (
        visible_meetings(user, term)
        .filter(key=key)
        .prefetch_related(
            Prefetch("previous_dates", queryset=m.PreviousDate.objects.order_by("position"))
        )
        .first()
    )
    if meeting is None:
        return None
    plan = meeting_plan(term, meeting)
    earlier = list(meeting.previous_dates.all())
    return MeetingDetail(
        key=meeting.key,
        date=meeting.date,
        start=meeting.start,
        end=meeting.end,
        kind=meeting.kind,
        status=meeting.status,
        provisional=meeting.provisional,
        title=local(meeting.title, lang),
        venue=local(meeting.venue, lang),
        earlier=list(
            zip(
                moved_steps([p.date for p in earlier], lang),
                [local(p.reason, lang) for p in earlier],
                strict=True,
            )
        ),
        notes=[t for note in meeting.notes if (t := local(note, lang)) is not None],
        agenda=agenda_outline(plan.meetings[0], plan, lang),
        visibility=meeting.visibility,
    )


@dataclass
class AgendaDay:
    """A day of the agenda view: its meetings and the activities that begin on it (or, for
    the first day shown, that began before and go on)."""

    date: dt.date
    iso: str
    label: str
    meetings: list[MeetingEntry]
    activities: list[ActivityEntry]
    holiday: LocalText | None = None


def agenda_days(
    term: m.Term, start: dt.date, filters: Filters, lang: str, user: Any, limit: int
) -> tuple[list[AgendaDay], dt.date | None]:
    """The days from ``start`` that have meetings or dated activities, with at most about
    ``limit`` entries (a day is never cut), and the first day left out (None: none is).
    Activities known only to a period or not dated at all are on the month pages. Four
    queries whatever the term's size: meetings and activities are read ``limit`` at most
    (and one more, to know whether any is left)."""
    meetings: list[m.Meeting] = []
    if filters.shows_meetings:
        meetings = list(meetings_query(term, filters, user).filter(date__gte=start)[: limit + 1])
    activities: list[tuple[dt.date, ActivityEntry]] = []
    if filters.shows_activities:
        rows = (
            activities_query(term, filters)
            .filter(when_last__gte=start, when_first__isnull=False)
            .order_by("when_first", "when_last", "position")
        )
        for activity in rows[: limit + 1]:
            when = _fuzzy(activity.when)
            if is_period(when):
                continue
            entry = activity_entry(activity, lang)
            activities.append((max(entry.first or start, start), entry))
    by_day: dict[dt.date, AgendaDay] = {}

    def day(date: dt.date) -> AgendaDay:
        if date not in by_day:
            by_day[date] = AgendaDay(date, date.isoformat(), _day(date, lang, True), [], [])
        return by_day[date]

    for meeting_entry in meeting_entries(meetings, term, lang):
        day(meeting_entry.date).meetings.append(meeting_entry)
    for date, activity_shown in activities:
        day(date).activities.append(activity_shown)
    ordered = [by_day[date] for date in sorted(by_day)]
    shown: list[AgendaDay] = []
    count = 0
    for agenda_day in ordered:
        if count >= limit:
            break
        shown.append(agenda_day)
        count += len(agenda_day.meetings) + len(agenda_day.activities)
    # What was read beyond ``limit`` of either kind may come before what the other kind
    # left: the page ends before the first day of whatever was not read or not shown.
    cut = [d.date for d in ordered[len(shown) :]]
    if len(meetings) > limit:
        cut.append(meetings[-1].date)
    if len(activities) > limit:
        cut.append(activities[-1][0])
    following = min(cut) if cut else None
    if following is not None:
        shown = [d for d in shown if d.date < following]
        if not shown and ordered:  # more than ``limit`` entries on one day: that day alone
            shown, following = ordered[:1], ordered[0].date + dt.timedelta(days=1)
    if shown:
        holidays = {
            row.date: local(row.name, lang)
            for row in m.NonMeetingDay.objects.filter(term=term, date__in=[d.date for d in shown])
        }
        for agenda_day in shown:
            agenda_day.holiday = holidays.get(agenda_day.date)
    return shown, following
