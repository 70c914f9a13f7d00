"""The demonstration's reports: try the matrix and the reminders at once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from comitia.plan import OAS_MEMBER_STATES
from comitia.web.plans import models as m
from comitia.web.reports.demo import load_demo_reports
from comitia.web.reports.models import Contact, Reminder

from .smtp import smtp_server

pytestmark = pytest.mark.django_db
PARTIES = Path(__file__).resolve().parents[3] / "examples" / "states-parties-illustrative.yaml"


def test_the_demo_gives_every_state_an_example_contact_at_example_org(model_term: m.Term) -> None:
    load_demo_reports(model_term, PARTIES)
    contacts = Contact.objects.all()
    assert sorted(c.state for c in contacts) == sorted(OAS_MEMBER_STATES)
    assert all(c.example and c.email.endswith("@example.org") for c in contacts)
    convention = m.Convention.objects.get(term=model_term, key="citaac")
    assert convention.illustrative and "PE" in convention.states_parties


def test_loading_the_demo_again_replaces_its_examples(model_term: m.Term) -> None:
    load_demo_reports(model_term, PARTIES)
    load_demo_reports(model_term, PARTIES)
    assert Contact.objects.count() == len(OAS_MEMBER_STATES)


def test_on_the_demo_the_1_march_run_reminds_each_state_that_has_not_sent_the_list(
    model_term: m.Term,
) -> None:
    load_demo_reports(model_term, PARTIES)
    with (
        smtp_server() as (port, messages),
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            COMITIA_EMAIL_CONFIGURED=True,
        ),
    ):
        call_command("send_reminders", "--today", "2020-03-01", stdout=io.StringIO())
        first = len(messages)
        call_command("send_reminders", "--today", "2020-03-01", stdout=io.StringIO())
    reminded = sorted(
        message["To"].split("@")[0].removeprefix("reports.").upper() for message in messages
    )
    assert first == len(messages) == 32  # 35 states, 3 of which sent the list in February
    assert reminded == sorted(set(OAS_MEMBER_STATES) - {"AR", "CA", "CL"})
    assert {r.obligation.key for r in Reminder.objects.all()} == {"mecs-liste"}
