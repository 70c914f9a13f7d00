"""Delegations propose topics and panelists before the deadline; the secretariat decides."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.local_dates import local_datetime
from comitia.web.plans import models as m
from comitia.web.suggestions import operations
from comitia.web.suggestions.models import Proposal, ProposalWindow
from tests.factories import build_plan
from tests.web.publishing import store_published

MARKER = "MARKER-PROPOSAL-BR-4e1b"


@pytest.fixture
def meeting(db: None) -> m.Meeting:
    term = store_published(build_plan(3))
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    return meeting


def _delegate(state: str) -> Client:
    user = User.objects.create_user(f"delegate-{state}", password="x")
    Membership.objects.create(user=user, role=Role.DELEGATION, member_state=state)
    client = Client()
    client.force_login(user)
    return client


def _secretariat() -> Client:
    user = User.objects.create_user("secretary", password="x")
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    return client


def _url(meeting: m.Meeting, tail: str = "") -> str:
    return f"/calendar/{meeting.term.slug}/meetings/{meeting.key}/proposals/{tail}"


def _open(meeting: m.Meeting, days: int = 7) -> None:
    operations.set_window(meeting, timezone.now() + dt.timedelta(days=days), None)


def _panelist(token: str, topic: str = "Cybersecurity") -> dict[str, str]:
    return {
        "token": token,
        "kind": "panelist",
        "topic": topic,
        "name": "Dr. Ana Souza",
        "affiliation": "University of Brasília",
    }


def test_a_delegation_proposes_a_panelist_once_even_when_the_form_is_sent_twice(
    meeting: m.Meeting,
) -> None:
    _open(meeting)
    brazil = _delegate("BR")
    page = brazil.get(_url(meeting)).content.decode()
    assert "does not pay panelists" in page
    token = str(uuid.uuid4())
    assert brazil.post(_url(meeting, "new/"), _panelist(token)).status_code == 302
    assert brazil.post(_url(meeting, "new/"), _panelist(token)).status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.member_state == "BR" and proposal.name == "Dr. Ana Souza"
    assert AuditRecord.objects.filter(action="propose").count() == 1


def test_a_panelist_needs_a_name_and_the_input_is_kept(meeting: m.Meeting) -> None:
    _open(meeting)
    response = _delegate("BR").post(
        _url(meeting, "new/"), _panelist(str(uuid.uuid4())) | {"name": ""}
    )
    assert response.status_code == 400
    assert "Cybersecurity" in response.content.decode()
    assert not Proposal.objects.exists()


def test_after_the_deadline_proposals_are_closed_visibly(meeting: m.Meeting) -> None:
    closed = timezone.now() - dt.timedelta(minutes=1)
    operations.set_window(meeting, closed, None, now=closed - dt.timedelta(days=7))
    brazil = _delegate("BR")
    page = brazil.get(_url(meeting)).content.decode()
    assert "Proposals are closed." in page and "Send the proposal" not in page
    response = brazil.post(_url(meeting, "new/"), _panelist(str(uuid.uuid4())))
    assert response.status_code == 409
    assert not Proposal.objects.exists()


def test_a_delegation_never_sees_another_delegations_proposals(meeting: m.Meeting) -> None:
    _open(meeting)
    brazil, argentina = _delegate("BR"), _delegate("AR")
    brazil.post(_url(meeting, "new/"), _panelist(str(uuid.uuid4()), topic=MARKER))
    assert MARKER in brazil.get(_url(meeting)).content.decode()
    proposal = Proposal.objects.get()
    for url in (
        _url(meeting),
        f"/calendar/{meeting.term.slug}/meetings/{meeting.key}/",
        f"/calendar/{meeting.term.slug}/",
        f"/calendar/{meeting.term.slug}/feed.en.ics",
        f"/terms/{meeting.term.slug}/history/proposal/{proposal.pk}/",
        f"/terms/{meeting.term.slug}/document/",
    ):
        assert MARKER not in argentina.get(url, follow=True).content.decode(), url
    # Nor can it withdraw it.
    argentina.post(_url(meeting, f"{proposal.pk}/withdraw/"))
    assert Proposal.objects.get().status == "submitted"


def test_a_delegation_withdraws_its_own_proposal(meeting: m.Meeting) -> None:
    _open(meeting)
    brazil = _delegate("BR")
    brazil.post(_url(meeting, "new/"), _panelist(str(uuid.uuid4())))
    proposal = Proposal.objects.get()
    assert brazil.post(_url(meeting, f"{proposal.pk}/withdraw/")).status_code == 302
    assert Proposal.objects.get().status == "withdrawn"


def test_the_secretariat_accepts_a_proposal_into_the_agenda_once(meeting: m.Meeting) -> None:
    _open(meeting)
    brazil = _delegate("BR")
    brazil.post(_url(meeting, "new/"), _panelist(str(uuid.uuid4())))
    proposal = Proposal.objects.get()
    secretariat = _secretariat()
    nodes = m.AgendaNode.objects.filter(meeting=meeting).count()
    for _ in range(2):
        secretariat.post(_url(meeting, f"{proposal.pk}/decide/"), {"decision": "accept"})
    assert m.AgendaNode.objects.filter(meeting=meeting).count() == nodes + 1
    node = m.AgendaNode.objects.get(pk=Proposal.objects.get().agenda_node_id)
    assert "Dr. Ana Souza" in node.title["en"]
    assert "accepted" in brazil.get(_url(meeting)).content.decode()


def test_declining_needs_a_reason_that_the_delegation_then_sees(meeting: m.Meeting) -> None:
    _open(meeting)
    brazil = _delegate("BR")
    brazil.post(_url(meeting, "new/"), _panelist(str(uuid.uuid4())))
    proposal = Proposal.objects.get()
    secretariat = _secretariat()
    secretariat.post(_url(meeting, f"{proposal.pk}/decide/"), {"decision": "decline"})
    assert Proposal.objects.get().status == "submitted"
    secretariat.post(
        _url(meeting, f"{proposal.pk}/decide/"),
        {"decision": "decline", "reason": "The agenda is full"},
    )
    assert "The agenda is full" in brazil.get(_url(meeting)).content.decode()


def test_the_meeting_page_links_to_proposals_for_delegations_only(meeting: m.Meeting) -> None:
    url = f"/calendar/{meeting.term.slug}/meetings/{meeting.key}/"
    assert "/proposals/" in _delegate("BR").get(url).content.decode()
    assert "/proposals/" not in Client().get(url).content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/suggestions/proposal/",
        "/admin/publication/publication/",
        "/admin/access/auditrecord/",
    ],
)
def test_the_admin_lists_proposals_publications_and_the_trail_read_only(
    meeting: m.Meeting, admin_client: Client, path: str
) -> None:
    _open(meeting)
    _delegate("BR").post(_url(meeting, "new/"), _panelist(str(uuid.uuid4())))
    response = admin_client.get(path)
    assert response.status_code == 200
    assert admin_client.get(path + "add/").status_code == 403


def test_a_deadline_in_the_past_is_refused_by_the_operation(meeting: m.Meeting) -> None:
    with pytest.raises(operations.ProposalError, match="future"):
        operations.set_window(meeting, timezone.now() - dt.timedelta(seconds=1), None)
    assert not ProposalWindow.objects.filter(meeting=meeting).exists()
    assert not AuditRecord.objects.filter(action="set deadline").exists()


def test_a_deadline_in_the_past_is_refused_by_the_page_with_a_clear_message(
    meeting: m.Meeting,
) -> None:
    secretariat = _secretariat()
    moment = timezone.localtime(timezone.now() - dt.timedelta(days=1))
    past = moment.strftime("%Y-%m-%dT%H:%M")
    response = secretariat.post(_url(meeting, "deadline/"), {"closes_at": past}, follow=True)
    page = response.content.decode()
    assert "The deadline was not set: The deadline must be in the future" in page
    # The moment as the reader reads it, with its time zone.
    assert escape(local_datetime(moment.replace(second=0, microsecond=0), "en")) in page
    assert not ProposalWindow.objects.filter(meeting=meeting).exists()


def test_a_deadline_in_the_future_is_set_from_the_page(meeting: m.Meeting) -> None:
    secretariat = _secretariat()
    soon = timezone.localtime(timezone.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = secretariat.post(_url(meeting, "deadline/"), {"closes_at": soon}, follow=True)
    assert "The deadline for proposals was set." in response.content.decode()
    assert ProposalWindow.objects.filter(meeting=meeting).exists()
