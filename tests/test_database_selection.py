"""``--database-tests-only`` (the PostgreSQL run) keeps exactly the tests that may touch the
database."""

from __future__ import annotations

import pytest

from tests.selection import repeated_on_postgresql, uses_database


def test_a_test_with_a_database_fixture_is_kept(db: None, request: pytest.FixtureRequest) -> None:
    assert uses_database(request.node)


@pytest.mark.django_db
def test_a_test_marked_for_the_database_is_kept(request: pytest.FixtureRequest) -> None:
    assert uses_database(request.node)


def test_a_test_without_the_database_is_left_out(request: pytest.FixtureRequest) -> None:
    assert not uses_database(request.node)


@pytest.mark.dialect_free
def test_a_database_test_marked_dialect_free_is_left_to_sqlite(
    db: None, request: pytest.FixtureRequest
) -> None:
    assert uses_database(request.node)
    assert not repeated_on_postgresql(request.node)


def test_a_database_test_is_repeated_on_postgresql(
    db: None, request: pytest.FixtureRequest
) -> None:
    assert repeated_on_postgresql(request.node)
