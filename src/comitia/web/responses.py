"""Public pages kept in Django's cache (settings.CACHES, shared by every process), by what
they were made from: the term as of its output version, the language, the reader's level, the
few abilities the page shows (may edit, may publish...), the address asked for and the day.

Two levels. The public (a reader with no session, no message waiting, no token) gets the same
bytes as every other member of the public asking the same address in the same language: their
whole answer is kept (``kept_answer``, ``keep_answer``) and sent in front of Django's handler
(``front_answer``, see ``comitia.web.front``) or by ``PublicAnswerMiddleware`` at the top of
the chain, with no query (the versions of the terms it shows come from the shared cache's
generation token), before the sessions, the term's model, the access rules or the view. For
everyone else only a page's own parts are kept (its title, head and content blocks), and the
frame around them (base.html: the reader's name, the CSRF token of the sign-out form,
messages) is rendered for each request, so nothing of one reader reaches another through the
cache. A part that holds a form's CSRF token (the secretariat's
editing and publishing forms) is never kept: such a page is built for each request.

Every page answer carries an ETag, and a request whose If-None-Match names it gets 304. A
signed-in reader's answer is ``private, no-store`` and never kept by a shared cache, as the
feeds' are; an anonymous reader's page is ``private`` with a short max-age (see
``cache_headers``). Every page varies by ``Cookie`` and ``Accept-Language``. A delegation's own
content (its proposals) is on pages not cached here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_request

from comitia.web.access.policy import Action
from comitia.web.access.routes import policy_for
from comitia.web.fingerprint import code_fingerprint, output_key
from comitia.web.kept import Kept
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.output_version import (
    answers_generation,
    answers_pending,
    output_version_pending,
)
from comitia.web.publication.visibility import viewer_level, visible_terms

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
    """The cache key of a page's parts: the code (``fingerprint``), the terms it shows as of
    their output versions, the reader's level and language, the page's ``variant`` (what else
    its content depends on, such as the abilities it offers), the scheme, host and full path
    asked for, and today's date (pages such as the current month read the clock)."""
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
    return output_key("page", made_from)


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
    and ``variant``. ``context`` is called only when the parts are not kept.

    For the public whose whole answer was looked for and not found (``kept_answer``), the
    parts are neither looked for nor kept: the whole answer is kept under a key of its own
    (``keep_answer``), and the public's parts would serve only a reader of the public level
    who is not the public (a session cookie with no one signed in, a message waiting), which
    is rare; the page after a change so costs two reads and writes of the shared cache, not
    four (each a round trip to Redis in production)."""
    level = viewer_level(request.user, term).value
    key = page_key(request, [term, *also], level, variant)
    asked: _Asked | None = getattr(request, _ASKED, None)
    whole = asked is not None and asked.public
    parts = None if whole else cache.get(key)
    if parts is None:
        values = context() | {"frame": "responses/parts.html", "parts_separator": _SEPARATOR}
        parts = render_to_string(template_name, values, request).split(_SEPARATOR)
        pending = any(output_version_pending(t.pk) for t in [term, *also])
        kept = not pending and not any(_CSRF_FIELD in part for part in parts)
        if kept and not whole:
            cache.set(key, parts, KEPT_SECONDS)
    else:
        kept = True
    etag = _etag(request, key, parts)
    messages = len(get_messages(request))
    if _matches(request, etag) and not messages:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = render(request, "responses/page.html", {"parts": parts})
        if kept and not messages and not _signed_in(request):
            same_for_the_public(response)
    response["ETag"] = etag
    return cache_headers(request, response)


def cache_headers(
    request: HttpRequest, response: HttpResponse, *, shared: bool = False
) -> HttpResponse:
    """``Cache-Control`` and ``Vary`` of a public answer. A signed-in reader's (by session or
    token) is ``private, no-store``; an anonymous reader's may be reused for PUBLIC_MAX_AGE
    seconds, by a shared cache too if ``shared``. Pages are not ``shared``: the public's pages
    are the same for all of them, but a shared cache that served them would have to be
    trusted to tell the signed-in reader's cookie apart (``Vary: Cookie``), the mistake this
    header leaves to no one; the browser's own cache may keep them."""
    if _signed_in(request):
        patch_cache_control(response, private=True, no_store=True)
    elif shared:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if shared:
        patch_vary_headers(response, ("Authorization",))
    return response


def _signed_in(request: HttpRequest) -> bool:
    """Whether the reader is signed in, by session or by token."""
    user = getattr(request, "user", None)  # set inside the kept answers' middleware
    return (user is not None and bool(user.is_authenticated)) or "Authorization" in request.headers


