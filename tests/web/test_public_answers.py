"""The public's answers kept whole (web/responses.kept_answer): a reader who is not signed in
gets the same bytes as the view builds, for no query (the terms' versions come from the shared
cache's generation, read once per process and generation); a change is seen at the next
request; a signed-in reader never gets the public's answer, nor the public theirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comitia.plan.files import read_plan
from comitia.web.calendar import operations
from comitia.web.documents import printed
from comitia.web.documents.models import PrintedDocument
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.operations import set_publication
from comitia.web.responses import is_the_public
from tests.web.publishing import committed, store_published

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"
MEETING = "csh-2019-10-24"
PAGES = {
    "home": "/",
    "term": f"/terms/{SLUG}/",
    "list": f"/calendar/{SLUG}/",
    "month": f"/calendar/{SLUG}/month/2019-10/",
    "meeting": f"/calendar/{SLUG}/meetings/{MEETING}/",
    "feed": f"/calendar/{SLUG}/feed.en.ics",
    "document": f"/terms/{SLUG}/document/",
}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def term(db: None) -> m.Term:
    stored = store_published(read_plan(MODEL_PLAN))
    committed()
    return stored


def _asked(client: Client, url: str, **headers: str) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def _rename(term: m.Term, title: str) -> None:
    meeting = m.Meeting.objects.select_related("term").get(term=term, key=MEETING)
    operations.update_meeting(meeting, {"title": title}, "en", None)
    committed()


@pytest.mark.parametrize("page", PAGES)
def test_the_public_gets_a_kept_page_whole_for_no_query(term: m.Term, page: str) -> None:
    first, built = _asked(Client(), PAGES[page])
    again, kept = _asked(Client(), PAGES[page])
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    # The terms' versions (for the document page, with the state of its prints) were read
    # with the first answer, for the generation drawn when the plan was stored.
    assert kept == 0 < built


@pytest.mark.parametrize("page", ["home", "month", "meeting", "feed"])
def test_a_change_is_seen_by_the_public_at_the_next_request(term: m.Term, page: str) -> None:
    _rename(term, "KEPT-BEFORE")
    assert b"KEPT-BEFORE" in Client().get(PAGES[page]).content
    _rename(term, "SEEN-AFTER")
    answer = Client().get(PAGES[page]).content
    assert b"SEEN-AFTER" in answer
    assert b"KEPT-BEFORE" not in answer


def test_a_kept_answer_is_the_bytes_that_the_view_builds(term: m.Term) -> None:
    kept = Client().get(PAGES["month"])
    Client().get(PAGES["month"])
    cache.clear()
    built = Client().get(PAGES["month"])
    assert kept.content == built.content
    assert kept["ETag"] == built["ETag"]


def test_the_etag_of_a_kept_answer_is_answered_with_304(term: m.Term) -> None:
    etag = Client().get(PAGES["meeting"])["ETag"]
    answer, queries = _asked(Client(), PAGES["meeting"], HTTP_IF_NONE_MATCH=etag)
    assert answer.status_code == 304
    assert answer["ETag"] == etag
    assert not answer.content
    assert queries == 0


def test_the_etag_weakened_by_a_compressing_proxy_still_gives_304(term: m.Term) -> None:
    etag = Client().get(PAGES["month"])["ETag"]
    assert Client().get(PAGES["month"], HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert Client().get(PAGES["month"], HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_publics_page_holds_no_csrf_token_and_sets_no_cookie(term: m.Term) -> None:
    for url in PAGES.values():
        answer = Client().get(url)
        assert b"csrfmiddlewaretoken" not in answer.content
        assert not answer.cookies, url


@pytest.mark.parametrize("order", ["public first", "signed-in first"])
def test_a_signed_in_reader_and_the_public_never_get_each_others_answer(
    term: m.Term, order: str
) -> None:
    meeting = m.Meeting.objects.get(term=term, key=MEETING)
    meeting.title = {"en": "MARKER-DRAFT-ONLY"}
    meeting.visibility = Visibility.DRAFT
    meeting.save()
    committed()
    staff = Client()
    staff.force_login(User.objects.create_superuser("admin-reader", password="x"))
    readers = {"public": Client(), "staff": staff}
    names = ["public", "staff"] if order == "public first" else ["staff", "public"]
    answers = {}
    for _ in range(2):  # the second round is served from what the first kept
        for name in names:
            answers[name] = readers[name].get(PAGES["month"])
    assert b"MARKER-DRAFT-ONLY" in answers["staff"].content
    assert b"admin-reader" in answers["staff"].content
    assert "no-store" in answers["staff"]["Cache-Control"]
    assert b"MARKER-DRAFT-ONLY" not in answers["public"].content
    assert b"admin-reader" not in answers["public"].content
    assert answers["public"]["ETag"] != answers["staff"]["ETag"]


def test_a_reader_with_a_session_takes_the_usual_way(term: m.Term) -> None:
    Client().get(PAGES["month"])
    _, public = _asked(Client(), PAGES["month"])
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-session"
    _, session = _asked(with_session, PAGES["month"])
    assert public == 0
    assert session > 1


@pytest.mark.parametrize(
    ("headers", "cookies", "method", "public"),
    [
        ({}, {}, "get", True),
        ({}, {}, "head", True),
        ({}, {"csrftoken": "x", "django_language": "fr"}, "get", True),
        ({}, {"sessionid": "x"}, "get", False),
        ({}, {"messages": "x"}, "get", False),
        ({"HTTP_AUTHORIZATION": "Bearer x"}, {}, "get", False),
        ({}, {}, "post", False),
    ],
)
def test_the_public_is_told_by_what_the_request_carries(
    headers: dict[str, str], cookies: dict[str, str], method: str, public: bool
) -> None:
    factory = RequestFactory(**headers)
    for name, value in cookies.items():
        factory.cookies[name] = value
    assert is_the_public(getattr(factory, method)("/")) is public


def test_a_term_withdrawn_from_the_public_is_missing_at_the_next_request(term: m.Term) -> None:
    assert Client().get(PAGES["month"]).status_code == 200
    set_publication(term, False, None)
    committed()
    assert Client().get(PAGES["month"]).status_code == 404
    assert Client().get(PAGES["home"]).status_code == 200  # no term to show
    assert SLUG.encode() not in Client().get(PAGES["home"]).content


def committed_print() -> None:
    """A print's row written by hand sends no signal: draw the generation as its writer does."""
    from comitia.web.plans.output_version import _AnswersChanged

    _AnswersChanged()()


