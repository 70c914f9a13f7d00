"""The term's iCalendar feeds as served: written by comitia.render.ics, one event at a time.

Writing a feed of a thousand events, from rows read and validated into a plan, takes most of
a second; reading its rows alone, tens of milliseconds. So a feed's events are kept in the
process (``feed_store``), and the database tells what changed since: triggers on every table a
feed prints (``feed_triggers``) raise the term's counter and record the events changed, in the
changing transaction, whoever makes the change and however (operations, the admin,
``QuerySet.update()``, a script, raw SQL). A request reads the counter (one query):

- the same as the kept feed's: the feed is assembled from kept text, and answered 304 when
  the client has it already;
- moved: the events recorded since are read (a few queries, one per table of their rows),
  written again or dropped if deleted, and put in their place among the kept ones; a change
  to what every event prints (the term, its document, bodies, thematic areas, mandates), or to
  most of the events, writes the whole feed again, as does a feed not kept yet.

What is kept is the text of each event of the term, written with the document hidden or not
as its reader may see it (the document's approval day is the DTSTAMP of events that never
moved); the meetings its reader may not see (``ReaderView``, from access.visibility, read
at each request) are left out when the feed is assembled.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from django.db import connection

from comitia.cycles import cycle_collection_paused
from comitia.plan import Plan
from comitia.render.ics import FeedWriter, meeting_order
from comitia.web.plans import models as m
from comitia.web.plans.convert import plan_of_rows

from .feed_rows import FeedRows, Owners
from .feed_store import Event, FeedStore, KeptFeed
from .models import ACTIVITY, DEADLINE, MEETING, SHARED, FeedChange, FeedStamp

# A feed of a thousand events is some 1.5 MB of text in one language: 64 MiB hold a term's
# feeds in its four languages, with and without deadlines, served under two addresses, and more.
FEEDS = FeedStore(budget=64 * 2**20)

# Beyond this share of a feed's events changed, the whole feed is written again.
MOST_CHANGED = 0.5


@dataclass(frozen=True)
class ReaderView:
    """What the feed's reader sees of the term, as access.visibility tells: the keys of the
    meetings hidden from them, and whether the current document is (its approval day is the
    DTSTAMP of events that never moved). Read before the feed is made."""

    hidden_meetings: frozenset[str]
    document_hidden: bool

    def narrow(self, plan: Plan) -> Plan:
        """``plan``, read from rows, without the hidden document."""
        return plan.model_copy(update={"document": None}) if self.document_hidden else plan


@dataclass(frozen=True)
class _Request:
    lang: str
    deadlines: bool
    meeting_url: Callable[[str], str]
    calendar_url: str
    reader: ReaderView

    @property
    def kinds(self) -> tuple[str, ...]:
        return (MEETING, ACTIVITY, DEADLINE) if self.deadlines else (MEETING, ACTIVITY)


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
    kept feeds are found by ``meeting_url`` of a probe key. Raise FeedError for an unknown
    language, PlanLoadError if changed rows no longer make a valid plan.
    """
    request = _Request(lang, deadlines, meeting_url, calendar_url, reader)
    # Everything the text of the kept events depends on besides the rows.
    key = (term.pk, lang, deadlines, meeting_url("probe"), calendar_url, reader.document_hidden)
    with cycle_collection_paused():
        feed = _current(term, key, request)
    return feed.content(reader.hidden_meetings)


def _current(term: m.Term, key: tuple[Any, ...], request: _Request) -> KeptFeed:
    # The counter is read before any row: rows read after it are at least as recent, so a
    # change committed in between is at worst read again at the next request.
    stamp = _stamp(term.pk)
    kept = FEEDS.get(key)
    feed = None
    if kept is not None and stamp is not None and stamp[0] == kept.token:
        if stamp[1] == kept.n:
            return kept
        # A counter lower than the kept feed's went back (a backup restored, a transaction
        # that read the feed rolled back): the changes recorded no longer tell what differs.
        owners = _changed(kept, request.kinds) if stamp[1] > kept.n else None
        if owners is not None:
            feed = _updated(kept, stamp[1], owners, request)
    if feed is None:
        feed = _built(term, stamp, request)
    if stamp is not None:  # a term without a counter (being deleted) is not kept
        FEEDS.keep(key, feed)
    return feed


