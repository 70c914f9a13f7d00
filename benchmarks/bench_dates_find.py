"""Benchmark: finding dates and times in running text, against dateparser's ``search_dates``.

Run on demand (``.venv/bin/python benchmarks/bench_dates_find.py``); it prints figures and
never fails on a slow machine. Target (issue 21): ``comitia.dates.find`` reads 10,000
sentences a second or more, with precision and recall of 95% or more on the corpus of
``tests/dates/data/find_corpus.yaml`` (sentences written for the tests, four languages).

In the same run, ``dateparser.search.search_dates`` (the ``bench`` extra; languages pinned,
missing years taken from the period's first day) reads the same corpus, scored leniently: it
returns one datetime per substring, so a substring counts as right when it overlaps an
expected expression and its day falls in the expected date (or, for a time alone, its hour
and minute are the start of the expected time). Without dateparser the comparison is skipped
with a note.
"""

from __future__ import annotations

import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import print_reference  # noqa: E402

from comitia.dates import FuzzyDate, find  # noqa: E402
from tests.dates.corpus import (  # noqa: E402
    Expected,
    Reading,
    Sentence,
    date_text,
    score,
    sentences,
    time_text,
)


def read_with_find(sentence: Sentence) -> list[Reading]:
    return [
        (f.start, f.end, date_text(f.date), time_text(f.time))
        for f in find(sentence.text, sentence.lang, period=sentence.period)
    ]


def time_find(corpus: tuple[Sentence, ...], seconds: float = 2.0) -> tuple[float, float]:
    """Sentences per second of wall time and of this process's CPU time, over whole passes of
    the corpus for about ``seconds``. On a machine shared with other work, the CPU figure is
    the one that says what find costs; the wall figure says what this run got."""
    for sentence in corpus:  # warm the vocabulary caches
        find(sentence.text, sentence.lang, period=sentence.period)
    done = 0
    started, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for sentence in corpus:
            find(sentence.text, sentence.lang, period=sentence.period)
        done += len(corpus)
    return done / (time.perf_counter() - started), done / (time.process_time() - cpu)


def _dateparser_right(expected: Expected, day: str | None, hour: str | None) -> bool:
    if expected.date is not None and day is not None:
        return FuzzyDate.parse_edtf(expected.date).contains(date.fromisoformat(day))
    return expected.date is None and expected.time is not None and hour == expected.time[:5]


def compare_dateparser() -> None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser: not installed, comparison skipped (pip install -e '.[bench]')")
        return
    warnings.simplefilter("ignore")

    def read(sentence: Sentence) -> list[Reading]:
        settings = {
            "RELATIVE_BASE": datetime.combine(sentence.period[0], datetime.min.time()),
            "PREFER_DATES_FROM": "future",
        }
        found = search_dates(sentence.text, languages=[sentence.lang], settings=settings) or []
        readings: list[Reading] = []
        position = 0
        for substring, when in found:
            start = sentence.text.find(substring, position)
            if start < 0:
                start = sentence.text.find(substring)
            if start < 0:
                continue
            position = start + len(substring)
            has_time = (when.hour, when.minute) != (0, 0) or any(c in substring for c in ":h")
            readings.append(
                (
                    start,
                    start + len(substring),
                    when.date().isoformat(),
                    f"{when:%H:%M}" if has_time else None,
                )
            )
        return readings

    corpus = sentences()
    started = time.perf_counter()
    result = score(read, right=_dateparser_right)
    elapsed = time.perf_counter() - started
    print(
        f"dateparser search_dates: precision {result.precision:.1%}, recall {result.recall:.1%}"
        f" ({result.right} of {result.found} found right, {result.recalled} of"
        f" {result.expected} expected; lenient scoring), {len(corpus) / elapsed:,.0f} sentences/s"
    )


def main() -> None:
    print_reference()
    corpus = sentences()
    result = score(read_with_find)
    rate, cpu_rate = time_find(corpus)
    print(
        f"comitia.dates.find: {rate:,.0f} sentences/s of wall time, {cpu_rate:,.0f} of CPU time"
        " (target >= 10,000);"
        f" precision {result.precision:.1%}, recall {result.recall:.1%}"
        f" ({result.right} of {result.found} found right, {result.recalled} of"
        f" {result.expected} expected, {result.exact_spans} with the exact span)"
        f" on {len(corpus)} sentences"
    )
    for miss in result.misses:
        print("  ", miss)
    compare_dateparser()


if __name__ == "__main__":
    main()
