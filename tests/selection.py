"""Which tests the PostgreSQL run repeats: those that may touch the database."""

from __future__ import annotations

import pytest

# Fixtures through which a test reaches the database (every pytest-django database fixture,
# and so every fixture built on one, has them in its closure).
_DATABASE_FIXTURES = {"_django_db_helper", "django_db_setup"}


def uses_database(item: pytest.Item) -> bool:
    """Whether ``item`` may touch the database: pytest-django refuses database access to any
    test without the ``django_db`` mark or a database fixture."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("postgres"):
        return True
    return bool(_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def repeated_on_postgresql(item: pytest.Item) -> bool:
    """Whether the PostgreSQL pass runs ``item``: a test that may touch the database, unless
    marked ``dialect_free`` (it adds nothing on another dialect that its SQLite run has not
    shown: the wording of pages, or states of a table that repeat another state's queries)."""
    return uses_database(item) and item.get_closest_marker("dialect_free") is None
