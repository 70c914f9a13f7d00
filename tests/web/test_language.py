"""The language switcher (web/language.py): a GET that sets the language cookie and goes back
to the page, on this site only."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_switching_sets_the_language_cookie_and_goes_back_to_the_page() -> None:
    client = Client()
    answer = client.get("/i18n/setlang/", {"language": "fr", "next": "/calendar/?kind=regular"})
    assert answer.status_code == 302
    assert answer["Location"] == "/calendar/?kind=regular"
    assert answer.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert "no-store" in answer["Cache-Control"]
    assert client.get("/").headers["Content-Language"] == "fr"


@pytest.mark.parametrize(
    "next_url", ["https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)"]
)
def test_switching_never_leads_to_another_site(next_url: str) -> None:
    answer = Client().get("/i18n/setlang/", {"language": "es", "next": next_url})
    assert answer["Location"] == "/"


@pytest.mark.parametrize("code", ["de", "", "fr-FR-x"])
def test_a_language_the_site_does_not_have_changes_nothing(code: str) -> None:
    answer = Client().get("/i18n/setlang/", {"language": code, "next": "/"})
    assert answer.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in answer.cookies


def test_switching_by_post_is_refused() -> None:
    assert Client().post("/i18n/setlang/", {"language": "fr"}).status_code == 405
