"""An issued revision's documents, printed by the worker once and for ever.

As an approved revision of the work plan's (``comitia.web.documents.revision_prints``): the
key is the revision, the kind (the revision itself, or its changes since the one before), the
format and the language; once stored (``DraftRevisionDocument``) the bytes are served ever
after. When the revision is issued every document is queued, PDFs first (``queue_revision``,
unless ``COMITIA_PRINT_AHEAD`` is off); a download not printed yet asks for it
(``request_print``) and the reader is told it is being printed. A print asked for is a
``DraftRevisionPrint`` row, the claim that makes one print across processes
(``comitia.web.documents.claims``), deleted when the document is stored.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.utils import timezone

from comitia.render.document import LANGUAGES
from comitia.render.formats import output_format
from comitia.web.documents import claims

from .models import DraftRevision, DraftRevisionDocument, DraftRevisionPrint
from .revisions import (
    REVISION_FORMATS,
    Printed,
    RevisionError,
    document_filename,
    previous_revision,
    printed_kind,
    render_revision_document,
)

logger = logging.getLogger("comitia.printing")

# A revision's document: the revision's id, the kind, the format, the language.
Key = tuple[int, str, str, str]

CHANGES = DraftRevisionDocument.Kind.CHANGES.value


def _fields(key: Key) -> dict[str, Any]:
    revision_id, kind, fmt, lang = key
    return {"revision_id": revision_id, "kind": kind, "format": fmt, "lang": lang}


def stored(key: Key) -> bytes | None:
    """The printed bytes of ``key``, or None while it is not printed."""
    rows = DraftRevisionDocument.objects.filter(**_fields(key))
    content = rows.values_list("content", flat=True).first()
    return bytes(content) if content is not None else None


def download(
    revision: DraftRevision, kind: DraftRevisionDocument.Kind | str, fmt: str, lang: str
) -> Printed | None:
    """The revision's document as stored, or None while it is being printed (its print asked
    for if nobody had, or queued again if it was lost). ValueError for a format or kind it is
    not printed in; RevisionError for the changes of a first revision."""
    kind = printed_kind(kind, fmt)
    key = (revision.pk, kind.value, fmt, lang)

    def ask() -> None:
        if kind is DraftRevisionDocument.Kind.CHANGES and previous_revision(revision) is None:
            raise RevisionError(f"rev. {revision.number} is the first revision issued")
        request_print(key)

    content = claims.stored_or_asked(lambda: stored(key), ask)
    if content is None:
        return None
    filename = document_filename(revision, kind, fmt, lang)
    return Printed(content, output_format(fmt).media_type, filename)


def request_print(key: Key) -> None:
    """Queue the print of ``key`` unless it is queued or being printed (a print queued or
    taken longer than ``claims.STALE`` ago is queued again)."""
    if claims.ask(DraftRevisionPrint.objects.all(), _fields(key), timezone.now()):
        _enqueue(key)


def _enqueue(key: Key) -> None:
    from .tasks import print_draft_revision_document

    print_draft_revision_document.using(priority=claims.priority(key[2])).enqueue(*key)


def revision_keys(revision: DraftRevision) -> list[Key]:
    """Every document of ``revision``: the revision in each format and language, PDFs first,
    then its changes since the revision before, if there was one."""
    keys: list[Key] = [
        (revision.pk, DraftRevisionDocument.Kind.REVISION.value, fmt, lang)
        for fmt in claims.pdf_first(REVISION_FORMATS)
        for lang in LANGUAGES
    ]
    if previous_revision(revision) is not None:
        keys += [(revision.pk, CHANGES, "docx", lang) for lang in LANGUAGES]
    return keys


def queue_revision(revision_id: int) -> None:
    """Queue every document of revision ``revision_id`` not printed nor asked for (called once
    the issue has committed)."""
    if not settings.COMITIA_PRINT_AHEAD:
        return
    revision = DraftRevision.objects.defer("snapshot").filter(pk=revision_id).first()
    if revision is None:
        return
    asked = {
        (revision_id, kind, fmt, lang)
        for rows in (DraftRevisionPrint.objects, DraftRevisionDocument.objects)
        for kind, fmt, lang in rows.filter(revision_id=revision_id).values_list(
            "kind", "format", "lang"
        )
    }
    wanted = revision_keys(revision)
    new = claims.ask_all(
        DraftRevisionPrint, wanted, asked=asked, fields=_fields, now=timezone.now()
    )
    for key in new:
        _enqueue(key)


def print_now(key: Key) -> str:
    """Print ``key`` and store it unless it is printed or another worker is printing it; what
    happened, in a word (the task's result)."""
    revision_id, kind, fmt, lang = key
    revision = DraftRevision.objects.filter(pk=revision_id).first()
    if revision is None:
        return "no such revision"
    started = time.perf_counter()
    outcome, size = claims.print_once(
        DraftRevisionPrint,
        _fields(key),
        stored=lambda: stored(key),
        render=lambda: render_revision_document(revision, kind, fmt, lang),
        store=lambda content: DraftRevisionDocument.objects.create(**_fields(key), content=content),
    )
    if outcome == "printed":
        logger.info(
            "printed draft revision term=%s draft=%s number=%s kind=%s format=%s lang=%s "
            "bytes=%d ms=%.0f",
            revision.term_slug,
            revision.resolution_key,
            revision.number,
            kind,
            fmt,
            lang,
            size,
            (time.perf_counter() - started) * 1000,
        )
    return outcome
