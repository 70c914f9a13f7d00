"""HEAD answers carry headers only: over a socket to a real waitress server, as served by
``comitia serve``, a GET sent after a HEAD on the same kept-alive connection is read from the
first byte of its own response."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from django.http import HttpResponse, StreamingHttpResponse

from comitia.web.head import without_head_bodies
from comitia.web.plans import models as m
from tests.factories import build_plan
from tests.web.publishing import store_published
from tests.web.served import Connection, serving


@pytest.fixture
def published(transactional_db: None) -> m.Term:
    return store_published(build_plan(3))


@pytest.fixture
def server(published: m.Term) -> Iterator[tuple[str, int]]:
    with serving() as address:
        yield address


def _paths(slug: str) -> dict[str, tuple[str, int]]:
    return {
        "page": (f"/calendar/{slug}/", 200),
        "feed": (f"/calendar/{slug}/feed.en.ics", 200),
        "download": (f"/terms/{slug}/document/download.pdf", 200),
        # The API answers HEAD 405 (its operations are GET only), with a body.
        "405 answer": (f"/api/v1/terms/{slug}/plan", 405),
    }


@pytest.mark.parametrize("kind", ["page", "feed", "download", "405 answer"])
def test_a_get_after_a_head_on_one_connection_reads_its_own_response(
    server: tuple[str, int], published: m.Term, kind: str
) -> None:
    path, head_status = _paths(published.slug)[kind]
    connection = Connection(*server)
    try:
        connection.send("HEAD", path)
        head = connection.read_response(head=True)
        connection.send("GET", path)
        get = connection.read_response(head=False)
        left = connection.unread()
    finally:
        connection.close()
    assert head.status == head_status
    assert get.status_line.startswith("HTTP/1.1 200 "), get.status_line[:120]
    assert left == b""
    assert len(get.body) > 0
    if head_status == 200:
        # The headers of GET, with the length of the body that was not sent.
        assert head.headers["content-length"] == get.headers["content-length"]
        assert head.headers["content-type"] == get.headers["content-type"]
    else:
        assert int(head.headers["content-length"]) > 0


def test_two_heads_in_a_row_leave_nothing_to_read(
    server: tuple[str, int], published: m.Term
) -> None:
    connection = Connection(*server)
    try:
        for _ in range(2):
            connection.send("HEAD", f"/calendar/{published.slug}/feed.en.ics")
            assert connection.read_response(head=True).status == 200
        assert connection.unread() == b""
    finally:
        connection.close()


class _Recorder:
    def __init__(self) -> None:
        self.status = ""
        self.headers: list[tuple[str, str]] = []

    def __call__(self, status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        self.status, self.headers = status, headers
        return lambda data: None


def _call(app: Any, method: str) -> tuple[_Recorder, list[bytes]]:
    recorder = _Recorder()
    body = app({"REQUEST_METHOD": method}, recorder)
    return recorder, list(body)


def _django_like(
    response: HttpResponse | StreamingHttpResponse, on_close: Any = lambda: None
) -> Any:
    """An application answering ``response`` as Django's handler does. Closing a Django
    response ends the request (database connections checked), replaced by ``on_close``: these
    tests have no database."""
    response.close = on_close  # type: ignore[method-assign]

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response(f"{response.status_code} OK", list(response.items()))
        return response

    return app


def test_a_head_answer_never_produces_a_streamed_body_and_closes_it() -> None:
    produced: list[str] = []
    closed: list[bool] = []

    def chunks() -> Iterator[bytes]:
        produced.append("started")
        yield b"expensive"

    response = StreamingHttpResponse(chunks())
    app = _django_like(response, on_close=lambda: closed.append(True))
    recorder, body = _call(without_head_bodies(app), "HEAD")
    assert (recorder.status, body, produced, closed) == ("200 OK", [], [], [True])
    assert "Content-Length" not in dict(recorder.headers)


def test_a_head_answer_keeps_the_length_of_content_already_in_memory() -> None:
    response = HttpResponse(b"x" * 1234)
    recorder, body = _call(without_head_bodies(_django_like(response)), "HEAD")
    assert body == []
    assert dict(recorder.headers)["Content-Length"] == "1234"


def test_a_given_content_length_is_kept_as_it_is() -> None:
    response = HttpResponse(b"x" * 10)
    response["Content-Length"] = "10"
    recorder, _ = _call(without_head_bodies(_django_like(response)), "HEAD")
    assert [v for n, v in recorder.headers if n.lower() == "content-length"] == ["10"]


def test_other_methods_get_the_body() -> None:
    response = HttpResponse(b"the page")
    recorder, body = _call(without_head_bodies(_django_like(response)), "GET")
    assert recorder.status == "200 OK"
    assert b"".join(body) == b"the page"


def test_an_application_that_starts_its_answer_on_its_first_chunk_is_answered() -> None:
    def lazy(environ: dict[str, Any], start_response: Any) -> Iterator[bytes]:
        start_response("204 No Content", [("X-Lazy", "yes")])
        yield b""

    recorder, body = _call(without_head_bodies(lazy), "HEAD")
    assert (recorder.status, recorder.headers, body) == ("204 No Content", [("X-Lazy", "yes")], [])
