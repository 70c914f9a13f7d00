"""Backing up and restoring an SQLite database of Comitia while it may be in use.

Both go through SQLite's online backup API (``sqlite3.Connection.backup``), never through a
copy of the file: a copy taken while a server writes can tear pages and misses what is still in
the write-ahead log. A backup runs in one step, which reads one snapshot: in WAL mode writers
go on meanwhile, and the file holds exactly what was committed when the step began. A restore
writes the backup into the database in one transaction, so readers see the old database or the
new one, never a mix, and a failure leaves the old one whole.

PostgreSQL is backed up with its own tools (``pg_dump``, ``pg_restore``), which do the same
for it; ``backup_database`` and ``restore_database`` refuse it with a message saying so.

Contract: both functions raise ``BackupError`` (its message for the user) and change nothing
when they refuse.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.db import connections
from django.db.backends.sqlite3._functions import (  # type: ignore[import-untyped]
    register as register_django_functions,
)
from django.db.migrations.loader import MigrationLoader

SQLITE_HEADER = b"SQLite format 3\x00"
# A database is Comitia's if Django recorded these apps' migrations in it.
COMITIA_APPS = ("plans", "documents", "access", "calendar_web")
POSTGRESQL_ADVICE = (
    "the database is PostgreSQL: back it up with pg_dump "
    "(pg_dump --format=custom --file=FILE NAME) and restore it with pg_restore; "
    "see docs/operations.md"
)


class BackupError(Exception):
    """A backup or restore refused; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Contents:
    """What a database holds, to report after a backup or restore."""

    terms: int
    revisions: int
    migrations: int


def _live_database() -> Path:
    """The SQLite file that Comitia uses, or ``BackupError`` for another database."""
    settings = connections["default"].settings_dict
    if connections["default"].vendor == "postgresql":
        raise BackupError(POSTGRESQL_ADVICE)
    if connections["default"].vendor != "sqlite":
        raise BackupError(f"cannot back up a {connections['default'].vendor} database")
    name = str(settings["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(f"the database {name!r} is not a file")
    return Path(name)


@contextmanager
def _open(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    mode = "ro" if read_only else "rwc"
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)) as db:
        # The functions Django gives its own connections: the integrity check evaluates the
        # tables' CHECK constraints, and some call REGEXP (``member_state__regex``).
        register_django_functions(db)
        yield db


def _contents(db: sqlite3.Connection) -> Contents:
    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    return Contents(
        terms=count("SELECT count(*) FROM plans_term"),
        revisions=count("SELECT count(*) FROM documents_revision"),
        migrations=count("SELECT count(*) FROM django_migrations"),
    )


def backup_database(output: Path) -> Contents:
    """Write a consistent copy of the live database to ``output`` (replaced if it exists).

    The copy is written beside ``output`` under another name, checked, then renamed, so
    ``output`` is never a half-written file. It is a single file (journal mode DELETE).
    """
    live = _live_database()
    if output.exists() and output.resolve() == live.resolve():
        raise BackupError(f"{output} is the database itself; name another file")
    if not output.parent.is_dir():
        raise BackupError(f"the folder {output.parent} does not exist")
    partial = output.with_name(f".{output.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with _open(live, read_only=True) as source, _open(partial) as copy:
            # One step (all pages): one read transaction, so one snapshot of the database.
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError("the copy failed its integrity check; nothing was written")
            contents = _contents(copy)
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        partial.replace(output)
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {live}: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return contents


def _known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def check_backup(path: Path) -> Contents:
    """The contents of ``path`` if it is a whole SQLite database of Comitia whose migrations
    this version knows; else ``BackupError``. ``path`` is only read."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path} is not an SQLite database")
    try:
        with _open(path, read_only=True) as db:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (it fails SQLite's integrity check)")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if "django_migrations" not in tables:
                raise BackupError(f"{path} is not a database of Comitia (no migrations)")
            applied = set(db.execute("SELECT app, name FROM django_migrations"))
            missing_apps = [app for app in COMITIA_APPS if app not in {a for a, _ in applied}]
            if missing_apps:
                raise BackupError(
                    f"{path} is not a database of Comitia (no {', '.join(missing_apps)} tables)"
                )
            unknown = sorted(applied - _known_migrations())
            if unknown:
                names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
                raise BackupError(
                    f"{path} was made by a newer version of Comitia (migrations {names} are "
                    "unknown here); restore it with that version"
                )
            return _contents(db)
    except sqlite3.Error as error:
        raise BackupError(f"cannot read {path}: {error}") from None


def pending_migrations(path: Path) -> list[str]:
    """Migrations this version has that the database at ``path`` has not applied."""
    with _open(path, read_only=True) as db:
        applied = set(db.execute("SELECT app, name FROM django_migrations"))
    return sorted(f"{app}.{name}" for app, name in _known_migrations() - applied)


def restore_database(backup: Path) -> Contents:
    """Replace the live database's contents by the backup's, in one transaction.

    ``backup`` is checked first (``check_backup``); on any refusal or failure the live
    database is as it was. Once restored, the shared cache is emptied: what it keeps is keyed
    by the terms' output versions, which the backup may hold again with other contents.
    """
    live = _live_database()
    if live.exists() and backup.resolve() == live.resolve():
        raise BackupError(f"{backup} is the database itself")
    contents = check_backup(backup)
    connections.close_all()  # this process's own connection must not hold the old pages
    try:
        with _open(backup, read_only=True) as source, _open(live) as target:
            source.backup(target)
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{live} failed its integrity check after the restore")
    except sqlite3.Error as error:
        raise BackupError(f"cannot restore into {live}: {error}") from None
    cache.clear()
    return contents
