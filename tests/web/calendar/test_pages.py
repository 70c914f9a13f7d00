"""The public calendar pages: month grid, list by month, meeting page, filters, languages."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.plan.files import read_plan
from comitia.translations.texts import without_translations
from comitia.web import responses
from comitia.web.plans import models as m
from tests.factories import build_plan
from tests.web.publishing import store_published

from .conftest import MODEL_PLAN, SLUG, committed

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, lang: str = "en") -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_month_grid_shows_the_committee_meetings_and_other_bodies_apart(
    client: Client, model_term: m.Term
) -> None:
    html = page(client, f"/calendar/{SLUG}/month/2019-10/", "fr")
    assert '<h1 id="month-title">Octobre 2019</h1>' in html
    assert 'class="cell-meetings"' in html and 'class="cell-activities"' in html
    assert f"/calendar/{SLUG}/meetings/csh-2019-10-24/" in html


def test_a_moved_meeting_says_when_it_was_initially_scheduled(
    client: Client, model_term: m.Term
) -> None:
    html = page(client, f"/calendar/{SLUG}/month/2020-02/", "fr")
    assert "initialement prévue le 30 janvier 2020" in html
    english = page(client, f"/calendar/{SLUG}/", "en")
    assert "initially scheduled for January 30, 2020" in english


def test_non_meeting_days_are_marked(client: Client, model_term: m.Term) -> None:
    html = page(client, f"/calendar/{SLUG}/month/2019-11/")
    assert re.search(r'<div class="day-head [^"]*holiday', html)
    assert "No meetings" in html


def test_provisional_meetings_are_marked(client: Client, model_term: m.Term) -> None:
    provisional = m.Meeting.objects.filter(term=model_term, provisional=True).first()
    assert provisional is not None
    html = page(client, f"/calendar/{SLUG}/month/{provisional.date:%Y-%m}/")
    assert "Provisional date" in html


def test_activities_known_only_to_a_period_are_shown_in_it(
    client: Client, model_term: m.Term
) -> None:
    html = page(client, f"/calendar/{SLUG}/", "en")
    assert "first half of 2020" in html
    assert "Date to be confirmed" in html


def test_the_list_holds_every_meeting_and_activity(client: Client, model_term: m.Term) -> None:
    html = page(client, f"/calendar/{SLUG}/")
    assert len(re.findall(r'<li class="meeting[ "]', html)) == 20
    assert len(re.findall(r'<li class="activity[ "]', html)) == 38


def test_content_missing_in_the_reader_language_shows_its_original_visibly(
    client: Client, model_term: m.Term
) -> None:
    # The model plan as the OAS wrote it, in French alone (its translations taken out).
    store_published(without_translations(read_plan(MODEL_PLAN)), replace=True)
    html = page(client, f"/calendar/{SLUG}/", "es")
    assert '<span lang="fr">' in html and '<abbr class="fallback"' in html


@pytest.mark.parametrize(
    ("query", "meetings", "activities"),
    [
        ("body=committee", 20, 0),
        ("body=jid", 0, None),
        ("kind=ga_requested", None, 0),
        ("status=provisional", None, 0),
        ("area=securite-publique", None, 0),
    ],
)
def test_filters_narrow_the_list(
    client: Client, model_term: m.Term, query: str, meetings: int | None, activities: int | None
) -> None:
    html = page(client, f"/calendar/{SLUG}/?{query}")
    shown_meetings = len(re.findall(r'<li class="meeting[ "]', html))
    shown_activities = len(re.findall(r'<li class="activity[ "]', html))
    if meetings is not None:
        assert shown_meetings == meetings
    else:
        assert 0 < shown_meetings < 20
    if activities is not None:
        assert shown_activities == activities
    else:
        assert 0 < shown_activities < 38


def test_the_meeting_page_shows_the_numbered_agenda_with_mandates(
    client: Client, model_term: m.Term
) -> None:
    html = page(client, f"/calendar/{SLUG}/meetings/csh-2019-10-24/", "fr")
    assert "jeudi 24 octobre 2019" in html
    assert "10:00–13:00" in html
    assert '<span class="number">3.1.1.</span>' in html
    assert "AG/RES. 2945 (XLIX-O/19)" in html and "25" in html
    assert "Sécurité publique" in html


def test_calendar_pages_announce_their_feeds(client: Client, model_term: m.Term) -> None:
    for url in (f"/calendar/{SLUG}/", f"/calendar/{SLUG}/month/2019-10/"):
        html = page(client, url, "pt")
        links = re.findall(r'<link rel="alternate" type="text/calendar"[^>]*>', html)
        assert any(f'href="/calendar/{SLUG}/feed.pt.ics"' in link for link in links)
        assert any(f'href="/calendar/{SLUG}/delegations.pt.ics"' in link for link in links)


def test_pages_follow_the_browser_language(client: Client, model_term: m.Term) -> None:
    html = page(client, f"/calendar/{SLUG}/month/2019-10/", "es")
    assert '<html lang="es">' in html
    assert "Octubre de 2019" in html or "octubre de 2019" in html.lower()


def test_an_unknown_term_meeting_or_month_is_not_found(client: Client, model_term: m.Term) -> None:
    assert client.get("/calendar/csh-1999-2000/").status_code == 404
    assert client.get(f"/calendar/{SLUG}/meetings/nope/").status_code == 404
    assert client.get(f"/calendar/{SLUG}/month/2019-13/").status_code == 404


def test_the_calendar_link_opens_the_latest_term(client: Client, model_term: m.Term) -> None:
    response = client.get("/calendar/")
    assert response.status_code == 302 and SLUG in response["Location"]


def _queries(client: Client, url: str) -> int:
    # The public's state (the terms' versions), which the kept answers read once per process
    # and generation of the shared cache: read before, so not counted.
    responses._public_state()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_feed_reads_a_fixed_number_of_queries_whatever_the_size_of_its_term(
    client: Client,
) -> None:
    small = store_published(build_plan(10, label="small"))
    large = store_published(build_plan(200, label="large"))
    committed()
    written = [_queries(client, f"/calendar/{t.slug}/feed.en.ics") for t in (small, large)]
    kept = [_queries(client, f"/calendar/{t.slug}/feed.en.ics") for t in (small, large)]
    # Written: the term (with its output version), one query for each table of the plan, and
    # what the reader may see (the hidden meetings, the document's level). Kept: nothing.
    # (The resolutions' and the conventions' tables are read too, and the levels of the
    # draft resolutions, although the feed shows neither: the feed reads the whole plan.)
    assert written[0] == written[1] <= 25
    assert kept[0] == kept[1] == 0


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Réunions de la Commission", "Activités d’autres organes", "S’abonner"]),
        ("es", ["Reuniones de la Comisión", "Actividades de otros órganos", "Suscribirse"]),
        ("pt", ["Reuniões da Comissão", "Atividades de outros órgãos", "Assinar"]),
        ("en", ["Meetings of the committee", "Activities of other bodies", "Subscribe"]),
    ],
)
def test_the_interface_speaks_each_official_language(
    client: Client, model_term: m.Term, lang: str, words: list[str]
) -> None:
    html = page(client, f"/calendar/{SLUG}/", lang)
    for word in words:
        assert word in html


def test_the_home_page_interface_is_translated_and_links_to_the_calendar(
    client: Client, model_term: m.Term
) -> None:
    html = page(client, "/", "pt")
    assert "Reuniões da Comissão" in html and "Plano de trabalho" in html
    assert 'href="/calendar/"' in html


def test_pages_answer_head_as_they_answer_get(client: Client, model_term: m.Term) -> None:
    # Link checkers and monitors ask HEAD; a page readable by GET answers it too (the server
    # sends no body).
    meeting = m.Meeting.objects.filter(term=model_term).order_by("date").first()
    assert meeting is not None
    for url in (
        f"/calendar/{SLUG}/",
        f"/calendar/{SLUG}/month/2020-05/",
        f"/calendar/{SLUG}/meetings/{meeting.key}/",
        f"/calendar/{SLUG}/feed.fr.ics",
        f"/terms/{SLUG}/document/",
    ):
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code == 200, url
        assert head["Content-Type"] == got["Content-Type"], url
