"""Many writers at once on PostgreSQL: no edit is lost and a revision is approved once.

Each thread has its own database connection; the tests commit for real (``transaction=True``).
The figures are printed (run with ``-s``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, connections

from comitia.web.access.models import AuditRecord
from comitia.web.calendar import operations
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import (
    ApprovalConflict,
    approve_revision,
    next_revision_number,
)
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, save_plan
from tests.factories import build_plan

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 8
ATTEMPTS = 5


def _run(threads: int, work: Callable[[int], None]) -> None:
    def target(i: int) -> None:
        try:
            work(i)
        finally:
            connections.close_all()

    running = [threading.Thread(target=target, args=(i,)) for i in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()


def test_concurrent_edits_of_one_meeting_lose_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from django.contrib.auth.models import User

    term = save_plan(build_plan(3))
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    user = User.objects.create_user("secretariat", password="x")
    start_version = meeting.version
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def work(i: int) -> None:
        for attempt in range(ATTEMPTS):
            mine = m.Meeting.objects.get(pk=meeting.pk)
            barrier.wait()
            try:
                operations.update_meeting(
                    mine, {"venue": f"room {i}-{attempt}"}, "en", user, version=mine.version
                )
                result = "accepted"
            except operations.EditConflict:
                result = "conflict"
            with lock:
                outcomes[result] += 1

    _run(THREADS, work)
    final = m.Meeting.objects.get(pk=meeting.pk)
    records = AuditRecord.objects.filter(object_type="meeting", object_id=meeting.key).count()
    with capsys.disabled():
        print(
            f"\nmeeting edits: {THREADS * ATTEMPTS} attempts, {outcomes['accepted']} accepted, "
            f"{outcomes['conflict']} conflicts, version {start_version} -> {final.version}, "
            f"{records} audit records"
        )
    assert outcomes["accepted"] + outcomes["conflict"] == THREADS * ATTEMPTS
    assert outcomes["accepted"] == final.version - start_version
    assert outcomes["accepted"] >= ATTEMPTS  # at least one writer wins each round
    assert outcomes["conflict"] > 0
    assert records == outcomes["accepted"]
    last = AuditRecord.objects.filter(object_id=meeting.key).order_by("-pk").first()
    assert last is not None and (last.after or {})["venue"] == final.venue


def test_concurrent_approvals_of_one_revision_approve_it_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    term = save_plan(build_plan(3))
    number = next_revision_number(term.slug, load_plan(term))
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def work(i: int) -> None:
        barrier.wait()
        try:
            approve_revision(
                term,
                symbol=f"X rev. 1 ({i})",
                approved_on=dt.date(2019, 11, 7),
                override_reason="test plan",
                number=number,
            )
            result = "approved"
        except ApprovalConflict:
            result = "conflict"
        with lock:
            outcomes[result] += 1

    _run(THREADS, work)
    revisions = Revision.objects.filter(term_slug=term.slug).count()
    records = AuditRecord.objects.filter(action="approve").count()
    with capsys.disabled():
        print(
            f"\napprovals: {THREADS} at once, {outcomes['approved']} approved, "
            f"{outcomes['conflict']} conflicts, {revisions} revision, {records} audit record"
        )
    assert outcomes == Counter(approved=1, conflict=THREADS - 1)
    assert revisions == 1 and records == 1
