"""Search: accents and case folded, four languages, the reader's visibility, an index kept
current by every write; on SQLite and (with DATABASE_URL) on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.access.models import Membership, Role
from comitia.web.plans import models as m
from comitia.web.publication.operations import set_publication
from comitia.web.search import index
from comitia.web.search.models import IndexedTerm, SearchEntry
from tests.web.publishing import committed, store_published

pytestmark = pytest.mark.django_db

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"


@pytest.fixture
def model_term(db: None) -> m.Term:
    term = store_published(read_plan(MODEL_PLAN))
    committed()
    return term


@pytest.fixture
def secretariat(db: None) -> Client:
    user = User.objects.create_user("secretariat", password="x", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    return client


def _get(client: Client, query: str, lang: str = "fr") -> str:
    response = client.get("/search/", {"q": query}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def test_folding_drops_accents_and_case() -> None:
    assert index.fold("Sécurité PUBLIQUE") == "securite publique"
    assert index.words("  Sécurité, d’Évaluation ") == ["securite", "d", "evaluation"]
    assert index.snippet("La sécurité publique", ["securite"]) == ("La ", "sécurité", " publique")


def test_securite_finds_securite_with_its_accents(client: Client, model_term: m.Term) -> None:
    html = _get(client, "securite")
    assert "<mark>sécurité</mark>" in html or "<mark>Sécurité</mark>" in html
    assert 'id="kind-meeting"' in html or 'id="kind-agenda_item"' in html
    assert _get(client, "SÉCURITÉ").count("<mark>") == html.count("<mark>")


def test_results_are_grouped_by_kind_with_dates_and_in_the_readers_language(
    client: Client, model_term: m.Term
) -> None:
    groups = index.search(None, "MISPA", "en")
    assert list(groups) == [
        k for k in ("meeting", "agenda_item", "activity", "mandate", "document") if k in groups
    ]
    assert {"agenda_item", "activity"} <= set(groups)
    activity = groups["activity"][0]
    assert activity.date is not None and "MISPA" in activity.title
    # A word of another language finds the same item, shown in the reader's.
    spanish = index.search(None, "delincuencia", "en")
    assert any("crime" in hit.title for hit in spanish["agenda_item"])
    html = _get(client, "MISPA", "en")
    assert "Agenda items" in html and "October 24, 2019" in html


def test_mandates_and_documents_titles_are_found(client: Client, model_term: m.Term) -> None:
    groups = index.search(None, "CP/CSH-1933/19", "fr")
    assert "document" in groups
    mandate = m.Mandate.objects.filter(term=model_term).first()
    assert mandate is not None
    word = index.words(next(iter(mandate.title.values())))[-1]
    assert "mandate" in index.search(None, word, "fr")


def test_a_draft_terms_meeting_is_found_by_the_secretariat_not_by_the_public(
    client: Client, model_term: m.Term, secretariat: Client
) -> None:
    meeting = m.Meeting.objects.filter(term=model_term).order_by("date").first()
    assert meeting is not None
    meeting.title = {"fr": "Réunion zorglubienne", "en": "Zorglubian meeting"}
    meeting.save()
    set_publication(model_term, False, None)
    committed()
    assert "<mark>" not in _get(client, "zorglubienne")
    assert "Zorglubian meeting" in _get(secretariat, "zorglubienne", "en")
    # Published again: the public finds it.
    set_publication(m.Term.objects.get(pk=model_term.pk), True, None)
    committed()
    assert "Réunion <mark>zorglubienne</mark>" in _get(client, "zorglubienne")


def test_a_draft_meeting_of_a_public_term_is_hidden_from_the_public(
    client: Client, model_term: m.Term, secretariat: Client
) -> None:
    meeting = m.Meeting.objects.filter(term=model_term).order_by("date").first()
    assert meeting is not None
    meeting.title = {"en": "Quuxian session"}
    meeting.visibility = "draft"
    meeting.save()
    committed()
    assert index.search(None, "quuxian", "en") == {}
    assert "meeting" in index.search(User.objects.get(username="secretariat"), "quuxian", "en")
    # Its agenda's entries are hidden with it.
    node = m.AgendaNode.objects.filter(meeting=meeting, title__isnull=False).first()
    assert node is not None
    word = index.words(next(iter(node.title.values())))[0]
    public = {hit.key for hit in index.search(None, word, "en").get("agenda_item", [])}
    assert str(node.pk) not in public


def test_every_write_keeps_the_index_current(client: Client, model_term: m.Term) -> None:
    assert index.search(None, "frobnicated", "en") == {}
    version = IndexedTerm.objects.get(term=model_term).version
    activity = m.Activity.objects.filter(term=model_term).first()
    assert activity is not None
    activity.title = {"en": "Frobnicated workshop"}
    activity.save()
    committed()
    assert [hit.title for hit in index.search(None, "frobnicated", "en")["activity"]] == [
        "Frobnicated workshop"
    ]
    assert IndexedTerm.objects.get(term=model_term).version > version
    activity.delete()
    committed()
    assert index.search(None, "frobnicated", "en") == {}
    # The entries of a deleted term go with it (and, on SQLite, their indexed text).
    model_term.delete()
    assert not SearchEntry.objects.exists()


def test_an_empty_or_odd_query_finds_nothing(client: Client, model_term: m.Term) -> None:
    for query in ("", "   ", '"*', "AND OR NOT", "'; DROP TABLE x; --"):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200


def test_the_search_box_is_in_the_header(client: Client, model_term: m.Term) -> None:
    html = client.get(f"/calendar/{SLUG}/month/2019-10/").content.decode()
    assert 'action="/search/"' in html and 'type="search"' in html
