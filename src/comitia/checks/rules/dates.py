"""Dates of meetings and activities (DAT): within the term, on working days, not clashing.

Every rule here reads the meetings sorted by day and start (or the activities by first day)
once; clashes are found with sweeps over those sorted lists, never by comparing every pair.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterator

from comitia.checks.engine import (
    Context,
    Hit,
    ObjectKind,
    ObjectRef,
    Severity,
    fuzzy_days,
    is_precise,
    rule,
)
from comitia.checks.messages import BodyName, Weekday
from comitia.checks.text import SAME_EVENT, similarity, words
from comitia.plan import Activity, AgendaNode, Meeting

# An activity spanning more days than this (a course, a season) does not tie up a body's
# people on each of its days; only shorter ones are checked against meetings.
LONGEST_CLASHING_ACTIVITY = dt.timedelta(days=14)


def _meeting(meeting: Meeting) -> ObjectRef:
    return ObjectRef(ObjectKind.MEETING, meeting.id)


def _activity(activity: Activity) -> ObjectRef:
    return ObjectRef(ObjectKind.ACTIVITY, activity.id)


@rule("DAT001", Severity.ERROR)
def meeting_outside_term(context: Context) -> Iterator[Hit]:
    term = context.plan.term
    for meeting in context.meetings:
        if not term.start <= meeting.date <= term.end:
            params = {"date": meeting.date, "start": term.start, "end": term.end}
            yield Hit(params, (meeting.date,), (_meeting(meeting),))


@rule("DAT002", Severity.WARNING)
def activity_outside_term(context: Context) -> Iterator[Hit]:
    term = context.plan.term
    for activity in context.activities:
        first, last = activity.when.first_day, activity.when.last_day
        if first is None or last is None or (term.start <= last and first <= term.end):
            continue
        params = {"title": activity.title, "when": activity.when, "start": term.start}
        params["end"] = term.end
        yield Hit(params, fuzzy_days(activity.when), (_activity(activity),))


@rule("DAT003", Severity.ERROR)
def meeting_on_non_meeting_day(context: Context) -> Iterator[Hit]:
    for meeting in context.meetings:
        if (name := context.non_meeting_days.get(meeting.date)) is not None:
            yield Hit({"date": meeting.date, "name": name}, (meeting.date,), (_meeting(meeting),))


@rule("DAT004", Severity.WARNING)
def meeting_on_weekend(context: Context) -> Iterator[Hit]:
    for meeting in context.meetings:
        if meeting.date.weekday() >= 5:
            params = {"date": Weekday(meeting.date)}
            yield Hit(params, (meeting.date,), (_meeting(meeting),))


@rule("DAT005", Severity.ERROR)
def meetings_overlap(context: Context) -> Iterator[Hit]:
    """Meetings the same day whose hours overlap: one sweep over meetings by day and start."""
    latest: Meeting | None = None  # of the meetings of the day so far, the one ending last
    for meeting in context.meetings:
        if latest is not None and latest.date == meeting.date and meeting.start < latest.end:
            yield Hit(
                {
                    "date": meeting.date,
                    "first": f"{latest.start:%H:%M}–{latest.end:%H:%M}",
                    "second": f"{meeting.start:%H:%M}–{meeting.end:%H:%M}",
                },
                (meeting.date,),
                (_meeting(latest), _meeting(meeting)),
            )
        if latest is None or latest.date != meeting.date or meeting.end > latest.end:
            latest = meeting


def _activity_days(activity: Activity) -> list[dt.date]:
    when = activity.when
    if not is_precise(when) or when.first_day is None or when.last_day is None:
        return []
    if when.listed_days:
        return list(when.listed_days)
    if when.last_day - when.first_day > LONGEST_CLASHING_ACTIVITY:
        return []
    span = (when.last_day - when.first_day).days
    return [when.first_day + dt.timedelta(days=n) for n in range(span + 1)]


def _hours_overlap(meeting: Meeting, activity: Activity) -> bool:
    if activity.start is None or activity.end is None:
        return True  # a day-long activity, as far as anyone knows
    return activity.start < meeting.end and meeting.start < activity.end


@rule("DAT006", Severity.WARNING)
def presenter_busy(context: Context) -> Iterator[Hit]:
    """A meeting the same day as an activity of a body that presents at it."""
    busy: dict[tuple[dt.date, str], list[Activity]] = defaultdict(list)
    for activity in context.activities:
        if activity.body is not None:
            for day in _activity_days(activity):
                busy[day, activity.body].append(activity)
    if not busy:
        return
    presenters: dict[str, list[str]] = defaultdict(list)
    for placed in context.placed_nodes:
        for body in placed.node.presenters:
            if body not in presenters[placed.meeting.id]:
                presenters[placed.meeting.id].append(body)
    for meeting in context.meetings:
        for body in presenters.get(meeting.id, []):
            for activity in busy.get((meeting.date, body), []):
                if _hours_overlap(meeting, activity):
                    name = context.plan.body(body)
                    yield Hit(
                        {
                            "date": meeting.date,
                            "body": BodyName(name.acronym or name.name, name.name),
                            "title": activity.title,
                        },
                        (meeting.date,),
                        (_meeting(meeting), _activity(activity), ObjectRef(ObjectKind.BODY, body)),
                    )


@rule("DAT007", Severity.WARNING)
def activity_listed_twice(context: Context) -> Iterator[Hit]:
    """Two activities of one body, with overlapping dates and alike titles.

    One sweep per body over its activities by first day, keeping those still running.
    """
    by_body: dict[str | None, list[Activity]] = defaultdict(list)
    for activity in context.activities:  # sorted by first day
        by_body[activity.body].append(activity)
    for activities in by_body.values():
        running: list[tuple[dt.date, int, Activity, frozenset[str]]] = []
        for order, activity in enumerate(activities):
            first, last = activity.when.first_day, activity.when.last_day
            if first is None or last is None:
                continue  # context.activities are dated; this keeps the type checker informed
            while running and running[0][0] < first:
                heapq.heappop(running)
            mine = words(activity.title)
            for _end, _order, other, theirs in running:
                if similarity(mine, theirs) >= SAME_EVENT and other.when.overlaps(activity.when):
                    yield Hit(
                        {"title": activity.title, "when": activity.when, "other": other.title},
                        fuzzy_days(activity.when),
                        (_activity(other), _activity(activity)),
                    )
                    break
            heapq.heappush(running, (last, order, activity, mine))


@rule("DAT008", Severity.ERROR)
def earlier_date_not_earlier(context: Context) -> Iterator[Hit]:
    """An earlier date equal to the meeting's date, or listed twice.

    A later earlier date is legitimate: the meeting was brought forward.
    """
    for meeting in context.meetings:
        seen: set[dt.date] = set()
        for previous in meeting.previous_dates:
            if previous == meeting.date or previous in seen:
                yield Hit({"date": meeting.date}, (meeting.date,), (_meeting(meeting),))
                break
            seen.add(previous)


@rule("DAT009", Severity.WARNING)
def moved_from_a_taken_day(context: Context) -> Iterator[Hit]:
    """A meeting moved away from a day on which another meeting is still planned."""
    for meeting in context.meetings:
        for previous in meeting.previous_dates:
            others = [m for m in context.meetings_by_date.get(previous, []) if m is not meeting]
            if others:
                yield Hit(
                    {"date": meeting.date, "previous": previous},
                    (meeting.date, previous),
                    (_meeting(meeting), *(_meeting(m) for m in others)),
                )


@rule("DAT010", Severity.WARNING)
def provisional_too_close(context: Context) -> Iterator[Hit]:
    """A provisional meeting less than ``provisional_weeks`` weeks ahead of today."""
    horizon = dt.timedelta(weeks=context.provisional_weeks)
    for meeting in context.meetings:
        ahead = meeting.date - context.today
        if meeting.provisional and dt.timedelta(0) <= ahead < horizon:
            yield Hit(
                {"date": meeting.date, "days": ahead.days, "weeks": context.provisional_weeks},
                (meeting.date,),
                (_meeting(meeting),),
            )


@rule("DAT011", Severity.ERROR)
def item_not_after_the_items_it_follows(context: Context) -> Iterator[Hit]:
    """An agenda item whose meeting is not on a later day than the meeting holding an item
    it must follow (its ``after``); cancelled meetings hold nothing."""
    holding: dict[str, tuple[Meeting, AgendaNode]] = {}
    for meeting in context.meetings:
        for root in meeting.agenda:
            for node in root.walk():
                if node.id is not None:
                    holding[node.id] = (meeting, node)
    for meeting in context.meetings:
        for root in meeting.agenda:
            for node in root.walk():
                for earlier_id in node.after:
                    if earlier_id not in holding:
                        continue
                    earlier_meeting, earlier = holding[earlier_id]
                    if earlier_meeting.date < meeting.date:
                        continue
                    params = {
                        "title": node.title,
                        "date": meeting.date,
                        "earlier": earlier.title,
                        "earlier_date": earlier_meeting.date,
                    }
                    yield Hit(
                        params,
                        (meeting.date, earlier_meeting.date),
                        (_meeting(meeting), _meeting(earlier_meeting)),
                    )


@rule("REQ001", Severity.ERROR)
def requested_event_date_disagrees(context: Context) -> Iterator[Hit]:
    """An event the General Assembly requested, stated for a date its meeting is not on."""
    for event in context.plan.requested_events:
        if event.when.first_day is None:
            continue
        meeting = context.meeting_by_id.get(event.meeting) if event.meeting else None
        activity = context.activity_by_id.get(event.activity) if event.activity else None
        params: dict[str, object] = {"title": event.title, "stated": event.when}
        ref = ObjectRef(ObjectKind.REQUESTED_EVENT, event.id)
        if meeting is not None and not event.when.contains(meeting.date):
            params["actual"] = meeting.date
            if any(event.when.contains(d) for d in meeting.previous_dates):
                params["variant"] = "moved"
            dates = (*fuzzy_days(event.when), meeting.date)
            yield Hit(params, dates, (ref, _meeting(meeting)))
        elif activity is not None and not event.when.overlaps(activity.when):
            params["actual"] = activity.when
            dates = fuzzy_days(event.when) + fuzzy_days(activity.when)
            yield Hit(params, dates, (ref, _activity(activity)))
