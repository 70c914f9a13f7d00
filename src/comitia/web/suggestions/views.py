"""The proposals page of a meeting: delegations propose and withdraw, the secretariat decides.

Who may reach each view is the route's declared policy (``comitia.web.access.routes``); what a
user sees of the proposals is narrowed here: a delegation sees only its own state's.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.web.access.policy import Action, may, member_state
from comitia.web.plans import models as m
from comitia.web.publication.visibility import may_see_meeting

from . import operations
from .forms import ProposalForm, WindowForm
from .models import Proposal, ProposalWindow


def _meeting(request: HttpRequest, slug: str, key: str) -> m.Meeting:
    """The meeting, if the user may see it (404 otherwise, as for a meeting that does not
    exist: a delegation cannot propose on, or learn of, a draft meeting)."""
    meeting = get_object_or_404(m.Meeting.objects.select_related("term"), term__slug=slug, key=key)
    if not may_see_meeting(request.user, meeting):
        raise Http404(_("No meeting has that name."))
    return meeting


def _page(
    request: HttpRequest, meeting: m.Meeting, form: ProposalForm | None = None, status: int = 200
) -> HttpResponse:
    term = meeting.term
    state = member_state(request.user)
    deciding = may(request.user, Action.EDIT_CALENDAR, term)
    proposals = Proposal.objects.filter(meeting=meeting)
    if not may(request.user, Action.VIEW_DRAFT, term):
        proposals = proposals.filter(member_state=state or "--")
    window = ProposalWindow.objects.filter(meeting=meeting).first()
    is_open = window is not None and timezone.now() < window.closes_at
    can_propose = bool(state) and is_open and may(request.user, Action.PROPOSE, term)
    context: dict[str, Any] = {
        "term": term,
        "meeting": meeting,
        "window": window,
        "is_open": is_open,
        "member_state": state,
        "proposals": list(proposals),
        "can_propose": can_propose,
        "can_decide": deciding,
        "form": form or (ProposalForm(initial={"token": uuid.uuid4()}) if can_propose else None),
        "window_form": WindowForm(initial={"closes_at": window.closes_at if window else None})
        if deciding
        else None,
    }
    return render(request, "suggestions/meeting.html", context, status=status)


def _back(meeting: m.Meeting) -> HttpResponse:
    return redirect(reverse("suggestions:meeting", args=[meeting.term.slug, meeting.key]))


@require_safe
def meeting_proposals(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    return _page(request, _meeting(request, slug, key))


@require_POST
def propose(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    meeting = _meeting(request, slug, key)
    state = member_state(request.user)
    if not state:
        raise PermissionDenied
    form = ProposalForm(request.POST)
    if not form.is_valid():
        return _page(request, meeting, form, status=400)
    try:
        operations.propose(
            meeting, state, form.cleaned_data, request.user, token=form.cleaned_data["token"]
        )
    except operations.ProposalError:
        messages.error(request, _("Proposals for this meeting are closed."))
        return _page(request, meeting, form, status=409)
    messages.success(request, _("Your proposal was sent to the secretariat."))
    return _back(meeting)


@require_POST
def withdraw(request: HttpRequest, slug: str, key: str, proposal_id: int) -> HttpResponse:
    meeting = _meeting(request, slug, key)
    # Another state's proposal is not there for this delegation.
    state = member_state(request.user) or ""
    proposal = get_object_or_404(Proposal, meeting=meeting, pk=proposal_id, member_state=state)
    try:
        operations.withdraw(proposal, state, request.user)
    except operations.ProposalError:
        messages.error(request, _("This proposal can no longer be withdrawn."))
    else:
        messages.success(request, _("Your proposal was withdrawn."))
    return _back(meeting)


@require_POST
def decide(request: HttpRequest, slug: str, key: str, proposal_id: int) -> HttpResponse:
    meeting = _meeting(request, slug, key)
    proposal = get_object_or_404(Proposal, meeting=meeting, pk=proposal_id)
    try:
        if request.POST.get("decision") == "accept":
            operations.accept(proposal, request.user)
            messages.success(request, _("The proposal was added to the draft agenda."))
        else:
            operations.decline(proposal, request.POST.get("reason", ""), request.user)
            messages.success(request, _("The proposal was declined."))
    except operations.ProposalError as error:
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": error})
    return _back(meeting)


@require_POST
def window(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    meeting = _meeting(request, slug, key)
    form = WindowForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for e in form.errors.get("closes_at", [])] or [
            _("Give the date and time when proposals close.")
        ]
        messages.error(
            request, _("The deadline was not set: %(reason)s") % {"reason": " ".join(errors)}
        )
        return _back(meeting)
    try:
        operations.set_window(meeting, form.cleaned_data["closes_at"], request.user)
    except operations.ProposalError as error:
        messages.error(request, _("The deadline was not set: %(reason)s") % {"reason": error})
    else:
        messages.success(request, _("The deadline for proposals was set."))
    return _back(meeting)
