"""The term's iCalendar feeds as served: written by comitia.render.ics, one event at a time.

Writing a feed of a thousand events with icalendar, from a plan read and validated from the
database, takes most of a second. Every request still reads the rows the feed prints (one
query per table), but each event's text is kept (``EVENTS``, in the process) under a key
made of the digest of the rows it is written from (see feed_rows), the language and the
address of meeting pages. So:

- a feed whose data did not change is assembled from kept text, and answered 304 when the
  client has it already;
- after a change, only the events whose rows changed are read into a plan and written again;
- a change made anywhere (operations, the admin, a script) shows in the next request: there
  is nothing to forget, because kept text is never found under the digest of other rows.

What is kept is one event's text, never a whole feed, so a feed can leave out events (those
that a reader may not see) before it is assembled.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from comitia.render.ics import FeedWriter, assemble
from comitia.web.plans import models as m
from comitia.web.plans.convert import plan_of_rows

from .event_store import EventStore
from .feed_rows import FeedRows

# Some 20 feeds (four languages, with and without deadlines, a few addresses) of a term of a
# thousand events, under 1 KiB each: some 20 MiB at most.
EVENTS = EventStore(size=20_000)


def _key(*parts: object) -> str:
    return "comitia:ics:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a feed is made.

    A feed's rows are tens of thousands of tuples, which hold no reference cycles and are
    freed (by reference counting) before the collector runs again. Made with the collector
    on, they set off collections that go over every object of the process: a fifth of the
    time of a feed's request, and at times much more.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    with _cycle_collection_paused():
        content = _content(term, lang, deadlines, meeting_url, calendar_url)
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return content, etag


def _content(
    term: m.Term,
    lang: str,
    deadlines: bool,
    meeting_url: Callable[[str], str],
    calendar_url: str,
) -> bytes:
    rows = FeedRows(term, deadlines=deadlines)
    links = meeting_url("probe")
    # The key of an event's text: its rows' digest, and the language and meeting addresses
    # it is written with (the same for every event of the request).
    variant = hashlib.blake2b(repr((lang, links)).encode(), digest_size=8).hexdigest()
    keys = {(e.kind, e.key): f"comitia:ics:{e.digest}:{variant}" for e in rows.events}
    opening = _key(lang, rows.shared, deadlines, calendar_url, rows.has_meetings)
    found = EVENTS.get_many([opening, *keys.values()])
    missing = [event for event in rows.events if keys[event.kind, event.key] not in found]
    if missing or opening not in found:
        plan = plan_of_rows(term, rows.part(missing))
        writer = FeedWriter(plan, lang, meeting_url)
        written = {opening: writer.opening(deadlines, calendar_url, rows.has_meetings)}
        written.update({keys["meeting", e.id]: writer.meeting(e) for e in plan.meetings})
        written.update({keys["activity", e.id]: writer.activity(e) for e in plan.activities})
        written.update({keys["deadline", e.id]: writer.deadline(e) for e in plan.obligations})
        EVENTS.set_many(written)
        found.update(written)
    return assemble(found[opening], (found[key] for key in keys.values()))
