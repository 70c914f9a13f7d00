"""The home page: the term at a glance."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comitia.web.access.models import Publication
from comitia.web.access.policy import Action, may
from comitia.web.access.visibility import term_visibility, visible_plan, visible_terms
from comitia.web.home.overview import (
    LocalText,
    display_language,
    months_of_meetings,
    officer_lines,
    term_name,
)
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term, Visibility


def _role_names() -> dict[str, str]:
    return {
        "chair": _("Chair"),
        "first_vice_chair": _("First Vice-Chair"),
        "second_vice_chair": _("Second Vice-Chair"),
        "third_vice_chair": _("Third Vice-Chair"),
    }


def home(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    terms = visible_terms(request.user, Term.objects.order_by("-start"))
    if slug is None:
        if not terms:
            return render(request, "home/empty.html")
        term = terms[0]
    else:
        term = next((t for t in terms if t.slug == slug), None)
        if term is None:
            raise Http404(_("No term has that name."))
    plan = visible_plan(request.user, term, load_plan(term))
    lang = display_language(get_language() or "en")
    committee = plan.body(plan.term.committee)
    context = {
        "term": term,
        "terms": terms,
        "plan": plan,
        "lang": lang,
        "committee_name": LocalText.of(committee.name, lang),
        "term_name": term_name(plan, lang),
        "document_title": LocalText.of(plan.document.title, lang) if plan.document else None,
        "officers": officer_lines(plan, lang, _role_names()),
        "months": months_of_meetings(plan, lang),
        "meeting_count": len(plan.meetings),
        "activity_count": len(plan.activities),
        "term_level": term_visibility(term).value,
        "visibility_choices": Visibility.choices,
        "publication_version": Publication.objects.filter(term=term)
        .values_list("version", flat=True)
        .first(),
        "can_publish": may(request.user, Action.PUBLISH, term),
    }
    return render(request, "home/term.html", context)