def _etag(request: HttpRequest, key: str, parts: list[str]) -> str:
    """A strong ETag over the parts and what the frame shows of this reader: who is signed in
    and, where the page holds a form (the sign-out form of a signed-in reader's frame), the
    CSRF secret its token is masked with, so that a reader's 304 is never another's page. The
    public's frame holds no token: their ETag is the same for all, as their page is."""
    digest = hashlib.sha256(key.encode())
    for part in parts:
        digest.update(part.encode("utf-8"))
    if _signed_in(request) or any(_CSRF_FIELD in part for part in parts):
        digest.update(f"\0{request.user.pk}\0".encode())
        digest.update(request.COOKIES.get(settings.CSRF_COOKIE_NAME, "").encode())
    return '"' + digest.hexdigest()[:32] + '"'


def _matches(request: HttpRequest, etag: str) -> bool:
    """Whether If-None-Match names ``etag``, by the weak comparison HTTP asks of it (RFC 9110,
    13.1.2): a proxy that compresses the answer (nginx's gzip) hands it on as ``W/"..."``."""
    if not etag:
        return False
    wanted = request.headers.get("If-None-Match", "")
    return etag in [tag.strip().removeprefix("W/") for tag in wanted.split(",")]


# -- whole answers ----------------------------------------------------------------------
#
# A reader with no session cookie, no messages cookie and no Authorization header is the
# public, and every such reader who asks the same address in the same language gets the same
# bytes: the frame holds no CSRF token for them (the language switcher is a GET form,
# ``comitia.web.language``). Their answer is kept whole, under the terms it shows as of their
# output versions, and sent by ``PublicAnswerMiddleware`` near the top of the chain, before
# the sessions, the language, the term's model, the access rules or the view: the route is
# resolved and the language read from the request as Django's LocaleMiddleware reads it.
# The public may see a term when it is published as public, a fact of the term's rows, so of
# its output version; a term not public has no kept answer (its request takes the usual way,
# to the 404 of the access middleware).
#
# The versions themselves are not read for each request: every public term's id, version and
# slug, and the state of its document's prints, are read in one query the first time a process
# meets the shared cache's generation token (``output_version.answers_generation``), which every
# write to them draws anew once committed. A kept answer then costs one read of the shared
# cache (a file, or a Redis GET) and no query.
#
# Why a request that starts after a write's answer sees the write, in any process: the write's
# on-commit callback draws the new token before the write's request returns, so the later
# request reads the new token, meets it for the first time in its process and reads the
# versions after it (so after the commit). Why a state is never older than its token: a
# process reads the state only after it has read the token, so the state holds every write
# committed before the token was read; a write committed later draws another token. Why a
# write whose callback never ran (a crash between commit and callback, the shared cache
# unreachable then) is not hidden for long: the token lasts ANSWERS_GENERATION_SECONDS from
# when it was drawn, then the next reader draws another and every process reads the versions
# again. Why the state is not kept in the shared cache itself, written by the writers: two
# writers' callbacks may store their states in the other order than their commits, the later
# state lost under the earlier; a token drawn at random has no order to get wrong, and a state
# read by each process after it costs one query per process per token, not per request.
#
# The API's reads hold nothing of the reader but what their level lets them see (no name, no
# form): their answers are kept whole for every reader, under the level as well
# (``kept_reader_answer``, once the access middleware has read the term and the reader).

# How each route's answer depends on the terms: "term", the one named in the URL; "terms",
# every term the reader sees (the home pages and the API's list name them); "document", the
# term named and the state of its documents' prints (the downloads say "being printed" until
# a print ends, which does not raise the term's version).
ANSWER_ROUTES: dict[str, str] = {
    "home": "terms",
    "term": "terms",
    "calendar:list": "term",
    "calendar:month_now": "term",
    "calendar:month": "term",
    "calendar:week_now": "term",
    "calendar:week": "term",
    "calendar:agenda": "term",
    "calendar:meeting": "term",
    "calendar:feed": "term",
    "calendar:delegations_feed": "term",
    "documents:plan": "document",
    "api:terms": "terms",
    "api:plan": "term",
    "api:meetings": "term",
    "api:meeting": "term",
}
# The routes whose answer (200) is, by what they are, the same for every reader at the same
# level: kept without the view saying so (``same_for_the_public``), for every reader.
API_READS = frozenset({"api:terms", "api:plan", "api:meetings", "api:meeting"})
# Each process keeps the answers it served in its memory too, in front of the shared cache:
# the key says what an answer was made from, so a copy is never out of date, only unused.
ANSWERS_IN_MEMORY = 32 * 1024 * 1024
_in_memory: Kept[str, tuple[bytes, tuple[tuple[str, str], ...]]] = Kept(ANSWERS_IN_MEMORY)
_SAME_FOR_THE_PUBLIC = "comitia_same_for_the_public"
_ASKED = "comitia_answer_asked"


