"""Coverage (COV): mandates no meeting addresses, Charter reports, reminders of reports."""

from __future__ import annotations

from collections.abc import Iterator

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.plan import Frequency, Mandate, MandateGroup, MeetingStatus


def _addressed(context: Context, mandate: Mandate) -> bool:
    return any(
        placed.meeting.status is not MeetingStatus.CANCELLED
        for placed in context.citing_nodes.get(mandate.id, [])
    )


def _is_charter_report(mandate: Mandate) -> bool:
    return mandate.group is MandateGroup.CHARTER and mandate.body is not None


@rule("COV001", Severity.WARNING)
def mandate_not_addressed(context: Context) -> Iterator[Hit]:
    """A mandate that no (not cancelled) meeting's agenda cites; Charter reports: COV002."""
    for mandate in context.plan.mandates:
        if not _is_charter_report(mandate) and not _addressed(context, mandate):
            yield Hit({"title": mandate.title}, (), (ObjectRef(ObjectKind.MANDATE, mandate.id),))


@rule("COV002", Severity.ERROR)
def charter_report_not_presented(context: Context) -> Iterator[Hit]:
    """An annual report due under the Charter (a Charter mandate naming a body) with no meeting."""
    for mandate in context.plan.mandates:
        if _is_charter_report(mandate) and not _addressed(context, mandate):
            body = context.plan.body(mandate.body) if mandate.body else None
            yield Hit(
                {
                    "body": (body.acronym or body.name) if body else mandate.title,
                    "source": mandate.source,
                    "article": mandate.article or "",
                },
                (),
                (ObjectRef(ObjectKind.MANDATE, mandate.id),),
            )


# Obligations open to states at any time, which a reminder repeats without a date.
_OPEN_ENDED = (Frequency.VOLUNTARY, Frequency.STANDING)


@rule("COV003", Severity.WARNING)
def obligation_without_reminder(context: Context) -> Iterator[Hit]:
    """A reporting obligation that gives no date to remind states of.

    A yearly obligation is reminded of by its due date; a voluntary or standing one is open at
    any time. A biennial obligation has no due date in the plan model, so nothing says when to
    remind states of it.
    """
    for obligation in context.plan.obligations:
        if obligation.due is None and obligation.frequency not in _OPEN_ENDED:
            yield Hit(
                {"title": obligation.title, "frequency": obligation.frequency},
                (),
                (ObjectRef(ObjectKind.OBLIGATION, obligation.id),),
            )
