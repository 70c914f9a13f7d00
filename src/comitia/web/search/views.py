"""The search page: ``/search/?q=…`` over what the reader may see, grouped by kind."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from comitia.dates import format_day
from comitia.web.home.overview import display_language
from comitia.web.responses import cache_headers

from . import index
from .models import Kind

# The longest query read; beyond it the words are ignored anyway (``index.MAX_WORDS``).
MAX_QUERY = 200
PER_KIND = 20


def _link(hit: index.Hit) -> str:
    slug = hit.term.slug
    if hit.meeting_key:
        url = reverse("calendar:meeting", args=[slug, hit.meeting_key])
        return url + ("#agenda" if hit.kind != Kind.MEETING else "")
    if hit.kind == Kind.ACTIVITY:
        if hit.date is not None:
            return reverse("calendar:month", args=[slug, f"{hit.date:%Y-%m}"])
        return reverse("calendar:list", args=[slug])
    if hit.kind == Kind.MANDATE:
        return reverse("checks-coverage", args=[slug])
    return reverse("documents:plan", args=[slug])


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    lang = display_language(get_language() or "en")
    groups = index.search(request.user, query, lang, PER_KIND + 1) if query else {}
    labels = dict(Kind.choices)
    shown = [
        {
            "kind": kind,
            "label": labels[kind],
            "more": len(hits) > PER_KIND,
            "hits": [
                {
                    "hit": hit,
                    "url": _link(hit),
                    "day": format_day(hit.date, lang) if hit.date else "",
                    "term": hit.term.label,
                }
                for hit in hits[:PER_KIND]
            ],
        }
        for kind, hits in groups.items()
    ]
    response = render(
        request,
        "search/results.html",
        {"query": query, "groups": shown, "asked": bool(index.words(query))},
    )
    return cache_headers(request, response)
