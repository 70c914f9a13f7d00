"""Approvers sending the same form at once on PostgreSQL, without the form's revision number:
each round approves exactly one revision, with one number and one symbol; the others get the
conflict and write nothing.

Each thread has its own database connection; the test commits for real (``transaction=True``).
The figures are printed (run with ``-s``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from django.db import connection, connections

from comitia.web.access.models import AuditRecord
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import (
    ApprovalConflict,
    approve_revision,
    next_revision_number,
    suggested_symbol,
)
from comitia.web.plans.convert import load_plan, save_plan
from tests.factories import build_plan

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent approvers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

APPROVERS = 6
ROUNDS = 3


def test_approvers_at_once_without_the_number_approve_one_revision_per_round(
    capsys: pytest.CaptureFixture[str],
) -> None:
    term = save_plan(build_plan(3))
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(APPROVERS)
    first = next_revision_number(term.slug, load_plan(term))
    # Each round, every approver sends the symbol the form suggested when they opened it.
    symbols = [
        suggested_symbol(load_plan(term), first + n) or f"X rev. {first + n}" for n in range(ROUNDS)
    ]

    def work(i: int) -> None:
        try:
            for symbol in symbols:
                barrier.wait()
                try:
                    approve_revision(
                        term,
                        symbol=symbol,
                        approved_on=dt.date(2019, 11, 7),
                        override_reason="test plan",
                    )
                    result = "approved"
                except ApprovalConflict:
                    result = "conflict"
                with lock:
                    outcomes[result] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(APPROVERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    revisions = list(Revision.objects.filter(term_slug=term.slug).order_by("number"))
    records = AuditRecord.objects.filter(action="approve").count()
    with capsys.disabled():
        print(
            f"\napprovals without the number: {APPROVERS} at once x {ROUNDS} rounds, "
            f"{outcomes['approved']} approved, {outcomes['conflict']} conflicts, "
            f"{len(revisions)} revisions, {records} audit records"
        )
    assert outcomes == Counter(approved=ROUNDS, conflict=ROUNDS * (APPROVERS - 1))
    assert [(r.number, r.symbol) for r in revisions] == [
        (first + n, symbol) for n, symbol in enumerate(symbols)
    ]
    assert records == ROUNDS
