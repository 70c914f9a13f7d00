"""What a change to the calendar would newly break, before it is saved.

The editing pages and the API ask here before they call an operation: the term's rows are read
once, the change is applied to copies of them in memory (the very fields the operation would
write: a meeting's day and hours, a move's earlier date, an agenda entry, an activity), the plan
is built from the rows as they are and as they would be (``convert.plan_of_rows``), and the
checks (``comitia.checks.run_checks``) run on both. The findings the change brings, those the
plan did not have, are what the form shows before saving; nothing is written.

A finding is "the same" before and after when its rule and the objects it names are: a meeting
already on a weekend that moves to another weekend brings nothing new. The ``fingerprint`` of the
new findings is what a confirmation names: if the situation changes between the warning and the
confirmation (someone else's change, other values typed), the fingerprint differs and the form
asks again.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from comitia.checks import Finding, OtherCommittee, Severity, run_checks
from comitia.plan import Organization, Plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, plan_of_rows, term_rows

from . import operations
from .other_committees import organization_and_others


@dataclass(frozen=True)
class Preview:
    """The findings a change would bring, and how long finding them took (seconds)."""

    findings: list[Finding]
    seconds: float

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.findings)


def fingerprint(findings: list[Finding]) -> str:
    """A short digest of ``findings`` (their rules, objects, dates and values), the token a
    confirmation sends back: the same findings give the same token."""
    lines = sorted(
        f"{f.code}|{','.join(map(str, f.objects))}|{','.join(map(str, f.dates))}|"
        f"{sorted((k, str(v)) for k, v in f.params.items())}"
        for f in findings
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:20]


def _key(finding: Finding) -> tuple[str, tuple[Any, ...]]:
    return finding.code, finding.objects


def new_findings(
    before: Plan,
    after: Plan,
    today: dt.date,
    organization: Organization | None = None,
    others: Sequence[OtherCommittee] = (),
) -> list[Finding]:
    """The findings of ``after`` that ``before`` did not have (by rule and objects), the rules
    across committees read with ``organization`` and the ``others`` committees' bookings."""

    def checked(plan: Plan) -> list[Finding]:
        return run_checks(plan, today=today, organization=organization, others=list(others))

    old = Counter(_key(f) for f in checked(before))
    found = []
    for finding in checked(after):
        if old[_key(finding)] > 0:
            old[_key(finding)] -= 1
        else:
            found.append(finding)
    return found


class _Rows:
    """The term's rows, read once per table, with changes laid over them in memory."""

    def __init__(self, term: m.Term) -> None:
        self.term = term
        self._read: dict[type[Any], list[Any]] = {}
        self.changes: dict[type[Any], Callable[[list[Any]], list[Any]]] = {}

    def rows(self, model: type[Any]) -> list[Any]:
        if model not in self._read:
            self._read[model] = list(term_rows(model, self.term))
        return self._read[model]

    def changed(self) -> Any:
        rows = self

        class Changed:
            def rows(self, model: type[Any]) -> list[Any]:
                stored = rows.rows(model)
                change = rows.changes.get(model)
                return change(list(stored)) if change is not None else stored

        return Changed()


def today_in(term: m.Term) -> dt.date:
    """Today at the term's headquarters, the day the checks read the plan on."""
    return timezone.now().astimezone(ZoneInfo(term.timezone)).date()


def _preview(term: m.Term, change: Callable[[_Rows], None]) -> Preview:
    started = time.perf_counter()
    rows = _Rows(term)
    try:
        before = plan_of_rows(term, rows)
    except PlanLoadError:
        return Preview([], time.perf_counter() - started)
    change(rows)
    try:
        after = plan_of_rows(term, rows.changed())
    except PlanLoadError:
        # The operation refuses such a change and says why; there is nothing to warn of.
        return Preview([], time.perf_counter() - started)
    # The organization's other committees hold their rooms and teams: a change onto one of
    # their bookings is a new error here as on the checks panel (what the public may not see
    # of them is found, not named).
    organization, others = organization_and_others(term, None)
    found = new_findings(before, after, today_in(term), organization, others)
    return Preview(found, time.perf_counter() - started)


def _replace(row: Any) -> Callable[[list[Any]], list[Any]]:
    def change(stored: list[Any]) -> list[Any]:
        if row.pk is not None and any(r.pk == row.pk for r in stored):
            return [row if r.pk == row.pk else r for r in stored]
        return [*stored, row]

    return change


def _copy(rows: _Rows, model: type[Any], pk: int) -> Any:
    return copy.copy(next(r for r in rows.rows(model) if r.pk == pk))


_NEW = -1  # the primary key of a row the change would add


