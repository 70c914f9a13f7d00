"""An approved revision's documents, printed by the worker once and for ever.

What a revision's document is made from (the revision and the one before it) never changes:
its key is the revision, the format and the language, and its bytes, once stored
(``RenderedDocument``), are served ever after. It is printed by the worker rather than in the
request (a PDF costs WeasyPrint about a second): when the revision is approved every document is
queued, PDFs first (``queue_revision``, unless ``COMITIA_PRINT_AHEAD`` is off); a download
not printed yet asks for it (``request_print``) and says "being printed". A print asked for is
a ``RevisionPrint`` row, the claim that makes one print across processes (``claims``), deleted
when the document is stored.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.utils import timezone

from comitia.render.document import LANGUAGES
from comitia.render.formats import DOCUMENT_FORMATS
from comitia.web.documents import claims
from comitia.web.documents.models import RenderedDocument, Revision, RevisionPrint
from comitia.web.documents.operations import (
    Printed,
    media_type,
    render_revision,
    revision_filename,
)

logger = logging.getLogger("comitia.printing")

# A revision's document: the revision's id, the format, the language.
Key = tuple[int, str, str]


def _fields(key: Key) -> dict[str, Any]:
    revision_id, fmt, lang = key
    return {"revision_id": revision_id, "format": fmt, "lang": lang}


def stored(key: Key) -> bytes | None:
    """The printed bytes of ``key``, or None while it is not printed."""
    rows = RenderedDocument.objects.filter(**_fields(key))
    content = rows.values_list("content", flat=True).first()
    return bytes(content) if content is not None else None


def download(revision: Revision, fmt: str, lang: str) -> Printed | None:
    """The revision's document as stored, or None while it is being printed (its print asked
    for if nobody had, or queued again if it was lost)."""
    key = (revision.pk, fmt, lang)
    content = claims.stored_or_asked(lambda: stored(key), lambda: request_print(key))
    if content is None:
        return None
    return Printed(content, media_type(fmt), revision_filename(revision, fmt, lang))


def request_print(key: Key) -> None:
    """Queue the print of ``key`` unless it is queued or being printed (a print queued or
    taken longer than ``claims.STALE`` ago is queued again)."""
    if claims.ask(RevisionPrint.objects.all(), _fields(key), timezone.now()):
        _enqueue(key)


def _enqueue(key: Key) -> None:
    from comitia.web.documents.tasks import print_revision_document

    print_revision_document.using(priority=claims.priority(key[1])).enqueue(*key)


def revision_keys(revision_id: int) -> list[Key]:
    """Every document of a revision: each format in each language, PDFs first."""
    return [
        (revision_id, fmt, lang) for fmt in claims.pdf_first(DOCUMENT_FORMATS) for lang in LANGUAGES
    ]


def queue_revision(revision_id: int) -> None:
    """Queue every document of revision ``revision_id`` not printed nor asked for (called once
    the approval has committed)."""
    if not settings.COMITIA_PRINT_AHEAD:
        return
    asked = {
        (revision_id, fmt, lang)
        for rows in (RevisionPrint.objects, RenderedDocument.objects)
        for fmt, lang in rows.filter(revision_id=revision_id).values_list("format", "lang")
    }
    wanted = revision_keys(revision_id)
    new = claims.ask_all(RevisionPrint, wanted, asked=asked, fields=_fields, now=timezone.now())
    for key in new:
        _enqueue(key)


def print_now(key: Key) -> str:
    """Print ``key`` and store it unless it is printed or another worker is printing it; what
    happened, in a word (the task's result)."""
    revision_id, fmt, lang = key
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None:
        return "no such revision"
    started = time.perf_counter()
    outcome, size = claims.print_once(
        RevisionPrint,
        _fields(key),
        stored=lambda: stored(key),
        render=lambda: render_revision(revision, fmt, lang),
        store=lambda content: RenderedDocument.objects.create(**_fields(key), content=content),
    )
    if outcome == "printed":
        logger.info(
            "printed revision term=%s number=%s format=%s lang=%s bytes=%d ms=%.0f",
            revision.term_slug,
            revision.number,
            fmt,
            lang,
            size,
            (time.perf_counter() - started) * 1000,
        )
    return outcome
