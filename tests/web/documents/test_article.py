"""The plan's document on its page is built once for each state of the plan and reader level,
and never shown out of date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Permission, User
from django.core.cache import cache
from django.test import Client

from comitia.render import document as document_module
from comitia.web.documents import article
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_output_version
from tests.render.model import model_plan
from tests.web.publishing import committed, store_published

pytestmark = pytest.mark.django_db
SLUG = "csh-2019-2020"
PAGE = f"/terms/{SLUG}/document/"


@pytest.fixture(autouse=True)
def _no_kept_articles() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def term() -> m.Term:
    stored = store_published(model_plan())
    committed()
    return stored


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages of the documents built, in order."""
    built: list[str] = []
    real = document_module.build_document

    def counted(plan: object, lang: str) -> object:
        built.append(lang)
        return real(plan, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(article, "build_document", counted)
    return built


def _page(client: Client, lang: str = "en") -> str:
    response = client.get(PAGE, {"lang": lang})
    assert response.status_code == 200
    return response.content.decode()


def test_the_document_is_built_once_for_each_language_and_then_kept(
    client: Client, term: m.Term, builds: list[str]
) -> None:
    _page(client)
    _page(client)
    _page(client, "fr")
    _page(client, "fr")
    assert builds == ["en", "fr"]


def test_a_change_to_a_stored_row_shows_at_the_next_request(
    client: Client, term: m.Term, builds: list[str]
) -> None:
    assert "Edited title" not in _page(client)
    meeting = m.Meeting.objects.filter(term=term).order_by("date")[0]
    meeting.title = {"en": "Edited title"}
    meeting.save()
    assert "Edited title" in _page(client)
    assert builds == ["en", "en"]


def test_a_write_without_signals_shows_once_it_raises_the_terms_version(
    client: Client, term: m.Term, builds: list[str]
) -> None:
    _page(client)
    meeting = m.Meeting.objects.filter(term=term).order_by("date")[0]
    m.Meeting.objects.filter(pk=meeting.pk).update(title={"en": "Edited title"})
    raise_output_version(term.pk)
    assert "Edited title" in _page(client)
    assert builds == ["en", "en"]


def test_a_row_deep_in_an_agenda_removed_gives_another_document(
    client: Client, term: m.Term, builds: list[str]
) -> None:
    _page(client)
    m.AgendaPresenter.objects.filter(node__term=term).order_by("pk")[0].delete()
    committed()
    _page(client)
    _page(client)
    assert builds == ["en", "en"]


def test_the_key_is_the_terms_version_and_takes_no_query_of_the_rows(
    term: m.Term, django_assert_max_num_queries: Any
) -> None:
    term = m.Term.objects.get(pk=term.pk)
    with django_assert_max_num_queries(0):
        key = article.article_key(term, AnonymousUser(), "en")
    assert key == (term.pk, term.output_version, "public", "en")


def test_readers_who_see_different_meetings_get_different_documents(
    client: Client, term: m.Term, builds: list[str]
) -> None:
    hidden = m.Meeting.objects.filter(term=term).order_by("date")[0]
    hidden.title = {"en": "A meeting for the secretariat"}
    hidden.visibility = Visibility.DRAFT
    hidden.save()
    staff = User.objects.create_superuser("admin", password="x")
    insider = Client()
    insider.force_login(staff)
    assert "A meeting for the secretariat" in _page(insider)
    assert "A meeting for the secretariat" not in _page(client)
    assert len(builds) == 2


@pytest.fixture
def approver(client: Client) -> Client:
    user = User.objects.create_user("chair", password="x")
    user.user_permissions.add(Permission.objects.get(codename="approve_revision"))
    client.force_login(user)
    return client


def test_the_page_offers_the_revision_after_the_last_approved_one(
    approver: Client, term: m.Term
) -> None:
    # The model plan's document is at rev. 2: the first revision approved here is rev. 3.
    assert 'value="CP/CSH-1933/19 rev. 3"' in _page(approver)
    m.PlanDocument.objects.filter(term=term).update(revision=5, symbol="CP/CSH-1933/19 rev. 5")
    raise_output_version(term.pk)
    page = _page(approver)
    assert '<input type="hidden" name="number" value="6">' in page
    assert 'value="CP/CSH-1933/19 rev. 6"' in page
