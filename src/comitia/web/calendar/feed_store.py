"""Feeds kept in the process between requests: each event's text, and what it was written at.

A kept feed (``KeptFeed``) holds the text of each of its events (meetings, activities,
deadlines, by row id), its two possible openings, the rows every event shares, and the term's
counter of changes (``FeedStamp``) when it was read: its events are the feed's as long as the
counter has not moved, and after a change only the events recorded as changed are written
again (``feeds``). Kept feeds are never changed, only replaced, so a request may go on with one
while another request replaces it.

Each server process keeps its own (``comitia.web.kept``), up to a number of bytes of text,
the least recently used forgotten first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from comitia.render.ics import assemble
from comitia.web.kept import Kept
from comitia.web.plans import models as m


@dataclass(frozen=True)
class Event:
    """An event's text, where it goes in the feed (``order`` among events of its kind), and
    the meeting it shows (``key``, to leave out meetings a reader may not see)."""

    order: tuple[Any, ...]
    text: bytes
    key: str = ""
    digest: bytes = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hashlib.blake2b(self.text, digest_size=16).digest())


@dataclass(frozen=True)
class KeptFeed:
    """A feed's events as written when the term's counter was ``(token, n)``.

    ``term`` and ``shared`` are the term's row and the rows every event prints, as read for
    the whole feed: changed events are written again from them. ``openings`` are the
    calendar's opening without and with a meeting (the time zone is given for meetings only).
    """

    token: int
    n: int
    term: m.Term
    shared: Mapping[type[Any], list[Any]]
    openings: tuple[Event, Event]
    meetings: Mapping[int, Event]
    activities: Mapping[int, Event]
    deadlines: Mapping[int, Event]
    _meetings: list[Event] = field(init=False, repr=False)
    _others: list[Event] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        def order(event: Event) -> tuple[Any, ...]:
            return event.order

        # The order of build_feed: meetings by day, start and identifier, then activities
        # and deadlines in the plan's order.
        object.__setattr__(self, "_meetings", sorted(self.meetings.values(), key=order))
        others = sorted(self.activities.values(), key=order)
        object.__setattr__(self, "_others", others + sorted(self.deadlines.values(), key=order))

    @property
    def size(self) -> int:
        """The bytes of text kept."""
        return sum(len(e.text) for e in (*self.openings, *self._meetings, *self._others))

    def content(self, hidden_meetings: frozenset[str]) -> tuple[bytes, str]:
        """The feed's bytes without the meetings named in ``hidden_meetings``, and its strong
        ETag: a digest of its pieces' digests, so that an answer 304 costs no hashing."""
        meetings = [e for e in self._meetings if e.key not in hidden_meetings]
        opening = self.openings[bool(meetings)]
        events = meetings + self._others
        digests = b"".join([opening.digest, *(e.digest for e in events)])
        etag = '"' + hashlib.sha256(digests).hexdigest()[:32] + '"'
        return assemble(opening.text, (e.text for e in events)), etag


class FeedStore:
    """Kept feeds by key, up to ``budget`` bytes of text; safe to share between threads."""

    def __init__(self, budget: int) -> None:
        self._kept: Kept[Hashable, KeptFeed] = Kept(budget)

    def get(self, key: Hashable) -> KeptFeed | None:
        return self._kept.get(key)

    def keep(self, key: Hashable, feed: KeptFeed) -> None:
        """Keep ``feed`` under ``key``, unless a feed written later is kept there already
        (two requests may write the same feed at once)."""

        def written_later(kept: KeptFeed) -> bool:
            return kept.token == feed.token and kept.n > feed.n

        self._kept.keep(key, feed, feed.size, unless=written_later)

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
