"""Approving revisions, publishing them and printing documents; the views and the command only
call these."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max

from comitia.checks import blocking_findings
from comitia.checks.engine import Finding
from comitia.plan import Plan
from comitia.render.document import build_document
from comitia.render.formats import output_format
from comitia.revisions import approved_plan, compare, plan_from_snapshot, snapshot
from comitia.symbols import normalize
from comitia.web.documents.models import Revision
from comitia.web.levels import Visibility
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from comitia.web.publication.operations import set_fixed_level


class ApprovalBlocked(Exception):
    """The plan has errors and no reason to override them was given."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"the plan has {len(findings)} error(s); give a reason to override them")
        self.findings = findings


class ApprovalConflict(Exception):
    """The revision was already approved (a second click, or two approvers at once): its
    number or its symbol is taken. Nothing was written."""


@dataclass(frozen=True)
class Printed:
    content: bytes
    media_type: str
    filename: str


def approve_revision(
    term: Term,
    *,
    symbol: str,
    approved_on: dt.date,
    user: Any = None,
    override_reason: str = "",
    today: dt.date | None = None,
    number: int | None = None,
) -> Revision:
    """Snapshot the term's plan as its next revision.

    Raises ``ApprovalBlocked`` when the checks find errors and ``override_reason`` is blank;
    with a reason, the errors are recorded with the revision. ``number`` is the revision the
    approver meant to approve (the form shows it): if that one is already approved, or another
    approval of it wins the race, ``ApprovalConflict`` is raised and nothing is written, so a
    double submission approves once. The same holds without ``number`` for ``symbol``: a term
    has one revision per symbol (compared as ``comitia.symbols.normalize`` does), so
    approvals sent at once with the symbol the form suggested approve one revision. The
    database's unique constraints decide a race; the loser's ``IntegrityError`` becomes the
    conflict.
    """
    plan = load_plan(term)
    errors = blocking_findings(plan, today=today)
    reason = override_reason.strip()
    if errors and not reason:
        raise ApprovalBlocked(errors)
    try:
        with transaction.atomic():
            revision = _approve(term, plan, errors, reason, symbol, approved_on, user, number)
            # Its documents never change: the worker prints them now rather than for the
            # first readers, once the revision is there for it to read.
            transaction.on_commit(functools.partial(_print_ahead, revision.pk))
    except IntegrityError as error:
        what = f"revision {number}" if number is not None else f"a revision {symbol!r}"
        raise ApprovalConflict(
            f"{what} of {term.slug} was approved at the same time by another approval"
        ) from error
    return revision


def _print_ahead(revision_id: int) -> None:
    from comitia.web.documents.revision_prints import queue_revision

    queue_revision(revision_id)


def _approve(
    term: Term,
    plan: Plan,
    errors: list[Finding],
    reason: str,
    symbol: str,
    approved_on: dt.date,
    user: Any,
    wanted: int | None,
) -> Revision:
    from comitia.web.access import audit

    number = next_revision_number(term.slug, plan)
    if wanted is not None and wanted != number:
        raise ApprovalConflict(f"revision {wanted} of {term.slug} is already approved")
    holder = Revision.objects.filter(term_slug=term.slug, symbol_key=normalize(symbol)).first()
    if holder is not None:
        raise ApprovalConflict(
            f"{holder.symbol!r} is already the symbol of revision {holder.number} of {term.slug}"
        )
    approved = approved_plan(
        plan,
        symbol=symbol,
        revision=number,
        approved_on=approved_on,
        approved_by=plan.term.committee,
    )
    revision = Revision.objects.create(
        term_slug=term.slug,
        number=number,
        symbol=symbol,
        approved_on=approved_on,
        approved_by=user if user is not None and user.is_authenticated else None,
        plan_json=snapshot(approved),
        override_reason=reason if errors else "",
        blocking_findings=[
            {
                "code": f.code,
                "message": f.message("en"),
                "dates": [d.isoformat() for d in f.dates],
            }
            for f in errors
        ],
    )
    after = audit.snapshot(revision)
    if after is not None:
        after.pop("plan_json", None)  # the snapshot itself is kept by the revision
    audit.record(user, "approve", revision, before=None, after=after, term_slug=term.slug)
    return revision


def next_revision_number(slug: str, plan: Plan) -> int:
    """One more than the last revision approved here, or than the plan's own document says
    (an imported plan may already be at rev. 2)."""
    last = Revision.objects.filter(term_slug=slug).aggregate(n=Max("number"))["n"] or 0
    stated = plan.document.revision if plan.document is not None else 0
    return max(last, stated) + 1


_REVISION_SUFFIX = re.compile(r"\s*rev\.\s*\d+\s*$", re.IGNORECASE)


def suggested_symbol(plan: Plan, number: int) -> str:
    """The plan's symbol with the revision's suffix: CP/CSH-1933/19 rev. 3."""
    if plan.document is None:
        return ""
    return f"{_REVISION_SUFFIX.sub('', plan.document.symbol)} rev. {number}"


def revision_plan(revision: Revision) -> Plan:
    return plan_from_snapshot(revision.plan_json)


def previous_revision(revision: Revision) -> Revision | None:
    return (
        Revision.objects.filter(term_slug=revision.term_slug, number__lt=revision.number)
        .order_by("-number")
        .first()
    )


def print_plan(plan: Plan, fmt: str, lang: str, *, name: str) -> Printed:
    """The current plan as a document, printed now. The web prints it in the worker, once for
    each state of the plan, and stores it (``printed``)."""
    output = output_format(fmt)
    return Printed(output.render(plan, lang), output.media_type, plan_filename(name, fmt, lang))


def plan_filename(name: str, fmt: str, lang: str) -> str:
    """The file name of the current plan's document: ``SLUG.LANG.EXTENSION``."""
    return f"{name}.{lang}.{output_format(fmt).extension}"


def media_type(fmt: str) -> str:
    return output_format(fmt).media_type


def render_revision(revision: Revision, fmt: str, lang: str) -> bytes:
    """A revision's document, printed now (the worker prints it once: ``revision_prints``).

    Revisions after the first end with the annex of changes since the one before.
    """
    plan = revision_plan(revision)
    before = previous_revision(revision)
    changes = compare(revision_plan(before), plan) if before is not None else None
    document = build_document(
        plan, lang, changes=changes, since=f"rev. {before.number}" if before is not None else None
    )
    return output_format(fmt).write(document)


def revision_filename(revision: Revision, fmt: str, lang: str) -> str:
    """The file name of a revision's document: ``SLUG-revN.LANG.EXTENSION``."""
    return f"{revision.term_slug}-rev{revision.number}.{lang}.{output_format(fmt).extension}"


def set_revision_visibility(revision: Revision, level: Visibility | str, user: Any) -> Revision:
    """Set the level of an approved revision (the one thing of it that changes)."""
    result: Revision = set_fixed_level(revision, level, user, term_slug=revision.term_slug)
    return result
