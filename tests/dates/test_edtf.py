"""Reading EDTF text: canonical forms, accepted variants and rejected input."""

from datetime import date

import pytest

from comitia.dates import FuzzyDate, FuzzyDateError, Precision

D = date
P = Precision


@pytest.mark.parametrize(
    ("text", "precision", "first", "last", "provisional"),
    [
        ("2019-10-24", P.DAY, D(2019, 10, 24), D(2019, 10, 24), False),
        ("2019-10-30/2019-10-31", P.RANGE, D(2019, 10, 30), D(2019, 10, 31), False),
        ("2019-12-30/2020-01-02", P.RANGE, D(2019, 12, 30), D(2020, 1, 2), False),
        ("2019-10/2019-12", P.RANGE, D(2019, 10, 1), D(2019, 12, 31), False),
        ("2019/2021", P.RANGE, D(2019, 1, 1), D(2021, 12, 31), False),
        ("{2020-02-03,2020-02-05}", P.DAYS, D(2020, 2, 3), D(2020, 2, 5), False),
        ("2020-03", P.MONTH, D(2020, 3, 1), D(2020, 3, 31), False),
        ("2020-02", P.MONTH, D(2020, 2, 1), D(2020, 2, 29), False),
        ("2020-33", P.QUARTER, D(2020, 1, 1), D(2020, 3, 31), False),
        ("2020-34", P.QUARTER, D(2020, 4, 1), D(2020, 6, 30), False),
        ("2020-35", P.QUARTER, D(2020, 7, 1), D(2020, 9, 30), False),
        ("2020-36", P.QUARTER, D(2020, 10, 1), D(2020, 12, 31), False),
        ("2020-40", P.SEMESTER, D(2020, 1, 1), D(2020, 6, 30), False),
        ("2020-41", P.SEMESTER, D(2020, 7, 1), D(2020, 12, 31), False),
        ("2020", P.YEAR, D(2020, 1, 1), D(2020, 12, 31), False),
        ("1000", P.YEAR, D(1000, 1, 1), D(1000, 12, 31), False),
        ("9999-12-31", P.DAY, D(9999, 12, 31), D(9999, 12, 31), False),
        ("XXXX", P.UNKNOWN, None, None, False),
        ("2020-07?", P.MONTH, D(2020, 7, 1), D(2020, 7, 31), True),
        ("2020-40?", P.SEMESTER, D(2020, 1, 1), D(2020, 6, 30), True),
        ("{2020-02-03,2020-02-05}?", P.DAYS, D(2020, 2, 3), D(2020, 2, 5), True),
        ("2020-04-16?/2020-04-17?", P.RANGE, D(2020, 4, 16), D(2020, 4, 17), True),
    ],
)
def test_canonical_text_parses_to_its_precision_and_bounds(
    text: str, precision: Precision, first: date | None, last: date | None, provisional: bool
) -> None:
    value = FuzzyDate.parse_edtf(text)
    assert (value.precision, value.first_day, value.last_day, value.provisional) == (
        precision,
        first,
        last,
        provisional,
    )
    assert str(value) == text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("  2020-03\n", "2020-03"),
        ("2020-04-16?/2020-04-17", "2020-04-16?/2020-04-17?"),
        ("2020-04-16/2020-04-17?", "2020-04-16?/2020-04-17?"),
        ("2019-10?/2019-12", "2019-10?/2019-12?"),
        ("{2020-02-05,2020-02-03,2020-02-05}", "{2020-02-03,2020-02-05}"),
        ("{2020-02-03, 2020-02-05}", "{2020-02-03,2020-02-05}"),
        ("{2020-02-03,2020-02-04,2020-02-05}", "2020-02-03/2020-02-05"),
        ("{2020-02-03}", "2020-02-03"),
        ("{2020-02-03}?", "2020-02-03?"),
    ],
)
def test_valid_variants_are_normalised_to_canonical_text(text: str, canonical: str) -> None:
    assert str(FuzzyDate.parse_edtf(text)) == canonical


def test_days_set_keeps_its_listed_days() -> None:
    value = FuzzyDate.parse_edtf("{2020-02-07,2020-02-03,2020-02-05}")
    assert value.listed_days == (D(2020, 2, 3), D(2020, 2, 5), D(2020, 2, 7))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("2019-02-30", "invalid calendar date"),
        ("2019-13-01", "invalid calendar date"),
        ("2020-00", "month code"),
        ("2020-13", "month code"),
        ("2020-21", "month code"),
        ("2020-32", "month code"),
        ("2020-37", "month code"),
        ("2020-39", "month code"),
        ("2020-42", "month code"),
        ("2020-99", "month code"),
        ("0999", "outside 1000..9999"),
        ("0000-01-01", "outside 1000..9999"),
        ("XXXX?", "cannot be provisional"),
        ("2020-01-02/2020-01-01", "ends before it starts"),
        ("2019-12/2019-10", "ends before it starts"),
        ("2020-01-01/2020-01-01", "covers one day"),
        ("2020-03/2020-03", "covers one month"),
        ("2020/2020", "covers one year"),
        ("2020/2020-05", "both be days, months or years"),
        ("2020-33/2020-34", "range endpoints must be days, months"),
        ("2020-01-01/..", "open or unknown"),
        ("../2020-01-01", "open or unknown"),
        ("XXXX/2020", "open or unknown"),
        ("2020-01-01/2020-01-03/2020-01-05", "exactly one '/'"),
        ("{}", "at least one day"),
        ("{2020-02-03,2020-03}", "only list whole days"),
        ("{2020-02-03,2020-02-05", "malformed set"),
        ("{2020-02-03,2020-02-30}", "invalid calendar date"),
        ("2020-07~", "only '?'"),
        ("2020-07%", "only '?'"),
        ("2020-07??", "not an EDTF date"),
        ("garbage", "not an EDTF date"),
        ("xxxx", "not an EDTF date"),
        ("20200324", "not an EDTF date"),
        ("2020-3", "not an EDTF date"),
        ("2020-03-24T10:00", "not an EDTF date"),
        ("10000", "not an EDTF date"),
        ("２０２０", "not an EDTF date"),
        ("2020 - 03", "not an EDTF date"),
    ],
)
def test_bad_text_raises_fuzzy_date_error_quoting_the_input(text: str, complaint: str) -> None:
    with pytest.raises(FuzzyDateError) as raised:
        FuzzyDate.parse_edtf(text)
    assert complaint in str(raised.value)
    assert repr(text) in str(raised.value)


def test_fuzzy_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="garbage"):
        FuzzyDate.parse_edtf("garbage")


def test_non_string_input_raises_fuzzy_date_error() -> None:
    with pytest.raises(FuzzyDateError, match="must be a str"):
        FuzzyDate.parse_edtf(20200324)  # type: ignore[arg-type]
