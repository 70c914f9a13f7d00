"""``/favicon.ico``: the site's icon, which browsers ask for whatever the page links."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse


@cache
def _favicon() -> bytes:
    return (settings.BASE_DIR / "static" / "comitia" / "favicon.svg").read_bytes()


def favicon(request: HttpRequest) -> HttpResponse:
    """The SVG icon the pages link (``comitia/favicon.svg``), kept a day by browsers."""
    response = HttpResponse(_favicon(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
