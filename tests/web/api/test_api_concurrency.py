"""Many API clients changing one meeting at once on PostgreSQL: each write names the version it
read; accepted writes equal the version increase, the others get 409, none is lost.

Each thread has its own client and database connection; the test commits for real. The figures
are printed (run with ``-s``).
"""

from __future__ import annotations

import json
import threading
from collections import Counter

import pytest
from django.db import connection, connections
from django.test import Client

from comitia.web.access.models import AuditRecord
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from comitia.web.publication.operations import publish_plan
from tests.factories import build_plan
from tests.web.access.conftest import make_user

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 6
ATTEMPTS = 4


def test_concurrent_api_changes_of_one_meeting_lose_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    here = save_plan(build_plan(3))
    elsewhere = save_plan(build_plan(2, label="2020-2021"))
    publish_plan(here, None)
    user = make_user("secretariat", here, elsewhere)
    meeting = m.Meeting.objects.filter(term=here).order_by("date").first()  # as published
    assert meeting is not None and user is not None
    url = f"/api/v1/terms/{here.slug}/meetings/{meeting.key}"
    start_version = meeting.version
    outcomes: Counter[int] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def work(i: int) -> None:
        client = Client()
        client.force_login(user)
        try:
            for attempt in range(ATTEMPTS):
                version = client.get(url).json()["version"]
                barrier.wait()
                body = {"version": version, "venue": f"room {i}-{attempt}"}
                response = client.patch(url, json.dumps(body), content_type="application/json")
                with lock:
                    outcomes[response.status_code] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final = m.Meeting.objects.get(pk=meeting.pk)
    records = AuditRecord.objects.filter(
        object_type="meeting", object_id=meeting.key, action="edit"
    ).count()
    with capsys.disabled():
        print(
            f"\nAPI meeting changes: {THREADS * ATTEMPTS} attempts, {outcomes[200]} accepted, "
            f"{outcomes[409]} conflicts, version {start_version} -> {final.version}, "
            f"{records} audit records"
        )
    assert set(outcomes) <= {200, 409}
    assert outcomes[200] + outcomes[409] == THREADS * ATTEMPTS
    assert outcomes[200] == final.version - start_version == records
    assert outcomes[200] >= ATTEMPTS and outcomes[409] > 0
