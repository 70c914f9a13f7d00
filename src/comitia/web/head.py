"""Answers to HEAD requests carry headers only, whatever the view and the server do.

Django runs a view for HEAD as for GET and hands the server the whole body; it leaves removing
it to the server, and waitress (``comitia serve``) sends it. On a kept-alive connection the
client then reads those bytes as the start of the next response, and a proxy that keeps
connections to Comitia open hands one user's page to another (response desynchronisation).

``without_head_bodies`` wraps the WSGI application so that a HEAD answer's body is never
iterated nor sent: the headers are those of GET, with ``Content-Length`` kept where the
response knows it. A Django response that is not streamed and has no ``Content-Length`` (one
answered by a middleware placed before Django's ``CommonMiddleware``, such as the redirect to
HTTPS) gets the length of the content it already holds in memory. A streamed response's length
is not known without producing it, so it is left without one, as for GET.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, Protocol

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
Headers = list[tuple[str, str]]


class StartResponse(Protocol):
    def __call__(
        self, status: str, headers: Headers, exc_info: ExcInfo | None = ..., /
    ) -> Callable[[bytes], object]: ...


WSGIApplication = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def _known_length(body: Iterable[bytes]) -> int | None:
    """The length of a response's content when it is already in memory (a Django response
    that is not streamed), else None: finding it must not cost producing it."""
    if getattr(body, "streaming", True):
        return None
    content = getattr(body, "content", None)
    return len(content) if isinstance(content, bytes) else None


def _close(body: Iterable[bytes]) -> None:
    # Closing is what ends a Django request (request_finished: database connections given
    # back, files closed), so the body is closed even though it is not sent.
    close = getattr(body, "close", None)
    if close is not None:
        close()


def without_head_bodies(application: WSGIApplication) -> WSGIApplication:
    """``application``, answering HEAD with the headers it gives for GET and no body."""

    def wrapped(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD", "").upper() != "HEAD":
            return application(environ, start_response)
        started: list[tuple[str, Headers, ExcInfo | None]] = []

        def hold(status: str, headers: Headers, exc_info: ExcInfo | None = None) -> Any:
            # Held until the body is known, to add its length; what an application writes
            # through the returned callable is the body, dropped.
            if exc_info is not None and started:
                started.clear()
            started.append((status, list(headers), exc_info))
            return _discard

        body = application(environ, hold)
        try:
            if not started:
                # PEP 3333 lets an application call start_response on its first chunk.
                _first_chunk_until_started(body, started)
            status, headers, exc_info = started[-1]
            length = _known_length(body)
            if length is not None and not any(n.lower() == "content-length" for n, _ in headers):
                headers.append(("Content-Length", str(length)))
            start_response(status, headers, exc_info)
        finally:
            _close(body)
        return []

    return wrapped


def _discard(data: bytes) -> None:
    """The write callable given to the application for HEAD: the body is not sent."""


def _first_chunk_until_started(body: Iterable[bytes], started: list[Any]) -> None:
    chunks: Iterator[bytes] = iter(body)
    for _ in chunks:
        if started:
            return
    if not started:
        raise RuntimeError("the application did not call start_response")
