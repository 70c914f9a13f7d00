"""Benchmark: the pages that show a whole term (home, the plan document, the calendar's list by
month) on the model plan and on the 1,044-event plan of bench_calendar, as the public and as
the secretariat read them.

Run on demand (``.venv/bin/python benchmarks/bench_pages.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set. Requests go
through the whole Django stack (middleware, access policy, templates) with the test client, one
at a time; each figure is the median of REPEAT requests after one untimed request (the document
page's first request builds the document, later ones find it kept). Issue 14: these pages read
the rows they show with a fixed number of queries instead of rebuilding and validating the whole
plan at each request.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.bench_calendar import over_years  # noqa: E402
from benchmarks.bench_plan import MODEL_PLAN  # noqa: E402

REPEAT = 20


def main() -> None:
    database = migrated_database()
    from django.contrib.auth.models import User
    from django.core import signals
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from comitia.plan.files import read_plan
    from comitia.web.access.models import Membership, Role
    from comitia.web.plans.convert import save_plan
    from comitia.web.publication.operations import publish_plan

    print_reference()
    staff = User.objects.create_user("secretariat", is_staff=True)
    Membership.objects.create(user=staff, role=Role.SECRETARIAT)
    public = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    secretariat = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    secretariat.force_login(staff)

    def queries(client: Client, url: str) -> int:
        # Counted with one connection kept open (as the tests do); timed as served, where
        # SQLite connects again for each request.
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)
        assert response.status_code == 200, (url, response.status_code)
        return len(captured)

    model = read_plan(MODEL_PLAN)
    print(f"{'plan':<8}{'events':>7}{'page':>16}{'reader':>13}{'median ms':>11}{'queries':>9}")
    for label, plan in (("model", model), ("large", over_years(model, 18))):
        term = save_plan(plan, replace=True)
        publish_plan(term, None)
        events = len(plan.meetings) + len(plan.activities)
        pages = [
            ("home", f"/terms/{term.slug}/"),
            ("document", f"/terms/{term.slug}/document/"),
            ("list by month", f"/calendar/{term.slug}/"),
        ]
        for page, url in pages:
            for reader, client in (("public", public), ("secretariat", secretariat)):
                count = queries(client, url)
                ms, _ = median_ms(lambda client=client, url=url: _ok(client.get(url)), REPEAT)
                print(f"{label:<8}{events:>7}{page:>16}{reader:>13}{ms:>11.1f}{count:>9}")
    if database is not None:
        print(f"(SQLite file {database})")


def _ok(response: Any) -> Any:
    assert response.status_code == 200, response.status_code
    return response


if __name__ == "__main__":
    main()
