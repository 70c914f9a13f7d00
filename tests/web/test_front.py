"""The public's kept answers sent in front of Django's handler (web/front): through the WSGI
application that every server runs, the public's second request for a page is answered from
the shared cache without Django's handler, with the very status, headers and bytes Django
sent; anyone else, and anything not kept, goes to Django."""

from __future__ import annotations

import io
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from comitia.plan.files import read_plan
from comitia.web import responses
from comitia.web.calendar import operations
from comitia.web.head import WSGIApplication
from comitia.web.plans import models as m
from tests.web.publishing import committed, store_published

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"
MEETING = "csh-2019-10-24"
PAGES = {
    "home": "/",
    "month": f"/calendar/{SLUG}/month/2019-10/",
    "meeting": f"/calendar/{SLUG}/meetings/{MEETING}/",
    "feed": f"/calendar/{SLUG}/feed.en.ics",
    "document": f"/terms/{SLUG}/document/",
}

pytestmark = pytest.mark.django_db


@dataclass
class Answer:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    through_django: bool

    def header(self, name: str) -> str | None:
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def application() -> WSGIApplication:
    """The WSGI application that servers run (comitia.web.wsgi)."""
    with warnings.catch_warnings():
        # Whitenoise's, at the handler's making: the tests collect no static files.
        warnings.filterwarnings("ignore", "No directory at", UserWarning)
        from comitia.web.wsgi import application

    return application


@pytest.fixture
def served(application: WSGIApplication) -> Callable[..., Answer]:
    def answer(path: str, method: str = "GET", host: str = "testserver", **headers: str) -> Answer:
        return _served(application, path, method, host, **headers)

    return answer


@pytest.fixture
def term(db: None) -> m.Term:
    stored = store_published(read_plan(MODEL_PLAN))
    committed()
    return stored


def _served(
    application: WSGIApplication, path: str, method: str, host: str, **headers: str
) -> Answer:
    """The answer of the WSGI application, as a server would get it."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    } | {"HTTP_" + name.upper(): value for name, value in headers.items()}
    started: list[tuple[str, list[tuple[str, str]]]] = []
    handled: list[object] = []

    def count(**kwargs: object) -> None:
        handled.append(kwargs)

    request_started.connect(count)
    # As Django's test client does: the handler's closing of old connections at each request
    # would close the test's own connection, inside its transaction, on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = application(environ, lambda status, hs, exc_info=None: started.append((status, hs)))
        try:
            content = b"".join(body)
        finally:
            getattr(body, "close", lambda: None)()
    finally:
        request_started.disconnect(count)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status, answer_headers = started[-1]
    return Answer(status, list(answer_headers), content, bool(handled))


def _rename(term: m.Term, title: str) -> None:
    meeting = m.Meeting.objects.select_related("term").get(term=term, key=MEETING)
    operations.update_meeting(meeting, {"title": title}, "en", None)
    committed()


@pytest.mark.parametrize("page", PAGES)
def test_the_publics_next_request_is_answered_in_front_of_django_with_the_same_bytes(
    term: m.Term, served: Callable[..., Answer], page: str
) -> None:
    made = served(PAGES[page])
    sent = served(PAGES[page])
    assert made.through_django
    assert not sent.through_django
    assert (sent.status, sent.headers, sent.body) == (made.status, made.headers, made.body)
    assert sent.status == "200 OK"


def test_the_answer_in_front_carries_the_security_headers_django_set(
    term: m.Term, served: Callable[..., Answer]
) -> None:
    served(PAGES["month"])
    sent = served(PAGES["month"])
    assert not sent.through_django
    assert sent.header("X-Content-Type-Options") == "nosniff"
    assert sent.header("X-Frame-Options") == "DENY"
    assert sent.header("Referrer-Policy")
    assert sent.header("Content-Security-Policy")
    assert sent.header("Content-Length") == str(len(sent.body))


def test_a_change_is_seen_at_the_next_request_then_answered_in_front_again(
    term: m.Term, served: Callable[..., Answer]
) -> None:
    _rename(term, "KEPT-BEFORE")
    served(PAGES["meeting"])
    assert b"KEPT-BEFORE" in served(PAGES["meeting"]).body
    _rename(term, "SEEN-AFTER")
    after = served(PAGES["meeting"])
    assert after.through_django  # the versions are read again, in Django's handler
    assert b"SEEN-AFTER" in after.body and b"KEPT-BEFORE" not in after.body
    again = served(PAGES["meeting"])
    assert not again.through_django
    assert again.body == after.body


def test_the_etag_of_an_answer_in_front_is_answered_with_304(
    term: m.Term, served: Callable[..., Answer]
) -> None:
    etag = served(PAGES["meeting"]).header("ETag")
    assert etag
    answer = served(PAGES["meeting"], if_none_match=f"W/{etag}")
    assert not answer.through_django
    assert answer.status == "304 Not Modified"
    assert answer.body == b""
    assert answer.header("ETag") == etag
    assert answer.header("Vary") and answer.header("Cache-Control")
    assert served(PAGES["meeting"], if_none_match='"other"').status == "200 OK"


def test_head_in_front_has_the_headers_of_get_and_no_body(
    term: m.Term, served: Callable[..., Answer]
) -> None:
    got = served(PAGES["feed"])
    head = served(PAGES["feed"], method="HEAD")
    assert not head.through_django
    assert head.body == b""
    assert head.headers == got.headers


@pytest.mark.parametrize(
    "carried",
    [
        {"cookie": "sessionid=anything"},
        {"cookie": "messages=anything"},
        {"authorization": "Bearer anything"},
    ],
)
def test_a_reader_who_may_not_be_the_public_goes_to_django(
    term: m.Term, served: Callable[..., Answer], carried: dict[str, str]
) -> None:
    served(PAGES["month"])
    assert not served(PAGES["month"]).through_django
    assert served(PAGES["month"], **carried).through_django


def test_a_route_not_kept_whole_goes_to_django(term: m.Term, served: Callable[..., Answer]) -> None:
    for _ in range(2):
        assert served(f"/api/terms/{SLUG}/meetings").through_django
        assert served("/accounts/login/").through_django


def test_a_host_not_allowed_is_refused_by_django_as_before(
    term: m.Term, served: Callable[..., Answer]
) -> None:
    served(PAGES["month"])
    refused = served(PAGES["month"], host="elsewhere.example")
    assert refused.through_django
    assert refused.status.startswith("400")


def test_a_fault_in_front_leaves_the_answer_to_django(
    term: m.Term, served: Callable[..., Answer], monkeypatch: pytest.MonkeyPatch
) -> None:
    served(PAGES["month"])

    def broken() -> None:
        raise ConnectionError("the shared cache is unreachable")

    monkeypatch.setattr(responses, "_known_public_state", broken)
    answer = served(PAGES["month"])
    assert answer.through_django
    assert answer.status == "200 OK"
