"""Feed events' text kept in the process, by key, the least recently used forgotten first.

Django's cache API costs tens of microseconds a key (making and checking the key, pickling,
a lock per call): for a feed of a thousand events, more than writing the feed may take. Kept
text is found under a digest of what it is written from, so it never goes stale and needs no
time limit, only a bound on memory. Each server process keeps its own, as Django's local
memory cache does.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping


class EventStore:
    """At most ``size`` texts by key; safe to share between a process's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._texts: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The texts kept under ``keys`` (those found), each now the most recently used."""
        found = {}
        with self._lock:
            texts = self._texts
            for key in keys:
                text = texts.get(key)
                if text is not None:
                    texts.move_to_end(key)
                    found[key] = text
        return found

    def set_many(self, texts: Mapping[str, bytes]) -> None:
        """Keep ``texts``, forgetting the least recently used beyond ``size``."""
        with self._lock:
            self._texts.update(texts)
            for key in texts:
                self._texts.move_to_end(key)
            while len(self._texts) > self.size:
                self._texts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._texts.clear()

    def __len__(self) -> int:
        return len(self._texts)
