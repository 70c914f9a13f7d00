"""Public pages kept in Django's cache (settings.CACHES, shared by every process), by what
they were made from: the term as of its output version, the language, the reader's level, the
few abilities the page shows (may edit, may publish...), the address asked for and the day.

Only a page's own parts are kept (its title, head and content blocks); the frame around them
(base.html: the reader's name, the CSRF tokens of the sign-out and language forms, messages) is
rendered for each request, so nothing of one reader reaches another through the cache. A part
that holds a form's CSRF token (the secretariat's editing and publishing forms) is never kept:
such a page is built for each request, as before.

Every page answer carries an ETag over the kept parts and the frame's inputs, and a request
whose If-None-Match names it gets 304. A signed-in reader's answer is ``private, no-store`` and
never kept by a shared cache, as the feeds' are; an anonymous reader's page is ``private`` with
a short max-age (see ``cache_headers``). Every page varies by ``Cookie`` and
``Accept-Language``. A delegation's own content (its proposals) is on pages
not cached here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from comitia.web.plans import models as m
from comitia.web.plans.output_version import output_version_pending
from comitia.web.publication.visibility import viewer_level

# How long a browser or proxy may reuse an anonymous page without asking: short, so that a
# change shows within a minute even where the ETag is not asked about.
PUBLIC_MAX_AGE = 60
# Forgotten after a day unread at the latest; a change to the term makes another key anyway.
KEPT_SECONDS = 24 * 3600
# Separates the parts in one rendering; drawn per process, so no stored text can hold it.
_SEPARATOR = "<!--parts-" + secrets.token_hex(16) + "-->"
_CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def page_key(
    request: HttpRequest, terms: Iterable[m.Term], level: str, variant: Iterable[Hashable]
) -> str:
    """The cache key of a page's parts: the terms it shows as of their output versions, the
    reader's level and language, the page's ``variant`` (what else its content depends on, such
    as the abilities it offers), the scheme, host and full path asked for, and today's date
    (pages such as the current month read the clock)."""
    made_from = (
        tuple((term.pk, term.output_version) for term in terms),
        level,
        get_language() or settings.LANGUAGE_CODE,
        tuple(variant),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        dt.date.today().isoformat(),
    )
    return "comitia:page:" + hashlib.sha256(repr(made_from).encode("utf-8")).hexdigest()


def cached_page(
    request: HttpRequest,
    term: m.Term,
    template_name: str,
    context: Callable[[], dict[str, Any]],
    *,
    variant: Iterable[Hashable] = (),
    also: Iterable[m.Term] = (),
) -> HttpResponse:
    """The page of ``template_name`` (which extends ``frame``) with ``context()``, its parts
    kept under ``page_key`` of ``term`` (and the terms ``also`` shown, such as a list of terms)
    and ``variant``. ``context`` is called only when the parts are not kept."""
    level = viewer_level(request.user, term).value
    key = page_key(request, [term, *also], level, variant)
    parts = cache.get(key)
    if parts is None:
        values = context() | {"frame": "responses/parts.html", "parts_separator": _SEPARATOR}
        parts = render_to_string(template_name, values, request).split(_SEPARATOR)
        pending = any(output_version_pending(t.pk) for t in [term, *also])
        if not pending and not any(_CSRF_FIELD in part for part in parts):
            cache.set(key, parts, KEPT_SECONDS)
    etag = _etag(request, key, parts)
    if _matches(request, etag) and not len(get_messages(request)):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = render(request, "responses/page.html", {"parts": parts})
    response["ETag"] = etag
    return cache_headers(request, response)


def cache_headers(
    request: HttpRequest, response: HttpResponse, *, shared: bool = False
) -> HttpResponse:
    """``Cache-Control`` and ``Vary`` of a public answer. A signed-in reader's (by session or
    token) is ``private, no-store``; an anonymous reader's may be reused for PUBLIC_MAX_AGE
    seconds, by a shared cache too if ``shared``. Pages are not ``shared``: their language
    form carries a CSRF token masked with the reader's own secret, and the answer sets that
    reader's CSRF cookie, which a proxy must never hand on to another reader."""
    if request.user.is_authenticated or "Authorization" in request.headers:
        patch_cache_control(response, private=True, no_store=True)
    elif shared:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if shared:
        patch_vary_headers(response, ("Authorization",))
    return response


def _etag(request: HttpRequest, key: str, parts: list[str]) -> str:
    """A strong ETag over the parts and what the frame shows of this reader: who is signed in
    and the CSRF secret its forms are masked with (so that a reader's 304 is never another's
    page)."""
    digest = hashlib.sha256(key.encode())
    for part in parts:
        digest.update(part.encode("utf-8"))
    digest.update(f"\0{request.user.pk}\0".encode())
    digest.update(request.COOKIES.get(settings.CSRF_COOKIE_NAME, "").encode())
    return '"' + digest.hexdigest()[:32] + '"'


def _matches(request: HttpRequest, etag: str) -> bool:
    wanted = request.headers.get("If-None-Match", "")
    return etag in [tag.strip() for tag in wanted.split(",")]
