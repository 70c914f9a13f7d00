"""The budget page (secretariat, chair and bureau): planned cost against appropriations.

Who may see it is the route's declared policy (``comitia.web.access.routes``); the figures
are ``comitia.budget``'s, derived from the stored plan on each request, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import format_percent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comitia.budget import Budget, PeriodBudget, format_money, plan_budget
from comitia.web.budget.chart import Bar, bar_chart
from comitia.web.home.overview import display_language, term_name
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term


@dataclass(frozen=True)
class PeriodLine:
    label: str
    depth: int
    basis: str
    appropriation: str
    planned: str
    balance: str
    share: str
    over: bool
    meetings: int


@dataclass(frozen=True)
class MonthLine:
    month: str
    period: str
    planned: str
    cumulative: str
    appropriation: str


def _percent(share: Decimal, lang: str) -> str:
    """A share as a percentage in ``lang``, with one decimal and the language's own pattern
    ("84,7 %" in French, with its no-break space; "84.7%" in English)."""
    pattern = Locale.parse(lang).percent_formats[None].pattern.replace("#,##0", "#,##0.0", 1)
    return format_percent(share, format=pattern, locale=lang)


def _depth(budget: Budget, period: PeriodBudget) -> int:
    depth, parent = 0, period.within
    while parent is not None:
        depth, parent = depth + 1, budget.period(parent).within
    return depth


def _leaves(budget: Budget) -> list[PeriodBudget]:
    """The periods with an amount that hold no other period with an amount: those whose
    meetings all count against them, month by month."""
    with_amount = [p for p in budget.periods if p.appropriation is not None]
    parents = {p.within for p in with_amount}
    return [p for p in with_amount if p.id not in parents]


def budget_page(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(Term, slug=slug)
    plan = load_plan(term)
    lang = display_language(get_language() or "en")
    budget = plan_budget(plan)
    periods, period_bars = [], []
    for period in budget.periods:

        def money(value: Decimal | None, currency: str = period.currency) -> str:
            return "—" if value is None else format_money(value, currency, lang)

        label = period.period.format(lang)
        share = period.share_used
        periods.append(
            PeriodLine(
                label=label,
                depth=_depth(budget, period),
                basis=period.basis,
                appropriation=money(period.appropriation),
                planned=money(period.planned),
                balance=money(period.balance),
                share="—" if share is None else _percent(share, lang),
                over=bool(period.over),
                meetings=len(period.meetings),
            )
        )
        period_bars.append(
            Bar(
                label,
                period.appropriation,
                period.planned,
                money(period.appropriation),
                money(period.planned),
            )
        )
    months, month_bars = [], []
    for period in _leaves(budget):
        assert period.appropriation is not None
        total = Decimal(0)
        appropriation = format_money(period.appropriation, period.currency, lang)
        for month, planned in period.months():
            total += planned
            cumulative = format_money(total, period.currency, lang)
            label = period.period.format(lang)
            months.append(
                MonthLine(
                    month,
                    label,
                    format_money(planned, period.currency, lang),
                    cumulative,
                    appropriation,
                )
            )
            month_bars.append(
                Bar(f"{month} ({label})", period.appropriation, total, appropriation, cumulative)
            )
    legend = (_("Appropriation"), _("Planned cost"))
    period_chart = bar_chart(
        "budget-periods",
        _("Appropriation and planned cost by period"),
        _(
            "For each budget period, a bar for the appropriation and one for the estimated "
            "cost of its meetings; the table beside gives the figures."
        ),
        period_bars,
        legend,
    )
    month_chart = bar_chart(
        "budget-months",
        _("Planned cost by month, added up, against the appropriation"),
        _(
            "For each month, the estimated cost of the meetings of its period up to the end "
            "of the month, against the period's appropriation; the table beside gives the "
            "figures."
        ),
        month_bars,
        legend,
    )
    context = {
        "term": term,
        "term_name": term_name(plan, lang),
        "periods": periods,
        "months": months,
        # Built by chart.bar_chart, which escapes every text it draws.
        "period_chart": mark_safe(period_chart),
        "month_chart": mark_safe(month_chart),
        "illustrative": any(rates.illustrative for rates in plan.cost_rates),
        "unplaced": [cost.meeting.date for cost in budget.unplaced],
        "unrated": [cost.meeting.date for cost in budget.unrated],
    }
    return render(request, "budget/budget.html", context)
