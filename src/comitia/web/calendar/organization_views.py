"""The organization's calendar: one page and feeds with every committee's public meetings.

Thin views over ``organization.py``; the same page and feed for every reader (what the public
sees), so the feeds may be kept by shared caches.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comitia.plan import OAS_MEMBER_STATES, state_name
from comitia.web.responses import cache_headers, cached_page, same_for_the_public

from . import organization
from .labels import meeting_kind_names, status_names
from .views import FEED_LANGUAGES, _lang


def _feed_urls(lang: str) -> dict[str, Any]:
    return {
        "feed_url": reverse("calendar:all_feed", args=[lang]),
        "states": [
            (code, state_name(code, lang), reverse("calendar:all_state_feed", args=[code, lang]))
            for code in OAS_MEMBER_STATES
        ],
    }


@require_safe
def organization_calendar(request: HttpRequest) -> HttpResponse:
    """Every committee's public meetings by month, filtered by committee, room or language."""
    terms = organization.public_terms()
    lang = _lang()

    def context() -> dict[str, Any]:
        filters = organization.OrganizationFilters.from_query(request.GET)
        data = organization.organization_months(terms, filters, lang, meeting_kind_names())
        return (
            data
            | _feed_urls(lang)
            | {
                "lang": lang,
                "filters": filters,
                "name": organization.calendar_name(terms, lang),
                "status_names": status_names(),
            }
        )

    if not terms:
        return cache_headers(request, render(request, "calendar/all.html", context()))
    first, *rest = terms
    return cached_page(
        request,
        first,
        "calendar/all.html",
        context,
        variant=organization.made_from(terms),
        also=rest,
    )


def _organization_feed(
    request: HttpRequest, lang: str, state: tuple[str, str] | None
) -> HttpResponse:
    if lang not in FEED_LANGUAGES:
        raise Http404(_("No feed in that language."))
    terms = organization.public_terms()
    name = organization.calendar_name(terms, lang) or _("All committees")

    def meeting_url(slug: str, key: str) -> str:
        return request.build_absolute_uri(reverse("calendar:meeting", args=[slug, key]))

    content, etag = organization.organization_feed(
        terms,
        lang,
        name=name,
        meeting_url=meeting_url,
        calendar_url=request.build_absolute_uri(request.path),
        state=state,
    )
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        suffix = f"-{state[0].lower()}" if state else ""
        response["Content-Disposition"] = f'inline; filename="all-committees{suffix}.{lang}.ics"'
    response["ETag"] = etag
    # What the public sees, the same for every reader: a shared cache may keep it.
    patch_cache_control(response, public=True, max_age=300)
    return same_for_the_public(response)


@require_safe
def organization_feed(request: HttpRequest, lang: str) -> HttpResponse:
    """Every committee's public meetings as one iCalendar feed in ``lang``."""
    return _organization_feed(request, lang, None)


@require_safe
def state_feed(request: HttpRequest, state: str, lang: str) -> HttpResponse:
    """For one member state's delegation: every committee's public meetings and the reporting
    deadlines that state owes, in one feed."""
    code = state.upper()
    if code not in OAS_MEMBER_STATES or state != code:
        raise Http404(_("No member state has that code."))
    return _organization_feed(request, lang, (code, state_name(code, lang)))