def meeting_preview(
    term: m.Term,
    meeting: m.Meeting | None,
    fields: dict[str, Any],
    lang: str,
    *,
    moved_to: dt.date | None = None,
) -> Preview:
    """What creating a meeting (``meeting`` None), editing its details, or moving it to
    ``moved_to`` (a date: its current one becomes an earlier date) would newly break."""

    def change(rows: _Rows) -> None:
        if meeting is None:
            stored = rows.rows(m.Meeting)
            row = m.Meeting(
                term=term,
                key=operations.new_meeting_key(term, fields["date"]),
                position=max((r.position for r in stored), default=0) + 1,
            )
            row.pk = _NEW
            operations.apply_meeting_fields(row, fields, lang)
        else:
            row = _copy(rows, m.Meeting, meeting.pk)
            kept = {k: v for k, v in fields.items() if k not in {"date", "version"}}
            if moved_to is None:
                operations.apply_meeting_fields(row, kept, lang)
            else:
                for name in ("start", "end", "room", "team"):
                    if fields.get(name) is not None:
                        setattr(row, name, fields[name])
                if moved_to != row.date:
                    earlier = [r for r in rows.rows(m.PreviousDate) if r.meeting_id == row.pk]
                    previous = m.PreviousDate(
                        meeting_id=row.pk,
                        position=len(earlier),
                        date=row.date,
                        reason={lang: fields["reason"]} if fields.get("reason") else None,
                        recorded_at=timezone.now(),
                    )
                    rows.changes[m.PreviousDate] = lambda stored: [*stored, previous]
                row.date = moved_to
        rows.changes[m.Meeting] = _replace(row)

    return _preview(term, change)


def activity_preview(
    term: m.Term, activity: m.Activity | None, fields: dict[str, Any], lang: str
) -> Preview:
    """What adding (``activity`` None) or changing an activity would newly break."""

    def change(rows: _Rows) -> None:
        if activity is None:
            stored = rows.rows(m.Activity)
            row = m.Activity(
                term=term,
                key=operations.new_activity_key(term, fields),
                position=max((r.position for r in stored), default=0) + 1,
            )
            row.pk = _NEW
        else:
            row = _copy(rows, m.Activity, activity.pk)
        operations.apply_activity_fields(row, fields, lang)
        row.sync_fuzzy_bounds()
        rows.changes[m.Activity] = _replace(row)

    return _preview(term, change)


def agenda_preview(
    meeting: m.Meeting, node: m.AgendaNode | None, fields: dict[str, Any], lang: str
) -> Preview:
    """What adding (``node`` None) or changing an agenda entry of ``meeting`` would newly
    break: its kind, area, title, documents, place, presenters and mandate citation."""
    term = meeting.term

    def change(rows: _Rows) -> None:
        parent: m.AgendaNode | None = fields.get("parent")
        if node is None:
            row = m.AgendaNode(term=term, meeting_id=meeting.pk)
            row.pk = _NEW
        else:
            row = _copy(rows, m.AgendaNode, node.pk)
        row.kind = fields["kind"]
        area = fields.get("area") if row.kind == "area" else None
        row.area_id = area.pk if area is not None else None
        row.title = operations.set_text(row.title, lang, fields.get("title", ""))
        row.documents = list(fields.get("documents", []))
        row.parent_id = parent.pk if parent is not None else None
        row.depth = parent.depth + 1 if parent is not None else 0
        siblings = [
            r
            for r in rows.rows(m.AgendaNode)
            if r.meeting_id == meeting.pk and r.parent_id == row.parent_id and r.pk != row.pk
        ]
        wanted = min(max(fields.get("position") or len(siblings) + 1, 1), len(siblings) + 1)
        # Between the sibling before and the one after; the reader keeps the rows' order.
        row.position = siblings[wanted - 2].position + 0.5 if wanted > 1 else -1

        def nodes(stored: list[Any]) -> list[Any]:
            kept = [r for r in stored if r.pk != row.pk]
            return sorted([*kept, row], key=lambda r: (r.depth, r.position))

        rows.changes[m.AgendaNode] = nodes
        if "presenters" in fields:
            presenters = [
                m.AgendaPresenter(node_id=row.pk, body_id=body.pk, position=i)
                for i, body in enumerate(fields["presenters"])
            ]
            rows.changes[m.AgendaPresenter] = lambda stored: [
                *(p for p in stored if p.node_id != row.pk),
                *presenters,
            ]
        if "mandate" in fields:
            cited = fields["mandate"]
            citation = (
                m.Citation(
                    term=term,
                    node_id=row.pk,
                    position=999,
                    mandate_id=cited.pk,
                    paragraphs=list(fields.get("paragraphs", [])),
                )
                if cited is not None
                else None
            )
            rows.changes[m.Citation] = lambda stored: [
                *(c for c in stored if not (c.node_id == row.pk and c.mandate_id is not None)),
                *([citation] if citation is not None else []),
            ]

    return _preview(term, change)


@dataclass(frozen=True)
class WarningLine:
    """A new finding as the form shows it: how serious, what and what to do, in words."""

    severity: str  # error, warning or info: the class of its line
    label: str
    message: str
    hint: str


def warning_lines(preview: Preview, lang: str) -> list[WarningLine]:
    """The new findings of ``preview`` worded in ``lang``, errors first."""
    labels = {
        Severity.ERROR: _("Error"),
        Severity.WARNING: _("Warning"),
        Severity.INFO: _("Note"),
    }
    return [
        WarningLine(f.severity.value, labels[f.severity], f.message(lang), f.hint(lang))
        for f in sorted(preview.findings, key=lambda f: f.sort_key)
    ]
