"""The pages of an agenda item's documents: the secretariat's attaching, replacing and
removing (from the meeting page), and the download of a file to those who see the meeting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.web.access.middleware import requested_term
from comitia.web.documents import agenda_files, uploads
from comitia.web.documents.models import AgendaFile
from comitia.web.plans import models as m
from comitia.web.publication.visibility import visible_meetings

LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português"}


def _meeting(request: HttpRequest, slug: str, key: str) -> m.Meeting:
    """The meeting, if ``request.user`` sees it (a hidden meeting is as if it did not exist)."""
    term = requested_term(request, slug)
    meeting = visible_meetings(request.user, term).select_related("term").filter(key=key).first()
    if meeting is None:
        raise Http404(_("No meeting has that name."))
    return meeting


@require_safe
def download(request: HttpRequest, slug: str, key: str, file_id: int) -> HttpResponse:
    """An agenda item's document file, to those who see the meeting, always as an attachment."""
    meeting = _meeting(request, slug, key)
    row = get_object_or_404(AgendaFile, pk=file_id, meeting=meeting)
    if not row.file or not row.file.name:
        raise Http404
    try:
        with row.file.open("rb") as stored:
            content = stored.read()  # the size is limited on upload
    except FileNotFoundError:
        raise Http404 from None
    extension = row.file.name.rpartition(".")[2].lower()
    kind = uploads.CONTENT_TYPES.get(extension, "application/octet-stream")
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = content_disposition_header(
        True, row.original_name or f"document.{extension}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def attach(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """Attach a file or link to a document of the meeting's agenda, in one language."""
    meeting = _meeting(request, slug, key)
    symbols = agenda_files.meeting_symbols(meeting)
    source = request.POST if request.method == "POST" else request.GET
    symbol = source.get("symbol", symbols[0] if symbols else "")
    language = source.get("language", "en")
    link = request.POST.get("link", "")
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            agenda_files.attach(
                meeting, symbol, language, link=link, upload=upload, by=request.user
            )
        except ValidationError as error:
            errors = list(error.messages)
            status = 400
        else:
            messages.success(
                request,
                _("The %(language)s version of %(symbol)s is attached.")
                % {"language": LANGUAGE_NAMES.get(language, language), "symbol": symbol},
            )
            return redirect(reverse("calendar:meeting", args=[meeting.term.slug, meeting.key]))
    attached = AgendaFile.objects.filter(meeting=meeting).order_by("symbol", "language")
    return render(
        request,
        "documents/agenda_file.html",
        {
            "term": meeting.term,
            "meeting": meeting,
            "symbols": symbols,
            "symbol": symbol,
            "language": language,
            "languages": list(LANGUAGE_NAMES.items()),
            "link": link,
            "errors": errors,
            "attached": attached,
            "max_mb": f"{agenda_files.max_file_bytes() / 2**20:g}",
        },
        status=status,
    )


@require_POST
def remove(request: HttpRequest, slug: str, key: str, file_id: int) -> HttpResponse:
    meeting = _meeting(request, slug, key)
    row = get_object_or_404(
        AgendaFile.objects.select_related("meeting__term"), pk=file_id, meeting=meeting
    )
    agenda_files.remove(row, request.user)
    messages.success(
        request,
        _("The %(language)s version of %(symbol)s is removed.")
        % {"language": LANGUAGE_NAMES.get(row.language, row.language), "symbol": row.symbol},
    )
    return redirect(reverse("documents:agenda_file_attach", args=[meeting.term.slug, meeting.key]))
