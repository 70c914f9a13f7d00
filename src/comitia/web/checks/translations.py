"""The translation status of a term (counts and a progress bar per language, the outdated texts
first) and its XLIFF export for translators, from ``comitia.translations``.

Who may see them is the routes' declared policy (``comitia.web.access.routes``): the
secretariat, the chair and bureau, the translators, the administrators; the secretariat and
translators also import a translated file here (``translation_import``).
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comitia.plan import Language, Plan
from comitia.translations.notes import describe
from comitia.translations.texts import Entry, Status, plan_texts, progress
from comitia.translations.xliff import Select, export_xliff
from comitia.web.access.policy import Action, may
from comitia.web.home.overview import display_language, term_name
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from comitia.web.publication.visibility import may_see_term

_LISTED = (Status.OUTDATED, Status.MISSING)  # outdated first: a translation to revise


def _status_label(status: Status) -> str:
    return {
        Status.MISSING: _("missing"),
        Status.OUTDATED: _("outdated"),
        Status.TRANSLATED: _("translated"),
    }[status]


def _pending(plan: Plan, entries: list[Entry], lang: Language, reader: str) -> list[dict[str, Any]]:
    rows = []
    for status in _LISTED:
        for entry in entries:
            if entry.source_lang is not lang and entry.status(plan, lang) is status:
                rows.append(
                    {
                        "id": entry.id,
                        "status": status.value,
                        "status_label": _status_label(status),
                        "where": describe(entry.where, reader),
                        "source": entry.source,
                        "source_lang": entry.source_lang.value,
                    }
                )
    return rows


def translations_page(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(Term, slug=slug)
    plan = load_plan(term)
    reader = display_language(get_language() or "en")
    names = Locale.parse(reader).languages
    entries = plan_texts(plan)
    languages = [
        {
            "code": counts.lang.value,
            "name": names.get(counts.lang.value, counts.lang.value),
            "counts": counts,
            "pending": _pending(plan, entries, counts.lang, reader),
        }
        for counts in progress(plan, entries)
    ]
    context = {
        "term": term,
        "term_name": term_name(plan, reader),
        "plan": plan,
        "languages": languages,
        "can_import": may(request.user, Action.TRANSLATE, term) and bool(languages),
        # A translator may see a draft term here only: no link to its pages.
        "term_seen": may_see_term(request.user, term),
    }
    return render(request, "checks/translations.html", context)


def translations_xliff(request: HttpRequest, slug: str) -> HttpResponse:
    """The texts to translate into ``?lang=`` (default: the first language the plan is
    published in besides its own), ``?select=`` pending (missing and outdated, the default),
    missing, outdated or all."""
    term = get_object_or_404(Term, slug=slug)
    plan = load_plan(term)
    targets = [lang.value for lang in plan.languages if lang is not plan.language]
    wanted = request.GET.get("lang") or (targets[0] if targets else "")
    select = request.GET.get("select", Select.PENDING.value)
    if wanted not in targets or select not in {s.value for s in Select}:
        raise Http404("no such translation export")
    data = export_xliff(plan, Language(wanted), select=Select(select))
    response = HttpResponse(data, content_type="application/x-xliff+xml")
    response["Content-Disposition"] = f'attachment; filename="{term.slug}.{wanted}.xlf"'
    return response
