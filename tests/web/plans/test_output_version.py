"""The term's output version: raised in the same transaction by every write to what its
outputs show, once per transaction, never by a write rolled back; a delegation's own rows
raise the delegation's counter instead."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models, transaction
from django.test import Client
from django.urls import reverse

from comitia.plan.files import read_plan
from comitia.web.calendar import operations
from comitia.web.calendar.models import DelegationVersion
from comitia.web.documents.operations import approve_revision
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans import outputs
from comitia.web.plans.convert import load_plan, save_plan
from comitia.web.plans.output_version import raise_output_version
from comitia.web.publication.operations import publish_plan, set_meeting_visibility
from comitia.web.suggestions import operations as suggestions
from tests.web.publishing import store_published

pytestmark = pytest.mark.django_db

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"


def _paths_to_term(model: type[models.Model]) -> bool:
    """Whether ``model`` reaches Term through its foreign keys (or is Term)."""
    seen: set[type[models.Model]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current is m.Term:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo += [
            f.related_model
            for f in current._meta.get_fields()
            if f.concrete and f.is_relation and (f.many_to_one or f.one_to_one)
        ]
    return False


def test_every_model_with_a_path_to_a_term_raises_a_version_or_says_why_not() -> None:
    listed = set(outputs.TERM_ROWS) | set(outputs.DELEGATION_ROWS) | set(outputs.EXEMPT)
    missing = [
        model._meta.label
        for model in apps.get_models()
        if _paths_to_term(model) and model._meta.label not in listed
    ]
    assert missing == []
    assert all(apps.get_model(label) for label in listed)  # no stale name
    assert all(reason.strip() for reason in outputs.EXEMPT.values())


@pytest.fixture
def term() -> m.Term:
    return store_published(read_plan(MODEL_PLAN))


@pytest.fixture
def staff() -> User:
    return User.objects.create_user("secretariat", is_staff=True)


def _version(term: m.Term) -> int:
    return m.Term.objects.values_list("output_version", flat=True).get(pk=term.pk)


def _delegation(term: m.Term, state: str) -> int | None:
    row = DelegationVersion.objects.filter(term=term, state=state).first()
    return None if row is None else row.version


def _raises(term: m.Term, write: Callable[[], Any]) -> None:
    """``write`` raises the term's version, in its own transaction: rolled back, it does not."""
    before = _version(term)
    with transaction.atomic():
        write()
        assert _version(term) > before  # in the same transaction
        transaction.set_rollback(True)
    assert _version(term) == before
    write()
    assert _version(term) > before


def _meeting(term: m.Term, key: str = "csh-2019-10-24") -> m.Meeting:
    return m.Meeting.objects.select_related("term").get(term=term, key=key)


def test_creating_a_meeting_raises_the_version(term: m.Term, staff: User) -> None:
    fields = {"date": dt.date(2019, 11, 7), "start": dt.time(9), "end": dt.time(10)}
    _raises(term, lambda: operations.create_meeting(term, fields, "fr", staff))


def test_moving_a_meeting_raises_the_version(term: m.Term, staff: User) -> None:
    _raises(
        term,
        lambda: operations.move_meeting(
            _meeting(term), dt.date(2019, 12, 6), "salle", staff, lang="fr"
        ),
    )


def test_saving_and_deleting_agenda_items_raise_the_version(term: m.Term, staff: User) -> None:
    fields = {"kind": "item", "title": "Point", "documents": [], "presenters": [], "mandate": None}
    _raises(term, lambda: operations.save_agenda_item(_meeting(term), None, fields, "fr", staff))
    _raises(
        term,
        lambda: operations.delete_agenda_item(
            m.AgendaNode.objects.filter(term=term).latest("pk"), staff
        ),
    )


def test_saving_an_activity_raises_the_version(term: m.Term, staff: User) -> None:
    fields = {"title": "Activité", "when": "2020-02-03"}
    _raises(term, lambda: operations.save_activity(term, None, fields, "fr", staff))


def test_a_row_saved_or_deleted_directly_raises_the_version(term: m.Term) -> None:
    # As the admin, a script or a shell does: the row's signals raise it.
    def rename() -> None:
        body = m.Body.objects.get(term=term, key="dtoc")
        body.name = {"fr": "Renommé"}
        body.save()

    _raises(term, rename)
    _raises(term, lambda: m.PreviousDate.objects.filter(meeting__term=term).first().delete())


def test_deleting_in_the_admin_raises_the_version(term: m.Term) -> None:
    admin = Client()
    admin.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    activity = m.Activity.objects.filter(term=term).latest("pk")
    before = _version(term)
    url = reverse("admin:plans_activity_delete", args=[activity.pk])
    assert admin.post(url, {"post": "yes"}).status_code == 302
    assert _version(term) == before + 1


def test_publication_raises_the_version(term: m.Term) -> None:
    _raises(term, lambda: set_meeting_visibility(_meeting(term), Visibility.DRAFT, None))
    _raises(term, lambda: publish_plan(term, None, Visibility.MEMBER_STATES))


def test_approving_a_revision_raises_the_version(term: m.Term) -> None:
    _raises(
        term,
        lambda: approve_revision(
            term,
            symbol="CP/CSH-1933/19 rev. 3",
            approved_on=dt.date(2020, 1, 9),
            override_reason="essai",
        ),
    )


def test_loading_a_plan_in_place_of_a_term_gives_another_version(term: m.Term) -> None:
    before = (term.pk, _version(term))
    again = save_plan(load_plan(term), replace=True)
    assert (again.pk, _version(again)) != before


def test_a_bulk_write_raises_the_version_when_it_says_so(term: m.Term) -> None:
    def bulk() -> None:
        m.Meeting.objects.filter(term=term).update(provisional=True)  # sends no signal
        raise_output_version(term.pk)

    _raises(term, bulk)


def test_the_version_is_raised_once_per_block_and_again_after_a_savepoint_rolled_back(
    term: m.Term,
) -> None:
    before = _version(term)
    with transaction.atomic():
        try:
            with transaction.atomic():
                raise_output_version(term.pk)
                raise RuntimeError
        except RuntimeError:
            pass
        assert _version(term) == before
        raise_output_version(term.pk)
        raise_output_version(term.pk)
    assert _version(term) == before + 1


def test_a_proposal_raises_its_delegations_counter_and_not_the_terms(
    term: m.Term, staff: User
) -> None:
    meeting = _meeting(term)
    suggestions.set_window(meeting, dt.datetime(2099, 1, 1, tzinfo=dt.UTC), staff)
    before = _version(term)
    proposal = suggestions.propose(
        meeting, "PE", {"kind": "topic", "topic": "Un sujet"}, None, token=uuid.uuid4()
    )
    assert _version(term) == before
    first = _delegation(term, "PE")
    assert first is not None and _delegation(term, "CA") is None
    # Accepted, it changes the calendar: the term's version moves too.
    suggestions.accept(proposal, staff, "fr")
    assert _version(term) > before
    assert (_delegation(term, "PE") or 0) > first
