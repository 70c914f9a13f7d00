"""The home page: the term at a glance."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comitia.web.access.policy import Action, may
from comitia.web.home.overview import display_language
from comitia.web.home.reading import coming_meetings, term_overview
from comitia.web.levels import Visibility
from comitia.web.plans.models import Term
from comitia.web.publication.models import Publication
from comitia.web.publication.visibility import term_visibility, visible_terms
from comitia.web.responses import cached_page


def _role_names() -> dict[str, str]:
    return {
        "chair": _("Chair"),
        "first_vice_chair": _("First Vice-Chair"),
        "second_vice_chair": _("Second Vice-Chair"),
        "third_vice_chair": _("Third Vice-Chair"),
    }


def home(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    # The committee comes with each term: the page names the one it shows.
    terms = visible_terms(request.user, Term.objects.select_related("committee"))
    if slug is None:
        if not terms:
            return render(request, "home/empty.html")
        term = terms[0]
    else:
        named = next((t for t in terms if t.slug == slug), None)
        if named is None:
            raise Http404(_("No term has that name."))
        term = named

    def context() -> dict[str, Any]:
        lang = display_language(get_language() or "en")
        overview = term_overview(term, request.user, lang, _role_names())
        context = {
            "term": term,
            "terms": terms,
            "lang": lang,
            "document": overview.document,
            "committee_name": overview.committee_name,
            "term_name": overview.term_name,
            "document_title": overview.document_title,
            "officers": overview.officers,
            "months": overview.months,
            # The page's key holds the day (``responses.page_key``): tomorrow's is made anew.
            "coming": coming_meetings(overview.months, dt.date.today()),
            "meeting_count": overview.meeting_count,
            "activity_count": overview.activity_count,
            "term_level": term_visibility(term).value,
            "visibility_choices": Visibility.choices,
            "publication_version": Publication.objects.filter(term=term)
            .values_list("version", flat=True)
            .first(),
            "can_publish": may(request.user, Action.PUBLISH, term),
        }
        return context

    # The page names the other terms the reader sees too (as of their versions), and offers
    # the checks to staff and publishing to those who may.
    variant = (request.user.is_staff, may(request.user, Action.PUBLISH, term))
    return cached_page(request, term, "home/term.html", context, variant=variant, also=terms)
