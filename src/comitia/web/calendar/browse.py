"""The calendar's other ways to look: one week, and the agenda (the coming days as a list).

They share the month page's filters, language and caching: each is a ``cached_page`` keyed by
the term's output version, the reader's level and abilities and the address asked for (the
public's whole answer is kept by ``responses.PublicAnswerMiddleware``, as the month's is).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comitia.web.plans import models as m
from comitia.web.responses import cached_page

from . import pages
from .views import _abilities, _common, _term

# Entries on one page of the agenda view; the page links to the next day left out.
AGENDA_ENTRIES = 50


def _day_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Http404(_("No such day.")) from None


def _default_day(term: m.Term) -> dt.date:
    """Today while the term runs, else its first day."""
    today = dt.date.today()
    return today if term.start <= today <= term.end else term.start


@require_safe
def week(request: HttpRequest, slug: str, day: str | None = None) -> HttpResponse:
    """The week of ``day`` (an ISO date; by default today's, or the term's first), each day
    with its meetings in detail and the events of several days as bars across them."""
    term = _term(slug, request)

    def context() -> dict[str, Any]:
        filters = pages.Filters.from_query(request.GET)
        context = _common(request, term, filters)
        lang = context["lang"]
        days = pages.week_of(_day_of(day) or _default_day(term), lang)
        weeks, periods, meetings = pages.days_shown(
            term, [days], (days[0], days[-1]), filters, lang, request.user
        )
        previous, following = days[0] - dt.timedelta(days=7), days[0] + dt.timedelta(days=7)
        context.update(
            week=weeks[0],
            periods=periods,
            week_meetings=meetings,
            weekdays=pages.weekday_names(lang),
            week_label=_("Week of %(first)s to %(last)s")
            % {"first": pages._day(days[0], lang), "last": pages._day(days[-1], lang)},
            previous=previous.isoformat()
            if days[-1] - dt.timedelta(days=7) >= term.start
            else None,
            next=following.isoformat() if following <= term.end else None,
            month_key=f"{days[0]:%Y-%m}",
            choices=pages.filter_choices(term, lang),
            view="week",
            detailed=True,
        )
        return context

    return cached_page(
        request, term, "calendar/week.html", context, variant=_abilities(request, term)
    )


@require_safe
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    """The coming days that have meetings or activities, as a list from ``?from=`` (an ISO
    date; by default today while the term runs, else the term's first day)."""
    term = _term(slug, request)

    def context() -> dict[str, Any]:
        filters = pages.Filters.from_query(request.GET)
        context = _common(request, term, filters)
        lang = context["lang"]
        start = _day_of(request.GET.get("from")) or _default_day(term)
        days, following = pages.agenda_days(
            term, start, filters, lang, request.user, AGENDA_ENTRIES
        )
        more = None
        if following is not None:
            query = request.GET.copy()
            query["from"] = following.isoformat()
            more = query.urlencode()
        context.update(
            days=days,
            start_label=pages._day(start, lang),
            more_query=more,
            ended=dt.date.today() > term.end,
            choices=pages.filter_choices(term, lang),
            view="agenda",
            detailed=True,
        )
        return context

    return cached_page(
        request, term, "calendar/agenda.html", context, variant=_abilities(request, term)
    )
