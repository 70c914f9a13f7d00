"""Replacing a term keeps the records of other apps that point into it (plans.carry_over)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from comitia.plan import Body, Plan
from comitia.web.access.models import Membership, Role
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, load_plan, save_plan
from comitia.web.publication.models import Publication
from comitia.web.suggestions import operations
from comitia.web.suggestions.models import Proposal, ProposalWindow
from tests.factories import build_plan, text

pytestmark = pytest.mark.django_db


def _propose(meeting: m.Meeting, topic: str) -> Proposal:
    operations.set_window(meeting, timezone.now() + dt.timedelta(days=7), None)
    return operations.propose(
        meeting, "BR", {"kind": "topic", "topic": topic}, None, token=uuid.uuid4()
    )


def _without_meeting(plan: Plan, key: str) -> Plan:
    meetings = [x.model_dump() for x in plan.meetings if x.id != key]
    return Plan.model_validate({**plan.model_dump(), "meetings": meetings})


def test_roles_in_a_replaced_term_move_to_the_new_term_and_its_committee() -> None:
    old = save_plan(build_plan(3))
    chair = User.objects.create_user("chair")
    secretary = User.objects.create_user("secretary")
    Membership.objects.create(user=chair, role=Role.BUREAU, term=old)
    committee = m.Body.objects.get(term=old, key="csh")
    Membership.objects.create(user=secretary, role=Role.SECRETARIAT, committee=committee)

    new = save_plan(build_plan(5), replace=True)

    assert new.pk != old.pk
    assert Membership.objects.get(user=chair).term_id == new.pk
    moved = Membership.objects.get(user=secretary).committee
    assert moved is not None and moved.term_id == new.pk and moved.key == "csh"


def test_proposals_follow_their_meeting_by_key_into_the_new_plan() -> None:
    old = save_plan(build_plan(3))
    proposal = _propose(m.Meeting.objects.get(term=old, key="m1"), "Cybersecurity")

    new = save_plan(build_plan(4), replace=True)

    meeting = m.Meeting.objects.get(term=new, key="m1")
    assert Proposal.objects.get(pk=proposal.pk).meeting_id == meeting.pk
    assert ProposalWindow.objects.get().meeting_id == meeting.pk


def test_an_accepted_proposal_keeps_its_agenda_item_when_the_new_plan_has_it_too() -> None:
    plan = build_plan(3)
    old = save_plan(plan)
    proposal = _propose(m.Meeting.objects.get(term=old, key="m2"), "Cybersecurity")
    operations.accept(proposal, None, "fr")
    # The secretariat dumps the term (with the accepted item), drops another meeting and
    # loads the file again.
    edited = _without_meeting(load_plan(old), "m1")

    new = save_plan(edited, replace=True)

    node = Proposal.objects.get(pk=proposal.pk).agenda_node
    assert node is not None and node.term_id == new.pk
    assert node.meeting.key == "m2" and node.title == {"fr": "Cybersecurity"}


def test_an_accepted_proposal_loses_only_its_link_when_its_agenda_item_is_gone() -> None:
    old = save_plan(build_plan(3))
    proposal = _propose(m.Meeting.objects.get(term=old, key="m2"), "Cybersecurity")
    operations.accept(proposal, None, "fr")

    new = save_plan(build_plan(3), replace=True)  # the plan file never had the accepted item

    kept = Proposal.objects.get(pk=proposal.pk)
    assert kept.status == Proposal.Status.ACCEPTED and kept.agenda_node is None
    assert kept.meeting.term_id == new.pk


def test_a_replacement_dropping_a_meeting_with_proposals_is_refused_and_changes_nothing() -> None:
    old = save_plan(build_plan(3))
    proposal = _propose(m.Meeting.objects.get(term=old, key="m1"), "Cybersecurity")

    with pytest.raises(PlanLoadError, match=r"proposals .*: m1"):
        save_plan(_without_meeting(build_plan(3), "m1"), replace=True)

    assert m.Term.objects.get().pk == old.pk
    assert Proposal.objects.get(pk=proposal.pk).meeting.term_id == old.pk


def test_a_replacement_dropping_the_committee_a_secretary_serves_is_refused() -> None:
    plan = build_plan(3)
    extra = Body(id="cicte", name=text("Comité interaméricain contre le terrorisme"))
    old = save_plan(plan.model_copy(update={"bodies": [*plan.bodies, extra]}))
    secretary = User.objects.create_user("secretary")
    served = m.Body.objects.get(term=old, key="cicte")
    Membership.objects.create(user=secretary, role=Role.SECRETARIAT, committee=served)

    with pytest.raises(PlanLoadError, match=r"roles of users .*: cicte"):
        save_plan(plan, replace=True)

    assert Membership.objects.get(user=secretary).committee_id == served.pk


def test_a_published_term_replaced_keeps_its_publication_row_moved_to_the_new_term() -> None:
    old = save_plan(build_plan(3))
    Publication.objects.create(term=old, visibility="public")

    new = save_plan(build_plan(3), replace=True)

    assert Publication.objects.get().term_id == new.pk
