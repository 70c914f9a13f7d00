"""A Comitia installation outside the test process: its own database, commands run as
``python -m comitia`` in subprocesses, servers as real processes. For the tests of backups and
of servers killed under writes, which need what the test database (in memory, one connection)
cannot give.

Run as a script, it does the set-up that would otherwise take several processes:
``python -m tests.web.installation setup`` migrates the database named by ``DATABASE_URL``,
loads and publishes the model plan, and prints a secretariat token's key;
``python -m tests.web.installation write STOPFILE`` adds meetings until STOPFILE exists,
printing each one's number once its transaction has committed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"
TITLE = "write {n}"


def environment(database_url: str, folder: Path) -> dict[str, str]:
    """The environment of a Comitia installation on ``database_url``, working in ``folder``."""
    paths = [str(ROOT), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMITIA_", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=database_url,
        PYTHONPATH=os.pathsep.join(p for p in paths if p),
        COMITIA_SECRET_KEY="served-test-" + "x" * 40,
        COMITIA_STATIC_ROOT=str(folder / "staticfiles"),
        COMITIA_SECURE_COOKIES="false",
        DJANGO_SETTINGS_MODULE="comitia.web.settings",
    )
    return env


@contextmanager
def own_database(folder: Path, label: str) -> Iterator[str]:
    """The URL of a database of the installation's own, dropped on leaving: an SQLite file in
    ``folder``, or, when the tests run on PostgreSQL, a database beside the test database on
    the same server (named for ``label`` and this process)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield f"sqlite:///{folder / f'{label}.sqlite3'}"
        return
    import psycopg

    settings = connection.settings_dict
    name = f"{settings['NAME']}_{label}_{os.getpid()}"
    server = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['password']}" if server["password"] else ""
    try:
        yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def comitia(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``comitia ARGS`` to its end; its output is captured, its status not checked."""
    return subprocess.run(
        [sys.executable, "-m", "comitia", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def set_up(env: dict[str, str]) -> str:
    """Migrate, load the model plan published; the key of a secretariat member's token."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.web.installation", "setup"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """``comitia serve`` on ``port``, once it answers; its output goes to ``log``."""
    with log.open("ab") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "comitia", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"comitia serve ended: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("comitia serve did not answer within 60 s")


# -- run in the subprocess ----------------------------------------------------------------


def _setup() -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from comitia.web.access.models import ApiToken, Membership, Role
    from comitia.web.access.tokens import issue_token
    from comitia.web.publication.operations import load_plan_file

    call_command("migrate", interactive=False, verbosity=0)
    term = load_plan_file(MODEL_PLAN, replace=True, publish=True)
    user = User.objects.create_user("secretariat", password="served-test-password")
    Membership.objects.create(user=user, role=Role.SECRETARIAT, committee=term.committee)
    print(issue_token(ApiToken(user=user, name="served test"), None))


def _write(stop: Path) -> None:
    import datetime as dt

    import django

    django.setup()
    from comitia.web.calendar import operations
    from comitia.web.plans.convert import find_term

    term = find_term(SLUG)
    n = 0
    while not stop.exists():
        day = dt.date(2020, 1, 6) + dt.timedelta(days=n % 150)
        fields: dict[str, Any] = {
            "date": day,
            "start": dt.time(9),
            "end": dt.time(10),
            "title": TITLE.format(n=n),
        }
        operations.create_meeting(term, fields, "en", None)
        print(n, flush=True)  # committed: create_meeting returns after its transaction
        n += 1


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        _setup()
    elif sys.argv[1] == "write":
        _write(Path(sys.argv[2]))
    else:
        raise SystemExit(f"unknown action {sys.argv[1]!r}")
