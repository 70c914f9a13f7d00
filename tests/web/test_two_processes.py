"""Two app processes on one PostgreSQL database and one Redis cache, as a deployment with
several workers runs (docs/operations.md): a change written through one is seen by the other
at its next request (a page, the feed's SEQUENCE, the document), failed sign-ins counted by
one lock the user name on both, and a PDF asked of both is printed once.

The servers are ``comitia serve`` processes with ``COMITIA_CACHE_URL`` on Redis database
``REDIS_DB``, emptied before and after; the database is one of the test's own
(``own_database``). Bounded: every request has a timeout, the wait for the print a deadline,
and every process started is stopped at the end.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tests.web.installation import ROOT, SLUG, environment, free_port, own_database, serve, set_up

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the deployment of several processes"
    ),
]

REDIS_DB = 6
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
MEETING = "csh-2020-05-14"
PAGE = f"/calendar/{SLUG}/meetings/{MEETING}/"
MONTH = f"/calendar/{SLUG}/month/2020-05/"
FEED = f"/calendar/{SLUG}/feed.en.ics"
DOCUMENT = f"/terms/{SLUG}/document/"
FAILURES = 3
PRINT_DEADLINE_SECONDS = 180


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with own_database(tmp_path, "two") as url:
        yield url


@pytest.fixture
def redis_db() -> Iterator[None]:
    import redis

    store = redis.Redis.from_url(REDIS_URL)
    try:
        store.flushdb()
    except redis.ConnectionError as error:  # pragma: no cover - CI starts Redis (.ci/run)
        pytest.fail(f"no Redis server at {REDIS_URL}: {error}")
    yield
    store.flushdb()
    store.close()


def _get(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _api(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    request = urllib.request.Request(
        f"{base}/api/v1/terms/{SLUG}/{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def _retitle(base: str, token: str, title: str) -> None:
    version = _api(base, token, "GET", f"meetings/{MEETING}")["version"]
    changed = {"version": version, "title": title, "lang": "en"}
    assert _api(base, token, "PATCH", f"meetings/{MEETING}", changed)["title"]["en"] == title


def _sequence(feed: bytes) -> int:
    """The SEQUENCE of MEETING's event in ``feed``."""
    text = feed.decode().replace("\r\n ", "")
    event = next(e for e in text.split("BEGIN:VEVENT")[1:] if f"meeting-{MEETING}." in e)
    found = re.search(r"^SEQUENCE:(\d+)", event, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def _sign_in(base: str, password: str) -> int:
    """Post the sign-in form as a browser does (its CSRF cookie and token); the status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    with opener.open(base + "/accounts/login/", timeout=60) as page:
        form = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": "secretariat", "password": password}
    ).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=data, method="POST")
    request.add_header("Referer", base + "/accounts/login/")
    try:
        with opener.open(request, timeout=60) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_two_app_processes_on_postgresql_and_redis_act_as_one_site(
    database_url: str, redis_db: None, tmp_path: Path
) -> None:
    env = environment(database_url, tmp_path)
    env.update(
        COMITIA_CACHE_URL=REDIS_URL,
        COMITIA_ALLOWED_HOSTS="127.0.0.1",
        COMITIA_LOGIN_FAILURES=str(FAILURES),
        COMITIA_PRINT_AHEAD="0",  # the print counted is the one the readers ask for
    )
    token = set_up(env)
    ports = [free_port(), free_port()]
    servers = [serve(env, port, tmp_path / f"serve-{port}.log") for port in ports]
    one, other = (f"http://127.0.0.1:{port}" for port in ports)
    worker_log = tmp_path / "worker.log"
    worker: subprocess.Popen[bytes] | None = None
    try:
        # Every answer kept by both first, so that what the other serves next is a choice
        # between its kept answer and the change.
        for base in (one, other):
            for path in (PAGE, MONTH, FEED, DOCUMENT):
                assert _get(base, path)[0] == 200
                assert _get(base, path)[0] == 200
        sequence = _sequence(_get(other, FEED)[1])
        for n, (writer, reader) in enumerate([(one, other), (other, one)]):
            title = f"Changed through one process {n}"
            _retitle(writer, token, title)
            for path in (PAGE, MONTH, DOCUMENT):
                status, body = _get(reader, path)
                assert status == 200
                assert title.encode() in body, f"{path} on {reader} after a write on {writer}"
            status, feed = _get(reader, FEED)
            assert title.encode() in feed
            assert _sequence(feed) > sequence
            sequence = _sequence(feed)

        # Failures counted by both: neither alone reached the limit.
        for base in [one] * (FAILURES - 1) + [other]:
            assert _sign_in(base, "a wrong password") == 200
        assert _sign_in(one, "served-test-password") == 429
        assert _sign_in(other, "served-test-password") == 429

        pdf = DOCUMENT + "download.pdf?lang=en"
        assert [_get(base, pdf)[0] for base in (one, other)] == [202, 202]
        with worker_log.open("ab") as output:
            worker = subprocess.Popen(
                [sys.executable, "-m", "comitia", "worker", "--interval", "0.2"],
                env=env,
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + PRINT_DEADLINE_SECONDS
        answers: list[tuple[int, bytes]] = []
        while time.monotonic() < deadline:
            answers = [_get(base, pdf) for base in (one, other)]
            if all(status == 200 for status, _ in answers):
                break
            time.sleep(0.3)
        assert [status for status, _ in answers] == [200, 200], worker_log.read_text()
        assert answers[0][1] == answers[1][1] and answers[0][1].startswith(b"%PDF")
    finally:
        for process in [*servers, *([worker] if worker is not None else [])]:
            _stop(process)
    prints = [line for line in worker_log.read_text().splitlines() if "printed term=" in line]
    assert len(prints) == 1, worker_log.read_text()
    assert "format=pdf lang=en level=public" in prints[0]
