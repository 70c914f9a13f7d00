"""Coverage (COV): mandates no meeting addresses, Charter reports, reminders of reports."""

from __future__ import annotations

from collections.abc import Iterator

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.checks.messages import BodyName
from comitia.plan import Frequency, Mandate, MandateGroup, MeetingStatus, Parties


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
                    "body": (
                        BodyName(body.acronym or body.name, body.name)
                        if body
                        else BodyName(mandate.title, mandate.title)
                    ),
                    "source": mandate.source,
                    "article": mandate.article or "",
                },
                (),
                (ObjectRef(ObjectKind.MANDATE, mandate.id),),
            )


@rule("COV003", Severity.WARNING)
def obligation_without_reminder(context: Context) -> Iterator[Hit]:
    """A reporting obligation that gives no date to remind states of.

    A yearly obligation is reminded of by its due date; a voluntary or standing one is open at
    any time; a biennial one falls due every other year from its reference year, so one
    without a reference year gives no year to remind states of.
    """
    for obligation in context.plan.obligations:
        if obligation.frequency is Frequency.BIENNIAL and obligation.reference_year is None:
            yield Hit(
                {"title": obligation.title, "frequency": obligation.frequency},
                (),
                (ObjectRef(ObjectKind.OBLIGATION, obligation.id),),
            )


@rule("COV004", Severity.WARNING)
def states_parties_unknown(context: Context) -> Iterator[Hit]:
    """An obligation of the states parties to a convention whose list of states parties is not
    recorded (no convention named, or one without a list): no state is known to owe it."""
    conventions = {c.id: c for c in context.plan.conventions}
    for obligation in context.plan.obligations:
        if obligation.parties is not Parties.STATES_PARTIES:
            continue
        convention = conventions.get(obligation.convention or "")
        if convention is None or convention.states_parties is None:
            yield Hit(
                {"title": obligation.title},
                (),
                (ObjectRef(ObjectKind.OBLIGATION, obligation.id),),
            )
