"""``comitia manage backup`` and ``restore`` on SQLite: a backup taken while a writer commits
holds every change acknowledged before it started (and a consistent prefix of the rest), a
restore brings exactly that back and the plan loads and checks; anything that is not a whole
database of Comitia is refused with nothing changed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from comitia.checks import run_checks
from comitia.plan.files import read_plan
from comitia.web.plans.backup import BackupError, check_backup
from tests.web.installation import ROOT, SLUG, comitia, environment, set_up

# Each test runs the commands as processes of their own, a few seconds each.
pytestmark = pytest.mark.slow


def _written(database: Path) -> list[int]:
    """The numbers of the writer's meetings in ``database``, in order. (A text is stored as
    its (language, text) pairs, the original first.)"""
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT title FROM plans_meeting WHERE title LIKE '%write %'")
        titles = [dict(json.loads(title)).get("en", "") for (title,) in rows]
    return sorted(int(t.split()[1]) for t in titles if t.startswith("write "))


def _write_during_backup(
    writer: subprocess.Popen[str], env: dict[str, str], backup: Path, stop: Path
) -> tuple[list[int], int, list[int], subprocess.CompletedProcess[str]]:
    """Back up while ``writer`` commits; what it had acknowledged before the backup began,
    how many when the backup ended, every change acknowledged, and the backup's outcome."""
    acknowledged: list[int] = []

    def read() -> None:
        assert writer.stdout is not None
        acknowledged.extend(int(line) for line in writer.stdout)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while len(acknowledged) < 3 and time.monotonic() < deadline and writer.poll() is None:
            time.sleep(0.05)
        before = list(acknowledged)
        assert before, "the writer wrote nothing"
        done = comitia(env, "manage", "backup", "-o", str(backup))
        assert done.returncode == 0, done.stderr
        at_end = len(acknowledged)
        # The writer goes on after the backup: those changes must go away with the restore.
        while len(acknowledged) < at_end + 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.touch()
        writer.wait(timeout=60)
        reader.join(timeout=10)
    return before, at_end, acknowledged, done


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    folder = tmp_path_factory.mktemp("backup")
    live = folder / "live.sqlite3"
    env = environment(f"sqlite:///{live}", folder)
    set_up(env)
    return env, folder


def test_a_backup_taken_under_writes_restores_every_change_acknowledged_before_it(
    installation: tuple[dict[str, str], Path],
) -> None:
    env, folder = installation
    live, backup, stop = folder / "live.sqlite3", folder / "backup.sqlite3", folder / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.web.installation", "write", str(stop)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with writer:
        before, at_end, acknowledged, done = _write_during_backup(writer, env, backup, stop)
    assert writer.returncode == 0, "the writer failed"

    assert "backed up to" in done.stdout
    in_backup = _written(backup)
    # Every change acknowledged before the backup began, and a snapshot: a prefix of the
    # writer's changes, none missing in between.
    assert set(before) <= set(in_backup)
    assert in_backup == list(range(len(in_backup)))
    assert len(in_backup) <= at_end
    assert _written(live) == acknowledged

    # A page kept before the restore, under the output version the backup may hold again.
    kept = "from django.core.cache import cache; cache.set('comitia:page:before', 'old', None)"
    assert comitia(env, "manage", "shell", "-c", kept).returncode == 0
    restored = comitia(env, "manage", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "restart every running Comitia server" in restored.stdout
    asked = "from django.core.cache import cache; print(cache.get('comitia:page:before'))"
    assert comitia(env, "manage", "shell", "-c", asked).stdout.split()[-1] == "None"
    assert _written(live) == in_backup
    with closing(sqlite3.connect(live)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    dumped = comitia(env, "dump", SLUG, "-o", str(folder / "plan.yaml"))
    assert dumped.returncode == 0, dumped.stderr
    plan = read_plan(folder / "plan.yaml")
    assert len(plan.meetings) >= 20 + len(in_backup)
    run_checks(plan)


def test_restore_refuses_what_is_not_a_backup_of_comitia_and_changes_nothing(
    installation: tuple[dict[str, str], Path],
) -> None:
    env, folder = installation
    live = folder / "live.sqlite3"
    text = folder / "notes.txt"
    text.write_text("not a database")
    other = folder / "other.sqlite3"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE things (name TEXT)")
    newer = folder / "newer.sqlite3"
    with closing(sqlite3.connect(live)) as source, closing(sqlite3.connect(newer)) as copy:
        source.backup(copy)
        copy.execute(
            "INSERT INTO django_migrations (app, name, applied) "
            "VALUES ('plans', '9999_from_the_future', '2030-01-01')"
        )
        copy.commit()
    for refused, reason in (
        (text, "not an SQLite database"),
        (other, "not a database of Comitia"),
        (newer, "newer version of Comitia"),
        (folder / "missing.sqlite3", "is not a file"),
    ):
        with pytest.raises(BackupError, match=reason):
            check_backup(refused)
    # Through the command, on the live database: refused, and the database as it was.
    size, meetings = live.stat().st_size, _written(live)
    done = comitia(env, "manage", "restore", str(newer))
    assert done.returncode != 0
    assert "newer version of Comitia" in done.stderr and "nothing was changed" in done.stderr
    assert (live.stat().st_size, _written(live)) == (size, meetings)
    itself = comitia(env, "manage", "backup", "-o", str(live))
    assert itself.returncode != 0 and "the database itself" in itself.stderr


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    with closing(sqlite3.connect(damaged)) as db:
        db.execute("CREATE TABLE django_migrations (app TEXT, name TEXT, applied TEXT)")
        db.executemany("INSERT INTO django_migrations VALUES (?, ?, '')", [("x", "y")] * 2000)
        db.commit()
    data = bytearray(damaged.read_bytes())
    data[4096 + 200 : 4096 + 800] = b"\xff" * 600  # a page of the table overwritten
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"damaged|cannot read"):
        check_backup(damaged)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL refusal")
def test_on_postgresql_backup_and_restore_point_to_pg_dump(tmp_path: Path) -> None:
    for command, args in (("backup", ["-o", str(tmp_path / "b")]), ("restore", [str(tmp_path)])):
        with pytest.raises(CommandError, match="pg_dump"):
            call_command(command, *args)