def test_the_document_page_says_being_printed_once_a_print_is_asked_for(term: m.Term) -> None:
    before = Client().get(PAGES["document"]).content
    assert Client().get(PAGES["document"]).content == before
    term.refresh_from_db()
    key = printed.key_for(term, "pdf", "en", Visibility.PUBLIC)
    # Asked for by another release: not this release's print, the page does not change.
    elsewhere = key.fields() | {"made_by": "another-release"}
    PrintedDocument.objects.create(**elsewhere, queued_at=timezone.now())
    committed_print()
    assert Client().get(PAGES["document"]).content == before
    PrintedDocument.objects.create(**key.fields(), queued_at=timezone.now())
    committed_print()
    after = Client().get(PAGES["document"]).content
    assert after != before


def test_behind_a_shared_cache_each_process_keeps_a_copy_that_a_change_leaves_unused(
    term: m.Term, tmp_path: Path
) -> None:
    from django.test import override_settings

    from comitia.web import responses

    files = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    responses.forget_answers_in_memory()
    try:
        with override_settings(CACHES=files):
            from django.core.cache import caches

            first = Client().get(PAGES["meeting"]).content
            caches["default"].clear()  # what another process shares is gone; this one's copy is not
            _, queries = _asked(Client(), PAGES["meeting"])
            assert queries == 1  # the generation is gone with the rest: the versions read
            assert Client().get(PAGES["meeting"]).content == first
            _rename(term, "CHANGED-BEHIND-THE-COPY")
            assert b"CHANGED-BEHIND-THE-COPY" in Client().get(PAGES["meeting"]).content
    finally:
        responses.forget_answers_in_memory()


@pytest.mark.parametrize("page", ["month", "feed"])
def test_an_answer_kept_by_another_release_is_not_sent(
    term: m.Term, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comitia.web import fingerprint

    Client().get(PAGES[page])
    _, kept = _asked(Client(), PAGES[page])
    assert kept == 0
    # The same rows, other code: the page, its parts and the feed are made again.
    monkeypatch.setattr(fingerprint, "code_fingerprint", lambda: "another-release")
    again, built = _asked(Client(), PAGES[page])
    assert again.status_code == 200
    assert built > 0
