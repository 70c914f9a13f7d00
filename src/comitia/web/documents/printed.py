"""The current plan's documents, printed by the worker once for each state of the plan, and
stored where every process sees them (``PrintedDocument`` rows).

A PDF costs WeasyPrint about a second of processor time, more than a request should take. The
day a plan goes out every delegation downloads it within minutes, from whichever app process
answers. So a document is known by its term's output version (which every write to what the
outputs show raises), its format, its language, the level of the viewers it is printed for
(``viewer_level``: viewers at one level see the same plan) and the code that prints it
(``fingerprint``: a new release prints again). Its row is inserted before it is
printed: the process whose insert wins queues the print (``tasks.print_document``), the others
find the row and say "being printed"; the worker claims the row before printing, so two workers
never print one document either. A print for a version that is no longer the term's is
skipped, and a printed version deletes the rows of the versions before it.

When the version moves (``output_version_raised``), every current document is queued at once
(``queue_current``), PDFs first, unless ``COMITIA_PRINT_AHEAD`` is off. Approved revisions are
printed once and for ever, and stored apart (``revision_prints``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from comitia.render.document import LANGUAGES
from comitia.render.formats import DOCUMENT_FORMATS
from comitia.web.documents import claims
from comitia.web.documents.models import PrintedDocument
from comitia.web.documents.operations import print_plan
from comitia.web.fingerprint import code_fingerprint
from comitia.web.levels import Visibility
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from comitia.web.plans.output_version import answers_changed
from comitia.web.publication.visibility import may_see_document_at, visible_plan_at

logger = logging.getLogger("comitia.printing")

# A print queued or claimed this long ago and still not done was lost: the next reader who asks
# queues it again (``claims``).
STALE = claims.STALE


@dataclass(frozen=True)
class Key:
    """What a printed current document depends on."""

    term_id: int
    output_version: int
    format: str
    lang: str
    level: str
    # The code that prints it: the running code's unless a task says otherwise.
    made_by: str = field(default_factory=code_fingerprint)

    def fields(self) -> dict[str, Any]:
        return {
            "term_id": self.term_id,
            "output_version": self.output_version,
            "format": self.format,
            "lang": self.lang,
            "level": self.level,
            "made_by": self.made_by,
        }


def key_for(term: Term, fmt: str, lang: str, level: Visibility | str) -> Key:
    """The key of ``term``'s document as loaded (its ``output_version`` as read with it)."""
    return Key(term.pk, term.output_version, fmt, lang, Visibility(level).value)


def stored(key: Key) -> bytes | None:
    """The printed bytes of ``key``, or None while it is not printed."""
    content = (
        PrintedDocument.objects.filter(**key.fields(), content__isnull=False)
        .values_list("content", flat=True)
        .first()
    )
    return bytes(content) if content is not None else None


def asked_formats(term: Term, level: Visibility | str) -> dict[tuple[str, str], str]:
    """The state of each (format, language) of ``term``'s current document for viewers at
    ``level`` that was asked for: "ready" (printed) or "printing" (queued or being printed).
    One query, which reads no document's bytes."""
    rows = PrintedDocument.objects.filter(
        term=term,
        output_version=term.output_version,
        level=Visibility(level).value,
        made_by=code_fingerprint(),
    ).values_list("format", "lang", "printed_at")
    return {
        (fmt, lang): "ready" if printed_at is not None else "printing"
        for fmt, lang, printed_at in rows
    }


def request_print(key: Key) -> None:
    """Queue the print of ``key`` unless it is printed, queued or being printed (a print
    queued or claimed longer than ``STALE`` ago is queued again)."""
    if claims.ask(_pending(), key.fields(), timezone.now()):
        _enqueue(key)


def _pending() -> QuerySet[PrintedDocument]:
    """The rows of prints asked for and not done: a current document's row is its claim."""
    return PrintedDocument.objects.filter(content__isnull=True)


