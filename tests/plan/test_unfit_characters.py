"""No text of a plan holds a control character or a lone surrogate, whatever field it is in.

A lone surrogate (U+D800 to U+DFFF) is half of a UTF-16 pair, not a character: UTF-8 cannot
encode it, so one stored title broke every page, feed and file written from the plan.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from comitia.plan import Plan, Text
from comitia.plan.fields import unfit_character
from comitia.plan.files import plan_to_data, read_plan
from tests.test_cli import MODEL_PLAN

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
CONTROLS = st.sampled_from([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]).map(chr)
UNFIT = SURROGATES | CONTROLS
# Any code point at all, surrogates included (st.text() leaves them out).
ANY_CHARACTER = st.characters(codec=None, min_codepoint=0, max_codepoint=sys.maxunicode)


@st.composite
def unfit_texts(draw: st.DrawFn) -> str:
    """Text of any code points with at least one unfit character somewhere in it."""
    before = draw(st.text(ANY_CHARACTER, max_size=8))
    after = draw(st.text(ANY_CHARACTER, max_size=8))
    return f"x{before}{draw(UNFIT)}{after}"


def test_unfit_characters_are_the_control_characters_but_tab_and_line_feed_and_surrogates() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        expected = unicodedata.category(character) in {"Cc", "Cs"} and character not in "\t\n"
        assert (unfit_character(character) is not None) is expected, hex(code)


@given(st.text(ANY_CHARACTER, min_size=1, max_size=20))
def test_a_text_is_accepted_exactly_when_it_holds_no_unfit_character(value: str) -> None:
    try:
        text = Text.model_validate({"fr": value})
    except ValidationError:
        assert unfit_character(value) is not None or not value.strip()
    else:
        assert unfit_character(text["fr"]) is None
        text["fr"].encode("utf-8")


@given(unfit_texts())
def test_a_text_with_a_lone_surrogate_or_control_character_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match=r"U\+[0-9A-F]{4}"):
        Text.model_validate({"en": "Fine", "fr": value})


def test_a_lone_surrogate_is_named_as_such() -> None:
    with pytest.raises(ValidationError, match="U\\+D800, half of a UTF-16 surrogate pair"):
        Text.model_validate({"fr": "lone \ud800 surrogate"})


def test_a_surrogate_pair_written_as_one_character_is_an_ordinary_character() -> None:
    assert Text.model_validate({"fr": "rire \U0001f600"})["fr"] == "rire \U0001f600"


def _string_leaves(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, str):
        return [path]
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return []
    return [leaf for key, value in items for leaf in _string_leaves(value, (*path, key))]


MODEL_DATA = plan_to_data(read_plan(MODEL_PLAN), complete=True)
LEAVES = _string_leaves(MODEL_DATA)


def _replaced(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    if not path:
        return value
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


@given(st.sampled_from(LEAVES), UNFIT)
def test_every_string_of_a_plan_refuses_unfit_characters_at_its_field(
    leaf: tuple[str | int, ...], character: str
) -> None:
    """Names, symbols, paragraphs as much as titles: any string of the model plan, with an
    unfit character added, makes the plan invalid, and the error names that field. Only a
    value parsed into something else (a date that ignores white space such as U+000B) may
    pass, and then nothing unfit is kept."""
    data = _replaced(MODEL_DATA, leaf, f"{character}{_at(MODEL_DATA, leaf)}")
    try:
        plan = Plan.model_validate(data)
    except ValidationError as refused:
        locations = [tuple(error["loc"]) for error in refused.errors()]
        # A Text reports the text (its languages are one value); a plain string itself.
        assert any(leaf[: len(loc)] == loc and len(loc) >= len(leaf) - 1 for loc in locations), (
            leaf,
            locations,
        )
    else:
        assert _at(plan_to_data(plan, complete=True), leaf) == _at(MODEL_DATA, leaf)


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_plain_strings_of_a_plan_are_checked_when_assigned_too() -> None:
    plan = read_plan(MODEL_PLAN)
    with pytest.raises(ValidationError, match="U\\+0085"):
        plan.officers[0].person = "Boza\x85"
