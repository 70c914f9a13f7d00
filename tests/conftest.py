"""Settings every test shares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from tests.selection import repeated_on_postgresql

# Hypothesis fails an example slower than 200 ms by default: a timing test, which a loaded CI
# machine (two workers on two cores, PostgreSQL beside them) fails at random. Slowness is
# measured in benchmarks/; examples are still as many.
hypothesis_settings.register_profile("comitia", deadline=None)
hypothesis_settings.load_profile("comitia")

# Tests create and sign in users by the hundred; Argon2 as deployed costs about 0.3 s of CPU per
# hash (100 MiB, two passes), which made hashing alone a large part of the suite. MD5 is Django's
# own advice for tests; tests/web/access/test_security.py checks the deployed hashers apart.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def _collected_static_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Give WhiteNoise an existing (empty) STATIC_ROOT, as `comitia serve` would after
    collectstatic; in tests static files are found through the finders instead."""
    from django.conf import settings

    root: Path = tmp_path_factory.mktemp("staticfiles")
    settings.STATIC_ROOT = str(root)


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing() -> Iterator[None]:
    """Hash test users' passwords with a cheap hasher (override_settings also empties Django's
    cache of hashers)."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


# The deployed default is a file cache shared by the machine's processes (settings.py); tests
# keep each process's cache in its memory, so that workers and runs never see each other's.
# tests/web/test_shared_cache.py runs the cache's users against Redis apart.
TEST_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "comitia-tests",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}


@pytest.fixture(autouse=True, scope="session")
def _cache_in_memory() -> Iterator[None]:
    with override_settings(CACHES=TEST_CACHES):
        yield


# Tests print a document in the request that asks for it (django-tasks' immediate backend), and
# only what they ask for: printing every document of a plan at each change is for the worker.
# tests/web/documents/test_printing.py runs the queue, the print-ahead and a real worker.
IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "printing"],
    }
}


@pytest.fixture(autouse=True, scope="session")
def _printing_in_the_request() -> Iterator[None]:
    with override_settings(TASKS=IMMEDIATE_TASKS, COMITIA_PRINT_AHEAD=False):
        yield


@pytest.fixture(autouse=True)
def _no_kept_plans() -> Iterator[None]:
    """Each test starts with no plan kept in the process: a database emptied between tests may
    give a new term the primary key and output version of an old one."""
    from comitia.web.plans.kept_plans import forget

    forget()
    yield
    forget()


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """Leave the default language active after each test. A test client request leaves the
    language its ``Accept-Language`` chose active in the thread (Django's LocaleMiddleware does
    not restore it), and messages built later in the same worker would be in that language."""
    yield
    from django.utils import translation

    translation.deactivate()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that use the database (the PostgreSQL run: the others do "
        "not depend on the database and have run on SQLite already)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("database_tests_only"):
        return
    kept = [item for item in items if repeated_on_postgresql(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
