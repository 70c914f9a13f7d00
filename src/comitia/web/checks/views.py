"""The checks panel (staff only) and the mandate coverage page and CSV (public: computed from
the meetings the reader may see).

Who may see the panel is the route's declared policy (``comitia.web.access.routes``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from comitia.checks import Severity, mandate_coverage, paragraph_coverage, run_checks
from comitia.plan import Plan
from comitia.web.calendar.other_committees import organization_and_others
from comitia.web.checks import pages
from comitia.web.home.overview import display_language, term_name
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from comitia.web.publication.visibility import visible_plan


def checks_panel(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(Term, slug=slug)
    plan = load_plan(term)
    lang = display_language(get_language() or "en")
    # The organization's other committees book the same rooms and teams (rules ORG).
    organization, others = organization_and_others(term, request.user)
    findings = run_checks(
        plan, today=pages.today_in(term), organization=organization, others=others
    )
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    context = {
        "term": term,
        "term_name": term_name(plan, lang),
        "plan": plan,
        "findings": pages.finding_lines(term, findings, lang),
        "counts": counts,
    }
    return render(request, "checks/panel.html", context)


def _visible_plan(request: HttpRequest, slug: str) -> tuple[Term, Plan]:
    """The term and its plan as the reader may see it (the route's policy has let them see the
    term; meetings they may not see are removed)."""
    term = get_object_or_404(Term, slug=slug)
    return term, visible_plan(request.user, term, load_plan(term))


def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    term, plan = _visible_plan(request, slug)
    lang = display_language(get_language() or "en")
    today = pages.today_in(term)
    areas = mandate_coverage(plan, today=today)
    paragraphs = paragraph_coverage(plan, today=today)
    context = {
        "term": term,
        "term_name": term_name(plan, lang),
        "plan": plan,
        "areas": pages.coverage_lines(areas, lang, paragraphs),
    }
    return render(request, "checks/coverage.html", context)


def coverage_csv(request: HttpRequest, slug: str) -> HttpResponse:
    term, plan = _visible_plan(request, slug)
    lang = display_language(get_language() or "en")
    today = pages.today_in(term)
    areas = mandate_coverage(plan, today=today)
    paragraphs = paragraph_coverage(plan, today=today)
    response = HttpResponse(
        pages.coverage_csv(areas, lang, paragraphs).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"mandate-coverage-{term.slug}-{lang}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
