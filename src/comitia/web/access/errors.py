"""The site's answers when access is refused or something goes wrong: its own pages, or the
API's JSON refusal.

Django's handlers would show the site's ``403.html``, ``404.html`` and ``500.html`` on every
address, the API's too; under ``/api/`` these answer as the API does (``{"detail": ...}``).
The 500 page is written with no context processor and no database: it is shown when either
may be what failed.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

from .middleware import api_refusal

_API_PREFIX = "/api/"


def _for_api(request: HttpRequest) -> bool:
    return request.path.startswith(_API_PREFIX) and not request.path.startswith("/api/v1/docs/")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _for_api(request):
        return api_refusal(404, _("Not found."))
    return defaults.page_not_found(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _for_api(request):
        return api_refusal(403, _("You may not do this."))
    return defaults.permission_denied(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _for_api(request):
        return api_refusal(500, _("Something went wrong on the server. Please try again later."))
    # A plain render: no RequestContext, so no context processor (the session's user would
    # read the database) runs.
    return HttpResponseServerError(loader.get_template("500.html").render())
