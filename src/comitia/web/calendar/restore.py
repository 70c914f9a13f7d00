"""Restoring an earlier version from an object's history: the form of the history page posts
here, and the operation ``restore_version`` does it (an audited, conflict-safe change)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from comitia.web.access.middleware import requested_term
from comitia.web.access.models import AuditRecord
from comitia.web.home.overview import display_language

from . import operations


@require_POST
def restore(request: HttpRequest, slug: str, record_id: int) -> HttpResponse:
    """Put the object of the change ``record_id`` back as that change left it, then show its
    history again, saying what happened."""
    term = requested_term(request, slug)
    record = get_object_or_404(AuditRecord, pk=record_id, term_slug=term.slug)
    history = reverse("access:history", args=[slug, record.object_type, record.object_id])
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Nothing was restored: please say why you restore it."))
        return redirect(history)
    sent = request.POST.get("version", "")
    try:
        operations.restore_version(
            term,
            record,
            reason,
            request.user,
            lang=display_language(get_language() or "en"),
            version=int(sent) if sent.isdigit() else None,
        )
    except operations.EditConflict:
        messages.error(
            request,
            _(
                "Nothing was restored: someone changed it after you opened this page. "
                "Its newest change is now first below; choose again."
            ),
        )
    except operations.OperationError as error:
        messages.error(request, _("Nothing was restored: %(reason)s") % {"reason": error})
    else:
        messages.success(
            request,
            _(
                "The earlier version was restored. The restore is recorded first below "
                "and can be undone the same way."
            ),
        )
    return redirect(history)
