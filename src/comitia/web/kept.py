"""Values kept in a server process between requests, bounded by their size.

Each process keeps its own, as Django's local-memory cache does; unlike that cache, values are
kept as they are, not pickled, so a hit costs no copy of a feed of a thousand events or of a
PDF. Beyond the budget the least recently used values are forgotten first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """Values by key, up to ``budget`` bytes of their stated sizes; safe to share between
    threads."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._kept: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._used = 0
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            entry = self._kept.get(key)
            if entry is None:
                return None
            self._kept.move_to_end(key)
            return entry[0]

    def keep(self, key: K, value: V, size: int, *, unless: Callable[[V], bool] | None = None) -> V:
        """Keep ``value`` (of ``size`` bytes) under ``key`` and return it; but if a value is
        kept there already and ``unless(that value)`` is true, that one stays and is returned.
        The newest value is kept even alone beyond the budget."""
        with self._lock:
            kept = self._kept.pop(key, None)
            if kept is not None:
                self._used -= kept[1]
                if unless is not None and unless(kept[0]):
                    value, size = kept
            self._kept[key] = (value, size)
            self._used += size
            while self._used > self.budget and len(self._kept) > 1:
                _, (_, forgotten) = self._kept.popitem(last=False)
                self._used -= forgotten
            return value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._used = 0

    def __len__(self) -> int:
        return len(self._kept)
