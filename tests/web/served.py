"""A real waitress server, as ``comitia serve`` starts it, on 127.0.0.1 and a free port, for
tests that speak HTTP over a socket; and a minimal HTTP/1.1 reader for those tests.

The server runs in a thread of the test process and reads the test database. SQLite's test
database lives in memory and is seen only through the test's own connection, which the
server's thread then borrows, as Django's live server does; on PostgreSQL the server opens its
own connection and closes it after each request, so the test database can be dropped."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from waitress import wasyncore

from comitia.web.serving import create_server


def _borrowed_connections() -> dict[str, Any]:
    return {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }


class _Closing:
    """A response body that, once closed, closes the thread's own database connections."""

    def __init__(self, body: Iterable[bytes], borrowed: dict[str, Any]) -> None:
        self._body = body
        self._borrowed = borrowed

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            for conn in connections.all():
                if conn.alias not in self._borrowed:
                    conn.close()


@contextmanager
def serving() -> Iterator[tuple[str, int]]:
    """A running server's (host, port), stopped on leaving."""
    borrowed = _borrowed_connections()
    for conn in borrowed.values():
        conn.inc_thread_sharing()
    socket_map: dict[int, Any] = {}
    server = create_server("127.0.0.1", 0, map=socket_map, threads=2)
    real = server.application

    def application(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        for alias, conn in borrowed.items():
            connections[alias] = conn
        return _Closing(real(environ, start_response), borrowed)

    server.application = application
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            wasyncore.loop(timeout=0.05, map=socket_map, count=1)

    thread = threading.Thread(target=run, name="waitress-under-test", daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", server.effective_port
    finally:
        stop.set()
        thread.join(5)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(socket_map)
        for conn in borrowed.values():
            conn.dec_thread_sharing()


@dataclass
class Response:
    status_line: str
    headers: dict[str, str]
    body: bytes = field(repr=False)

    @property
    def status(self) -> int:
        return int(self.status_line.split()[1])


class Connection:
    """One kept-alive HTTP/1.1 connection, read exactly as a client or proxy would."""

    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=30)
        self._buffer = b""

    def close(self) -> None:
        self._sock.close()

    def send(self, method: str, path: str) -> None:
        request = f"{method} {path} HTTP/1.1\r\nHost: testserver\r\nAccept-Language: en\r\n\r\n"
        self._sock.sendall(request.encode("ascii"))

    def _fill(self) -> None:
        chunk = self._sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        self._buffer += chunk

    def read_response(self, *, head: bool) -> Response:
        """The next response; for an answer to HEAD, headers only (RFC 9110 §9.3.2)."""
        while b"\r\n\r\n" not in self._buffer:
            self._fill()
        top, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        status_line, *lines = top.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = 0 if head else int(headers.get("content-length", "0"))
        while len(self._buffer) < length:
            self._fill()
        body, self._buffer = self._buffer[:length], self._buffer[length:]
        return Response(status_line, headers, body)

    def unread(self) -> bytes:
        """What arrived beyond the responses read so far (waiting briefly for it)."""
        self._sock.settimeout(0.2)
        try:
            self._fill()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            self._sock.settimeout(30)
        return self._buffer
