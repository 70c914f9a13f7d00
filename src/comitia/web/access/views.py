"""The sign-in page (throttled), publishing (levels of terms, meetings, documents) and the
readable history of an object."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.web.documents.models import Revision
from comitia.web.plans.models import Meeting, PlanDocument, Visibility

from . import throttle
from .audit import changed_fields
from .models import AuditRecord
from .operations import (
    publish_plan,
    set_document_visibility,
    set_meeting_visibility,
    set_revision_visibility,
    set_term_visibility,
)
from .versions import StaleVersion


class LoginView(auth_views.LoginView):
    """Django's login view, refusing a user name and address after repeated failures."""

    template_name = "access/login.html"
    next_page = "/"

    def _who(self) -> tuple[str, str]:
        username = self.request.POST.get("username", "")
        return username, throttle.client_address(self.request)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username, address = self._who()
        if throttle.blocked(username, address):
            form = self.get_form()
            form.errors.clear()
            context = self.get_context_data(form=form) | {
                "throttled": _("Too many failed sign-ins. Wait a few minutes and try again.")
            }
            return self.render_to_response(context, status=429)
        response: HttpResponse = super().post(request, *args, **kwargs)
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        throttle.failed(*self._who())
        response: HttpResponse = super().form_invalid(form)
        return response

    def form_valid(self, form: Any) -> HttpResponse:
        throttle.succeeded(*self._who())
        response: HttpResponse = super().form_valid(form)
        return response


def _level(request: HttpRequest) -> Visibility:
    """The level asked for: ``visibility`` (or, as before, ``published=1`` / ``0``)."""
    value = request.POST.get("visibility")
    if value is None and "published" in request.POST:
        value = Visibility.PUBLIC if request.POST["published"] == "1" else Visibility.DRAFT
    if value not in Visibility.values:
        raise Http404(_("No such level of visibility."))
    return Visibility(value)


def _based_on(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _changed(request: HttpRequest, level: Visibility) -> None:
    messages.success(request, _("Now: %(level)s.") % {"level": level.label})


def _stale(request: HttpRequest, error: StaleVersion) -> None:
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
    level = _level(request)
    try:
        if request.POST.get("with_contents") == "1":
            publish_plan(term, request.user, level)
        else:
            set_term_visibility(term, level, request.user, based_on=_based_on(request))
    except StaleVersion as error:
        _stale(request, error)
    else:
        _changed(request, level)
    return redirect("term", slug)


@require_POST
def meeting_visibility(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """Set one meeting to draft, shared with member states or public."""
    meeting = get_object_or_404(Meeting.objects.select_related("term"), term__slug=slug, key=key)
    level = _level(request)
    try:
        set_meeting_visibility(meeting, level, request.user, based_on=_based_on(request))
    except StaleVersion as error:
        _stale(request, error)
    else:
        _changed(request, level)
    return redirect("calendar:meeting", slug, key)


@require_POST
def document_visibility(request: HttpRequest, slug: str) -> HttpResponse:
    """Set the current plan document (or, with ``revision``, an approved revision) to draft,
    shared with member states or public."""
    level = _level(request)
    number = request.POST.get("revision", "")
    try:
        if number.isdigit():
            revision = get_object_or_404(Revision, term_slug=slug, number=int(number))
            set_revision_visibility(revision, level, request.user)
        else:
            document = get_object_or_404(
                PlanDocument.objects.select_related("term"), term__slug=slug
            )
            set_document_visibility(document, level, request.user, based_on=_based_on(request))
    except StaleVersion as error:
        _stale(request, error)
    else:
        _changed(request, level)
    return redirect("documents:plan", slug)


@require_safe
def history(request: HttpRequest, slug: str, object_type: str, object_id: str) -> HttpResponse:
    """Every recorded change of one object of a term, oldest first, with what changed."""
    records = AuditRecord.objects.filter(
        term_slug=slug, object_type=object_type, object_id=object_id
    ).order_by("at", "pk")
    rows = [
        {
            "record": r,
            "changes": [
                {
                    "field": name,
                    "before": (r.before or {}).get(name),
                    "after": (r.after or {}).get(name),
                }
                for name in changed_fields(r.before, r.after)
            ],
        }
        for r in records
    ]
    context = {
        "term": getattr(request, "comitia_term", None),
        "object_type": object_type,
        "object_id": object_id,
        "rows": rows,
    }
    return render(request, "access/history.html", context)
