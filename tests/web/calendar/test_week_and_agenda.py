"""The week and agenda views, the layout of events of several days, the home's next meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.web.calendar import pages
from comitia.web.calendar.spans import MAX_LANES, lay_out_week, runs
from comitia.web.home.reading import coming_meetings, term_overview
from comitia.web.plans import models as m

from .conftest import SLUG

WEEK = [dt.date(2020, 2, 3) + dt.timedelta(days=n) for n in range(7)]


def test_runs_of_days() -> None:
    days = [dt.date(2020, 2, d) for d in (5, 3, 4, 7)]
    assert runs(days) == [(dt.date(2020, 2, 3), dt.date(2020, 2, 5)), (dt.date(2020, 2, 7),) * 2]


def test_bars_take_the_lowest_free_lane_and_are_cut_at_the_week() -> None:
    layout = lay_out_week(
        WEEK,
        [
            ("short", dt.date(2020, 2, 3), dt.date(2020, 2, 4)),
            ("long", dt.date(2020, 2, 3), dt.date(2020, 2, 7)),
            ("after", dt.date(2020, 2, 8), dt.date(2020, 2, 12)),
            ("before", dt.date(2020, 1, 30), dt.date(2020, 2, 3)),
        ],
    )
    bars = {bar.item: bar for bar in layout.bars}
    assert (bars["before"].column, bars["before"].span, bars["before"].before) == (1, 1, True)
    assert (bars["long"].lane, bars["long"].span) == (1, 5)  # the longer first
    assert bars["short"].lane == 2 and bars["before"].lane == 3
    assert (bars["after"].column, bars["after"].span, bars["after"].lane) == (6, 2, 1)
    assert bars["after"].after and layout.lanes == 3 and layout.body_row == 5


def test_beyond_the_lanes_events_go_to_their_days() -> None:
    spans = [(n, WEEK[0], WEEK[1]) for n in range(MAX_LANES + 2)]
    layout = lay_out_week(WEEK, spans)
    assert layout.lanes == MAX_LANES
    assert layout.left[WEEK[0]] == [MAX_LANES, MAX_LANES + 1]


def test_the_week_and_agenda_pages_answer_in_every_language(
    client: Client, model_term: m.Term
) -> None:
    for lang, heading in (("fr", "Semaine du"), ("es", "Semana del"), ("pt", "Semana de")):
        html = client.get(
            f"/calendar/{SLUG}/week/2020-02-13/", HTTP_ACCEPT_LANGUAGE=lang
        ).content.decode()
        assert heading in html
    assert client.get(f"/calendar/{SLUG}/week/2020-02-31/").status_code == 404
    assert client.get(f"/calendar/{SLUG}/agenda/?from=nope").status_code == 404
    html = client.get(f"/calendar/{SLUG}/agenda/", HTTP_ACCEPT_LANGUAGE="pt").content.decode()
    assert "Próximas reuniões e atividades" in html


def test_the_agenda_pages_on_from_the_first_day_left_out(model_term: m.Term) -> None:
    start = dt.date(2019, 10, 1)
    everything, following = pages.agenda_days(model_term, start, pages.Filters(), "en", None, 500)
    assert following is None
    first, following = pages.agenda_days(model_term, start, pages.Filters(), "en", None, 10)
    assert following is not None and first and first[-1].date < following
    rest, _ = pages.agenda_days(model_term, following, pages.Filters(), "en", None, 500)
    shown = [d.date for d in first] + [d.date for d in rest]
    assert shown == [d.date for d in everything]


@pytest.mark.parametrize("path", ["week/2020-02-13/", "agenda/", "agenda/?body=committee"])
def test_the_views_read_a_fixed_number_of_queries(
    client: Client, model_term: m.Term, path: str
) -> None:
    from django.core.cache import cache

    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/calendar/{SLUG}/{path}").status_code == 200
    cache.clear()
    assert len(queries) <= 14, [q["sql"] for q in queries]


def test_the_home_shows_the_next_meetings_first(model_term: m.Term) -> None:
    overview = term_overview(model_term, None, "en", {})
    coming = coming_meetings(overview.months, dt.date(2020, 2, 14))
    later = [
        line.iso_date
        for month in overview.months
        for line in month.meetings
        if line.iso_date >= "2020-02-14" and line.status != "cancelled"
    ]
    assert [line.iso_date for line in coming] == later[:3] and len(coming) == 3
    assert coming_meetings(overview.months, dt.date(2030, 1, 1)) == []
