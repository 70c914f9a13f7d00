"""The corpus of sentences for judging ``comitia.dates.find``, and its scoring.

The sentences are in ``data/find_corpus.yaml``, written for the tests (see its header). The
test (``test_finding.py``) and the benchmark (``benchmarks/bench_dates_find.py``) score readers
the same way: a found expression is right when it overlaps an expected one and has its values
(the EDTF text of the date, or ``None`` for a time alone, and the time as "HH:MM-HH:MM ZONE");
precision is the share of found expressions that are right, recall the share of expected ones
found right. Each expected expression is matched once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from comitia.dates import FuzzyDate, TimeRange

CORPUS = Path(__file__).parent / "data" / "find_corpus.yaml"


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    date: str | None
    time: str | None


@dataclass(frozen=True)
class Sentence:
    lang: str
    period: tuple[date, date]
    text: str
    expected: tuple[Expected, ...]


# A reader's answer for one expression: start, end, EDTF of the date (or None), time text.
Reading = tuple[int, int, str | None, str | None]


def time_text(value: TimeRange | None) -> str | None:
    """A time range as the corpus writes it: "10:00", "10:00-13:00", "10:00 EDT"."""
    if value is None:
        return None
    text = f"{value.start:%H:%M}"
    if value.end is not None:
        text += f"-{value.end:%H:%M}"
    return f"{text} {value.zone}" if value.zone else text


def date_text(value: FuzzyDate | None) -> str | None:
    return None if value is None else str(value)


@cache
def sentences() -> tuple[Sentence, ...]:
    """Every sentence of the corpus, with each expected expression's offsets in its text."""
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    found: list[Sentence] = []
    for document in data["documents"]:
        first, last = (date.fromisoformat(str(d)) for d in document["period"])
        for entry in document["sentences"]:
            text = entry["text"]
            expected: list[Expected] = []
            position = 0
            for substring, edtf, when in entry["expect"]:
                start = text.find(substring, position)
                if start < 0:
                    raise ValueError(f"{substring!r} is not in {text!r} after {position}")
                if edtf is not None:
                    edtf = str(FuzzyDate.parse_edtf(edtf))  # canonical, and checked
                expected.append(Expected(start, start + len(substring), edtf, when))
                position = start + len(substring)
            found.append(Sentence(document["lang"], (first, last), text, tuple(expected)))
    return tuple(found)


@dataclass
class Score:
    found: int = 0
    right: int = 0
    expected: int = 0
    recalled: int = 0
    exact_spans: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.expected if self.expected else 1.0

    def add(self, sentence: Sentence, readings: Iterable[Reading], *, right: Matcher) -> None:
        readings = list(readings)
        self.found += len(readings)
        self.expected += len(sentence.expected)
        matched: set[int] = set()
        for start, end, edtf, when in readings:
            hit = next(
                (
                    k
                    for k, e in enumerate(sentence.expected)
                    if k not in matched and start < e.end and e.start < end and right(e, edtf, when)
                ),
                None,
            )
            if hit is None:
                self.misses.append(f"wrong: {sentence.text[start:end]!r} {edtf} {when}")
                continue
            matched.add(hit)
            self.right += 1
            expected = sentence.expected[hit]
            self.exact_spans += (start, end) == (expected.start, expected.end)
        self.recalled += len(matched)
        for k, e in enumerate(sentence.expected):
            if k not in matched:
                self.misses.append(
                    f"missed: {sentence.text[e.start : e.end]!r} {e.date} {e.time}"
                    f" in {sentence.text!r}"
                )


Matcher = Callable[[Expected, str | None, str | None], bool]


def same_values(expected: Expected, edtf: str | None, when: str | None) -> bool:
    return (expected.date, expected.time) == (edtf, when)


def score(
    reader: Callable[[Sentence], Iterable[Reading]], *, right: Matcher = same_values
) -> Score:
    """``reader`` scored over the whole corpus."""
    result = Score()
    for sentence in sentences():
        result.add(sentence, reader(sentence), right=right)
    return result
