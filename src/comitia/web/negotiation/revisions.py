"""Issuing a revision of a draft resolution (rev. N), its documents and its comparison.

``issue_revision`` snapshots the draft as it stands in one transaction with an audit record:
the draft's row is locked first, so two secretariat members issuing at once make one revision
and a conflict (``RevisionConflict``), never two of one number. The draft's ``revision``
becomes N, so its page and documents carry "rev. N" from then on.

A revision's documents (the resolution renderer's DOCX, PDF and HTML, in four languages) and
the DOCX of its changes since the revision before (Word tracked changes) are printed once by
the worker and stored (``DraftRevisionDocument``, ``revision_prints``): what they are made from
never changes, so the key (revision, kind, format, language) is all they depend on, as a
printed revision of the work plan (``comitia.web.documents.revision_prints``).

An amendment's DOCX is its difference against the text it amended, as tracked changes by its
delegation at the time it was proposed; cheap to make (a page of python-docx), so it is made
on each request.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comitia.plan import Plan
from comitia.plan.resolutions import Resolution
from comitia.plan.states import state_name
from comitia.render.document.blocks import ChangeMark, Document, Paragraph, ParagraphStyle, Span
from comitia.render.document.resolution import build_resolution_document
from comitia.render.docx.tracked import write_tracked
from comitia.render.formats import output_format
from comitia.revisions.resolutions import compare_resolutions, marked_diff
from comitia.revisions.words import PieceKind
from comitia.web.access import audit
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from .models import Amendment, DraftRevision, DraftRevisionDocument

# The formats a revision is printed in, and the author of its changes in Word.
REVISION_FORMATS = ("docx", "pdf", "html")
CHANGES_AUTHOR = "Comitia"
_REVISION_SUFFIX = re.compile(r"\s*rev\.\s*\d+\s*$", re.IGNORECASE)


class RevisionError(Exception):
    """The revision cannot be issued; the message says why."""


class RevisionConflict(RevisionError):
    """The revision meant was issued already (a second click, or two at once)."""


@dataclass(frozen=True)
class Printed:
    content: bytes
    media_type: str
    filename: str


def revision_symbol(document_symbol: str, number: int) -> str:
    """The draft's document symbol with the revision's suffix: ``CP/CSH-2020/20 rev. 4``
    (a suffix the symbol already has is replaced)."""
    return f"{_REVISION_SUFFIX.sub('', document_symbol.strip())} rev. {number}"


def draft_label(stored: m.Resolution) -> str:
    """The draft's symbol as its documents print it (``comitia.plan.Resolution.label``),
    from its row."""
    if stored.document_symbol is None:
        return str(stored.key)
    if stored.revision:
        return f"{stored.document_symbol} rev. {stored.revision}"
    return str(stored.document_symbol)


def next_number(stored: m.Resolution) -> int:
    """One more than the last revision issued here, or than the draft says it is at (an
    imported draft may be at rev. 3 already)."""
    last = (
        DraftRevision.objects.filter(
            term_slug=stored.term.slug, resolution_key=stored.key
        ).aggregate(n=Max("number"))["n"]
        or 0
    )
    return max(last, stored.revision) + 1


def revisions_of(stored: m.Resolution) -> list[DraftRevision]:
    """The draft's issued revisions, newest first (without their snapshots)."""
    return list(
        DraftRevision.objects.filter(term_slug=stored.term.slug, resolution_key=stored.key)
        .defer("snapshot")
        .order_by("-number")
    )


def _snapshot(plan: Plan, draft: Resolution, number: int) -> str:
    """What the revision's documents print, as a plan of its own: the term, its bodies and
    areas, and the draft at revision ``number``; canonical JSON (sorted keys)."""
    held = Plan.model_validate(
        {
            "comitia": 1,
            "language": plan.language,
            "languages": plan.languages,
            "term": plan.term,
            "bodies": plan.bodies,
            "thematic_areas": plan.thematic_areas,
            "resolutions": [draft.model_copy(update={"revision": number})],
        }
    )
    return json.dumps(
        held.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True
    )


