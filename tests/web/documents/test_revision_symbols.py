"""A term has one revision per number and per symbol, the symbol compared with its spacing,
case and hyphen normalised; a second approval of a symbol is a conflict wherever it is sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from comitia.web.access.models import AuditRecord
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import ApprovalConflict, approve_revision
from comitia.web.plans.models import Term

DAY = dt.date(2019, 11, 7)


def _revision(slug: str, number: int, symbol: str) -> Revision:
    return Revision.objects.create(
        term_slug=slug, number=number, symbol=symbol, approved_on=DAY, plan_json="{}"
    )


@pytest.mark.django_db
def test_the_database_refuses_a_second_revision_of_a_term_with_the_same_symbol() -> None:
    _revision("csh-2019-2020", 4, "CP/CSH-1933/19 rev. 4")
    for variant in ("CP/CSH-1933/19 rev. 4", "CP/CSH 1933/19  Rev.4", "cp/csh-1933/19\u00a0rev. 4"):
        with pytest.raises(IntegrityError), transaction.atomic():
            _revision("csh-2019-2020", 5, variant)
    # Another term may use it, and the term another symbol; the original spelling is kept.
    _revision("csh-2020-2021", 4, "CP/CSH-1933/19 rev. 4")
    kept = _revision("csh-2019-2020", 5, "CP/CSH-1933/19  rev. 5")
    assert Revision.objects.get(pk=kept.pk).symbol == "CP/CSH-1933/19  rev. 5"


@pytest.mark.django_db
def test_the_database_refuses_a_second_revision_of_a_term_with_the_same_number() -> None:
    _revision("csh-2019-2020", 4, "CP/CSH-1933/19 rev. 4")
    with pytest.raises(IntegrityError), transaction.atomic():
        _revision("csh-2019-2020", 4, "CP/CSH-1933/19 rev. 5")


def test_approving_a_symbol_already_approved_is_a_conflict_that_writes_nothing(
    term: Term,
) -> None:
    first = approve_revision(term, symbol="X rev. 4", approved_on=DAY, override_reason="test")
    records = AuditRecord.objects.count()
    with pytest.raises(ApprovalConflict, match=r"'X rev\. 4' is already the symbol of revision"):
        approve_revision(term, symbol="x  REV.4", approved_on=DAY, override_reason="test")
    assert list(Revision.objects.all()) == [first]
    assert AuditRecord.objects.count() == records


def test_the_form_answers_a_conflict_to_a_second_approval_of_the_suggested_symbol(
    client: Client, term: Term
) -> None:
    user = User.objects.create_user("chair", password="x")
    user.user_permissions.add(Permission.objects.get(codename="approve_revision"))
    client.force_login(user)
    # Two sessions opened the form at the same time: the same symbol, no revision number.
    data = {"symbol": "X rev. 1", "date": "2019-11-07", "override_reason": "test"}
    assert client.post(f"/terms/{term.slug}/document/approve/", data).status_code == 302
    second = client.post(f"/terms/{term.slug}/document/approve/", data)
    assert second.status_code == 409
    assert "already approved" in second.content.decode()
    assert Revision.objects.count() == 1


def test_the_command_refuses_a_symbol_already_approved(term: Term) -> None:
    options = {"symbol": "X rev. 1", "date": "2019-11-07", "override_reason": "test"}
    call_command("approve_revision", term.slug, **options)
    with pytest.raises(
        CommandError, match=r"already the symbol of revision 3 .*nothing was recorded"
    ):
        call_command("approve_revision", term.slug, **options)
    assert Revision.objects.count() == 1


BEFORE = [("documents", "0002_revision_visibility")]


@pytest.mark.django_db(transaction=True)
def test_revisions_that_shared_a_symbol_before_the_rule_are_kept_and_the_first_holds_it() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("documents", "Revision")
        for number, symbol in ((4, "X rev. 4"), (5, "X  rev. 4"), (6, "X rev. 4"), (7, "X rev. 7")):
            old.objects.create(
                term_slug="a-1", number=number, symbol=symbol, approved_on=DAY, plan_json="{}"
            )
        MigrationExecutor(connection).migrate(latest)
        keys = dict(Revision.objects.values_list("number", "symbol_key"))
        assert keys == {4: "XREV.4", 5: None, 6: None, 7: "XREV.7"}
        with pytest.raises(IntegrityError), transaction.atomic():
            _revision("a-1", 8, "X rev. 4")
    finally:
        MigrationExecutor(connection).migrate(latest)


@pytest.mark.parametrize("number", ["²", "٣", "x", "-1", "99999999999999999999999"])
def test_a_revision_number_that_is_no_plain_whole_number_is_refused_as_bad_input(
    client: Client, term: Term, number: str
) -> None:
    # str.isdigit() holds for "²" and "٣", which int() refuses: the form answered 500.
    user = User.objects.create_user("chair", password="x")
    user.user_permissions.add(Permission.objects.get(codename="approve_revision"))
    client.force_login(user)
    data = {"symbol": "X rev. 1", "date": "2019-11-07", "override_reason": "t", "number": number}
    answer = client.post(f"/terms/{term.slug}/document/approve/", data)
    assert answer.status_code == 400
    assert Revision.objects.count() == 0
