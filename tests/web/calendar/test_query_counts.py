"""The calendar's pages read as many queries for a term of two hundred meetings as for one of
ten. Both terms are stored once for the module (see tests/web/module_data.py): the tests only
read them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.web import responses
from comitia.web.plans import models as m
from tests.factories import build_plan
from tests.web.module_data import kept_for_module
from tests.web.publishing import store_published


def _store() -> tuple[m.Term, m.Term]:
    return store_published(build_plan(10, label="small")), store_published(
        build_plan(200, label="large")
    )


@pytest.fixture(scope="module")
def small_and_large(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[tuple[m.Term, m.Term]]:
    yield from kept_for_module(django_db_blocker, _store)


def _queries(client: Client, url: str) -> int:
    # The public's state as of the shared cache's generation (the terms' versions), which the
    # kept answers read once per process and generation: read before, so not counted.
    responses._public_state()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    ["month/2019-10/", "", "month/2019-10/?area=security&kind=regular", "?body=cicte"],
)
def test_calendar_pages_take_as_many_queries_for_ten_or_two_hundred_meetings(
    small_and_large: tuple[m.Term, m.Term], db: None, client: Client, path: str
) -> None:
    small, large = small_and_large
    few = _queries(client, f"/calendar/{small.slug}/{path}")
    many = _queries(client, f"/calendar/{large.slug}/{path}")
    assert few == many
    assert many <= 8


def test_the_meeting_page_takes_a_fixed_number_of_queries(
    small_and_large: tuple[m.Term, m.Term], db: None, client: Client
) -> None:
    small, large = small_and_large
    few = _queries(client, f"/calendar/{small.slug}/meetings/m1/")
    many = _queries(client, f"/calendar/{large.slug}/meetings/m1/")
    # The term, the meeting, its earlier dates, the term's bodies (the meeting's plan names
    # them: its committee, presenters, mandates' bodies), agenda, presenters and citations;
    # the files and links of its documents, and the titles the plan gives them (resolutions,
    # the plan document).
    assert few == many == 10