def _stamp(term_id: int) -> tuple[int, int] | None:
    """The term's counter: its token and value. Read at every request, in SQL: Django's
    compiling of the query would cost ten times its running."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token, n FROM {FeedStamp._meta.db_table} WHERE term_id = %s", [term_id]
        )
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1])


def _changed(kept: KeptFeed, kinds: Collection[str]) -> dict[str, set[int]] | None:
    """The ids of the events of ``kinds`` changed since ``kept`` was written, by kind; None if
    what every event prints changed, or most events did."""
    owners: dict[str, set[int]] = {kind: set() for kind in kinds}
    rows = FeedChange.objects.filter(term_id=kept.term.pk, n__gt=kept.n)
    for kind, owner in rows.values_list("kind", "owner"):
        if kind == SHARED:
            return None
        if kind in owners:
            owners[kind].add(owner)
    total = len(kept.meetings) + len(kept.activities) + len(kept.deadlines)
    if sum(map(len, owners.values())) > MOST_CHANGED * total:
        return None
    return owners


def _built(term: m.Term, stamp: tuple[int, int] | None, request: _Request) -> KeptFeed:
    """The whole feed written from the term's rows, kept at ``stamp``."""
    # The term's row as it is now, after the counter (the request read it before).
    term = m.Term.objects.filter(pk=term.pk).first() or term
    rows = FeedRows(term, request.kinds)
    writer, events = _written(term, rows, request)
    without, with_meetings = (
        Event((), writer.opening(request.deadlines, request.calendar_url, meetings))
        for meetings in (False, True)
    )
    token, n = stamp or (0, 0)
    return KeptFeed(token, n, term, rows.shared, (without, with_meetings), *events)


def _updated(kept: KeptFeed, n: int, owners: Owners, request: _Request) -> KeptFeed:
    """``kept`` with the events named in ``owners`` written again, or dropped if deleted."""
    if not any(owners.values()):  # changes to events this feed does not show (deadlines)
        return replace(kept, n=n)
    rows = FeedRows(kept.term, request.kinds, owners, kept.shared)
    _, written = _written(kept.term, rows, request)
    events = []
    for kind, before, now in zip(
        (MEETING, ACTIVITY, DEADLINE),
        (kept.meetings, kept.activities, kept.deadlines),
        written,
        strict=True,
    ):
        changed = owners.get(kind, ())
        events.append({pk: e for pk, e in before.items() if pk not in changed} | now)
    return KeptFeed(kept.token, n, kept.term, kept.shared, kept.openings, *events)


def _written(
    term: m.Term, rows: FeedRows, request: _Request
) -> tuple[FeedWriter, tuple[dict[int, Event], dict[int, Event], dict[int, Event]]]:
    """The events of ``rows`` written, by kind and id."""
    plan = request.reader.narrow(plan_of_rows(term, rows))
    writer = FeedWriter(plan, request.lang, request.meeting_url)
    meetings, activities, deadlines = (rows.events[k] for k in (MEETING, ACTIVITY, DEADLINE))
    return writer, (
        {
            meetings[e.id].pk: Event(meeting_order(e), writer.meeting(e), e.id)
            for e in plan.meetings
        },
        {
            (row := activities[e.id]).pk: Event((row.position, row.pk), writer.activity(e))
            for e in plan.activities
        },
        {
            (row := deadlines[e.id]).pk: Event((row.position, row.pk), writer.deadline(e))
            for e in plan.obligations
        },
    )
