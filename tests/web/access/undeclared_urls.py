"""The site's URL configuration plus one route that declares no policy, for the test that
refuses it (the site's routes are there for the 403 page, whose layout links to them)."""

from django.http import HttpResponse
from django.urls import path

from comitia.web.urls import urlpatterns as site


def _secret(request: object) -> HttpResponse:
    return HttpResponse("MARKER-UNDECLARED-9c2e")


urlpatterns = [path("undeclared/", _secret, name="undeclared"), *site]
