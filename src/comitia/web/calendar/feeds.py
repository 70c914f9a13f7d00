"""The term's iCalendar feeds as served: written whole by comitia.render.ics, and kept by
what they were made from.

A feed depends on the term's rows, the reader's level (which meetings and whether the current
document they may see), the language, which feed (with deadlines or not) and the addresses
it prints. The rows are summed up by the term's output version (``plans.output_version``),
raised in the transaction of every write to them, so a feed kept under ``feed_key`` is never
out of date: after a change the key is another, and the old feed is only forgotten. A request
whose feed is kept costs the reading of the term's row (its version), done before it anyway.

Feeds are kept in Django's cache (settings.CACHES: a folder of files shared by the machine's
processes, or Redis), so a feed built by one process is served by every other; ``_kept_or_built``
is the one place that reads and writes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from comitia.render.ics import build_feed
from comitia.web.fingerprint import output_key
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.output_version import output_version_pending
from comitia.web.publication.visibility import viewer_level, visible_plan

# A kept feed is forgotten after a day unread at the latest; a change makes another key anyway.
KEPT_SECONDS = 24 * 3600


def feed_key(
    term: m.Term, lang: str, level: str, *, deadlines: bool, calendar_url: str
) -> tuple[Any, ...]:
    """What a feed is made from: the term as of its output version, the language, the
    reader's level, which feed, and its address (which gives the site's, for meeting links)."""
    return ("feed", term.pk, term.output_version, lang, level, deadlines, calendar_url)


def term_feed(
    term: m.Term,
    user: Any,
    lang: str,
    *,
    deadlines: bool,
    meeting_url: Callable[[str], str],
    calendar_url: str,
) -> tuple[bytes, str]:
    """The feed's bytes and its strong ETag, with what ``user`` may see of ``term`` (as read,
    with its output version, before this call).

    ``meeting_url(key)`` must depend on nothing but the key and the site of ``calendar_url``,
    as an address reversed from a route does. Raise FeedError for an unknown language,
    PlanLoadError if the rows no longer make a valid plan.
    """
    level = viewer_level(user, term)
    key = feed_key(term, lang, level, deadlines=deadlines, calendar_url=calendar_url)

    def built() -> tuple[bytes, str]:
        plan = visible_plan(user, term, load_plan(term))
        content = build_feed(
            plan, lang, deadlines=deadlines, meeting_url=meeting_url, calendar_url=calendar_url
        )
        return content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"'

    # Rows that this transaction wrote are not committed yet, and may roll back.
    return _kept_or_built(key, built, keep=not output_version_pending(term.pk))


def kept_name(key: tuple[Any, ...]) -> str:
    """The shared cache's key of the feed made from ``key`` by the running code."""
    return output_key("feed", key)


def _kept_or_built(
    key: tuple[Any, ...], build: Callable[[], tuple[bytes, str]], *, keep: bool = True
) -> tuple[bytes, str]:
    """The feed kept under ``key``, or ``build()``, kept unless ``keep`` is false."""
    name = kept_name(key)
    found = cache.get(name)
    if found is not None:
        content, etag = found
        return bytes(content), str(etag)
    feed = build()
    if keep:
        cache.set(name, feed, KEPT_SECONDS)
    return feed
