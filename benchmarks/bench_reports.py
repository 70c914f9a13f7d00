"""Benchmark: the reports' matrix of 35 states x 20 obligations with 10 years of submissions,
its exports and the rates over the years, and send_reminders for that size.

Run on demand (``.venv/bin/python benchmarks/bench_reports.py``); it prints figures beside a
reference measured in the same run and never fails on a slow machine. Fresh SQLite file unless
DATABASE_URL is set. The matrix goes through the whole Django stack with the test client, as
the secretariat; each figure is the median of REPEAT requests after one untimed request. The
number of queries is printed for the full data and for a tenth of it: it must not grow.
Reminders: 20 obligations whose reminders all fall within the 7 days caught up, no state has
reported, every state has a contact: 700 messages, to Django's in-memory outbox (the sending
code's own cost) and through a real SMTP server on 127.0.0.1 (aiosmtpd).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
REPEAT = 20
OBLIGATIONS = 20
YEARS = range(2011, 2021)


def _plan() -> Any:
    from comitia.plan import Plan
    from comitia.plan.files import read_plan

    data = read_plan(MODEL_PLAN).model_dump(mode="json", exclude_defaults=True)
    data["obligations"] = [
        {
            "id": f"report-{n:02}",
            "title": {"fr": f"Rapport numéro {n}", "en": f"Report number {n}"},
            "frequency": "yearly",
            # 15 to 21 March: every reminder 14 days before falls within the week caught up
            # on 7 March.
            "due": f"--03-{15 + n % 7:02}",
        }
        for n in range(OBLIGATIONS)
    ]
    data["conventions"] = []
    return Plan.model_validate(data)


def main() -> None:
    migrated_database()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from comitia.plan import OAS_MEMBER_STATES
    from comitia.web.access.models import Membership, Role
    from comitia.web.plans import models as m
    from comitia.web.plans.convert import save_plan
    from comitia.web.publication.operations import set_term_visibility
    from comitia.web.reports.models import Contact, Reminder, Submission

    print_reference()
    term = save_plan(_plan())
    set_term_visibility(term, "member_states", None)
    obligations = list(m.ReportingObligation.objects.filter(term=term))
    rows = [
        Submission(
            obligation=o,
            state=state,
            cycle=year,
            received=dt.date(year, 3, 1 + (i + j) % 28),
            symbol=f"Note {state}-{year}",
        )
        for i, o in enumerate(obligations)
        for j, state in enumerate(OAS_MEMBER_STATES)
        for year in YEARS
        if (i + j + year) % 4 and year < 2020  # three in four sent, none yet for 2020
    ]
    Submission.objects.bulk_create(rows, batch_size=2000)
    Contact.objects.bulk_create(
        Contact(state=s, name=f"Example {s}", email=f"reports.{s.lower()}@example.org")
        for s in OAS_MEMBER_STATES
    )
    print(
        f"{len(OAS_MEMBER_STATES)} states x {len(obligations)} obligations x {len(YEARS)} years:"
        f" {len(rows)} submissions"
    )
    staff = User.objects.create_user("secretariat")
    Membership.objects.create(user=staff, role=Role.SECRETARIAT)
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(staff)
    pages = {
        "matrix 2020": reverse("reports:matrix_year", args=[term.slug, 2020]),
        "matrix 2015": reverse("reports:matrix_year", args=[term.slug, 2015]),
        "matrix CSV": reverse("reports:matrix_csv", args=[term.slug, 2015]),
        "matrix XLSX": reverse("reports:matrix_xlsx", args=[term.slug, 2015]),
        "rates": reverse("reports:rates", args=[term.slug]),
    }

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    counts = {}
    for name, url in pages.items():
        client.get(url)
        ms, _ = median_ms(lambda url=url: client.get(url), REPEAT)
        counts[name] = queries(url)
        print(f"{name}: {ms:.1f} ms, {counts[name]} queries")
    kept = set(Submission.objects.values_list("pk", flat=True)[: len(rows) // 10])
    Submission.objects.exclude(pk__in=kept).delete()
    fewer = {name: queries(url) for name, url in pages.items()}
    print(f"queries with a tenth of the submissions: {fewer} (same: {fewer == counts})")
    Submission.objects.all().delete()
    Submission.objects.bulk_create(rows, batch_size=2000)

    def run(*args: str) -> str:
        out = io.StringIO()
        call_command("send_reminders", "--today", "2020-03-07", *args, stdout=out)
        return out.getvalue().splitlines()[-1]

    ms, last = median_ms(lambda: run("--dry-run"), 5)
    print(f"send_reminders --dry-run: {ms:.0f} ms ({last})")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        COMITIA_EMAIL_CONFIGURED=True,
    ):

        def send_all() -> str:
            Reminder.objects.all().delete()
            return run()

        ms, last = median_ms(send_all, 5)
        print(f"send_reminders to the in-memory outbox: {ms:.0f} ms ({last})")
        ms, last = median_ms(run, 5)
        print(f"send_reminders again (all sent): {ms:.0f} ms ({last})")
    sys.path.insert(0, str(ROOT / "tests" / "web" / "reports"))
    from smtp import smtp_server

    with (
        smtp_server() as (port, messages),
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            COMITIA_EMAIL_CONFIGURED=True,
        ),
    ):
        Reminder.objects.all().delete()
        ms, last = median_ms(run, 1)
        print(f"send_reminders through SMTP (aiosmtpd on 127.0.0.1): {ms:.0f} ms ({last})")
        assert len(messages) == len(OAS_MEMBER_STATES) * OBLIGATIONS


if __name__ == "__main__":
    main()