def issue_revision(
    stored: m.Resolution,
    user: Any,
    *,
    issued_on: dt.date,
    number: int | None = None,
) -> DraftRevision:
    """Issue the draft ``stored`` as its next revision, dated ``issued_on``.

    ``number`` is the revision the secretariat meant to issue (the page's form says it): if
    it is issued already, ``RevisionConflict`` and nothing is written. ``RevisionError`` for
    a draft with no document symbol (a revision's symbol is made from it).
    """
    if not stored.document_symbol:
        raise RevisionError("the draft has no document symbol to make the revision's from")
    try:
        with transaction.atomic():
            # The lock orders two issues of one draft: the second reads the first's number.
            locked = (
                m.Resolution.objects.select_for_update().select_related("term").get(pk=stored.pk)
            )
            made = next_number(locked)
            if number is not None and number != made:
                raise RevisionConflict(f"rev. {number} of {locked.key} is issued already")
            plan = load_plan(locked.term)
            draft = next((r for r in plan.resolutions if r.id == locked.key), None)
            if draft is None:
                raise RevisionError(f"the plan holds no draft {locked.key!r}")
            versions = {
                f"{kind} {paragraph_number}": version
                for kind, paragraph_number, version in m.Paragraph.objects.filter(
                    resolution=locked
                ).values_list("kind", "number", "version")
            }
            revision = DraftRevision.objects.create(
                term_slug=locked.term.slug,
                resolution_key=locked.key,
                number=made,
                symbol=revision_symbol(locked.document_symbol or "", made),
                issued_on=issued_on,
                issued_by=user if user is not None and user.is_authenticated else None,
                snapshot=_snapshot(plan, draft, made),
                versions=versions,
            )
            locked.revision = made
            locked.save(update_fields=["revision"])
            # Its documents never change: the worker prints them now rather than for the
            # first readers, once the revision is there for it to read.
            transaction.on_commit(functools.partial(_print_ahead, revision.pk))
            after = audit.snapshot(revision)
            if after is not None:
                after.pop("snapshot", None)  # kept by the revision itself
            audit.record(
                user,
                "issue revision",
                revision,
                before=None,
                after=after,
                term_slug=locked.term.slug,
            )
    except IntegrityError as error:
        raise RevisionConflict(
            f"a revision of {stored.key} was issued at the same time by someone else"
        ) from error
    stored.revision = made
    return revision


def _print_ahead(revision_id: int) -> None:
    from .revision_prints import queue_revision

    queue_revision(revision_id)


@functools.lru_cache(maxsize=16)
def _parsed(snapshot: str) -> Plan:
    # Keyed by the snapshot's text, which an issued revision never changes: a comparison page
    # reads two revisions, and a 200-paragraph draft takes some 100 ms to validate.
    return Plan.model_validate(json.loads(snapshot))


def revision_plan(revision: DraftRevision) -> Plan:
    """The plan ``revision`` holds (shared between callers: copy it to change it)."""
    return _parsed(revision.snapshot)


def revision_draft(revision: DraftRevision) -> tuple[Plan, Resolution]:
    plan = revision_plan(revision)
    return plan, plan.resolutions[0]


def previous_revision(revision: DraftRevision) -> DraftRevision | None:
    return (
        DraftRevision.objects.filter(
            term_slug=revision.term_slug,
            resolution_key=revision.resolution_key,
            number__lt=revision.number,
        )
        .order_by("-number")
        .first()
    )


def render_revision_document(revision: DraftRevision, kind: str, fmt: str, lang: str) -> bytes:
    """A document of ``revision``, printed now (the worker prints it once:
    ``revision_prints``). RevisionError for the changes of a first revision."""
    plan, draft = revision_draft(revision)
    if kind == DraftRevisionDocument.Kind.REVISION:
        return output_format(fmt).write(build_resolution_document(plan, draft, lang))
    before = previous_revision(revision)
    if before is None:
        raise RevisionError(f"rev. {revision.number} is the first revision issued")
    _, earlier = revision_draft(before)
    document = build_resolution_document(plan, draft, lang, earlier=earlier)
    return write_tracked(document, author=CHANGES_AUTHOR, when=revision.issued_at)


