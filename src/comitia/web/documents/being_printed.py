"""The answer to a download the worker has not printed yet: 202 Accepted, a page that says the
document is being printed and asks for it again every few seconds (the file comes as an
attachment, so the reader stays on this page). One page for every document the worker prints:
the current plan's, an approved revision's, a draft resolution's revision's."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from comitia.web.plans.models import Term

# Seconds before the "being printed" page asks again: the model plan's PDF takes about one.
RETRY_SECONDS = 3

# Each language named in itself, as in the language menu: a reader finds their own.
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def format_names() -> dict[str, str]:
    """The documents' formats, named in the reader's language."""
    return {"docx": _("Word (DOCX)"), "pdf": _("PDF"), "html": _("Web page (HTML)")}


def being_printed(
    request: HttpRequest,
    term: Term,
    fmt: str,
    lang: str,
    *,
    document: str = "",
    back: tuple[str, str] | None = None,
) -> HttpResponse:
    """The 202 page for ``term``'s document in ``fmt`` and ``lang``: ``document`` names it
    (the current work plan if blank); ``back`` is the address and the label of the page to go
    back to (the work plan's document page if None)."""
    response = render(
        request,
        "documents/printing.html",
        {
            "term": term,
            "document": document,
            "format_name": format_names().get(fmt, fmt),
            "language_name": LANGUAGE_NAMES.get(lang, lang),
            "retry": RETRY_SECONDS,
            "back": back,
        },
        status=202,
    )
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
