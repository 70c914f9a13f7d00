"""Timing shared by the benchmarks: the median of repeated runs, in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_ms(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` runs of ``action``, in milliseconds, and its result."""
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def print_reference() -> None:
    """Print the time of a fixed piece of Python work. On a machine shared with other work the
    benchmarks' figures scale with it: compare figures taken at the same reference."""
    reference, _ = median_ms(lambda: sum(range(1_000_000)), 15)
    print(f"reference: sum(range(1_000_000)) takes {reference:.1f} ms")
