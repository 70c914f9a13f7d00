"""Benchmark: the draft resolution's page and its dashboard, for a draft of 200 paragraphs with
300 amendments and a status history, as the secretariat and as a delegation.

Run on demand (``.venv/bin/python benchmarks/bench_negotiation.py``); it prints figures beside
a reference measured in the same run and never fails on a slow machine. Fresh SQLite file
unless DATABASE_URL is set. Target (issue 17): each page under 100 ms on the model machine,
with a number of queries that does not grow with the draft: the queries are printed for the
full draft and for one of 50 paragraphs and 75 amendments (the test
``tests/web/negotiation/test_dashboard.py`` holds the same without timing). Each figure is
the median of REPEAT requests through the whole Django stack (the test client), after one
untimed request, and again with the term's output version raised before each request (as any
write raises it), so that no plan kept for the term's version serves it. The draft page's
paragraphs are kept by what they are made of (``comitia.web.negotiation.fragments``): a
raise of the version alone leaves them as they were, and they serve in both columns.

The draft is the illustrative one of ``bench_resolution`` (four languages, pending passages,
leads, statuses) in the model plan, whose formal review is May 2020: every paragraph has a
status change at one of its meetings; amendments are one in four shared, one in five decided.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
REPEAT = 15
STATES = ("BR", "MX", "CO", "CL", "AR", "US")


def _store(paragraphs: int, amendments: int) -> Any:
    """The model plan with the benchmark's draft of ``paragraphs`` paragraphs, stored in a
    fresh term (any earlier one deleted), with ``amendments`` amendments and a history."""
    from bench_resolution import plan_with_resolution

    from comitia.web.negotiation import operations
    from comitia.web.negotiation.models import ParagraphEvent
    from comitia.web.plans import models as m
    from comitia.web.plans.convert import save_plan
    from comitia.web.publication.operations import set_term_visibility

    m.Term.objects.all().delete()
    term = save_plan(plan_with_resolution(paragraphs))
    set_term_visibility(term, "member_states", None)
    draft = m.Resolution.objects.select_related("term").get(term=term, key="bench-draft")
    m.Resolution.objects.filter(pk=draft.pk).update(visibility="member_states")
    rows = list(m.Paragraph.objects.select_related("resolution__term").filter(resolution=draft))
    for n in range(amendments):
        made = operations.propose_amendment(
            rows[n % len(rows)],
            STATES[n % len(STATES)],
            {
                "kind": "reword",
                "language": "en",
                "text": f"To request the General Secretariat, amendment {n} (illustrative);",
                "justification": "Clearer wording (illustrative).",
            },
            None,
            token=uuid.uuid4(),
        )
        if n % 4 == 0:
            operations.share_amendment(made, None)
        if n % 5 == 1:
            operations.record_outcome(made, "not_retained", None)
    may = list(m.Meeting.objects.filter(term=term, date__month=5).order_by("date"))
    ParagraphEvent.objects.bulk_create(
        ParagraphEvent(
            paragraph=row,
            from_status="informal_consultations",
            to_status=row.status or "",
            meeting=may[i % len(may)] if may else None,
        )
        for i, row in enumerate(rows)
        if row.status not in {None, "", "informal_consultations"}
    )
    return draft


def main() -> None:
    migrated_database()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from comitia.web.access.models import Membership, Role
    from comitia.web.plans.output_version import raise_output_version

    print_reference()
    staff = User.objects.create_user("secretariat")
    Membership.objects.create(user=staff, role=Role.SECRETARIAT)
    brazil = User.objects.create_user("brazil")
    Membership.objects.create(user=brazil, role=Role.DELEGATION, member_state="BR")
    clients = {}
    for name, user in (("secretariat", staff), ("delegation BR", brazil)):
        clients[name] = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
        clients[name].force_login(user)

    def pages(draft: Any) -> dict[str, str]:
        args = [draft.term.slug, draft.key]
        return {
            "draft page": reverse("negotiation:draft", args=args),
            "dashboard": reverse("negotiation:dashboard", args=args),
            "dashboard API": reverse("api:resolution_dashboard", args=args),
        }

    def queries(client: Any, url: str, term_id: int) -> int:
        # Counted after a change, so that the plan is read too (a kept one needs one query).
        raise_output_version(term_id)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = _store(50, 75)
    few = {
        (who, name): queries(client, url, small.term_id)
        for who, client in clients.items()
        for name, url in pages(small).items()
    }
    draft = _store(200, 300)
    print("draft: 200 paragraphs, 300 amendments (illustrative); target: each page < 100 ms")
    print("ms: the median request; after a change: each request follows a raise of the term's")
    print("output version (what any write does), so no plan kept for the term serves it (the")
    print("paragraphs printed before are kept by what they are made of, and serve)")
    print(
        f"{'reader':<16}{'page':<16}{'ms':>8}{'after a change':>16}{'queries':>9}{'at 50/75':>10}"
    )
    for who, client in clients.items():
        for name, url in pages(draft).items():
            client.get(url)

            def fresh(client: Any = client, url: str = url) -> Any:
                raise_output_version(draft.term_id)  # no kept answer: render each time
                return client.get(url)

            ms, answer = median_ms(lambda client=client, url=url: client.get(url), REPEAT)
            changed, answer = median_ms(fresh, REPEAT)
            assert answer.status_code == 200
            count = queries(client, url, draft.term_id)
            print(f"{who:<16}{name:<16}{ms:>8.1f}{changed:>16.1f}{count:>9}{few[(who, name)]:>10}")


if __name__ == "__main__":
    main()
