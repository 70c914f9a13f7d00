"""The site's 403, 404 and 500 pages: its layout and header, in the reader's language; the
API answers the same cases in JSON; a favicon."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.urls import get_resolver
from django.utils import translation

from comitia.web.access import errors
from comitia.web.plans import models as m

HEADER = '<header class="site">'
ICON = 'rel="icon" href="/static/comitia/favicon.svg"'


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Not found"), ("fr", "Introuvable"), ("es", "No encontrado"), ("pt", "Não encontrado")],
)
def test_a_missing_page_has_the_sites_header_in_the_readers_language(
    lang: str, heading: str
) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE=lang).get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert HEADER in page and ICON in page and f"<h1>{heading}</h1>" in page


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Not allowed"),
        ("fr", "Non autorisé"),
        ("es", "No permitido"),
        ("pt", "Não permitido"),
    ],
)
def test_a_page_the_account_may_not_open_is_a_403_page_of_the_site(
    term: m.Term, lang: str, heading: str
) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(User.objects.create_user("reader", password="x"))
    response = client.get(f"/calendar/{term.slug}/meetings/new/")
    assert response.status_code == 403
    page = response.content.decode()
    assert HEADER in page and ICON in page and f"<h1>{heading}</h1>" in page
    assert "Log out (reader)" in page or lang != "en"


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Something went wrong"),
        ("fr", "Une erreur s’est produite"),
        ("es", "Algo salió mal"),
        ("pt", "Algo deu errado"),
    ],
)
def test_the_500_page_needs_neither_the_database_nor_a_context_processor(
    lang: str, heading: str
) -> None:
    # No database here: any query would fail the test (pytest-django blocks it).
    request = RequestFactory().get("/calendar/")
    with translation.override(lang):
        response = errors.server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert HEADER in page and ICON in page and f"<h1>{heading}</h1>" in page
    assert f'<html lang="{lang}">' in page


def test_the_site_answers_its_errors_with_its_own_handlers() -> None:
    resolver = get_resolver()
    assert resolver.resolve_error_handler(403) is errors.permission_denied
    assert resolver.resolve_error_handler(404) is errors.page_not_found
    assert resolver.resolve_error_handler(500) is errors.server_error


def test_an_error_of_the_api_answers_in_json() -> None:
    request = RequestFactory().get("/api/v1/terms")
    response = errors.server_error(request)
    assert response.status_code == 500 and response["Content-Type"].startswith("application/")
    assert "detail" in response.content.decode()


@pytest.mark.django_db
def test_an_address_the_api_does_not_have_answers_in_json() -> None:
    response = Client().get("/api/v1/no-such-thing")
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.django_db
def test_favicon_ico_answers_with_the_sites_icon() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    icon = finders.find("comitia/favicon.svg")
    assert icon is not None
    assert response.content == Path(icon).read_bytes()
    assert b"<svg" in response.content
