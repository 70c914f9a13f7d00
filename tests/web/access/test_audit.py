"""The audit trail: every change through the operations is recorded, readable and immutable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client

from comitia.web.access.models import AuditRecord, ImmutableRecord
from comitia.web.calendar import operations
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import approve_revision
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan, set_publication

from .conftest import make_user

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


def _meeting(term: m.Term) -> m.Meeting:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    return meeting


def test_editing_a_meeting_records_who_when_before_and_after(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    meeting = _meeting(here)
    operations.update_meeting(meeting, {"venue": "Salón Rubén Darío"}, "es", user)
    record = AuditRecord.objects.get(action="edit")
    assert record.username == "secretariat" and record.user == user
    assert record.object_type == "meeting" and record.object_id == meeting.key
    assert record.term_slug == here.slug
    assert (record.before or {})["venue"] != (record.after or {})["venue"]
    assert (record.after or {})["venue"]["es"] == "Salón Rubén Darío"
    assert (record.after or {})["version"] == (record.before or {})["version"] + 1


def test_every_calendar_operation_leaves_a_record(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    meeting = _meeting(here)
    operations.move_meeting(meeting, meeting.date + dt.timedelta(days=1), "room", user)
    operations.cancel_meeting(meeting, user, reason="no quorum (illustrative)")
    node = m.AgendaNode.objects.filter(meeting=meeting).order_by("depth", "position").first()
    assert node is not None
    operations.reorder_agenda(node, 1, user)
    operations.delete_agenda_item(node, user)
    actions = list(AuditRecord.objects.values_list("action", flat=True))
    assert actions == ["move", "cancel", "reorder", "delete"]
    assert AuditRecord.objects.get(action="delete").after is None


def test_an_approval_is_recorded(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    user = make_user("bureau", here, elsewhere)
    approve_revision(
        here,
        symbol="X rev. 1",
        approved_on=dt.date(2019, 11, 7),
        user=user,
        override_reason="test plan",
    )
    record = AuditRecord.objects.get(action="approve")
    assert record.object_type == "revision" and record.username == "bureau"


def test_the_history_page_shows_each_change_to_the_secretariat_only(
    terms: tuple[m.Term, m.Term], client: Client
) -> None:
    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    meeting = _meeting(here)
    operations.update_meeting(meeting, {"venue": "Sala Simón Bolívar"}, "es", user)
    url = f"/terms/{here.slug}/history/meeting/{meeting.key}/"
    # A draft term is hidden: as if it did not exist; once published, sign in or be refused.
    assert client.get(url).status_code == 404
    publish_plan(here, None)
    assert client.get(url).status_code == 302
    client.force_login(User.objects.create_user("delegate", password="x"))
    assert client.get(url).status_code == 403
    set_publication(here, False, None)
    assert client.get(url).status_code == 404
    assert user is not None
    client.force_login(user)
    page = client.get(url).content.decode()
    # Who changed what, in words: the field by its form's name, never the internal one.
    assert "Sala Simón Bolívar" in page and "secretariat" in page
    assert "<code>venue</code>" not in page


def test_an_audit_record_cannot_be_changed_or_deleted_through_the_application(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    operations.cancel_meeting(
        _meeting(here), make_user("secretariat", here, elsewhere), reason="no quorum"
    )
    record = AuditRecord.objects.get()
    record.action = "nothing happened"
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()


@on_postgresql
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE access_auditrecord SET action = 'nothing happened'",
        "DELETE FROM access_auditrecord",
        "UPDATE documents_revision SET symbol = 'forged'",
        "UPDATE documents_revision SET symbol = 'forged', visibility = 'public'",
        "DELETE FROM documents_revision",
    ],
)
def test_postgresql_refuses_to_change_audit_records_and_revisions(
    terms: tuple[m.Term, m.Term], statement: str
) -> None:
    here, elsewhere = terms
    user = make_user("bureau", here, elsewhere)
    approve_revision(
        here,
        symbol="X rev. 1",
        approved_on=dt.date(2019, 11, 7),
        user=user,
        override_reason="test plan",
    )
    with (
        pytest.raises(DatabaseError, match="written once"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert Revision.objects.get().symbol == "X rev. 1"
    assert AuditRecord.objects.get().action == "approve"


def test_a_user_with_a_history_is_deactivated_not_deleted(terms: tuple[m.Term, m.Term]) -> None:
    from django.db.models import ProtectedError

    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    assert user is not None
    operations.cancel_meeting(_meeting(here), user, reason="no quorum")
    with pytest.raises(ProtectedError):
        user.delete()
    assert AuditRecord.objects.get().user == user


@on_postgresql
def test_postgresql_lets_a_revision_be_published(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    approve_revision(
        here,
        symbol="X rev. 1",
        approved_on=dt.date(2019, 11, 7),
        user=make_user("bureau", here, elsewhere),
        override_reason="test plan",
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE documents_revision SET visibility = 'public'")
    assert Revision.objects.get().visibility == "public"
