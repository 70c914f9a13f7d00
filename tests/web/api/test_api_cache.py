"""The API's reads kept whole (web/responses.kept_answer, kept_reader_answer): by the terms'
output versions and the reader's level, with ETag and 304; a reader at one level never gets
what another level sees."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.web.access.models import ApiToken
from comitia.web.access.tokens import issue_token
from comitia.web.calendar import operations
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.web.access.conftest import make_user, publish_with_hidden_meetings
from tests.web.publishing import committed

API = "/api/v1"
DRAFT, SHARED = "MARKER-API-DRAFT", "MARKER-API-SHARED"

pytestmark = pytest.mark.django_db


@pytest.fixture
def here(terms: tuple[m.Term, m.Term]) -> m.Term:
    term = terms[0]
    publish_with_hidden_meetings(term, DRAFT, SHARED)
    committed()
    return term


def _reads(term: m.Term) -> list[str]:
    key = m.Meeting.objects.filter(term=term, visibility=Visibility.PUBLIC).first().key  # type: ignore[union-attr]
    return [
        f"{API}/terms",
        f"{API}/terms/{term.slug}/plan",
        f"{API}/terms/{term.slug}/meetings",
        f"{API}/terms/{term.slug}/meetings/{key}",
    ]


def _asked(client: Client, url: str, **headers: str) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_the_publics_reads_are_kept_whole_with_an_etag(here: m.Term) -> None:
    for url in _reads(here):
        first, built = _asked(Client(), url)
        again, kept = _asked(Client(), url)
        assert first.status_code == again.status_code == 200, url
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]
        assert kept == 0 < built  # the versions from the shared cache's generation
        not_modified, _ = _asked(Client(), url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert not_modified.status_code == 304
        assert not not_modified.content


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", set()),
        ("no_role", set()),
        ("delegation", {SHARED}),
        ("secretariat", {SHARED, DRAFT}),
    ],
)
def test_each_level_reads_what_it_sees_whoever_asked_first(
    terms: tuple[m.Term, m.Term], here: m.Term, role: str, sees: set[str]
) -> None:
    url = f"{API}/terms/{here.slug}/meetings"
    readers = {}
    for name in ("secretariat", "delegation", "no_role", "anonymous"):
        client = Client()
        user = make_user(name, *terms)
        if user is not None:
            client.force_login(user)
        readers[name] = client
        client.get(url)  # each level's answer kept, the others' first
    answer = readers[role].get(url)
    assert answer.status_code == 200
    assert {marker for marker in (DRAFT, SHARED) if marker.encode() in answer.content} == sees
    if role != "anonymous":
        assert "no-store" in answer["Cache-Control"]


def test_a_token_reader_gets_their_levels_answer_and_no_store(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    user = make_user("secretariat", *terms)
    key = issue_token(ApiToken(user=user, name="test"), None)
    url = f"{API}/terms/{here.slug}/meetings"
    assert DRAFT.encode() not in Client().get(url).content
    for _ in range(2):
        answer = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert DRAFT.encode() in answer.content
        assert "no-store" in answer["Cache-Control"]
    assert DRAFT.encode() not in Client().get(url).content


def test_a_change_is_read_at_the_next_request(here: m.Term) -> None:
    meeting = m.Meeting.objects.select_related("term").filter(
        term=here, visibility=Visibility.PUBLIC
    )[0]
    url = f"{API}/terms/{here.slug}/meetings/{meeting.key}"
    before = Client().get(url)
    operations.update_meeting(meeting, {"title": "MARKER-API-CHANGED"}, "en", None)
    committed()
    after = Client().get(url)
    assert b"MARKER-API-CHANGED" in after.content
    assert after["ETag"] != before["ETag"]
    assert Client().get(url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200
