"""The term's iCalendar feeds as served: written by comitia.render.ics, one event at a time.

Writing a feed of a thousand events with icalendar, from a plan read and validated from the
database, takes most of a second. Every request still reads the rows the feed prints (one
query per table), and each event's text is kept (``EVENTS``, in the process) with the rows
it was written from, its language and the address of meeting pages; it is used again while
the rows are the same (compared value for value, see event_store and feed_rows). So:

- a feed whose data did not change is assembled from kept text, and answered 304 when the
  client has it already;
- after a change, only the events whose rows changed are read into a plan and written again;
- a change made anywhere (operations, the admin, a script) shows in the next request: there
  is nothing to forget, because kept text is never used for rows other than its own.

What is kept is one event's text, never a whole feed: a feed leaves out the events its reader
may not see (``ReaderView``, from access.visibility) before it is assembled, and the text of
an event is kept per reader level, as what the level hides (the document's approval day, the
events' common DTSTAMP) may change it.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from comitia.plan import Plan
from comitia.render.ics import FeedWriter, assemble
from comitia.web.plans import models as m
from comitia.web.plans.convert import plan_of_rows

from .event_store import EventStore
from .feed_rows import FeedRows

# An entry (an event's text and rows) takes some 4 KiB: 10,000 of them, some 40 MiB, hold a
# term of a thousand events in its four languages, served under two addresses, and more.
EVENTS = EventStore(size=10_000)


@dataclass(frozen=True)
class ReaderView:
    """What the feed's reader sees of the term, as access.visibility tells: their ``level``
    (``viewer_level``), the keys of the meetings hidden from them, and whether the current
    document is (its approval day is the DTSTAMP of events that never moved). Read before the
    feed is made, so that a feed reads the same queries whatever it writes."""

    level: str
    hidden_meetings: frozenset[str]
    document_hidden: bool

    def narrow(self, plan: Plan) -> Plan:
        """``plan``, read from rows without the hidden meetings, without the hidden document."""
        return plan.model_copy(update={"document": None}) if self.document_hidden else plan


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
    reader: ReaderView,
) -> tuple[bytes, str]:
    """The feed's bytes and its strong ETag, with what ``reader`` may see.

    ``meeting_url(key)`` must depend on nothing but the key and what its value for another
    key shows (the site's address and the route), as an address reversed from a route does:
    kept meeting events are found by ``meeting_url`` of a probe key. Raise FeedError for an
    unknown language, PlanLoadError if changed rows no longer make a valid plan.
    """
    with _cycle_collection_paused():
        content = _content(term, lang, deadlines, meeting_url, calendar_url, reader)
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return content, etag


def _content(
    term: m.Term,
    lang: str,
    deadlines: bool,
    meeting_url: Callable[[str], str],
    calendar_url: str,
    reader: ReaderView,
) -> bytes:
    rows = FeedRows(term, deadlines=deadlines)
    events = [
        e for e in rows.events if not (e.kind == "meeting" and e.key in reader.hidden_meetings)
    ]
    has_meetings = any(e.kind == "meeting" for e in events)
    # What every event's text is written with besides its own rows.
    written_with = (rows.shared, lang, meeting_url("probe"), reader.level)
    keys = {(e.kind, e.key): (written_with, e.kind, e.key) for e in events}
    opening = (written_with, "opening", deadlines, calendar_url, has_meetings)
    found = EVENTS.find([(opening, None), *((keys[e.kind, e.key], e.source) for e in events)])
    missing = [e for e in events if keys[e.kind, e.key] not in found]
    if missing or opening not in found:
        plan = reader.narrow(plan_of_rows(term, rows.part(missing)))
        writer = FeedWriter(plan, lang, meeting_url)
        texts = {
            **{("meeting", e.id): writer.meeting(e) for e in plan.meetings},
            **{("activity", e.id): writer.activity(e) for e in plan.activities},
            **{("deadline", e.id): writer.deadline(e) for e in plan.obligations},
        }
        written = {keys[e.kind, e.key]: (e.source, texts[e.kind, e.key]) for e in missing}
        written[opening] = (None, writer.opening(deadlines, calendar_url, has_meetings))
        EVENTS.keep(written)
        found.update({key: text for key, (_, text) in written.items()})
    return assemble(found[opening], (found[key] for key in keys.values()))
