"""The files and links of the documents an agenda item discusses: checking, storing, listing.

An agenda item lists its documents by symbol (``AgendaNode.documents``); the secretariat
attaches to a symbol of a meeting's agenda, per language, a link (http or https) or a PDF or
DOCX file, judged by its content and not only its name, within ``COMITIA_MAX_AGENDA_FILE_BYTES``.
Nothing is stored when a check fails. The files are seen by those who see the meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from comitia.render.outline import AgendaLine
from comitia.web.access import audit
from comitia.web.documents import uploads
from comitia.web.documents.models import AgendaFile
from comitia.web.plans import models as m
from comitia.web.publication.visibility import may_see_document, visible_rows_of_term

LANGUAGES = ("en", "es", "fr", "pt")
AGENDA_KINDS = ("pdf", "docx")


def max_file_bytes() -> int:
    return int(getattr(settings, "COMITIA_MAX_AGENDA_FILE_BYTES", 20 * 1024 * 1024))


def meeting_symbols(meeting: m.Meeting) -> list[str]:
    """The document symbols the meeting's agenda items list, in the agenda's order, once each."""
    symbols: list[str] = []
    nodes = m.AgendaNode.objects.filter(meeting=meeting).order_by("depth", "parent_id", "position")
    for documents in nodes.values_list("documents", flat=True):
        symbols += [s for s in documents or [] if s not in symbols]
    return symbols


def check_upload(upload: UploadedFile[bytes]) -> str:
    """The file's extension (pdf or docx), or ValidationError (``uploads.check_upload``)."""
    return uploads.check_upload(
        upload, AGENDA_KINDS, max_file_bytes(), _("Attach a PDF or DOCX file.")
    )


def check_link(link: str) -> str:
    link = link.strip()
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ValidationError(
            _("Give a web address beginning with http:// or https://."), code="link"
        ) from None
    if len(link) > 500:
        raise ValidationError(_("The web address is longer than 500 characters."), code="link")
    return link


def safe_name(upload: UploadedFile[bytes], extension: str) -> str:
    """The original file name as shown and sent back: no folders, no odd characters."""
    base = (upload.name or "").replace("\\", "/").rpartition("/")[2]
    stem = get_valid_filename(base.rpartition(".")[0] or "document") if base else "document"
    return f"{stem[:150]}.{extension}"


def attach(
    meeting: m.Meeting,
    symbol: str,
    language: str,
    *,
    link: str = "",
    upload: UploadedFile[bytes] | None = None,
    by: Any,
) -> AgendaFile:
    """Attach (or replace) the link or file of ``symbol`` in ``language``; ValidationError
    (nothing stored) when the symbol, the language, the link or the file is wrong."""
    if symbol not in meeting_symbols(meeting):
        raise ValidationError(_("The meeting's agenda lists no such document."), code="symbol")
    if language not in LANGUAGES:
        raise ValidationError(_("Choose a language."), code="language")
    if bool(link.strip()) == (upload is not None):
        raise ValidationError(_("Give either a web address or a file, not both."), code="one")
    extension = check_upload(upload) if upload is not None else ""
    link = check_link(link) if upload is None else ""
    stored = ""
    try:
        with transaction.atomic():
            existing = (
                AgendaFile.objects.select_for_update()
                .filter(meeting=meeting, symbol=symbol, language=language)
                .first()
            )
            before = audit.snapshot(existing)
            row = existing or AgendaFile(meeting=meeting, symbol=symbol, language=language)
            old = row.file.name if row.file else ""
            storage = row.file.storage
            row.link = link
            row.uploaded_by = by if getattr(by, "is_authenticated", False) else None
            if upload is not None:
                row.original_name = safe_name(upload, extension)
                row.file.save(row.original_name, upload, save=False)
                stored = row.file.name or ""
            else:
                row.original_name = ""
                row.file.name = ""
            row.save()
            if old and old != stored:
                transaction.on_commit(lambda: storage.delete(old))
            audit.record(
                by,
                "attach_agenda_file",
                row,
                before=before,
                after=audit.snapshot(row),
                term_slug=meeting.term.slug,
            )
    except BaseException:
        if stored:
            AgendaFile._meta.get_field("file").storage.delete(stored)
        raise
    return row


def remove(row: AgendaFile, by: Any) -> None:
    with transaction.atomic():
        before = audit.snapshot(row)
        audit.record(
            by,
            "remove_agenda_file",
            row,
            before=before,
            after=None,
            term_slug=row.meeting.term.slug,
        )
        row.delete()


def file_deleted(sender: object, instance: AgendaFile, **kwargs: object) -> None:
    """A deleted row's stored file goes once the deletion commits (``remove``, or its meeting
    or term deleted)."""
    if instance.file and instance.file.name:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@dataclass
class LanguageLink:
    language: str
    url: str
    is_file: bool
    name: str
    file_id: int


@dataclass
class DocumentEntry:
    """A document of the meeting's agenda: its symbol, title if the plan has one, the items
    (by number) that list it, and its links per language."""

    symbol: str
    title: str | None
    items: list[str] = field(default_factory=list)
    links: list[LanguageLink] = field(default_factory=list)


def _titles(user: Any, term: m.Term, symbols: Iterable[str], lang: str) -> dict[str, str]:
    """The titles the plan gives those symbols, as ``user`` may see them: the plan document's
    and the resolutions' (adopted by their symbol, drafts by their document's)."""
    wanted = set(symbols)
    titles: dict[str, str] = {}

    def local(value: dict[str, str] | None) -> str | None:
        if not value:
            return None
        return value.get(lang) or value.get("en") or next(iter(value.values()), None)

    resolutions = visible_rows_of_term(
        user,
        term,
        m.Resolution.objects.filter(term=term).filter(
            Q(symbol__in=wanted) | Q(document_symbol__in=wanted)
        ),
    )
    for resolution in resolutions:
        for symbol in (resolution.symbol, resolution.document_symbol):
            if symbol in wanted and (title := local(resolution.title)):
                titles.setdefault(symbol, title)
    document = m.PlanDocument.objects.filter(term=term, symbol__in=wanted).first()
    title = local(document.title) if document is not None else None
    if document is not None and title and may_see_document(user, term):
        titles.setdefault(document.symbol, title)
    return titles


def meeting_documents(
    user: Any, term: m.Term, meeting_key: str, agenda: Iterable[AgendaLine], lang: str
) -> list[DocumentEntry]:
    """The documents of a meeting's agenda (``agenda``: its outline, as the page shows it to
    ``user``, who sees the meeting), with their links and files."""
    entries: dict[str, DocumentEntry] = {}
    for top in agenda:
        for line in top.walk():
            for symbol in line.documents:
                entry = entries.setdefault(symbol, DocumentEntry(symbol=symbol, title=None))
                if line.number not in entry.items:
                    entry.items.append(line.number)
    if not entries:
        return []
    rows = AgendaFile.objects.filter(
        meeting__term=term, meeting__key=meeting_key, symbol__in=list(entries)
    )
    order = {code: index for index, code in enumerate(LANGUAGES)}
    for row in sorted(rows, key=lambda r: order.get(r.language, 9)):
        url = (
            reverse("documents:agenda_file", args=[term.slug, meeting_key, row.pk])
            if row.file
            else row.link
        )
        entries[row.symbol].links.append(
            LanguageLink(row.language, url, bool(row.file), row.original_name, row.pk)
        )
    for symbol, title in _titles(user, term, entries, lang).items():
        entries[symbol].title = title
    return list(entries.values())
