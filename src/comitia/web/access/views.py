"""The sign-in page and the password-reset form (both throttled); the history of an object is
in ``history``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from . import throttle


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


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, sending no mail past the limits of ``throttle.reset_mail_allowed``
    and answering exactly as when it sends one."""

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"]
        if throttle.reset_mail_allowed(email, throttle.client_address(self.request)):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())
