"""A plan's calendar as an iCalendar feed (RFC 5545), built with the icalendar library.

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
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from comitia.dates import FuzzyDate, Precision, format_day
from comitia.plan import (
    Activity,
    Frequency,
    Meeting,
    MeetingStatus,
    Plan,
    ReportingObligation,
    Text,
)
from comitia.render.ics.agenda import AgendaLine, agenda_outline
from comitia.render.ics.folding import serialize
from comitia.render.ics.wording import Wording, wording

PRODID = "-//Comitia//Comitia calendar//EN"


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
    events = [writer.meeting(meeting) for meeting in sorted(plan.meetings, key=meeting_order)]
    events += [writer.activity(activity) for activity in plan.activities]
    if deadlines:
        events += [writer.deadline(obligation) for obligation in plan.obligations]
    return assemble(writer.opening(deadlines, calendar_url, bool(plan.meetings)), events)


def assemble(opening: bytes, events: Iterable[bytes]) -> bytes:
    """A whole feed from its opening (``FeedWriter.opening``) and its events' text, in order.

    Each piece is complete folded iCalendar text, so a feed assembled from pieces written
    apart, or kept from an earlier feed, is byte for byte the feed written at once.
    """
    return b"".join((opening, *events, CLOSING))


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
    """Writes a feed's pieces, each as folded iCalendar text (bytes), with icalendar.

    ``plan`` gives what every event shares: the term (its time zone, committee and label), the
    document's approval day, the bodies, thematic areas and mandates. Each event's text depends
    only on those, on ``lang`` and ``meeting_url``, and on the one meeting, activity or
    obligation it shows, so a caller may keep an event's text and use it again while these do
    not change. Raise FeedError for an unknown language or time zone.
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
        committee = plan.body(plan.term.committee)
        self.committee = (committee.acronym or committee.name).get(lang)[0]
        self.bodies = {body.id: body for body in plan.bodies}

    def opening(self, deadlines: bool, calendar_url: str | None, meetings: bool) -> bytes:
        """The calendar's own lines up to its first event, with the term's VTIMEZONE when
        the feed has ``meetings`` (the only events with a local time)."""
        plan, words = self.plan, self.words
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        template = words.deadlines_calendar_name if deadlines else words.calendar_name
        name = template.format(committee=self.committee, label=plan.term.label)
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", plan.term.timezone)
        # Ask subscribed calendars to look again every hour (RFC 7986 and Outlook's variant).
        calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
        if calendar_url:
            calendar.add("source", calendar_url, parameters={"VALUE": "URI"})
        lines = calendar.content_lines()
        # Without subcomponents the lines end with END:VCALENDAR and an empty line.
        opening = serialize(lines[:-2])
        if meetings:
            opening += _timezone(plan.term.timezone, plan.term.start.year, plan.term.end.year + 1)
        return opening

    def meeting(self, meeting: Meeting) -> bytes:
        """The meeting's VEVENT."""
        return serialize(self._meeting(meeting).content_lines())

    def activity(self, activity: Activity) -> bytes:
        """The activity's VEVENTs: none without a date, one per day for separate days."""
        return b"".join(serialize(event.content_lines()) for event in self._activity(activity))

    def deadline(self, obligation: ReportingObligation) -> bytes:
        """The yearly obligation's recurring VEVENT; nothing for an obligation without a day."""
        if obligation.frequency is not Frequency.YEARLY or not obligation.due:
            return b""
        event = self._deadline(
            obligation.id,
            obligation.title,
            obligation.due,
            obligation.channel,
            obligation.basis,
            obligation.request,
        )
        return serialize(event.content_lines())

    # -- events ----------------------------------------------------------------------------

    def _text(self, event: icalendar.Event, name: str, value: str, fallback: str | None) -> None:
        # LANGUAGE says which language a text is in when it is not the feed's (RFC 5545 3.2.10).
        if fallback:
            event.add(name, value, parameters={"LANGUAGE": fallback})
        else:
            event.add(name, value)

    def _meeting(self, meeting: Meeting) -> icalendar.Event:
        words, lang = self.words, self.lang
        event = icalendar.Event()
        event.add("uid", meeting_uid(self.plan, meeting.id))
        stamps = [move.recorded_at for move in meeting.moves if move.recorded_at]
        event.add("dtstamp", max([self.stamp, *(s.astimezone(dt.UTC) for s in stamps)]))
        event.add("sequence", meeting.sequence)
        event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start, tzinfo=self.zone))
        event.add("dtend", dt.datetime.combine(meeting.date, meeting.end, tzinfo=self.zone))
        if meeting.status is MeetingStatus.CANCELLED:
            event.add("status", "CANCELLED")
        elif meeting.provisional:
            event.add("status", "TENTATIVE")
        else:
            event.add("status", "CONFIRMED")
        title, fallback = self._title(meeting.title, words.meeting_kinds[meeting.kind.value])
        summary = f"{self.committee}: {title}"
        if meeting.provisional:
            summary += f" ({words.provisional})"
        if meeting.status is MeetingStatus.CANCELLED:
            summary = f"{words.cancelled}: {summary}"
        self._text(event, "summary", summary, fallback)
        if meeting.venue is not None:
            venue, venue_fallback = meeting.venue.get(lang)
            self._text(event, "location", venue, _original(meeting.venue, venue_fallback))
        event.add("categories", [self.committee])
        event.add("transp", "OPAQUE")
        lines = [
            f"{words.meeting_kinds[meeting.kind.value]} · {meeting.start:%H:%M}–{meeting.end:%H:%M}"
        ]
        reasons = {move.date: move.reason for move in meeting.moves if move.reason}
        for earlier in meeting.previous_dates:
            line = words.initially_scheduled.format(date=_day(earlier, lang))
            reason = reasons.get(earlier)
            if reason is not None:
                line += f" ({words.reason.format(reason=reason.get(lang)[0])})"
            lines.append(line)
        outline = agenda_outline(meeting, self.plan, lang)
        if outline:
            lines += ["", f"{words.agenda}:"]
            for root in outline:
                lines.extend(self._agenda_line(line) for line in root.walk())
        if self.meeting_url is not None:
            url = self.meeting_url(meeting.id)
            event.add("url", url, parameters={"VALUE": "URI"})
            lines += ["", f"{words.more}: {url}"]
        event.add("description", "\n".join(lines))
        return event

    def _agenda_line(self, line: AgendaLine) -> str:
        words = self.words
        text = f"{'  ' * line.depth}{line.number}. {line.title.text if line.title else ''}"
        extras = []
        for citation in line.citations:
            source = citation.symbol or ""
            if citation.article:
                source += f", {words.article} {citation.article}"
            if citation.paragraphs:
                source += f", {words.paragraphs} {', '.join(citation.paragraphs)}"
            extras.append(source.strip(", "))
        if line.documents:
            extras.append(f"{words.documents}: {', '.join(line.documents)}")
        if line.presenters:
            extras.append(f"{words.presented_by} {', '.join(p.text for p in line.presenters)}")
        return f"{text} ({'; '.join(extras)})" if extras else text

    def _title(self, title: Text | None, default: str) -> tuple[str, str | None]:
        if title is None:
            return default, None
        text, fallback = title.get(self.lang)
        return text, title.original.value if fallback else None

    def _activity(self, activity: Activity) -> list[icalendar.Event]:
        when = activity.when
        first, last = when.first_day, when.last_day
        if first is None or last is None:
            return []
        if when.precision is Precision.DAYS:
            return [
                self._activity_event(activity, day, day, activity_uid(self.plan, activity.id, day))
                for day in when.listed_days
            ]
        return [self._activity_event(activity, first, last, activity_uid(self.plan, activity.id))]

    def _activity_event(
        self, activity: Activity, first: dt.date, last: dt.date, uid: str
    ) -> icalendar.Event:
        words, lang = self.words, self.lang
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", self.stamp)
        event.add("sequence", 0)
        timed = first == last and activity.start is not None and activity.end is not None
        if timed and activity.start is not None and activity.end is not None:
            event.add("dtstart", dt.datetime.combine(first, activity.start, tzinfo=self.zone))
            event.add("dtend", dt.datetime.combine(first, activity.end, tzinfo=self.zone))
        else:
            event.add("dtstart", first)
            event.add("dtend", last + dt.timedelta(days=1))
        title, fallback = activity.title.get(lang)
        body = self.bodies.get(activity.body) if activity.body else None
        acronym = (body.acronym or body.name).get(lang)[0] if body is not None else ""
        # The body's acronym leads the summary unless the title already names it.
        summary = f"{acronym}: {title}" if acronym and acronym not in title else title
        if _is_period(activity.when):
            summary += f" ({words.to_be_confirmed.format(period=_when(activity.when, lang))})"
        elif activity.provisional:
            summary += f" ({words.provisional})"
        self._text(event, "summary", summary, activity.title.original.value if fallback else None)
        event.add("status", "TENTATIVE" if activity.provisional else "CONFIRMED")
        # Other bodies' events and periods are shown, not booked: they leave time free.
        event.add("transp", "TRANSPARENT")
        if activity.venue is not None:
            venue, venue_fallback = activity.venue.get(lang)
            self._text(event, "location", venue, _original(activity.venue, venue_fallback))
        lines = [_when(activity.when, lang)]
        lines += [note.get(lang)[0] for note in activity.notes]
        event.add("description", "\n".join(lines))
        return event

    def _deadline(
        self,
        obligation_id: str,
        title: Text,
        due: str,
        channel: str | None,
        basis: list[str],
        request: list[Text],
    ) -> icalendar.Event:
        words, lang = self.words, self.lang
        month, day = int(due[2:4]), int(due[5:7])
        first = _first_occurrence(self.plan.term.start, month, day)
        event = icalendar.Event()
        event.add("uid", deadline_uid(self.plan, obligation_id))
        event.add("dtstamp", self.stamp)
        event.add("sequence", 0)
        event.add("dtstart", first)
        event.add("dtend", first + dt.timedelta(days=1))
        event.add("rrule", {"freq": "yearly", "bymonth": month, "bymonthday": day})
        text, fallback = title.get(lang)
        self._text(
            event,
            "summary",
            words.deadline.format(title=text),
            title.original.value if fallback else None,
        )
        event.add("transp", "TRANSPARENT")
        lines = [item.get(lang)[0] for item in request]
        if basis:
            lines.append(f"{words.basis}: {', '.join(basis)}")
        if channel:
            lines.append(f"{words.how_to_send}: {channel}")
        event.add("description", "\n".join(lines))
        return event


CLOSING = b"END:VCALENDAR\r\n"


@functools.lru_cache(maxsize=16)
def _timezone(tzid: str, first_year: int, last_year: int) -> bytes:
    # The same VTIMEZONE for every feed of a term; icalendar computes its transitions anew.
    zone = icalendar.Timezone.from_tzid(
        tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 12, 31)
    )
    return serialize(zone.content_lines())


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
