"""A URL configuration with one route that declares no policy, for the test that refuses it."""

from django.http import HttpResponse
from django.urls import path


def _secret(request: object) -> HttpResponse:
    return HttpResponse("secret")


urlpatterns = [path("undeclared/", _secret, name="undeclared")]
