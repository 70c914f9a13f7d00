"""Document symbols: found in text, normalized for comparison, kept as printed."""

import pytest

from comitia.symbols import (
    Session,
    SymbolError,
    find_symbols,
    normalize,
    parse_symbol,
    session_of,
)

SYMBOLS = [
    "AG/RES. 2945 (XLIX-O/19)",
    "AG/RES. 1 (LIII-E/18) rev. 1",
    "CP/RES. 1061/16",
    "CP/CSH-1933/19 rev. 2",
    "CP/CSH/INF. 499/19 rev. 1",
    "CP/doc.5545/19 rev. 1",
    "AG/doc.5667/19 rev. 1",
    "GT/VE-3/15 rev. 1",
    "CP/CSH/INF.506/20",
    "CP/RES. 1138/19",
]


@pytest.mark.parametrize("text", SYMBOLS)
def test_a_symbol_parses_and_keeps_its_original_text(text: str) -> None:
    symbol = parse_symbol(text)
    assert symbol.original == text
    assert find_symbols(f"voir le document {text}, paragraphe 3.") == [symbol]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CP/CSH-1933/19  rev. 1", "CP/CSH-1933/19 rev. 1"),
        ("CP/CSH/INF.506/20", "CP/CSH/INF. 506/20"),
        ("CP/CSH 1870/18", "CP/CSH-1870/18"),
        ("AG/RES. 2945 (XLIX-O/19)", "AG/RES.2945(XLIX-O/19)"),
        ("cp/doc.5545/19 REV. 1", "CP/doc.5545/19 rev. 1"),
    ],
)
def test_spacing_case_and_hyphen_variants_compare_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_different_revisions_and_sessions_stay_different() -> None:
    assert normalize("CP/CSH-1933/19 rev. 1") != normalize("CP/CSH-1933/19 rev. 2")
    assert normalize("AG/RES. 1 (LIII-E/18)") != normalize("AG/RES. 1 (LIII-O/18)")


def test_the_display_form_collapses_the_exports_double_spaces() -> None:
    (symbol,) = find_symbols("(CP/CSH-1933/19\u00a0 rev. 1)")
    assert symbol.original == "CP/CSH-1933/19 rev. 1"


def test_several_symbols_are_found_in_order() -> None:
    text = "[AG/RES. 2735 (XLII-O/12) y CP/doc.4708/12]CP42054F01"
    assert [s.original for s in find_symbols(text)] == [
        "AG/RES. 2735 (XLII-O/12)",
        "CP/doc.4708/12",
    ]


@pytest.mark.parametrize("text", ["", "CSH", "paragraphe 52", "AG/RES.", "2019-2020"])
def test_text_that_is_not_a_symbol_is_refused(text: str) -> None:
    with pytest.raises(SymbolError):
        parse_symbol(text)


@pytest.mark.parametrize(
    ("text", "session"),
    [
        ("AG/RES. 2945 (XLIX-O/19)", Session(49, special=False, year=2019)),
        ("AG/RES. 1 (LIII-E/18) rev. 1", Session(53, special=True, year=2018)),
        ("AG/RES. 2297 (XXXVII-O/07)", Session(37, special=False, year=2007)),
        ("AG/RES. 1237 (XXIV-O/94)", Session(24, special=False, year=1994)),
        ("AG/RES.2945(XLIX-O/19)", Session(49, special=False, year=2019)),
    ],
)
def test_a_resolution_symbol_names_the_session_that_adopted_it(text: str, session: Session) -> None:
    assert session_of(parse_symbol(text)) == session


@pytest.mark.parametrize("text", ["CP/RES. 1061/16", "CP/CSH-1933/19 rev. 2", "CP/doc.5545/19"])
def test_a_symbol_without_a_session_names_none(text: str) -> None:
    assert session_of(parse_symbol(text)) is None