@dataclass(frozen=True)
class _Asked:
    """An answer looked for and not found: where to keep the view's."""

    key: str
    view_name: str
    term_ids: tuple[int, ...]
    public: bool
    lang: str  # the language the key was made for


def same_for_the_public(response: HttpResponse) -> HttpResponse:
    """Declare that ``response`` (200) is what every reader who is not signed in gets for
    this request's address and language, as of the versions of the terms it shows: it may be
    kept whole (``keep_answer``)."""
    setattr(response, _SAME_FOR_THE_PUBLIC, True)
    return response


def is_the_public(request: HttpRequest) -> bool:
    """Whether the request comes from a reader known, without reading anything, not to be
    signed in and to have no message waiting: no session, messages or Authorization."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and "Authorization" not in request.headers
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def kept_answer(
    request: HttpRequest, view_name: str, slug: str | None, lang: str
) -> HttpResponse | None:
    """The answer kept for the public for this request in language ``lang`` (a 304 if its
    ETag is named), or None; then where to keep the view's answer is left on the request. None
    also for a route not kept whole, or a term the public may not see."""
    kind = ANSWER_ROUTES.get(view_name)
    if kind is None or not is_the_public(request):
        return None
    shown = _public_versions(_public_state(), kind, slug)
    if shown is None:
        return None
    term_ids = tuple(term_id for term_id, *_ in shown[0])
    made_of = (Visibility.PUBLIC.value, shown)
    return _kept(request, view_name, made_of, term_ids, public=True, lang=lang)


def front_answer(request: HttpRequest) -> tuple[int, list[tuple[str, str]], bytes] | None:
    """The public's kept answer to ``request`` as the WSGI server is to send it (status,
    headers, body), with nothing more read than the shared cache: no database, no session, no
    view (``answering_in_front``). None, to let Django answer, when the reader is not the
    public, the route is not a page kept whole (the API's reads set their headers per reader),
    the public's state is not yet known to this process for the current generation token (it
    is read by Django's answer, which may query the database), or nothing is kept yet."""
    if not is_the_public(request):
        return None
    route = _answer_route(request.path_info, str(request.method))
    if route is None or route[0] in API_READS:
        return None
    view_name, slug = route
    state = _known_public_state()
    if state is None:
        return None
    shown = _public_versions(state, ANSWER_ROUTES[view_name], slug)
    if shown is None:
        return None
    made_of = (Visibility.PUBLIC.value, shown)
    key = _answer_key(request, view_name, made_of, get_language_from_request(request))
    found = _look_up(key)
    if found is None:
        return None
    content, headers = found
    etag = next((value for name, value in headers if name == "ETag"), "")
    if _matches(request, etag):
        return 304, [(name, value) for name, value in headers if name in _NOT_MODIFIED], b""
    return 200, list(headers), content


def kept_reader_answer(
    request: HttpRequest, view_name: str, term: m.Term | None
) -> HttpResponse | None:
    """For an API read (``API_READS``) by a reader the access rules let through: the answer
    kept for readers at their level (a 304 if its ETag is named), or None, then where to keep
    the view's is left on the request. ``term`` is the term named in the URL, as read."""
    if (
        view_name not in API_READS
        or request.method not in ("GET", "HEAD")
        or getattr(request, _ASKED, None) is not None
    ):
        return None
    if ANSWER_ROUTES[view_name] == "terms":
        shown = visible_terms(request.user, m.Term.objects.order_by("pk"))
    elif term is not None:
        shown = [term]
    else:
        return None
    made_from = tuple((t.pk, t.output_version, viewer_level(request.user, t).value) for t in shown)
    term_ids = tuple(t.pk for t in shown)
    lang = get_language() or settings.LANGUAGE_CODE
    return _kept(request, view_name, ("reader", made_from), term_ids, public=False, lang=lang)


def _answer_key(request: HttpRequest, view_name: str, made_of: tuple[Any, ...], lang: str) -> str:
    """The shared cache's key of a whole answer: the code (``fingerprint``), the route, what
    it is made from, the language, the scheme, host and full path asked for, and today's date."""
    made_from = (
        view_name,
        made_of,
        lang,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        dt.date.today().isoformat(),
    )
    return output_key("answer", made_from)


def _look_up(key: str) -> tuple[bytes, tuple[tuple[str, str], ...]] | None:
    """The answer kept under ``key``: this process's copy, else the shared cache's (copied)."""
    found = _in_memory.get(key) if _memory_in_front() else None
    if found is None:
        found = cache.get(key)
        if found is not None and _memory_in_front():
            _in_memory.keep(key, found, len(found[0]))
    return found


def _kept(
    request: HttpRequest,
    view_name: str,
    made_of: tuple[Any, ...],
    term_ids: tuple[int, ...],
    *,
    public: bool,
    lang: str,
) -> HttpResponse | None:
    key = _answer_key(request, view_name, made_of, lang)
    found = _look_up(key)
    if found is None:
        setattr(request, _ASKED, _Asked(key, view_name, term_ids, public, lang))
        return None
    content, headers = found
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    if view_name in API_READS:
        cache_headers(request, response)  # this reader's: signed in or not
    if _matches(request, response.get("ETag", "")):
        return _not_modified(response)
    return response


def keep_answer(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Keep ``response`` whole where ``kept_answer`` or ``kept_reader_answer`` left it to be,
    if it is the same for every reader at that key: an API read, or a page its view declared
    the same for the public (``same_for_the_public``); and if nothing of this reader went into
    it: no cookie set (CSRF, session, messages), no message shown, nothing written in this
    transaction to the terms it shows. An API read gets its ETag and cache headers here, and
    a 304 if its ETag is named. Returns the answer to send."""
    asked: _Asked | None = getattr(request, _ASKED, None)
    if asked is None or response.status_code != 200 or response.streaming:
        return response
    api_read = asked.view_name in API_READS
    if api_read:
        if "ETag" not in response:
            response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        cache_headers(request, response)
    if (
        (asked.public or api_read)
        and (api_read or getattr(response, _SAME_FOR_THE_PUBLIC, False))
        and (not asked.public or not _signed_in(request))
        and (get_language() or settings.LANGUAGE_CODE) == asked.lang
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "_messages", None), "added_new", False)
        and not getattr(getattr(request, "session", None), "modified", False)
        and not any(output_version_pending(term_id) for term_id in asked.term_ids)
    ):
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if not (api_read and name in ("Cache-Control", "Vary"))  # set per reader
        )
        kept = (response.content, headers)
        cache.set(asked.key, kept, KEPT_SECONDS)
        if _memory_in_front():
            _in_memory.keep(asked.key, kept, len(kept[0]))
    if api_read and _matches(request, response["ETag"]):
        return _not_modified(response)
    return response


def forget_answers_in_memory() -> None:
    """Forget this process's copies of kept answers (the shared cache keeps its own)."""
    _in_memory.clear()


def _memory_in_front() -> bool:
    """Whether answers are copied into the process's memory: not when the cache is itself in
    the process's memory (the tests' local-memory cache), where a copy would gain nothing and
    would outlive the cache's ``clear()``."""
    return "LocMemCache" not in str(settings.CACHES["default"]["BACKEND"])


# What a 304 carries of the answer it stands for.
_NOT_MODIFIED = ("ETag", "Cache-Control", "Vary", "Expires")


def _not_modified(response: HttpResponse) -> HttpResponse:
    """The 304 for ``response``: its ETag and what says how it may be kept."""
    not_modified = HttpResponseNotModified()
    for name in _NOT_MODIFIED:
        if name in response:
            not_modified[name] = response[name]
    return not_modified


@dataclass(frozen=True)
class _PublicState:
    """What the public's answers are made from: every public term's (id, output version,
    slug), and by slug the (format, language, printed) of each print of its current document
    asked for at the public level."""

    terms: tuple[tuple[int, int, str], ...]
    prints: dict[str, tuple[tuple[str, str, bool], ...]]


# The public's state by generation token, in this process: the newest few.
_states: dict[str, _PublicState] = {}
_STATES_KEPT = 8


def _public_state() -> _PublicState:
    """The public's state as of the shared cache's generation token (read in one query the
    first time this process meets the token); read afresh inside a transaction that has
    changed it and not committed (a test's, or a write's)."""
    if answers_pending():
        return _read_public_state()
    generation = answers_generation()
    state = _states.get(generation)
    if state is None:
        # Read after the token: a write committed before the token was drawn is in it.
        state = _read_public_state()
        if len(_states) >= _STATES_KEPT:
            _states.clear()
        _states[generation] = state
    return state


def _known_public_state() -> _PublicState | None:
    """The public's state as of the generation token if this process has already read it,
    else None (outside a transaction: the answers in front of Django open none)."""
    return _states.get(answers_generation())


def _read_public_state() -> _PublicState:
    public = Visibility.PUBLIC.value
    with connection.cursor() as cursor:
        cursor.execute(_answer_sql(), [public, code_fingerprint(), public])
        rows = cursor.fetchall()
    terms = tuple(sorted({(int(row[0]), int(row[1]), str(row[2])) for row in rows}))
    prints: dict[str, list[tuple[str, str, bool]]] = {}
    for _, _, slug, fmt, lang, done in rows:
        if fmt is not None:  # one row with no print (the outer join's NULLs) for the others
            prints.setdefault(str(slug), []).append((str(fmt), str(lang), bool(done)))
    return _PublicState(terms, {slug: tuple(sorted(p)) for slug, p in prints.items()})


def _public_versions(state: _PublicState, kind: str, slug: str | None) -> tuple[Any, ...] | None:
    """What the answer of a route of ``kind`` is made from, as the public sees it: the ids and
    output versions of the terms it shows (and, for "document", the states of the prints of
    the term's current document at the public level); None if the term named is not public
    or does not exist."""
    named = [row for row in state.terms if row[2] == slug]
    if slug is not None and not named:
        return None
    if kind == "terms":
        return (state.terms,)
    if kind != "document":
        return (tuple(named),)
    return (tuple(named), state.prints.get(str(slug), ()))


@functools.cache
def _answer_sql() -> str:
    """The query of ``_read_public_state``, written from the models' tables: every public
    term with the prints of its document at its version, the public level and the running
    code's fingerprint. Plain SQL:
    building the terms' models costs ten times the query itself. The models are found by
    label: the documents app sits above this module (it uses ``cached_page``)."""
    publication_model = apps.get_model("publication", "Publication")
    printed_model = apps.get_model("documents", "PrintedDocument")

    quote = connection.ops.quote_name
    term, publication, printed = m.Term._meta, publication_model._meta, printed_model._meta

    def column(meta: Any, name: str) -> str:
        return quote(meta.get_field(name).column)

    return (
        f"SELECT t.{column(term, 'id')}, t.{column(term, 'output_version')}, "
        f"t.{column(term, 'slug')}, d.{column(printed, 'format')}, d.{column(printed, 'lang')}, "
        f"d.{column(printed, 'printed_at')} IS NOT NULL "
        f"FROM {quote(term.db_table)} t JOIN {quote(publication.db_table)} p "
        f"ON p.{column(publication, 'term')} = t.{column(term, 'id')} "
        f"LEFT JOIN {quote(printed.db_table)} d ON d.{column(printed, 'term')} = "
        f"t.{column(term, 'id')} AND d.{column(printed, 'output_version')} = "
        f"t.{column(term, 'output_version')} AND d.{column(printed, 'level')} = %s "
        f"AND d.{column(printed, 'made_by')} = %s "
        f"WHERE p.{column(publication, 'visibility')} = %s"
    )


@functools.lru_cache(maxsize=4096)
def _answer_route(path_info: str, method: str) -> tuple[str, str | None] | None:
    """The route's name and the term's slug of a path whose answer may be kept whole for the
    public (a route of ``ANSWER_ROUTES`` whose policy is to view), else None."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return None
    view_name = str(match.view_name)
    if view_name not in ANSWER_ROUTES or policy_for(view_name, method) != Action.VIEW:
        return None
    slug = match.kwargs.get("slug")
    return view_name, None if slug is None else str(slug)


class PublicAnswerMiddleware:
    """Sends the public's kept answer (``kept_answer``) before the rest of the chain runs,
    and keeps answers on the way out (``keep_answer``), with the headers the middleware
    inside it set. Comes after whitenoise's (static files) and before the sessions and
    Django's LocaleMiddleware: the language is read from the request as that middleware reads
    it (the site has no language prefixes in its paths), and a kept answer exists only for a
    term the public may see, so the hidden-term 404 is left to the publication app's
    ``TermMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_the_public(request):
            route = _answer_route(request.path_info, str(request.method))
            if route is not None:
                lang = get_language_from_request(request)
                answer = kept_answer(request, route[0], route[1], lang)
                if answer is not None:
                    return answer
        return keep_answer(request, self.get_response(request))


class ReaderAnswerMiddleware:
    """Sends a reader's kept API read (``kept_reader_answer``) once the access middleware has
    let the reader through; comes after ``access.middleware.AccessMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        view_name = _viewed(request)
        if view_name is None:
            return None
        return kept_reader_answer(request, view_name, getattr(request, "comitia_term", None))


def _viewed(request: HttpRequest) -> str | None:
    """The route's name if its declared policy is to view (the only answers kept), else None."""
    match = request.resolver_match
    if match is None or policy_for(match.view_name, request.method or "GET") != Action.VIEW:
        return None
    return str(match.view_name)
