"""Benchmark: importing the model document, and reading free-text dates, against dateparser.

Run on demand (``make bench`` or ``.venv/bin/python benchmarks/bench_import.py``); it prints
figures and never fails on a slow machine. Targets (issue 3): the model document imports in
under 200 ms; ``comitia.dates.parse`` reads 10,000 expressions a second or more. The same
expressions go through the ``dateparser`` library (languages pinned, installed by the ``bench``
extra) and the share each reads right is printed; dateparser returns one datetime, so it can be
right only for single days, months and years (a month or year counts as right when its date
falls in it).
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import print_reference  # noqa: E402

from comitia.dates import FuzzyDate, Precision, format_day, parse  # noqa: E402
from comitia.importer import import_document  # noqa: E402
from tests.dates.test_parsing import EXPRESSIONS, TERM  # noqa: E402

DOCUMENT = ROOT / "tests" / "data" / "csh-workplan-2019-2020.fr.txt"
LANGS = ("fr", "en", "es", "pt")


def corpus() -> list[tuple[str, str, FuzzyDate]]:
    """The test table's expressions, then printed values of every kind in four languages."""
    items = [(lang, text, FuzzyDate.parse_edtf(edtf)) for lang, text, edtf in EXPRESSIONS]
    values = [
        FuzzyDate.day(date(2020, 3, 5)),
        FuzzyDate.day(date(2019, 11, 21), provisional=True),
        FuzzyDate.days([date(2020, 2, 3), date(2020, 2, 5)]),
        FuzzyDate.range(date(2020, 1, 14), date(2020, 1, 17)),
        FuzzyDate.range(date(2019, 12, 30), date(2020, 1, 2)),
        FuzzyDate.month(2020, 7),
        FuzzyDate.month(2020, 8, provisional=True),
        FuzzyDate.quarter(2020, 2),
        FuzzyDate.semester(2020, 1),
        FuzzyDate.year(2020),
        FuzzyDate.range(date(2019, 10, 1), date(2019, 12, 1), unit=Precision.MONTH),
    ]
    for lang in LANGS:
        items += [(lang, value.format(lang), value) for value in values]
        for day in (date(2019, 10, 24), date(2020, 4, 14), date(2020, 5, 26)):
            items.append((lang, format_day(day, lang, weekday=True), FuzzyDate.day(day)))
    return items


def time_import(runs: int = 15) -> float:
    import_document(DOCUMENT)  # warm caches (vocabulary tables, Babel data)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        import_document(DOCUMENT)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def time_parse(items: list[tuple[str, str, FuzzyDate]], rounds: int = 40) -> tuple[float, float]:
    right = sum(1 for lang, text, value in items if parse(text, lang, period=TERM) == value)
    start = time.perf_counter()
    for _ in range(rounds):
        for lang, text, _value in items:
            parse(text, lang, period=TERM)
    elapsed = time.perf_counter() - start
    return len(items) * rounds / elapsed, right / len(items)


def _dateparser_right(found: datetime | None, value: FuzzyDate) -> bool:
    if found is None or value.first_day is None or value.last_day is None:
        return False
    day = found.date()
    if value.precision is Precision.DAY:
        return day == value.first_day
    if value.precision in (Precision.MONTH, Precision.YEAR):
        return value.first_day <= day <= value.last_day
    return False


def time_dateparser(items: list[tuple[str, str, FuzzyDate]]) -> tuple[float, float] | None:
    try:
        import dateparser
    except ImportError:
        return None
    settings = {"RELATIVE_BASE": datetime(2019, 10, 1), "PREFER_DATES_FROM": "future"}
    warnings.simplefilter("ignore")
    dateparser.parse("24 octobre 2019", languages=["fr"], settings=settings)  # warm up
    right = 0
    start = time.perf_counter()
    for lang, text, value in items:
        found = dateparser.parse(text, languages=[lang], settings=settings)
        right += _dateparser_right(found, value)
    elapsed = time.perf_counter() - start
    return len(items) / elapsed, right / len(items)


def main() -> None:
    print_reference()
    items = corpus()
    print(f"model document import: {time_import():.1f} ms median (target < 200 ms)")
    rate, share = time_parse(items)
    print(
        f"comitia.dates.parse: {rate:,.0f} expressions/s (target >= 10,000),"
        f" {share:.0%} of {len(items)} right"
    )
    other = time_dateparser(items)
    if other is None:
        print("dateparser: not installed (pip install -e '.[bench]')")
    else:
        print(
            f"dateparser (languages pinned): {other[0]:,.0f} expressions/s,"
            f" {other[1]:.0%} of {len(items)} right"
        )


if __name__ == "__main__":
    main()
