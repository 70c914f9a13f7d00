"""Setting up Django for the benchmarks that go through the database or the web stack."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def migrated_database() -> Path | None:
    """Set Django up on a fresh SQLite file (or on DATABASE_URL when set), migrate it, and
    print which database it is. Returns the SQLite file, or None for DATABASE_URL."""
    work = Path(tempfile.mkdtemp())
    database = None
    if "DATABASE_URL" not in os.environ:
        database = work / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("COMITIA_ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("COMITIA_STATIC_ROOT", str(work / "static"))
    (work / "static").mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comitia.web.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL']})")
    return database
