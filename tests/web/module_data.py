"""Rows written once for all the tests of a module, each test's own changes rolled back.

Building a scene (two stored plans, a user per role, levels set) and signing everyone in cost
more than many of the tests that read it; these tests only read the scene or change it inside
their own transaction. ``kept_for_module`` opens a transaction around the module: pytest-django
wraps each test of the module in a savepoint inside it (the ``db`` fixture nests its atomic
blocks), so a test's writes are undone when it ends, and the scene itself is rolled back when
the module's tests are done. Works alike on SQLite and PostgreSQL; not for
``transaction=True`` tests, which must commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import transaction

from tests.web.publishing import committed

T = TypeVar("T")


def kept_for_module(django_db_blocker: Any, build: Callable[[], T]) -> Iterator[T]:
    """Yield what ``build`` returns, its rows kept until the generator is closed; use it as
    the body of a module-scoped fixture: ``yield from kept_for_module(django_db_blocker, f)``."""
    block = transaction.atomic()
    with django_db_blocker.unblock():
        block.__enter__()
        try:
            built = build()
            # The scene is what every test of the module reads, as if committed: its outputs
            # are kept in the caches (which keep nothing a pending transaction wrote).
            committed()
        except BaseException as error:
            block.__exit__(type(error), error, error.__traceback__)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
