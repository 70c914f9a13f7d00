"""Two amendments to one paragraph incorporated at once, on PostgreSQL: one wins, the other
is a conflict, and no text is lost.

Each thread has its own database connection; the test commits for real
(``transaction=True``).
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter

import pytest
from django.db import connection, connections

from comitia.web.negotiation import operations
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan

from .conftest import negotiation_plan

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 5


def test_two_amendments_incorporated_at_once_one_wins_and_the_other_conflicts() -> None:
    term = save_plan(negotiation_plan())
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=term, resolution__key="draft-2020", number="3 bis"
    )
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    for round_ in range(ROUNDS):
        paragraph.refresh_from_db()
        texts = [f"Encourage ROUND-{round_}-STATE-{state}" for state in ("BR", "MX")]
        amendments = [
            operations.propose_amendment(
                paragraph,
                state,
                {"kind": "reword", "language": "en", "text": text, "justification": "Why"},
                None,
                token=uuid.uuid4(),
            )
            for state, text in zip(("BR", "MX"), texts, strict=True)
        ]
        barrier = threading.Barrier(2)
        results: dict[int, str] = {}

        def work(amendment: Amendment, barrier: threading.Barrier, results: dict[int, str]) -> None:
            try:
                mine = Amendment.objects.select_related("paragraph__resolution__term").get(
                    pk=amendment.pk
                )
                barrier.wait()
                try:
                    operations.incorporate_amendment(mine, None)
                    result = "incorporated"
                except operations.AmendmentConflict:
                    result = "conflict"
                with lock:
                    results[amendment.pk] = result
                    outcomes[result] += 1
            finally:
                connections.close_all()

        threads = [threading.Thread(target=work, args=(a, barrier, results)) for a in amendments]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results.values()) == ["conflict", "incorporated"]
        winner = next(a for a in amendments if results[a.pk] == "incorporated")
        loser = next(a for a in amendments if results[a.pk] == "conflict")
        paragraph.refresh_from_db()
        assert paragraph.text is not None and paragraph.text["en"] == winner.text
        assert paragraph.version == round_ + 2
        # The loser is kept, undecided, with its text: nothing is lost.
        loser.refresh_from_db()
        assert loser.status == Amendment.Status.SUBMITTED
        assert {winner.text, loser.text} == set(texts)
    assert outcomes == Counter(incorporated=ROUNDS, conflict=ROUNDS)
