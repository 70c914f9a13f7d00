"""The language switcher: a GET form, so that a page shows no CSRF token and is the same bytes
for every reader who is not signed in (``responses``: such a page is kept whole).

Why a GET that sets a cookie is safe here. It sets only the language cookie, a preference
that grants nothing: a forged request (another site's link or image) can at worst change the
language the victim reads in, which the switcher changes back; it cannot sign anyone in or
out (no login CSRF: the session is never touched). ``next`` is followed only to this site, as
Django's own ``set_language`` does, so the switch is no open redirect. The redirect itself is
``private, no-store`` (it sets a cookie), and every page varies by ``Cookie`` and
``Accept-Language`` and is kept under the language it was rendered in, so no cache can give one
reader's language to another.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe


@require_safe
def set_language(request: HttpRequest) -> HttpResponse:
    """Redirect to ``next`` (this site's address, else the home page) with the language cookie
    set to ``language`` if it is one of the site's languages; without it, change nothing."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    code = request.GET.get("language", "")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    patch_cache_control(response, private=True, no_store=True)
    return response