def printed_kind(kind: DraftRevisionDocument.Kind | str, fmt: str) -> DraftRevisionDocument.Kind:
    """``kind`` checked against ``fmt``: a revision is printed in each of
    ``REVISION_FORMATS``, its changes as a DOCX; ValueError for any other."""
    kind = DraftRevisionDocument.Kind(kind)
    if fmt not in REVISION_FORMATS or (
        kind is DraftRevisionDocument.Kind.CHANGES and fmt != "docx"
    ):
        raise ValueError(f"a revision's {kind.value} is not printed as {fmt!r}")
    return kind


def document_filename(
    revision: DraftRevision, kind: DraftRevisionDocument.Kind | str, fmt: str, lang: str
) -> str:
    """``RESOLUTION-revN.LANG.EXT``, or ``RESOLUTION-revN-changes.LANG.docx``."""
    suffix = "-changes" if kind == DraftRevisionDocument.Kind.CHANGES else ""
    extension = output_format(fmt).extension
    return f"{revision.resolution_key}-rev{revision.number}{suffix}.{lang}.{extension}"


def compared_lines(revision: DraftRevision, lang: str) -> tuple[DraftRevision | None, list[Any]]:
    """The revision before ``revision`` and the comparison of the two, paragraph by
    paragraph, in ``lang`` (every paragraph as added if it is the first)."""
    before = previous_revision(revision)
    _, draft = revision_draft(revision)
    earlier = (
        revision_draft(before)[1]
        if before is not None
        else draft.model_copy(update={"paragraphs": []})
    )
    return before, compare_resolutions(earlier, draft, lang)


def _state(code: str, lang: str) -> str:
    try:
        return state_name(code, lang)
    except ValueError:
        return code


def amendment_document(amendment: Amendment, label: str) -> Document:
    """``amendment`` as a document in its own language: its paragraph's text with the
    amendment's changes marked (deleted and inserted runs), its delegation, date and
    justification. ``label`` is the draft's symbol as printed."""
    lang = amendment.language
    paragraph = amendment.paragraph
    state = _state(amendment.member_state, lang)
    with translation.override(lang):
        if amendment.kind == Amendment.Kind.ADD_AFTER:
            heading = _("New paragraph after paragraph %(number)s") % {"number": paragraph.number}
        else:
            heading = _("Amendment to paragraph %(number)s") % {"number": paragraph.number}
        proposed = _("Proposed by %(state)s on %(date)s (%(kind)s, %(status)s)") % {
            "state": state,
            "date": timezone.localdate(amendment.proposed_at).isoformat(),
            "kind": amendment.get_kind_display(),
            "status": amendment.get_status_display(),
        }
        justification = _("Justification:")
    new = "" if amendment.kind == Amendment.Kind.DELETE else amendment.text
    base = "" if amendment.kind == Amendment.Kind.ADD_AFTER else amendment.base_text
    change = {PieceKind.INSERTED: ChangeMark.INSERTED, PieceKind.DELETED: ChangeMark.DELETED}
    number = f"{paragraph.number}.\t" if amendment.kind != Amendment.Kind.ADD_AFTER else "\t"
    spans = [Span(number)] + [
        Span(piece.text, change=change.get(piece.kind)) for piece in marked_diff(base, new)
    ]
    return Document(
        lang=lang,
        title=heading,
        symbol=label,
        elements=(
            Paragraph((Span(label),), ParagraphStyle.SYMBOL),
            Paragraph((Span(heading),), ParagraphStyle.TITLE),
            Paragraph((Span(proposed, italic=True),), ParagraphStyle.SUBTITLE),
            Paragraph(tuple(spans), ParagraphStyle.CLAUSE),
            Paragraph(
                (Span(justification, bold=True), Span(" " + amendment.justification)),
                ParagraphStyle.BODY,
            ),
        ),
    )


def amendment_docx(amendment: Amendment, label: str) -> Printed:
    """The DOCX of ``amendment``: its changes as Word tracked changes by its delegation, at
    the time it was proposed."""
    document = amendment_document(amendment, label)
    content = write_tracked(
        document,
        author=_state(amendment.member_state, amendment.language),
        when=amendment.proposed_at,
    )
    return Printed(
        content,
        output_format("docx").media_type,
        f"amendment-{amendment.pk}-paragraph-{amendment.paragraph.number}.docx".replace(" ", "-"),
    )