def _enqueue(key: Key) -> None:
    from comitia.web.documents.tasks import print_document

    task = print_document.using(priority=claims.priority(key.format))
    task.enqueue(key.term_id, key.output_version, key.format, key.lang, key.level, key.made_by)


def current_keys(term: Term) -> list[Key]:
    """The keys of every document of ``term`` as it stands: each format in each language for
    each level of viewers who may read the current document."""
    levels = [level for level in Visibility if may_see_document_at(level, term)]
    return [
        key_for(term, fmt, lang, level)
        for fmt in claims.pdf_first(DOCUMENT_FORMATS)
        for lang in LANGUAGES
        for level in levels
    ]


def queue_current(term_id: int, **kwargs: Any) -> None:
    """Queue every current document of term ``term_id`` not yet asked for (the receiver of
    ``output_version_raised``, after the write has committed)."""
    if not settings.COMITIA_PRINT_AHEAD:
        return
    term = Term.objects.filter(pk=term_id).first()
    if term is None:
        return
    asked = {
        Key(term.pk, term.output_version, fmt, lang, level)
        for fmt, lang, level in PrintedDocument.objects.filter(
            term=term, output_version=term.output_version, made_by=code_fingerprint()
        ).values_list("format", "lang", "level")
    }
    new = claims.ask_all(
        PrintedDocument, current_keys(term), asked=asked, fields=Key.fields, now=timezone.now()
    )
    if new:
        answers_changed()  # bulk_create sends no signal
    for key in new:
        _enqueue(key)


def print_now(key: Key) -> str:
    """Print ``key`` and store it, if it is still the term's current version and nobody printed
    or claimed it; what happened, in a word (the task's result)."""
    if key.made_by != code_fingerprint():
        # Queued by a process of another release (a deployment under way): that release's
        # worker prints it; this one would print other bytes under its key.
        return "other code"
    if not claims.take(_pending(), key.fields(), timezone.now()):
        return "printed already" if stored(key) is not None else "being printed"
    try:
        if _version(key.term_id) != key.output_version:
            PrintedDocument.objects.filter(**key.fields()).delete()
            return "outdated"
        term = Term.objects.get(pk=key.term_id)
        started = time.perf_counter()
        plan = visible_plan_at(Visibility(key.level), term, load_plan(term))
        # Every write to what the outputs show raises the version in its own transaction: if
        # it has not moved while the plan was read, no such write committed in between, and
        # the plan read is the plan of that version (on PostgreSQL's READ COMMITTED too).
        if _version(key.term_id) != key.output_version:
            PrintedDocument.objects.filter(**key.fields()).delete()
            return "outdated"
        content = print_plan(plan, key.format, key.lang, name=term.slug).content
    except BaseException:
        # Let the next reader who asks queue it again rather than wait for ``STALE``.
        PrintedDocument.objects.filter(**key.fields(), content__isnull=True).delete()
        raise
    PrintedDocument.objects.filter(**key.fields()).update(
        content=content, printed_at=timezone.now()
    )
    answers_changed()  # update sends no signal: the document page now offers the file
    logger.info(
        "printed term=%s version=%s format=%s lang=%s level=%s bytes=%d ms=%.0f",
        key.term_id,
        key.output_version,
        key.format,
        key.lang,
        key.level,
        len(content),
        (time.perf_counter() - started) * 1000,
    )
    prune(key.term_id, key.output_version, key.made_by)
    return "printed"


def prune(term_id: int, version: int, made_by: str) -> int:
    """Delete the documents of term ``term_id`` printed or asked for before ``version``, and
    those of its version made by other code than ``made_by`` (an earlier release's)."""
    deleted, _ = (
        PrintedDocument.objects.filter(term_id=term_id)
        .filter(Q(output_version__lt=version) | (Q(output_version=version) & ~Q(made_by=made_by)))
        .delete()
    )
    return deleted


def _version(term_id: int) -> int | None:
    return Term.objects.filter(pk=term_id).values_list("output_version", flat=True).first()
