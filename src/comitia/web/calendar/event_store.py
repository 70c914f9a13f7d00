"""Feed events' text kept in the process, with the rows it was written from.

An event's text is kept under its kind, identifier, language and the other settings it was
written with, together with its rows as they were fetched (its ``source``). It is used again
only while the rows fetched now are equal, value for value, to those: an exact comparison,
which costs less than hashing the rows (a thousand events' rows are some 60,000 values).

Django's cache API would cost tens of microseconds a key (making and checking the key,
pickling, a lock per call) and could not keep the rows without pickling them. Each server
process keeps its own, as Django's local-memory cache does, the least recently used
forgotten first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any

Kept = tuple[Any, bytes]  # (source, text)


class EventStore:
    """At most ``size`` texts by key; safe to share between a process's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Any, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def find(self, wanted: Iterable[tuple[Any, Any]]) -> dict[Any, bytes]:
        """The texts kept under each ``(key, source)`` of ``wanted`` with an equal source;
        each found is now the most recently used."""
        found = {}
        with self._lock:
            kept = self._kept
            for key, source in wanted:
                entry = kept.get(key)
                if entry is not None and entry[0] == source:
                    kept.move_to_end(key)
                    found[key] = entry[1]
        return found

    def keep(self, texts: Mapping[Any, Kept]) -> None:
        """Keep each ``key: (source, text)``, forgetting the least recently used beyond
        ``size``."""
        with self._lock:
            self._kept.update(texts)
            for key in texts:
                self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
