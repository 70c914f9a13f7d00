"""The secretariat assigns a paragraph's lead delegations; a lead delegation records an
informal consultation's outcome. Both are forms on the draft's page, posted one paragraph at
a time, and answer with the page again (PRG), or with the page and what went wrong.

Who may post is the route's policy (``comitia.web.access.routes``); that the delegation leads
the paragraph is checked here and by the operation.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from comitia.web.access.policy import member_state
from comitia.web.home.overview import display_language
from comitia.web.plans import models as m

from . import consultations
from .forms import ConsultationForm, LeadsForm
from .views import _back, _page, _resolution, leads_choices


def _paragraph(stored: m.Resolution, paragraph_id: int) -> m.Paragraph:
    return get_object_or_404(
        m.Paragraph.objects.select_related("resolution__term"),
        resolution=stored,
        pk=paragraph_id,
    )


@require_POST
def assign_leads(
    request: HttpRequest, slug: str, resolution: str, paragraph_id: int
) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    paragraph = _paragraph(stored, paragraph_id)
    lang = display_language(get_language() or "en")
    form = LeadsForm(request.POST, choices=leads_choices(lang))
    if not form.is_valid():
        messages.error(request, _("Choose member states from the list."))
        return _back(stored, paragraph.number)
    try:
        consultations.assign_leads(
            paragraph,
            form.cleaned_data["leads"],
            request.user,
            based_on=form.cleaned_data["was"].split(),
        )
    except consultations.LeadsConflict as conflict:
        return _page(
            request,
            stored,
            status=409,
            extra={
                "leads_conflict": conflict,
                "leads_conflict_for": paragraph.pk,
                "leads_for": paragraph.pk,
            },
        )
    except consultations.ConsultationError as error:
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": error})
    else:
        messages.success(
            request,
            _("The lead delegations of paragraph %(number)s were saved.")
            % {"number": paragraph.number},
        )
    return _back(stored, paragraph.number)


@require_POST
def consult(request: HttpRequest, slug: str, resolution: str, paragraph_id: int) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    paragraph = _paragraph(stored, paragraph_id)
    state = member_state(request.user)
    if not state or state not in (paragraph.leads or []):
        raise PermissionDenied
    form = ConsultationForm(request.POST)
    failed = {"consult_form": form, "consult_form_for": paragraph.pk}
    if not form.is_valid():
        return _page(request, stored, status=400, extra=failed)
    # One token per page, made one per paragraph: each of the page's forms records once.
    token = uuid.uuid5(form.cleaned_data["token"], f"consultation-{paragraph.pk}")
    try:
        consultations.record_consultation(
            paragraph, state, form.cleaned_data, request.user, token=token
        )
    except consultations.ConsultationConflict as conflict:
        return _page(
            request,
            stored,
            status=409,
            extra={**failed, "consult_conflict": conflict},
        )
    except consultations.ConsultationError as error:
        return _page(request, stored, status=400, extra={**failed, "consult_error": str(error)})
    messages.success(
        request,
        _("The consultation on paragraph %(number)s was recorded.") % {"number": paragraph.number},
    )
    return _back(stored, paragraph.number)
