"""The calendar against what an imported document claims about it (CLM).

A document's own month-by-month summary (``summary_claims``) and the counts its prose states
(``count_claims``) are compared with the meetings and activities. Plans written in Comitia have
no claims, and these rules say nothing about them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

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
from comitia.checks.text import SAME_EVENT, similarity, words
from comitia.plan import (
    Activity,
    ClaimedCount,
    Meeting,
    MeetingKind,
    MilestoneKind,
    SummaryClaim,
)
from comitia.plan.sessions import SessionLength, session_length

# A word used by more activities than this is too common to find a title by.
COMMON_WORD = 64


def _claim_ref(index: int) -> ObjectRef:
    return ObjectRef(ObjectKind.SUMMARY_CLAIM, str(index))


def _meeting_ref(meeting: Meeting) -> ObjectRef:
    return ObjectRef(ObjectKind.MEETING, meeting.id)


@dataclass
class _Match:
    """How each summary entry matches the calendar, computed once for all the CLM rules."""

    context: Context

    @cached_property
    def activity_words(self) -> dict[str, frozenset[str]]:
        # In the plan's language, the document's: the summary was printed in it, and the words
        # of a title's translations would dilute the match ("Quito (Équateur)", "Ecuador").
        lang = self.context.plan.language
        return {a.id: words(a.title.get(lang)[0]) for a in self.context.activities}

    @cached_property
    def activities_by_day(self) -> dict[dt.date, list[Activity]]:
        index: dict[dt.date, list[Activity]] = defaultdict(list)
        for activity in self.context.activities:
            if is_precise(activity.when) and activity.when.first_day is not None:
                index[activity.when.first_day].append(activity)
        return index

    @cached_property
    def activities_by_word(self) -> dict[str, list[Activity]]:
        index: dict[str, list[Activity]] = defaultdict(list)
        for activity in self.context.activities:
            for w in self.activity_words[activity.id]:
                index[w].append(activity)
        return index

    def claimed_meetings(self, claim: SummaryClaim) -> list[Meeting]:
        """The committee's meetings on the claim's day that the claim stands for.

        An entry marked as the committee's stands for its meetings that day; so does an
        unmarked one ("Préoccupations en matière de sécurité en Amérique centrale") on a day
        when the committee meets, unless it names an activity of that day.
        """
        day = claim.when.first_day
        if day is None or not is_precise(claim.when):
            return []
        meetings = self.context.meetings_by_date.get(day, [])
        if claim.committee or not meetings:
            return meetings
        return [] if self.same_day_activity(claim) is not None else meetings

    def same_day_activity(self, claim: SummaryClaim) -> Activity | None:
        """An activity starting on the claim's first day with a title like the claim's."""
        if claim.when.first_day is None:
            return None
        claimed = words(claim.title)
        for activity in self.activities_by_day.get(claim.when.first_day, []):
            if similarity(claimed, self.activity_words[activity.id]) >= SAME_EVENT:
                return activity
        return None

    def similar_activity(self, claim: SummaryClaim) -> Activity | None:
        """The activity, on any date, whose title is most like the claim's (or None).

        Candidates share with the claim one of its words that few activities use (at most
        ``COMMON_WORD`` of them), or its rarest word: each claim reads a few short lists, never
        every activity, and a title like the claim's shares more than its common words.
        """
        claimed = words(claim.title)
        postings = [self.activities_by_word[w] for w in claimed if w in self.activities_by_word]
        if not postings:
            return None
        rare = [p for p in postings if len(p) <= COMMON_WORD] or [min(postings, key=len)]
        best, best_score = None, SAME_EVENT
        seen: set[str] = set()
        for activity in (a for posting in rare for a in posting):
            if activity.id in seen:
                continue
            seen.add(activity.id)
            score = similarity(claimed, self.activity_words[activity.id])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = activity, score
        return best

    @cached_property
    def results(self) -> list[tuple[int, SummaryClaim, list[Meeting], Activity | None]]:
        found = []
        for index, claim in enumerate(self.context.plan.summary_claims):
            meetings = self.claimed_meetings(claim)
            activity = None if meetings else self.same_day_activity(claim)
            found.append((index, claim, meetings, activity))
        return found


def _match(context: Context) -> _Match:
    return context.shared("claims", _Match)


@rule("CLM001", Severity.ERROR)
def summary_meeting_not_in_calendar(context: Context) -> Iterator[Hit]:
    """The summary lists a committee meeting on a day when the calendar has none."""
    moved_from = {d: m for m in context.meetings for d in m.previous_dates}
    for index, claim, meetings, _activity in _match(context).results:
        day = claim.when.first_day
        if not claim.committee or meetings or day is None or not is_precise(claim.when):
            continue
        params: dict[str, object] = {"date": day, "title": claim.title}
        objects = [_claim_ref(index)]
        if (moved := moved_from.get(day)) is not None:
            params.update(variant="moved", meeting=moved.date)
            objects.append(_meeting_ref(moved))
        yield Hit(params, (day,), tuple(objects))


@rule("CLM002", Severity.ERROR)
def calendar_meeting_not_in_summary(context: Context) -> Iterator[Hit]:
    """A meeting of the calendar that the summary, when there is one, does not list."""
    if not context.plan.summary_claims:
        return
    listed = {m.id for _i, _c, meetings, _a in _match(context).results for m in meetings}
    for meeting in context.meetings:
        if meeting.id not in listed:
            yield Hit({"date": meeting.date}, (meeting.date,), (_meeting_ref(meeting),))


@rule("CLM003", Severity.ERROR)
def summary_dates_disagree(context: Context) -> Iterator[Hit]:
    """A summary entry names an activity of the calendar with other dates."""
    match = _match(context)
    for index, claim, meetings, activity in match.results:
        if claim.committee or meetings or activity is not None:
            continue
        other = match.similar_activity(claim)
        if other is None or other.when.overlaps(claim.when):
            continue
        yield Hit(
            {"title": claim.title, "claimed": claim.when, "actual": other.when},
            fuzzy_days(claim.when) + fuzzy_days(other.when),
            (_claim_ref(index), ObjectRef(ObjectKind.ACTIVITY, other.id)),
        )


@rule("CLM004", Severity.WARNING)
def summary_entry_unknown(context: Context) -> Iterator[Hit]:
    """A summary entry that is neither a meeting, an activity nor a non-meeting day."""
    match = _match(context)
    for index, claim, meetings, activity in match.results:
        if claim.committee or meetings or activity is not None:
            continue
        day = claim.when.first_day
        if day is not None and day in context.non_meeting_days:
            continue
        other = match.similar_activity(claim)
        if other is not None and other.when.overlaps(claim.when):
            continue  # the same activity, printed with shortened or fuzzier dates
        if other is not None:
            continue  # CLM003 reports it
        yield Hit(
            {"title": claim.title, "claimed": claim.when},
            fuzzy_days(claim.when),
            (_claim_ref(index),),
        )


@rule("CLM005", Severity.WARNING)
def provisional_marks_disagree(context: Context) -> Iterator[Hit]:
    """A date provisional on one side (calendar or summary) and not on the other."""
    for index, claim, meetings, activity in _match(context).results:
        day = claim.when.first_day
        if day is None:
            continue
        for meeting in meetings:
            if meeting.provisional != claim.when.provisional:
                yield _provisional_hit(
                    index, claim, day, meeting.provisional, _meeting_ref(meeting)
                )
        if activity is not None and activity.when.provisional != claim.when.provisional:
            ref = ObjectRef(ObjectKind.ACTIVITY, activity.id)
            yield _provisional_hit(index, claim, day, activity.when.provisional, ref)


def _provisional_hit(
    index: int, claim: SummaryClaim, day: dt.date, calendar_provisional: bool, ref: ObjectRef
) -> Hit:
    params: dict[str, object] = {"title": claim.title, "date": day}
    if not calendar_provisional:
        params["variant"] = "added"
    return Hit(params, (day,), (ref, _claim_ref(index)))


def derived_counts(context: Context) -> dict[ClaimedCount, int | None]:
    """What the calendar counts, for each kind of count a document may state.

    Half-day and full-day sessions are those of the formal review of the draft resolution,
    within its dates; with no dated formal review they cannot be counted (None).
    """
    requested = {e.meeting for e in context.plan.requested_events if e.meeting is not None}
    meetings = context.meetings
    ga = [m for m in meetings if m.kind is MeetingKind.GA_REQUESTED or m.id in requested]
    regular = [m for m in meetings if m.kind is MeetingKind.REGULAR and m.id not in requested]
    review = formal_review_meetings(context)
    return {
        ClaimedCount.COMMITTEE_MEETINGS: len(meetings),
        ClaimedCount.REGULAR_MEETINGS: len(regular),
        ClaimedCount.GA_REQUESTED_MEETINGS: len(ga),
        ClaimedCount.HALF_DAY_SESSIONS: (
            None if review is None else sum(1 for m in review if not is_full_day(m))
        ),
        ClaimedCount.FULL_DAY_SESSIONS: (
            None if review is None else sum(1 for m in review if is_full_day(m))
        ),
    }


def is_full_day(meeting: Meeting) -> bool:
    """A full-day session as ``comitia.plan.sessions`` defines it, for the document and budget."""
    return session_length(meeting.start, meeting.end) is SessionLength.FULL_DAY


def formal_review_meetings(context: Context) -> list[Meeting] | None:
    """The meetings within the formal review's dates, or None if it has no dates."""
    negotiation = context.plan.negotiation
    review = None
    if negotiation is not None:
        review = next(
            (m for m in negotiation.milestones if m.kind is MilestoneKind.FORMAL_REVIEW), None
        )
    if review is None or review.when is None or review.when.first_day is None:
        return None
    when = review.when
    return [m for m in context.meetings if when.contains(m.date)]


@rule("CLM006", Severity.ERROR)
def counts_disagree(context: Context) -> Iterator[Hit]:
    """A count the document states that the calendar does not add up to."""
    if not context.plan.count_claims:
        return
    actual = derived_counts(context)
    events = context.plan.requested_events
    activities = sum(1 for e in events if e.meeting is None and e.activity is not None)
    for index, claim in enumerate(context.plan.count_claims):
        if actual[claim.counts] is None or actual[claim.counts] == claim.number:
            continue
        params: dict[str, object] = {
            "claimed": claim.number,
            "what": claim.counts,
            "actual": actual[claim.counts],
            "text": claim.text,
        }
        if claim.counts is ClaimedCount.GA_REQUESTED_MEETINGS and activities:
            params.update(variant="requested", requested=len(events), activities=activities)
        yield Hit(params, (), (ObjectRef(ObjectKind.COUNT_CLAIM, str(index)),))
