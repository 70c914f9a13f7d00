"""Two transactions changing a term's feed at once on PostgreSQL: a reader never misses one.

A reader that kept a feed at counter ``k`` reads the events changed with a value above ``k``.
Were a transaction to take value ``k+2`` and commit before one holding ``k+1``, a reader in
between would keep its feed at ``k+2`` and never read the event changed at ``k+1``. The
triggers' lock on the term's counter makes the second transaction wait for the first to end
before it takes its value (comitia.web.calendar.feed_triggers). Each thread has its own
connection; the tests commit for real (``transaction=True``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from comitia.web.access.operations import publish_plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from tests.factories import build_plan

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]


def _thread(work: Callable[[], None]) -> threading.Thread:
    def target() -> None:
        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def test_a_change_committed_after_a_later_one_began_is_not_missed() -> None:
    term = save_plan(build_plan(3))
    publish_plan(term, None)
    first, second, _ = m.Meeting.objects.filter(term=term).order_by("date")
    client = Client()
    url = f"/calendar/{term.slug}/feed.en.ics"

    def served() -> bytes:
        response = client.get(url)
        assert response.status_code == 200
        return response.content

    before = served()
    changed, commit = threading.Event(), threading.Event()

    def slow() -> None:
        with transaction.atomic():
            m.Meeting.objects.filter(pk=first.pk).update(title={"en": "FIRST-CHANGE"})
            changed.set()
            assert commit.wait(10)

    def quick() -> None:
        with transaction.atomic():
            m.Meeting.objects.filter(pk=second.pk).update(title={"en": "SECOND-CHANGE"})

    slow_thread = _thread(slow)
    assert changed.wait(10)
    quick_thread = _thread(quick)
    quick_thread.join(1)
    # The second transaction waits for the first: nothing of either is committed yet.
    assert quick_thread.is_alive()
    assert served() == before
    commit.set()
    slow_thread.join(10)
    quick_thread.join(10)
    after = served().decode()
    assert "FIRST-CHANGE" in after and "SECOND-CHANGE" in after
