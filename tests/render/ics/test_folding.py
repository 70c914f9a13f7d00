"""Our line folding gives exactly icalendar's output, in linear time."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

from comitia.plan.files import read_plan
from comitia.render.ics.feed import build_feed
from comitia.render.ics.folding import fold_line

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"


# Lines of the kinds a feed holds: ASCII, accented text, wide characters, emoji, and the
# backslash and caret escapes that icalendar keeps on one physical line.
LINES = st.text(
    alphabet=st.sampled_from(list("abc ,;:\\^éèçœ’–日本🙂")) | st.characters(codec="utf-8"),
    max_size=400,
).filter(lambda s: "\n" not in s and "\r" not in s)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_folding_a_line_matches_icalendar(line: str) -> None:
    assert fold_line(line) == _foldline(line).encode("utf-8")


@pytest.mark.parametrize("length", [0, 73, 74, 75, 148, 149, 500])
def test_ascii_lines_fold_at_seventy_four_octets(length: int) -> None:
    line = "x" * length
    assert fold_line(line) == _foldline(line).encode("utf-8")
    assert all(len(part) <= 74 for part in fold_line(line).split(b"\r\n "))


@pytest.mark.parametrize("lang", ["fr", "en", "es", "pt"])
def test_the_model_plan_feed_is_what_icalendar_itself_writes(lang: str) -> None:
    import icalendar

    feed = build_feed(read_plan(MODEL_PLAN), lang, deadlines=True)
    assert feed == icalendar.Calendar.from_ical(feed).to_ical()
