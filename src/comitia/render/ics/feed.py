"""A plan's calendar as an iCalendar feed (RFC 5545), its text written directly.

What goes in, and how:

- Each committee meeting is one timed event at its local time in the term's time zone (with
  its VTIMEZONE), ``SEQUENCE`` from the meeting's revision number, ``STATUS`` ``CANCELLED``
  (kept, so subscribed calendars drop it), ``TENTATIVE`` when its date is provisional, else
  ``CONFIRMED``. The summary repeats the status in words, because most calendar applications
  never show ``STATUS``. The description holds the numbered agenda, the earlier dates and,
  when the caller gives ``meeting_url``, the address of the meeting's page.
- Each activity of another body with days known is an all-day event over its days, with an
  exclusive ``DTEND`` (a single day with times is a timed event); a list of separate days is
  one event per day. An activity known only to a month, quarter, half-year or year is an
  all-day event over that whole period, free time (``TRANSP:TRANSPARENT``), whose summary says
  "date to be confirmed: first half of 2020": that is what is known, and a calendar shows it
  where a diplomat looks for it. An activity with no date at all (``XXXX``) has no place in a
  calendar and is left out; the web pages list it under "to be confirmed".
- With ``deadlines``, each yearly reporting obligation is an all-day event on its due day
  recurring every year (``RRULE:FREQ=YEARLY;BYMONTH=..;BYMONTHDAY=..``), from its first due
  day in the term on. Obligations without a yearly day (voluntary, standing) have no date.

UIDs are built from the term and the object's identifier, so they stay the same from one
version of the feed to the next and across languages. ``DTSTAMP`` does not change between
two renderings of the same plan (it is the plan's approval day, or the latest recorded move),
so an unchanged plan gives byte-identical feeds, and HTTP caches and ETags work.

The text is what the icalendar library wrote when it built the feeds (reference files under
tests/render/ics/data/feeds/ hold it; tests parse the output back with icalendar): properties
in its order (its canonical ones first, then by name), TEXT escaped and lines folded as it
did (``content``, ``folding``), its VTIMEZONE (``timezone``). Written as strings, a feed of a
thousand events takes tens of milliseconds rather than half a second.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.lists import format_list

from comitia import articles
from comitia.dates import FuzzyDate, Precision, format_day
from comitia.plan import (
    Activity,
    AgendaNode,
    Frequency,
    Meeting,
    MeetingStatus,
    Plan,
    ReportingObligation,
    Term,
    Text,
)
from comitia.render.ics.content import day, escape_text, local_time, parameter, utc_time
from comitia.render.ics.folding import serialize
from comitia.render.ics.timezone import vtimezone
from comitia.render.ics.wording import Wording, wording
from comitia.render.outline import child_number, heading

PRODID = "-//Comitia//Comitia calendar//EN"


def _by_the(printed: Text, name: Text, lang: str) -> str:
    """``printed`` (an acronym, or the name) after "by" in ``lang``, with its article."""
    full, fallback = name.get(lang)
    name_lang = name.original.value if fallback else lang
    return articles.phrase(articles.Form.BY_THE, printed.get(lang)[0], full, lang, name_lang)


@functools.lru_cache(maxsize=4096)
def _day(day: dt.date, lang: str) -> str:
    # Babel looks up month names afresh each time; a feed prints the same days many times.
    return format_day(day, lang)


@functools.lru_cache(maxsize=4096)
def _when(when: FuzzyDate, lang: str) -> str:
    return when.format(lang)


LANGUAGES = ("en", "es", "fr", "pt")

UrlOf = Callable[[str], str]


class FeedError(ValueError):
    """A feed that cannot be built: unknown language or time zone."""


def build_feed(
    plan: Plan,
    lang: str,
    *,
    deadlines: bool = False,
    meeting_url: UrlOf | None = None,
    calendar_url: str | None = None,
) -> bytes:
    """The plan's meetings and activities (and with ``deadlines`` its yearly reporting
    deadlines) as an iCalendar file in ``lang``.

    ``meeting_url(meeting_id)`` gives the address of a meeting's page; without it the events
    carry no address. Raise FeedError for a language other than en, es, fr or pt, or a term
    time zone unknown to the system's time-zone database.
    """
    writer = FeedWriter(plan, lang, meeting_url)
    lines = writer.opening(deadlines, calendar_url)
    out = [serialize(lines)]
    if plan.meetings:
        term = plan.term
        out.append(vtimezone(term.timezone, dt.date(term.start.year, 1, 1), _last_day(term)))
    lines = []
    for meeting in sorted(plan.meetings, key=meeting_order):
        writer.meeting(meeting, lines)
    for activity in plan.activities:
        writer.activity(activity, lines)
    if deadlines:
        for obligation in plan.obligations:
            writer.deadline(obligation, lines)
    lines.append("END:VCALENDAR")
    out.append(serialize(lines))
    return b"".join(out)


def _last_day(term: Term) -> dt.date:
    # The VTIMEZONE covers the term's years and the next (a deadline's next occurrence).
    return dt.date(term.end.year + 1, 12, 31)


def meeting_order(meeting: Meeting) -> tuple[dt.date, dt.time, str]:
    """The order of meetings in a feed: by day, start time, then identifier."""
    return meeting.date, meeting.start, meeting.id


def meeting_uid(plan: Plan, meeting_id: str) -> str:
    return f"meeting-{meeting_id}.{_term_key(plan)}@comitia"


def activity_uid(plan: Plan, activity_id: str, day: dt.date | None = None) -> str:
    suffix = f"-{day:%Y%m%d}" if day is not None else ""
    return f"activity-{activity_id}{suffix}.{_term_key(plan)}@comitia"


def deadline_uid(plan: Plan, obligation_id: str) -> str:
    return f"deadline-{obligation_id}.{_term_key(plan)}@comitia"


def _term_key(plan: Plan) -> str:
    return f"{plan.term.committee}-{plan.term.label}".lower().replace(" ", "-")


def plan_stamp(plan: Plan) -> dt.datetime:
    """The DTSTAMP of events that never moved: the plan's approval day, else its start."""
    day = plan.document.approved_on if plan.document and plan.document.approved_on else None
    return dt.datetime.combine(day or plan.term.start, dt.time(0, 0), tzinfo=dt.UTC)


