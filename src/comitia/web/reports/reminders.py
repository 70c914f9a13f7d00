"""Reminders of reports by e-mail: who is owed one today, and sending each once.

For every obligation of a term shared with member states and every cycle whose due date falls
within the term, ``comitia.plan.reporting.reminders_to_send`` gives the reminders of today and
of the 7 days before (a run missed is caught up). A state is reminded if it owes the report,
has not sent it, and has a point of contact for the obligation (or for every report); one
message per state goes to all of them, in the language its delegation chose. Each reminder sent
is recorded (``Reminder``, unique): a second run sends nothing again, and a message that fails
to go is not recorded, so the next run tries again.

The planning reads a fixed number of queries whatever the number of states and obligations.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from comitia.plan import OAS_MEMBER_STATES, Text, state_name
from comitia.plan.reporting import Cycle, ReminderKind, reminders_to_send
from comitia.web.levels import Visibility, seen_at
from comitia.web.local_dates import local_date
from comitia.web.plans import models as m
from comitia.web.publication.visibility import term_visibility, with_visibility

from .models import ALL_REPORTS, Contact, Delegation, Reminder, Submission

CATCH_UP_DAYS = 7


@dataclass(frozen=True)
class Planned:
    """A reminder to send: to ``state``'s ``recipients`` about cycle ``cycle`` of
    ``obligation``, due on ``deadline``."""

    obligation: m.ReportingObligation
    state: str
    cycle: int
    day: dt.date
    kind: ReminderKind
    deadline: dt.date
    recipients: tuple[str, ...]
    language: str


def planned_reminders(today: dt.date, catch_up: int = CATCH_UP_DAYS) -> list[Planned]:
    """The reminders owed on ``today`` (and the ``catch_up`` days before) not sent yet."""
    terms = [
        term
        for term in with_visibility(m.Term.objects.all())
        if seen_at(term_visibility(term), Visibility.MEMBER_STATES)
    ]
    obligations = m.ReportingObligation.objects.filter(term__in=terms).select_related(
        "convention", "term"
    )
    due: list[tuple[m.ReportingObligation, Cycle, int, dt.date, ReminderKind, dt.date]] = []
    for obligation in obligations:
        cycle = Cycle.of(
            obligation, obligation.convention.states_parties if obligation.convention else None
        )
        term = obligation.term
        for reminder in reminders_to_send(cycle, today, catch_up):
            if term.start <= reminder.deadline <= term.end:
                due.append(
                    (
                        obligation,
                        cycle,
                        reminder.year,
                        reminder.day,
                        reminder.kind,
                        reminder.deadline,
                    )
                )
    if not due:
        return []
    ids = {o.pk for o, *_ in due}
    cycles = {year for _o, _c, year, *_ in due}
    received = set(
        Submission.objects.filter(obligation_id__in=ids, cycle__in=cycles).values_list(
            "obligation_id", "state", "cycle"
        )
    )
    for obligation_id, state, day, year in m.Submission.objects.filter(
        obligation_id__in=ids
    ).values_list("obligation_id", "state", "date", "cycle"):
        received.add((obligation_id, state, year if year is not None else day.year))
    sent = set(
        Reminder.objects.filter(obligation_id__in=ids, cycle__in=cycles).values_list(
            "obligation_id", "state", "cycle", "day", "kind"
        )
    )
    contacts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for state, topic, email in Contact.objects.values_list("state", "topic", "email"):
        contacts[(state, topic)].append(email)
    languages = dict(Delegation.objects.values_list("state", "language"))
    planned = []
    for obligation, cycle, year, day, kind, deadline in due:
        for state in OAS_MEMBER_STATES:
            if not cycle.owed_by(state) or (obligation.pk, state, year) in received:
                continue
            if (obligation.pk, state, year, day, kind.value) in sent:
                continue
            recipients = contacts[(state, obligation.key)] + contacts[(state, ALL_REPORTS)]
            if not recipients:
                continue
            planned.append(
                Planned(
                    obligation,
                    state,
                    year,
                    day,
                    kind,
                    deadline,
                    tuple(dict.fromkeys(recipients)),
                    languages.get(state, "en"),
                )
            )
    return sorted(planned, key=lambda p: (p.day, p.obligation.pk, p.state))


def _texts(obligation: m.ReportingObligation, lang: str) -> tuple[str, list[str]]:
    """The obligation's title and request in ``lang`` (or their original language)."""
    title = Text.model_validate(obligation.title).get(lang)[0]
    return title, [Text.model_validate(r).get(lang)[0] for r in obligation.request]


def message(
    planned: Planned, texts: dict[tuple[int, str], tuple[str, list[str]]] | None = None
) -> EmailMessage:
    """The e-mail of one reminder, in its delegation's language; ``texts`` keeps the
    obligations' texts per language across messages."""
    obligation = planned.obligation
    texts = {} if texts is None else texts
    key = (obligation.pk, planned.language)
    if key not in texts:
        texts[key] = _texts(obligation, planned.language)
    title, requests = texts[key]
    with override(planned.language):
        values = {
            "title": title,
            "year": planned.cycle,
            "due": local_date(planned.deadline, planned.language),
            "state": state_name(planned.state, planned.language),
        }
        if planned.kind is ReminderKind.BEFORE:
            subject = _("Report due on %(due)s: %(title)s") % values
            opening = (
                _(
                    "The report “%(title)s” for %(year)d is due on %(due)s, and the secretariat "
                    "has not received that of %(state)s yet."
                )
                % values
            )
        else:
            subject = _("Report overdue since %(due)s: %(title)s") % values
            opening = (
                _(
                    "The report “%(title)s” for %(year)d was due on %(due)s; the secretariat has "
                    "not received that of %(state)s."
                )
                % values
            )
        lines = [opening, ""]
        lines += requests
        if obligation.channel:
            lines += ["", _("How to send it: %(channel)s") % {"channel": obligation.channel}]
        lines += [
            "",
            _(
                "A delegation records its report on its state's page in Comitia, or sends it to "
                "the secretariat. If it has been sent already, please disregard this message."
            ),
        ]
    return EmailMessage(
        subject=subject,
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(planned.recipients),
    )


def send_reminders(planned: list[Planned]) -> tuple[list[Planned], OSError | None]:
    """Send each of ``planned`` once and record it; the ones sent, and the first error of
    those that failed (not recorded, so the next run tries them again). A reminder another
    run recorded meanwhile is skipped."""
    sent = []
    failure: OSError | None = None
    texts: dict[tuple[int, str], tuple[str, list[str]]] = {}
    try:
        connection = get_connection()
        connection.open()
    except OSError as error:
        return [], error
    with connection:
        for item in planned:
            email = message(item, texts)
            email.connection = connection
            try:
                with transaction.atomic():
                    Reminder.objects.create(
                        obligation=item.obligation,
                        state=item.state,
                        cycle=item.cycle,
                        day=item.day,
                        kind=item.kind.value,
                        recipients=list(item.recipients),
                    )
                    email.send()
            except IntegrityError:
                continue  # recorded by another run: sent there
            except OSError as error:  # smtplib's errors are OSErrors
                failure = failure or error
                continue
            sent.append(item)
    return sent, failure
