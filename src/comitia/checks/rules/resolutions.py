"""Resolutions (RES): paragraphs no meeting addresses, and the state of the draft.

RES001 follows the adopted resolution the committee's mandates come from, paragraph by
paragraph (see :func:`comitia.checks.coverage.paragraph_coverage`). RES002 to RES004 read the
draft the committee negotiates: every paragraph has its lead delegations, every paragraph is
settled once the formal review is over, every section holds a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from comitia.checks.coverage import (
    CoverageState,
    ParagraphCoverage,
    context_paragraph_coverage,
    is_presented,
)
from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.checks.rules.claims import formal_review_meetings
from comitia.plan import ParagraphStatus, Resolution, ResolutionState

# A draft's paragraph needs nothing more once agreed, or once withdrawn.
SETTLED = frozenset({ParagraphStatus.AGREED, ParagraphStatus.WITHDRAWN})


def _drafts(context: Context) -> list[Resolution]:
    return [r for r in context.plan.resolutions if r.state is ResolutionState.DRAFT]


def _ref(resolution: Resolution) -> ObjectRef:
    return ObjectRef(ObjectKind.RESOLUTION, resolution.id)


@rule("RES001", Severity.WARNING)
def paragraphs_not_addressed(context: Context) -> Iterator[Hit]:
    """Paragraphs the committee follows up that no (not cancelled) meeting's agenda cites: one
    finding per resolution, naming them and saying how many of how many are addressed."""
    rows = context_paragraph_coverage(context)
    by_resolution: dict[str, list[ParagraphCoverage]] = {}
    for row in rows:
        by_resolution.setdefault(row.resolution.id, []).append(row)
    for entries in by_resolution.values():
        missing = [r for r in entries if r.state is CoverageState.NOT_SCHEDULED]
        if not missing:
            continue
        resolution = entries[0].resolution
        yield Hit(
            {
                "numbers": [r.paragraph.number for r in missing],
                "resolution": resolution.label,
                "covered": len(entries) - len(missing),
                "total": len(entries),
            },
            (),
            (
                _ref(resolution),
                *dict.fromkeys(ObjectRef(ObjectKind.MANDATE, r.mandate.id) for r in entries),
            ),
        )


@rule("RES002", Severity.WARNING)
def draft_paragraph_without_lead(context: Context) -> Iterator[Hit]:
    """A paragraph of a draft (not withdrawn) with no lead delegation."""
    for draft in _drafts(context):
        for paragraph in draft.paragraphs:
            if not paragraph.leads and paragraph.status is not ParagraphStatus.WITHDRAWN:
                yield Hit(
                    {"number": paragraph.number, "resolution": draft.label, "kind": paragraph.kind},
                    (),
                    (_ref(draft),),
                )


@rule("RES003", Severity.WARNING)
def draft_paragraph_not_agreed_after_review(context: Context) -> Iterator[Hit]:
    """A paragraph of a draft neither agreed nor withdrawn when the last meeting of the formal
    review (``claims.formal_review_meetings``) has passed."""
    meetings = formal_review_meetings(context) or []
    if not meetings:
        return
    last = max(meetings, key=lambda m: (m.date, m.start))
    if not is_presented(last, context.today):
        return
    for draft in _drafts(context):
        for paragraph in draft.paragraphs:
            if paragraph.status not in SETTLED:
                yield Hit(
                    {
                        "number": paragraph.number,
                        "resolution": draft.label,
                        "kind": paragraph.kind,
                        "status": paragraph.status or "none",
                        "date": last.date,
                    },
                    (last.date,),
                    (_ref(draft), ObjectRef(ObjectKind.MEETING, last.id)),
                )


@rule("RES004", Severity.WARNING)
def draft_section_without_paragraph(context: Context) -> Iterator[Hit]:
    """A section of a draft that holds no paragraph."""
    for draft in _drafts(context):
        used = {p.section for p in draft.paragraphs}
        areas = {a.id: a for a in context.plan.thematic_areas}
        for section in draft.sections:
            if section.id not in used:
                area = areas.get(section.area) if section.area else None
                title = section.title or (area.title if area is not None else None)
                yield Hit(
                    {
                        "section": title if title is not None else section.id,
                        "resolution": draft.label,
                    },
                    (),
                    (_ref(draft),),
                )