class FeedWriter:
    """Writes a feed's content lines, unfolded, for one plan and language.

    ``plan`` gives what every event shares: the term (its time zone, committee and label), the
    document's approval day, the bodies, thematic areas and mandates. Raise FeedError for an
    unknown language or time zone.
    """

    def __init__(self, plan: Plan, lang: str, meeting_url: UrlOf | None = None) -> None:
        if lang not in LANGUAGES:
            raise FeedError(f"no calendar feed in {lang!r}; languages: {', '.join(LANGUAGES)}")
        try:
            self.zone = ZoneInfo(plan.term.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise FeedError(f"unknown time zone {plan.term.timezone!r}") from None
        self.plan = plan
        self.lang = lang
        self.words: Wording = wording(lang)
        self.meeting_url = meeting_url
        self.stamp = plan_stamp(plan)
        self.stamp_text = utc_time(self.stamp)
        committee = plan.body(plan.term.committee)
        self.committee = (committee.acronym or committee.name).get(lang)[0]
        self.bodies = {body.id: body for body in plan.bodies}
        # Each presenter with its preposition and article ("par le SSM", "pela JID").
        self.presenters = {
            body.id: _by_the(body.acronym or body.name, body.name, lang) for body in plan.bodies
        }
        self.areas = {area.id: area for area in plan.thematic_areas}
        self.mandates = {mandate.id: mandate for mandate in plan.mandates}
        self.term_key = _term_key(plan)
        # A DATE-TIME in UTC is written with Z and no TZID (RFC 5545 3.2.19), as icalendar did.
        utc = plan.term.timezone in _UTC_NAMES
        self.tzid = "" if utc else f";TZID={parameter(plan.term.timezone)}"
        self.tz_suffix = "Z" if utc else ""

    def opening(self, deadlines: bool, calendar_url: str | None) -> list[str]:
        """The calendar's own lines up to its first event (without the VTIMEZONE)."""
        plan, words = self.plan, self.words
        template = words.deadlines_calendar_name if deadlines else words.calendar_name
        name = escape_text(template.format(committee=self.committee, label=plan.term.label))
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{escape_text(PRODID)}",
            "CALSCALE:GREGORIAN",
            f"NAME:{name}",
            f"X-WR-CALNAME:{name}",
            # Ask subscribed calendars to look again every hour (RFC 7986 and Outlook's variant).
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        ]
        if calendar_url:
            lines.append(f"SOURCE;VALUE=URI:{calendar_url}")
        lines += ["X-PUBLISHED-TTL:PT1H", f"X-WR-TIMEZONE:{escape_text(plan.term.timezone)}"]
        return lines

    def _local(self, day_: dt.date, time: dt.time) -> str:
        return f"{self.tzid}:{local_time(dt.datetime.combine(day_, time))}{self.tz_suffix}"

    def _text(self, name: str, text: str, fallback: str | None) -> str:
        # LANGUAGE says which language a text is in when it is not the feed's (RFC 5545 3.2.10).
        if fallback:
            return f"{name};LANGUAGE={parameter(fallback)}:{escape_text(text)}"
        return f"{name}:{escape_text(text)}"

    def meeting(self, meeting: Meeting, out: list[str]) -> None:
        """Append the meeting's VEVENT."""
        words, lang = self.words, self.lang
        title, fallback = self._title(meeting.title, words.meeting_kinds[meeting.kind.value])
        summary = f"{self.committee}: {title}"
        if meeting.provisional:
            summary += f" ({words.provisional})"
        if meeting.status is MeetingStatus.CANCELLED:
            summary = f"{words.cancelled}: {summary}"
        stamps = [move.recorded_at for move in meeting.moves if move.recorded_at]
        stamp = (
            utc_time(max([self.stamp, *(s.astimezone(dt.UTC) for s in stamps)]))
            if stamps
            else self.stamp_text
        )
        out += [
            "BEGIN:VEVENT",
            self._text("SUMMARY", summary, fallback),
            f"DTSTART{self._local(meeting.date, meeting.start)}",
            f"DTEND{self._local(meeting.date, meeting.end)}",
            f"DTSTAMP:{stamp}",
            f"UID:{escape_text(meeting_uid(self.plan, meeting.id))}",
            f"SEQUENCE:{meeting.sequence}",
            f"CATEGORIES:{escape_text(self.committee)}",
        ]
        lines = [
            f"{words.meeting_kinds[meeting.kind.value]} · {meeting.start:%H:%M}–{meeting.end:%H:%M}"
        ]
        reasons = {move.date: move.reason for move in meeting.moves if move.reason}
        # One chain, as the model document words it: first planned on a day, then moved on.
        for i, earlier in enumerate(meeting.previous_dates):
            phrase = words.then_moved if i else words.initially_scheduled
            line = phrase.format(date=_day(earlier, lang))
            reason = reasons.get(earlier)
            if reason is not None:
                line += f" ({words.reason.format(reason=reason.get(lang)[0])})"
            lines.append(line)
        if meeting.agenda:
            lines += ["", f"{words.agenda}:"]
            self._agenda_lines(meeting.agenda, None, 0, lines)
        url = self.meeting_url(meeting.id) if self.meeting_url is not None else None
        if url is not None:
            lines += ["", f"{words.more}: {url}"]
        out.append(f"DESCRIPTION:{escape_text(chr(10).join(lines))}")
        if meeting.venue is not None:
            venue, venue_fallback = meeting.venue.get(lang)
            out.append(self._text("LOCATION", venue, _original(meeting.venue, venue_fallback)))
        if meeting.status is MeetingStatus.CANCELLED:
            out.append("STATUS:CANCELLED")
        elif meeting.provisional:
            out.append("STATUS:TENTATIVE")
        else:
            out.append("STATUS:CONFIRMED")
        out.append("TRANSP:OPAQUE")
        if url is not None:
            out.append(f"URL;VALUE=URI:{url}")
        out.append("END:VEVENT")

    def activity(self, activity: Activity, out: list[str]) -> None:
        """Append the activity's VEVENTs: none without a date, one per day for separate days."""
        when = activity.when
        first, last = when.first_day, when.last_day
        if first is None or last is None:
            return
        if when.precision is Precision.DAYS:
            for day_ in when.listed_days:
                uid = activity_uid(self.plan, activity.id, day_)
                self._activity_event(activity, day_, day_, uid, out)
        else:
            self._activity_event(activity, first, last, activity_uid(self.plan, activity.id), out)

    def deadline(self, obligation: ReportingObligation, out: list[str]) -> None:
        """Append the yearly obligation's recurring VEVENT; nothing for one without a day."""
        if obligation.frequency is not Frequency.YEARLY or not obligation.due:
            return
        words, lang = self.words, self.lang
        due = obligation.due
        month, day_of_month = int(due[2:4]), int(due[5:7])
        first = _first_occurrence(self.plan.term.start, month, day_of_month)
        text, fallback = obligation.title.get(lang)
        lines = [item.get(lang)[0] for item in obligation.request]
        if obligation.basis:
            lines.append(f"{words.basis}: {', '.join(obligation.basis)}")
        if obligation.channel:
            lines.append(f"{words.how_to_send}: {obligation.channel}")
        out += [
            "BEGIN:VEVENT",
            self._text(
                "SUMMARY",
                words.deadline.format(title=text),
                obligation.title.original.value if fallback else None,
            ),
            f"DTSTART;VALUE=DATE:{day(first)}",
            f"DTEND;VALUE=DATE:{day(first + dt.timedelta(days=1))}",
            f"DTSTAMP:{self.stamp_text}",
            f"UID:{escape_text(deadline_uid(self.plan, obligation.id))}",
            "SEQUENCE:0",
            f"RRULE:FREQ=YEARLY;BYMONTHDAY={day_of_month};BYMONTH={month}",
            f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]

    # -- parts -----------------------------------------------------------------------------

    def _agenda_lines(
        self, nodes: list[AgendaNode], parent: str | None, depth: int, out: list[str]
    ) -> None:
        # The agenda numbered and titled as ``comitia.render.outline`` does for the pages,
        # written straight from the nodes: a feed prints thousands of them and needs none of
        # the outline's objects.
        words, lang = self.words, self.lang
        for index, node in enumerate(nodes, start=1):
            number = child_number(parent, index)
            title = heading(node, self.areas)
            text = f"{'  ' * depth}{number}. {title.get(lang)[0] if title is not None else ''}"
            extras = []
            for citation in node.citations:
                mandate = self.mandates.get(citation.mandate) if citation.mandate else None
                source = citation.symbol or (mandate.source if mandate else None) or ""
                if citation.article:
                    source += f", {words.article} {citation.article}"
                if citation.paragraphs:
                    source += f", {words.paragraphs} {', '.join(citation.paragraphs)}"
                extras.append(source.strip(", "))
            if node.documents:
                extras.append(f"{words.documents}: {', '.join(node.documents)}")
            presenters = [self.presenters[key] for key in node.presenters if key in self.bodies]
            if presenters:
                extras.append(
                    words.presented_by.format(presenters=format_list(presenters, locale=lang))
                )
            out.append(f"{text} ({'; '.join(extras)})" if extras else text)
            if node.items:
                self._agenda_lines(node.items, number, depth + 1, out)

    def _title(self, title: Text | None, default: str) -> tuple[str, str | None]:
        if title is None:
            return default, None
        text, fallback = title.get(self.lang)
        return text, title.original.value if fallback else None

    def _activity_event(
        self, activity: Activity, first: dt.date, last: dt.date, uid: str, out: list[str]
    ) -> None:
        words, lang = self.words, self.lang
        title, fallback = activity.title.get(lang)
        body = self.bodies.get(activity.body) if activity.body else None
        acronym = (body.acronym or body.name).get(lang)[0] if body is not None else ""
        # The body's acronym leads the summary unless the title already names it.
        summary = f"{acronym}: {title}" if acronym and acronym not in title else title
        if _is_period(activity.when):
            summary += f" ({words.to_be_confirmed.format(period=_when(activity.when, lang))})"
        elif activity.provisional:
            summary += f" ({words.provisional})"
        out += [
            "BEGIN:VEVENT",
            self._text("SUMMARY", summary, activity.title.original.value if fallback else None),
        ]
        if first == last and activity.start is not None and activity.end is not None:
            out += [
                f"DTSTART{self._local(first, activity.start)}",
                f"DTEND{self._local(first, activity.end)}",
            ]
        else:
            out += [
                f"DTSTART;VALUE=DATE:{day(first)}",
                f"DTEND;VALUE=DATE:{day(last + dt.timedelta(days=1))}",
            ]
        lines = [_when(activity.when, lang)]
        lines += [note.get(lang)[0] for note in activity.notes]
        out += [
            f"DTSTAMP:{self.stamp_text}",
            f"UID:{escape_text(uid)}",
            "SEQUENCE:0",
            f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
        ]
        if activity.venue is not None:
            venue, venue_fallback = activity.venue.get(lang)
            out.append(self._text("LOCATION", venue, _original(activity.venue, venue_fallback)))
        out += [
            "STATUS:TENTATIVE" if activity.provisional else "STATUS:CONFIRMED",
            # Other bodies' events and periods are shown, not booked: they leave time free.
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]


# The zones icalendar wrote as UTC (with Z).
_UTC_NAMES = frozenset({"UTC", "Etc/UTC"})


def _original(text: Text, fallback: bool) -> str | None:
    return text.original.value if fallback else None


def _is_period(when: FuzzyDate) -> bool:
    """Whether only a period is known (a month, quarter, half, year, or a range of those)."""
    if when.precision in (Precision.MONTH, Precision.QUARTER, Precision.SEMESTER, Precision.YEAR):
        return True
    return when.precision is Precision.RANGE and when.range_unit is not Precision.DAY


def _first_occurrence(start: dt.date, month: int, day: int) -> dt.date:
    """The first ``month``-``day`` on or after ``start`` (29 February: the next leap year)."""
    for year in range(start.year, start.year + 9):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= start:
            return candidate
    raise FeedError(f"no day --{month:02d}-{day:02d} follows {start}")
