"""The term's iCalendar feeds as served: written by comitia.render.ics, one event at a time.

Writing a feed of a thousand events with icalendar, from a plan read and validated from the
database, takes most of a second. Every request still reads the rows the feed prints (one
query per table), but each event's text is kept in the ``feeds`` cache under a key made of
the digest of the rows it is written from (see feed_rows), the language and the address of
meeting pages. So:

- a feed whose data did not change is assembled from kept text, and answered 304 when the
  client has it already;
- after a change, only the events whose rows changed are read into a plan and written again;
- a change made anywhere (operations, the admin, a script) shows in the next request: there
  is nothing to forget, because kept text is never found under the digest of other rows.

What is kept is one event's text, never a whole feed, so a feed can leave out events (those
that a reader may not see) before it is assembled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import caches

from comitia.render.ics import FeedWriter, assemble
from comitia.web.plans import models as m
from comitia.web.plans.convert import plan_of_rows

from .feed_rows import FeedRows

# Kept text never goes stale (its key changes with its rows), so the time only frees the
# memory of text no feed uses any more.
EVENT_TTL = 7 * 24 * 3600
CACHE = "feeds"


def _key(*parts: object) -> str:
    return "comitia:ics:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def term_feed(
    term: m.Term,
    lang: str,
    *,
    deadlines: bool,
    meeting_url: Callable[[str], str],
    calendar_url: str,
) -> tuple[bytes, str]:
    """The feed's bytes and its strong ETag.

    ``meeting_url(key)`` must depend on nothing but the key and what its value for another
    key shows (the site's address and the route), as an address reversed from a route does:
    kept meeting events are found by ``meeting_url`` of a probe key. Raise FeedError for an
    unknown language, PlanLoadError if changed rows no longer make a valid plan.
    """
    cache = caches[CACHE]
    rows = FeedRows(term, deadlines=deadlines)
    links = meeting_url("probe")
    # The key of an event's text: its rows' digest, and the language and meeting addresses
    # it is written with (the same for every event of the request).
    variant = hashlib.blake2b(repr((lang, links)).encode(), digest_size=8).hexdigest()
    keys = {(e.kind, e.key): f"comitia:ics:{e.digest}:{variant}" for e in rows.events}
    opening = _key(lang, rows.shared, deadlines, calendar_url, rows.has_meetings)
    found = cache.get_many([opening, *keys.values()])
    missing = [event for event in rows.events if keys[event.kind, event.key] not in found]
    if missing or opening not in found:
        plan = plan_of_rows(term, rows.part(missing))
        writer = FeedWriter(plan, lang, meeting_url)
        written = {opening: writer.opening(deadlines, calendar_url, rows.has_meetings)}
        written.update({keys["meeting", e.id]: writer.meeting(e) for e in plan.meetings})
        written.update({keys["activity", e.id]: writer.activity(e) for e in plan.activities})
        written.update({keys["deadline", e.id]: writer.deadline(e) for e in plan.obligations})
        cache.set_many(written, EVENT_TTL)
        found.update(written)
    content = assemble(found[opening], (found[key] for key in keys.values()))
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return content, etag
