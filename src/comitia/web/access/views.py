"""The sign-in page (throttled) and the readable history of an object."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import throttle
from .audit import changed_fields
from .models import AuditRecord


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
