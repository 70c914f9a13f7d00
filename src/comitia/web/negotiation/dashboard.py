"""The negotiation of a draft at a glance: what the dashboard page and the API show.

Read with a fixed number of queries whatever the draft's size: the plan (one query per table,
``load_plan``), the paragraphs' rows, the amendments awaiting a decision and the paragraphs'
history, one query each. The figures are counted by ``progress`` from plain data; what the
reader sees is narrowed as on the draft's page: the plan as ``visible_plan`` gives it (so the
formal sessions are the meetings they see) and the amendments ``amendment_seen`` lets through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import F

from comitia.checks.coverage import is_presented
from comitia.checks.engine import Context
from comitia.checks.rules.claims import formal_review_meetings
from comitia.plan import ParagraphStatus, Plan
from comitia.plan import Resolution as PlanResolution
from comitia.web.access.policy import Action, may, member_state
from comitia.web.plans import models as m
from comitia.web.plans.convert import plan_of_rows, term_rows

from . import progress
from .models import Amendment, ParagraphEvent
from .visibility import amendment_seen


@dataclass(frozen=True)
class Awaiting:
    """An amendment awaiting a decision, as the reader may see it."""

    pk: int
    paragraph: str  # the paragraph's number
    paragraph_kind: str
    member_state: str
    kind: str  # Amendment.Kind's code
    language: str
    proposed_on: dt.date
    shared: bool


@dataclass(frozen=True)
class Dashboard:
    paragraphs: list[progress.ParagraphState]
    sections: list[tuple[str, progress.Counts]]  # by section key ('' : in no section)
    total: progress.Counts
    sessions: list[progress.Session]  # the formal review's meetings, in date order
    after_sessions: list[tuple[progress.Session, progress.Counts]]
    without_lead: list[progress.ParagraphState]
    still_open: list[progress.ParagraphState]
    sessions_left: list[progress.Session]
    awaiting: list[Awaiting]
    # False: the plan dates no formal review, so no session can be counted.
    review_dated: bool


class _DraftTables:
    """The rows of the plan a dashboard reads (``convert.plan_of_rows``): the term's bodies,
    thematic areas, meetings with their earlier dates, the negotiation and its milestones, and
    one draft with its sections and paragraphs; not the agendas, activities, obligations, other
    resolutions and the rest, which it does not show. Nine queries whatever the term's size."""

    def __init__(self, term: m.Term, draft: m.Resolution) -> None:
        self._tables: dict[type[Any], list[Any]] = {
            model: list(term_rows(model, term))
            for model in (
                m.Body,
                m.ThematicArea,
                m.Meeting,
                m.PreviousDate,
                m.Negotiation,
                m.Milestone,
            )
        }
        self._tables[m.Resolution] = [draft]
        self._tables[m.ResolutionSection] = list(
            term_rows(m.ResolutionSection, term).filter(resolution=draft)
        )
        self._tables[m.Paragraph] = list(term_rows(m.Paragraph, term).filter(resolution=draft))

    def rows(self, model: type[Any]) -> list[Any]:
        return self._tables.get(model, [])


def draft_plan(term: m.Term, draft: m.Resolution) -> Plan:
    """The part of ``term``'s plan the dashboard of ``draft`` reads (``_DraftTables``); raise
    PlanLoadError as ``convert.load_plan``."""
    return plan_of_rows(term, _DraftTables(term, draft))


def _status(code: str | None) -> ParagraphStatus | None:
    return ParagraphStatus(code) if code else None


def _day(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    return moment.astimezone(zone).date()


def sessions_of(plan: Plan, today: dt.date) -> list[progress.Session] | None:
    """The formal review's meetings in ``plan`` (``claims.formal_review_meetings``), held or
    not; None if the plan dates no formal review."""
    meetings = formal_review_meetings(Context(plan=plan, today=today))
    if meetings is None:
        return None
    return [progress.Session(x.id, x.date, is_presented(x, today)) for x in meetings]


def status_changes(
    stored: m.Resolution, pks: dict[int, str], zone: ZoneInfo
) -> list[progress.StatusChange]:
    """The status changes of the draft's paragraphs (``pks``: number by pk), in the order
    recorded: each on its meeting's day, else its consultation's, else the day recorded at the
    term's headquarters. Changes of the text alone are left out."""
    rows = (
        ParagraphEvent.objects.filter(paragraph__resolution=stored)
        .exclude(from_status=F("to_status"))
        .order_by("recorded_at", "pk")
        .values_list(
            "paragraph_id",
            "from_status",
            "to_status",
            "meeting__key",
            "meeting__date",
            "consultation__held_on",
            "recorded_at",
        )
    )
    return [
        progress.StatusChange(
            paragraph=paragraph,
            before=_status(before),
            after=_status(after),
            on=meeting_date or held_on or _day(recorded_at, zone),
            meeting=meeting,
        )
        for paragraph, before, after, meeting, meeting_date, held_on, recorded_at in rows
        if paragraph in pks
    ]


def build(
    user: Any, stored: m.Resolution, plan: Plan, held: PlanResolution, today: dt.date
) -> Dashboard:
    """The dashboard of ``held`` (the draft as ``plan``, the plan ``user`` sees, holds it;
    ``stored`` its row) on ``today`` at the term's headquarters."""
    term = stored.term
    zone = ZoneInfo(term.timezone)
    rows = {
        (kind, number): pk
        for pk, kind, number in m.Paragraph.objects.filter(resolution=stored)
        .order_by()
        .values_list("pk", "kind", "number")
    }
    paragraphs = [
        progress.ParagraphState(
            key=rows.get((p.kind.value, p.number), -1 - index),
            number=p.number,
            section=p.section or "",
            status=p.status,
            leads=tuple(p.leads),
            kind=p.kind.value,
        )
        for index, p in enumerate(held.paragraphs)
    ]
    leads = {state.key: list(state.leads) for state in paragraphs}
    insider = may(user, Action.VIEW_DRAFT, term)
    state = member_state(user)
    numbers = {state.key: state.number for state in paragraphs}
    kinds = {state.key: state.kind for state in paragraphs}
    awaiting = [
        Awaiting(
            pk=a.pk,
            paragraph=numbers[a.paragraph_id],
            paragraph_kind=kinds[a.paragraph_id],
            member_state=a.member_state,
            kind=a.kind,
            language=a.language,
            proposed_on=_day(a.proposed_at, zone),
            shared=a.shared_at is not None,
        )
        for a in Amendment.objects.filter(
            paragraph__resolution=stored, status=Amendment.Status.SUBMITTED
        ).order_by("proposed_at", "pk")
        if a.paragraph_id in numbers
        and amendment_seen(a, leads[a.paragraph_id], insider=insider, state=state)
    ]
    sessions = sessions_of(plan, today)
    changes = status_changes(stored, numbers, zone)
    return Dashboard(
        paragraphs=paragraphs,
        sections=progress.by_section(paragraphs, [s.id for s in held.sections]),
        total=progress.count(p.status for p in paragraphs),
        sessions=sessions or [],
        after_sessions=progress.after_sessions(paragraphs, changes, sessions or []),
        without_lead=progress.without_lead(paragraphs),
        still_open=progress.still_open(paragraphs),
        sessions_left=progress.sessions_left(sessions or []),
        awaiting=awaiting,
        review_dated=sessions is not None,
    )
