"""Proposing, withdrawing, accepting and declining; each writes one audit record.

Every change of a proposal's status is a conditional UPDATE from ``submitted``: of two clicks
or two secretaries at once, one wins and the other gets ``ProposalError``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comitia.web.access import audit
from comitia.web.calendar import operations as calendar
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_for

from .models import Proposal, ProposalWindow


class ProposalError(Exception):
    """The proposal cannot be made or changed; the message says why."""


def is_open(meeting: m.Meeting, now: dt.datetime | None = None) -> bool:
    window = ProposalWindow.objects.filter(meeting=meeting).first()
    return window is not None and (now or timezone.now()) < window.closes_at


def set_window(
    meeting: m.Meeting, closes_at: dt.datetime, user: Any, *, now: dt.datetime | None = None
) -> ProposalWindow:
    """Set when proposals for ``meeting`` close. A time not after ``now`` (the present unless
    given) is refused with ProposalError: a deadline already past would open nothing."""
    if closes_at <= (now or timezone.now()):
        raise ProposalError(_("the deadline for proposals must be in the future"))
    with transaction.atomic():
        before = audit.snapshot(ProposalWindow.objects.filter(meeting=meeting).first())
        window, _created = ProposalWindow.objects.update_or_create(
            meeting=meeting, defaults={"closes_at": closes_at}
        )
        audit.record(
            user,
            "set deadline",
            window,
            before=before,
            after=audit.snapshot(window),
            term_slug=meeting.term.slug,
        )
    return window


def propose(
    meeting: m.Meeting,
    member_state: str,
    fields: dict[str, Any],
    user: Any,
    *,
    token: uuid.UUID,
    now: dt.datetime | None = None,
) -> Proposal:
    """A delegation's proposal; the same ``token`` sent again returns the first proposal."""
    existing = Proposal.objects.filter(token=token).first()
    if existing is not None:
        return existing
    if not is_open(meeting, now):
        raise ProposalError("proposals for this meeting are closed")
    with transaction.atomic():
        proposal, created = Proposal.objects.get_or_create(
            token=token,
            defaults={
                "meeting": meeting,
                "member_state": member_state,
                "kind": fields["kind"],
                "topic": fields["topic"].strip(),
                "name": fields.get("name", "").strip(),
                "affiliation": fields.get("affiliation", "").strip(),
                "submitted_by": user,
            },
        )
        if created:
            audit.record(
                user,
                "propose",
                proposal,
                before=None,
                after=audit.snapshot(proposal),
                term_slug=meeting.term.slug,
            )
    return proposal


def _decide(proposal: Proposal, user: Any, action: str, **changes: Any) -> Proposal:
    before = audit.snapshot(proposal)
    rows = Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.SUBMITTED)
    if "member_state" in changes:
        rows = rows.filter(member_state=changes.pop("member_state"))
    if rows.update(**changes) != 1:
        raise ProposalError("this proposal was already withdrawn or decided")
    proposal.refresh_from_db()
    audit.record(
        user,
        action,
        proposal,
        before=before,
        after=audit.snapshot(proposal),
        term_slug=proposal.meeting.term.slug,
    )
    return proposal


def withdraw(proposal: Proposal, member_state: str, user: Any) -> Proposal:
    """The delegation takes back its own proposal, while it is not decided."""
    with transaction.atomic():
        return _decide(
            proposal, user, "withdraw", member_state=member_state, status=Proposal.Status.WITHDRAWN
        )


def decline(proposal: Proposal, reason: str, user: Any) -> Proposal:
    if not reason.strip():
        raise ProposalError("give the reason for declining")
    with transaction.atomic():
        return _decide(
            proposal, user, "decline", status=Proposal.Status.DECLINED, reason=reason.strip()
        )


def accept(proposal: Proposal, user: Any, lang: str = "en") -> Proposal:
    """Accept the proposal: it becomes an item at the end of the meeting's draft agenda."""
    with transaction.atomic():
        _decide(proposal, user, "accept", status=Proposal.Status.ACCEPTED)
        node = calendar.save_agenda_item(
            proposal.meeting, None, {"kind": "item", "title": proposal.agenda_title()}, lang, user
        )
        Proposal.objects.filter(pk=proposal.pk).update(agenda_node=node)
        proposal.agenda_node = node
        raise_for(proposal)
    return proposal
