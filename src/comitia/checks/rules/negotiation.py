"""The plan for negotiating the draft resolution (NEG): order of its steps and sessions.

A milestone is dated by the meeting it names, else by its own fuzzy date. "A before B" is
read on first possible days: an error when B's first possible day comes before A's.
"""

from __future__ import annotations

from collections.abc import Iterator

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, fuzzy_days, rule
from comitia.checks.rules.claims import derived_counts
from comitia.dates import FuzzyDate
from comitia.plan import AgendaKind, AgendaNode, ClaimedCount, Milestone, MilestoneKind


def _milestone(context: Context, kind: MilestoneKind) -> Milestone | None:
    negotiation = context.plan.negotiation
    if negotiation is None:
        return None
    return next((m for m in negotiation.milestones if m.kind is kind), None)


def _when(context: Context, milestone: Milestone) -> FuzzyDate | None:
    meeting = context.meeting_by_id.get(milestone.meeting) if milestone.meeting else None
    if meeting is not None:
        return FuzzyDate.day(meeting.date)
    if milestone.when is not None and milestone.when.first_day is not None:
        return milestone.when
    return None


def _ref(milestone: Milestone) -> ObjectRef:
    return ObjectRef(ObjectKind.MILESTONE, milestone.id)


def _out_of_order(
    context: Context, earlier: MilestoneKind, later: MilestoneKind
) -> tuple[Milestone, FuzzyDate, Milestone, FuzzyDate] | None:
    first, second = _milestone(context, earlier), _milestone(context, later)
    if first is None or second is None:
        return None
    first_when, second_when = _when(context, first), _when(context, second)
    if first_when is None or second_when is None:
        return None
    assert first_when.first_day is not None and second_when.first_day is not None
    if second_when.first_day < first_when.first_day:
        return first, first_when, second, second_when
    return None


@rule("NEG001", Severity.ERROR)
def draft_before_methodology(context: Context) -> Iterator[Hit]:
    found = _out_of_order(context, MilestoneKind.METHODOLOGY, MilestoneKind.FIRST_DRAFT)
    if found is not None:
        methodology, methodology_when, draft, draft_when = found
        yield Hit(
            {"draft": draft_when, "methodology": methodology_when},
            fuzzy_days(draft_when) + fuzzy_days(methodology_when),
            (_ref(methodology), _ref(draft)),
        )


@rule("NEG002", Severity.ERROR)
def review_before_draft(context: Context) -> Iterator[Hit]:
    found = _out_of_order(context, MilestoneKind.FIRST_DRAFT, MilestoneKind.FORMAL_REVIEW)
    if found is not None:
        draft, draft_when, review, review_when = found
        yield Hit(
            {"review": review_when, "draft": draft_when},
            fuzzy_days(review_when) + fuzzy_days(draft_when),
            (_ref(draft), _ref(review)),
        )


@rule("NEG003", Severity.ERROR)
def fewer_review_sessions(context: Context) -> Iterator[Hit]:
    """Fewer half-day or full-day sessions in the formal review's dates than it announces."""
    review = _milestone(context, MilestoneKind.FORMAL_REVIEW)
    if review is None or review.when is None or review.when.first_day is None:
        return
    counts = derived_counts(context)
    for planned, what in (
        (review.half_day_sessions, ClaimedCount.HALF_DAY_SESSIONS),
        (review.full_day_sessions, ClaimedCount.FULL_DAY_SESSIONS),
    ):
        actual = counts[what]
        if planned is not None and actual is not None and actual < planned:
            yield Hit(
                {"planned": planned, "what": what, "when": review.when, "actual": actual},
                fuzzy_days(review.when),
                (_ref(review),),
            )


@rule("NEG004", Severity.ERROR)
def milestone_date_disagrees(context: Context) -> Iterator[Hit]:
    negotiation = context.plan.negotiation
    if negotiation is None:
        return
    for milestone in negotiation.milestones:
        meeting = context.meeting_by_id.get(milestone.meeting) if milestone.meeting else None
        when = milestone.when
        if meeting is None or when is None or when.first_day is None or when.contains(meeting.date):
            continue
        yield Hit(
            {"title": milestone.title, "when": when, "date": meeting.date},
            (*fuzzy_days(when), meeting.date),
            (_ref(milestone), ObjectRef(ObjectKind.MEETING, meeting.id)),
        )


def _substantive(node: AgendaNode) -> bool:
    """Whether a node or one under it takes up a mandate or has presenters."""
    return bool(node.citations or node.presenters) or any(_substantive(n) for n in node.items)


@rule("NEG005", Severity.WARNING)
def other_business_during_review(context: Context) -> Iterator[Hit]:
    """A meeting within the formal review's dates whose agenda takes up other matters.

    The formal review period is kept for the draft resolution; an item that cites a mandate or
    has presenters is other business. Reported once per meeting, with its first such item.
    """
    review = _milestone(context, MilestoneKind.FORMAL_REVIEW)
    if review is None or review.when is None or review.when.first_day is None:
        return
    when = review.when
    for meeting in context.meetings:
        if not when.contains(meeting.date):
            continue
        node = next(
            (
                n
                for n in meeting.agenda_nodes()
                if n.kind is not AgendaKind.AREA and n.title is not None and _substantive(n)
            ),
            None,
        )
        if node is not None:
            yield Hit(
                {"date": meeting.date, "title": node.title, "when": when},
                (meeting.date,),
                (ObjectRef(ObjectKind.MEETING, meeting.id), _ref(review)),
            )
