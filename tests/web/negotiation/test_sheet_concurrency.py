"""Two secretaries record different decisions on one paragraph from the same session sheet at
once, on PostgreSQL: one is recorded, the other is a conflict; one history entry.

Each thread has its own database connection; the test commits for real
(``transaction=True``).
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from comitia.web.negotiation.models import ParagraphEvent
from comitia.web.negotiation.sheet import SheetConflict, record_decision
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan

from .review import review_plan

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 5


def test_two_decisions_recorded_at_once_one_wins_and_the_other_conflicts() -> None:
    term = save_plan(review_plan())
    meeting = m.Meeting.objects.get(term=term, key="review-05-12")
    paragraph = m.Paragraph.objects.get(resolution__term=term, number="4")
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    for round_ in range(ROUNDS):
        m.Paragraph.objects.filter(pk=paragraph.pk).update(status="informal_consultations")
        ParagraphEvent.objects.all().delete()
        paragraph.refresh_from_db()
        barrier = threading.Barrier(2)
        results: dict[str, str] = {}

        def work(decision: str, barrier: threading.Barrier, results: dict[str, str]) -> None:
            try:
                mine = m.Paragraph.objects.select_related("resolution__term").get(pk=paragraph.pk)
                barrier.wait()
                try:
                    record_decision(
                        mine,
                        meeting,
                        decision,
                        None,
                        version=mine.version,
                        from_status="informal_consultations",
                        language="en",
                    )
                    result = "recorded"
                except SheetConflict:
                    result = "conflict"
                with lock:
                    results[decision] = result
                    outcomes[result] += 1
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=work, args=(decision, barrier, results))
            for decision in ("agreed", "withdrawn")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results.values()) == ["conflict", "recorded"], round_
        winner = next(d for d, r in results.items() if r == "recorded")
        paragraph.refresh_from_db()
        assert paragraph.status == winner
        event = ParagraphEvent.objects.get()
        assert (event.to_status, event.meeting_id) == (winner, meeting.pk)
    assert outcomes == Counter(recorded=ROUNDS, conflict=ROUNDS)
