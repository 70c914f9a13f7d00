"""Two secretariat members issue the draft's next revision at once, on PostgreSQL: one
revision is issued, the other request is a conflict; the trigger keeps issued rows as they are.

Each thread has its own database connection; the test commits for real
(``transaction=True``).
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import DatabaseError, connection, connections, transaction

from comitia.web.negotiation import revisions
from comitia.web.negotiation.models import DraftRevision
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


def test_two_issues_of_the_same_revision_at_once_make_one_revision() -> None:
    term = save_plan(negotiation_plan())
    draft = m.Resolution.objects.select_related("term").get(term=term, key="draft-2020")
    barrier = threading.Barrier(2)
    results: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            mine = m.Resolution.objects.select_related("term").get(pk=draft.pk)
            barrier.wait()
            try:
                revisions.issue_revision(mine, None, issued_on=dt.date(2020, 5, 14), number=4)
                result = "issued"
            except revisions.RevisionConflict:
                result = "conflict"
            with lock:
                results.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict", "issued"]
    assert list(DraftRevision.objects.values_list("number", flat=True)) == [4]
    assert m.Resolution.objects.get(pk=draft.pk).revision == 4
    with pytest.raises(DatabaseError), transaction.atomic():
        DraftRevision.objects.update(symbol="changed")
    assert DraftRevision.objects.get().symbol == "CP/CSH-2020/20 rev. 4"
