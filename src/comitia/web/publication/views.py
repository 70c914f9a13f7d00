"""Publishing: the forms that set a term's plan or one of its meetings to draft, shared with
member states or public (the documents' own are ``comitia.web.documents.views.visibility``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from comitia.web.access.versions import StaleVersion
from comitia.web.levels import Visibility
from comitia.web.plans.models import Meeting

from .operations import publish_plan, set_meeting_visibility, set_term_visibility


def requested_level(request: HttpRequest) -> Visibility:
    """The level asked for: ``visibility`` (or, as before, ``published=1`` / ``0``)."""
    value = request.POST.get("visibility")
    if value is None and "published" in request.POST:
        value = Visibility.PUBLIC if request.POST["published"] == "1" else Visibility.DRAFT
    if value not in Visibility.values:
        raise Http404(_("No such level of visibility."))
    return Visibility(value)


def based_on(request: HttpRequest) -> int | None:
    """The version of the object the form was shown with (``version``), or None."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def changed(request: HttpRequest, level: Visibility) -> None:
    """Tell the user the object is now at ``level``."""
    messages.success(request, _("Now: %(level)s.") % {"level": level.label})


def refuse_stale(request: HttpRequest, error: StaleVersion) -> None:
    """Tell the user nothing changed: someone saved the object since the form was shown."""
    messages.error(
        request,
        _("Someone changed this since you opened the page; nothing was changed. Look again."),
    )


@require_POST
def publication(request: HttpRequest, slug: str) -> HttpResponse:
    """Set the term's plan to draft, shared with member states or public; with
    ``with_contents=1``, raise its document and meetings that are below that level too."""
    term = request.comitia_term  # type: ignore[attr-defined]
    if term is None:
        raise Http404(_("No term has that name."))
    level = requested_level(request)
    try:
        if request.POST.get("with_contents") == "1":
            publish_plan(term, request.user, level)
        else:
            set_term_visibility(term, level, request.user, based_on=based_on(request))
    except StaleVersion as error:
        refuse_stale(request, error)
    else:
        changed(request, level)
    return redirect("term", slug)


@require_POST
def meeting_visibility(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """Set one meeting to draft, shared with member states or public."""
    meeting = get_object_or_404(Meeting.objects.select_related("term"), term__slug=slug, key=key)
    level = requested_level(request)
    try:
        set_meeting_visibility(meeting, level, request.user, based_on=based_on(request))
    except StaleVersion as error:
        refuse_stale(request, error)
    else:
        changed(request, level)
    return redirect("calendar:meeting", slug, key)
