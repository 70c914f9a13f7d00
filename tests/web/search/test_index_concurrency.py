"""Two searches at once after a write, on PostgreSQL: one brings the index up to date, the
other waits for it, and each entry is there once.

Each thread has its own database connection; the test commits for real
(``transaction=True``).
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from comitia.web.search import index
from comitia.web.search.models import IndexedRow, IndexedTerm, SearchEntry
from tests.web.publishing import store_published
from tests.web.search.test_search import MODEL_PLAN

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent searches need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 4


def test_two_searches_at_once_after_a_write_leave_one_entry_per_key() -> None:
    term = store_published(read_plan(MODEL_PLAN))
    index.current(term)
    meetings = list(m.Meeting.objects.filter(term=term).order_by("date"))
    for round_ in range(ROUNDS):
        meeting = meetings[round_]
        meeting.title = {"en": f"Concurrent round {round_}"}
        meeting.save()  # its own transaction: the term's version raised and committed
        barrier = threading.Barrier(2)
        found: list[set[str]] = []
        errors: list[BaseException] = []
        query = f"concurrent round {round_}"

        def work(
            barrier: threading.Barrier,
            query: str,
            found: list[set[str]],
            errors: list[BaseException],
        ) -> None:
            try:
                barrier.wait()
                hits = index.search(None, query, "en")
                found.append({hit.key for hit in hits.get("meeting", [])})
            except BaseException as error:
                errors.append(error)
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=work, args=(barrier, query, found, errors)) for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert found == [{meeting.key}, {meeting.key}]
        keys = Counter(SearchEntry.objects.filter(term=term).values_list("kind", "key"))
        assert keys and max(keys.values()) == 1
        rows = Counter(IndexedRow.objects.filter(term=term).values_list("source", "source_row"))
        assert rows and max(rows.values()) == 1
        version = m.Term.objects.get(pk=term.pk).output_version
        assert IndexedTerm.objects.get(term=term).version == version
    # As a whole remake makes them.
    entries = set(SearchEntry.objects.filter(term=term).values_list("kind", "key", "folded"))
    IndexedRow.objects.filter(term=term).delete()
    IndexedTerm.objects.filter(term=term).delete()
    index.current(term)
    assert (
        set(SearchEntry.objects.filter(term=term).values_list("kind", "key", "folded")) == entries
    )
