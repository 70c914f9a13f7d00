"""The home page lists the term, its bureau and its meetings month by month."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.plan.files import read_plan
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def model_plan_loaded() -> None:
    store_published(read_plan(MODEL_PLAN))


def test_with_no_plan_the_home_page_says_how_to_load_one(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "comitia load" in response.content.decode()


def test_the_home_page_shows_the_term_bureau_and_every_meeting(
    client: Client, model_plan_loaded: None
) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "CP/CSH-1933/19 rev. 2" in page
    assert "José Manuel Boza Orozco" in page and "Pérou" in page
    assert len(re.findall(r'<li id="[^"]+" class="meeting[ "]', page)) == 20
    assert "jeudi 24 octobre 2019" in page
    assert "30 janvier 2020" in page  # the earlier date of the meeting moved to 20 February


def test_the_home_page_follows_the_browser_language(
    client: Client, model_plan_loaded: None
) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="es"' in page
    assert "jueves 24 de octubre de 2019" in page


def test_a_term_page_is_found_by_its_name(client: Client, model_plan_loaded: None) -> None:
    assert client.get("/terms/csh-2019-2020/").status_code == 200
    assert client.get("/terms/csh-1999-2000/").status_code == 404


def test_the_home_page_uses_a_fixed_number_of_queries(
    client: Client, model_plan_loaded: None
) -> None:
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) <= 25, [query["sql"] for query in queries]


def test_static_files_are_found(client: Client) -> None:
    from django.contrib.staticfiles import finders

    assert finders.find("comitia/site.css")


def test_the_term_page_links_to_its_document_calendar_and_coverage(
    client: Client, model_plan_loaded: None
) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for url in (
        "/terms/csh-2019-2020/document/",
        "/calendar/csh-2019-2020/",
        "/terms/csh-2019-2020/coverage/",
    ):
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200
    assert "Suivi des mandats" in page
    assert "/terms/csh-2019-2020/checks/" not in page  # for the secretariat only
