"""Reminders of reports go through a real SMTP server, once each."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.message import Message

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from comitia.web.plans import models as m
from comitia.web.reports.models import Contact, Delegation, Reminder, Submission

from .smtp import smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail(model_term: m.Term) -> Iterator[list[Message]]:
    with (
        smtp_server() as (port, messages),
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            COMITIA_EMAIL_CONFIGURED=True,
        ),
    ):
        yield messages


@pytest.fixture
def contacts(model_term: m.Term) -> None:
    for state in ("BR", "MX", "PE"):
        Contact.objects.create(
            state=state, name=f"Contact {state}", email=f"{state.lower()}@example.org"
        )
    Contact.objects.create(
        state="PE", topic="mecs-liste", name="Expert PE", email="mecs.pe@example.org"
    )
    Delegation.objects.create(state="MX", language="es")
    Submission.objects.create(
        obligation=m.ReportingObligation.objects.get(term=model_term, key="mecs-liste"),
        state="BR",
        cycle=2020,
        received=dt.date(2020, 2, 20),
    )


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def _subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_a_run_sends_one_message_per_owing_state_with_a_contact(
    mail: list[Message], contacts: None
) -> None:
    output = _run("--today", "2020-03-01")
    assert sorted(message["X-Envelope-To"] for message in mail) == [
        "mecs.pe@example.org, pe@example.org",
        "mx@example.org",
    ]  # Brazil sent its list already; the other states have no contact
    assert "2 reminder(s) sent" in output
    assert Reminder.objects.count() == 2


def test_a_reminder_is_in_the_language_the_delegation_chose(
    mail: list[Message], contacts: None
) -> None:
    _run("--today", "2020-03-01")
    mexico = next(message for message in mail if message["To"] == "mx@example.org")
    assert "15 de marzo de 2020" in _subject(mexico)
    body = mexico.get_payload(decode=True).decode()
    assert "México" in body and "http://www.oas.org/MFCS/" in body
    assert _subject(mexico).startswith("Informe")


def test_a_second_run_sends_nothing(mail: list[Message], contacts: None) -> None:
    _run("--today", "2020-03-01")
    assert "0 reminder(s) sent" in _run("--today", "2020-03-01")
    assert len(mail) == 2


def test_a_run_catches_up_the_reminders_of_the_last_seven_days(
    mail: list[Message], contacts: None
) -> None:
    _run("--today", "2020-03-08")
    assert len(mail) == 2
    assert "0 reminder(s) sent" in _run("--today", "2020-03-09")


def test_the_day_after_the_due_date_an_overdue_reminder_goes(
    mail: list[Message], contacts: None
) -> None:
    _run("--today", "2020-03-16")
    peru = next(message for message in mail if message["To"].endswith("pe@example.org"))
    assert " ".join(_subject(peru).split()).startswith("Report overdue since March 15, 2020")
    assert {r.kind for r in Reminder.objects.all()} == {"overdue"}


def test_a_dry_run_lists_and_sends_nothing(mail: list[Message], contacts: None) -> None:
    output = _run("--today", "2020-03-01", "--dry-run")
    assert "would send: MX mecs-liste 2020" in output
    assert "2 reminder(s) would be sent" in output
    assert mail == [] and not Reminder.objects.exists()


def test_nothing_is_recorded_when_the_mail_server_is_down(contacts: None) -> None:
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=1,
            COMITIA_EMAIL_CONFIGURED=True,
        ),
        pytest.raises(CommandError, match="sending failed"),
    ):
        _run("--today", "2020-03-01")
    assert not Reminder.objects.exists()
