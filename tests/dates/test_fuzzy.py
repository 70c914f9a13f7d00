"""The FuzzyDate value: constructors, validation, ordering, overlap and containment."""

from datetime import date, datetime

import pytest

from comitia.dates import FuzzyDate, FuzzyDateError, Precision

D = date
P = Precision
parse = FuzzyDate.parse_edtf


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (FuzzyDate.day(D(2019, 10, 24)), "2019-10-24"),
        (FuzzyDate.day(D(2019, 10, 24), provisional=True), "2019-10-24?"),
        (FuzzyDate.days([D(2020, 2, 5), D(2020, 2, 3)]), "{2020-02-03,2020-02-05}"),
        (FuzzyDate.range(D(2019, 10, 30), D(2019, 10, 31)), "2019-10-30/2019-10-31"),
        (
            FuzzyDate.range(D(2019, 10, 1), D(2019, 12, 1), unit=P.MONTH),
            "2019-10/2019-12",
        ),
        (FuzzyDate.range(D(2019, 5, 5), D(2021, 5, 5), unit=P.YEAR), "2019/2021"),
        (FuzzyDate.month(2020, 3), "2020-03"),
        (FuzzyDate.quarter(2020, 1), "2020-33"),
        (FuzzyDate.quarter(2020, 4, provisional=True), "2020-36?"),
        (FuzzyDate.semester(2020, 1), "2020-40"),
        (FuzzyDate.semester(2020, 2), "2020-41"),
        (FuzzyDate.year(2020), "2020"),
        (FuzzyDate.unknown(), "XXXX"),
    ],
)
def test_constructor_gives_the_same_value_as_its_edtf_text(value: FuzzyDate, text: str) -> None:
    assert str(value) == text
    assert parse(text) == value


def test_days_of_one_distinct_day_is_a_day() -> None:
    assert FuzzyDate.days([D(2020, 2, 3), D(2020, 2, 3)]) == FuzzyDate.day(D(2020, 2, 3))


def test_contiguous_days_are_a_range() -> None:
    value = FuzzyDate.days([D(2020, 2, 4), D(2020, 2, 3), D(2020, 2, 5)])
    assert value == FuzzyDate.range(D(2020, 2, 3), D(2020, 2, 5))


def test_days_across_a_month_end_can_be_contiguous() -> None:
    value = FuzzyDate.days([D(2020, 1, 31), D(2020, 2, 1)])
    assert str(value) == "2020-01-31/2020-02-01"


@pytest.mark.parametrize(
    ("make", "complaint"),
    [
        (lambda: FuzzyDate.days([]), "at least one day"),
        (lambda: FuzzyDate.range(D(2020, 1, 2), D(2020, 1, 1)), "before its start"),
        (lambda: FuzzyDate.range(D(2020, 1, 2), D(2020, 1, 2)), "covers one day"),
        (
            lambda: FuzzyDate.range(D(2020, 1, 2), D(2020, 1, 30), unit=P.MONTH),
            "covers one month",
        ),
        (lambda: FuzzyDate.range(D(2020, 1, 1), D(2020, 3, 1), unit=P.QUARTER), "range unit"),
        (lambda: FuzzyDate.month(2020, 13), "month must be 1..12"),
        (lambda: FuzzyDate.quarter(2020, 0), "quarter must be 1..4"),
        (lambda: FuzzyDate.semester(2020, 3), "semester must be 1 or 2"),
        (lambda: FuzzyDate.year(999), "outside 1000..9999"),
        (lambda: FuzzyDate.year(10000), "outside 1000..9999"),
        (lambda: FuzzyDate.day(D(999, 12, 31)), "outside years 1000..9999"),
        (lambda: FuzzyDate.day(datetime(2020, 1, 1, 10)), "must be a datetime.date"),
        (lambda: FuzzyDate.unknown().with_provisional(True), "cannot be provisional"),
    ],
)
def test_bad_constructor_arguments_raise_fuzzy_date_error(make: object, complaint: str) -> None:
    assert callable(make)
    with pytest.raises(FuzzyDateError, match=complaint):
        make()


@pytest.mark.parametrize(
    "fields",
    [
        (P.DAY, False, D(2020, 1, 1), D(2020, 1, 2)),
        (P.MONTH, False, D(2020, 1, 2), D(2020, 1, 31)),
        (P.QUARTER, False, D(2020, 2, 1), D(2020, 4, 30)),
        (P.SEMESTER, False, D(2020, 4, 1), D(2020, 9, 30)),
        (P.YEAR, False, D(2020, 1, 1), D(2020, 12, 30)),
        (P.UNKNOWN, True, None, None),
        (P.UNKNOWN, False, D(2020, 1, 1), None),
        (P.MONTH, False, None, None),
        (P.RANGE, False, D(2020, 1, 1), D(2020, 1, 5)),
        (P.DAYS, False, D(2020, 1, 1), D(2020, 1, 3), [D(2020, 1, 1), D(2020, 1, 3)]),
        (P.DAYS, False, D(2020, 1, 1), D(2020, 1, 5), (D(2020, 1, 1), D(2020, 1, 3))),
        (P.MONTH, "yes", D(2020, 1, 1), D(2020, 1, 31)),
    ],
)
def test_direct_construction_of_an_invalid_value_raises(fields: tuple[object, ...]) -> None:
    with pytest.raises(FuzzyDateError, match="invalid FuzzyDate"):
        FuzzyDate(*fields)  # type: ignore[arg-type]


def test_direct_construction_rejects_contiguous_listed_days() -> None:
    days = (D(2020, 1, 1), D(2020, 1, 2))
    with pytest.raises(FuzzyDateError, match="contiguous days are a RANGE"):
        FuzzyDate(P.DAYS, False, days[0], days[1], listed_days=days)


def test_value_is_immutable_and_hashable() -> None:
    value = parse("2020-03")
    with pytest.raises(AttributeError):
        value.provisional = True  # type: ignore[misc]
    assert {value, parse("2020-03"), parse("2020-03?")} == {parse("2020-03"), parse("2020-03?")}


def test_with_provisional_marks_and_unmarks() -> None:
    assert str(parse("2020-07").with_provisional(True)) == "2020-07?"
    assert str(parse("2020-07?").with_provisional(False)) == "2020-07"
    assert FuzzyDate.unknown().with_provisional(False) == FuzzyDate.unknown()


def test_repr_shows_the_edtf_text() -> None:
    assert repr(parse("2020-40?")) == "FuzzyDate.parse_edtf('2020-40?')"


# -- ordering -------------------------------------------------------------------------------


def test_values_sort_by_first_day_then_last_day_with_unknown_last() -> None:
    texts = [
        "XXXX",
        "2020",
        "2020-41",
        "2020-03",
        "2019-12-30/2020-01-02",
        "2020-01-01",
        "2020-33",
        "2020-40",
        "{2020-01-01,2020-01-03}",
        "2019-10-24",
    ]
    ordered = sorted(parse(t) for t in texts)
    assert [str(v) for v in ordered] == [
        "2019-10-24",
        "2019-12-30/2020-01-02",
        "2020-01-01",
        "{2020-01-01,2020-01-03}",
        "2020-33",
        "2020-40",
        "2020",
        "2020-03",
        "2020-41",
        "XXXX",
    ]


def test_same_span_sorts_by_precision() -> None:
    assert parse("2020-01/2020-03") < parse("2020-33")
    assert parse("2020-01/2020-06") < parse("2020-40")


def test_provisional_sorts_after_confirmed_on_the_same_span() -> None:
    assert parse("2020-07") < parse("2020-07?")


def test_equal_values_compare_equal_and_not_less() -> None:
    a, b = parse("2020-33"), parse(" 2020-33 ")
    assert a == b
    assert not a < b
    assert a <= b
    assert a >= b
    assert parse("XXXX") == FuzzyDate.unknown()


def test_comparing_with_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = parse("2020") < "2020"


# -- overlap and containment ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2020-03", "2020-03-31", True),
        ("2020-03", "2020-04-01", False),
        ("2020-33", "2020-03", True),
        ("2020-40", "2020-41", False),
        ("2020", "2020-41", True),
        ("2019-12-30/2020-01-02", "2020-01-02", True),
        ("2019-12-30/2020-01-02", "2020-01-03", False),
        ("2019-10/2019-12", "2019-11-15", True),
        ("{2020-02-03,2020-02-05}", "2020-02-04", False),
        ("{2020-02-03,2020-02-05}", "2020-02-05", True),
        ("{2020-02-03,2020-02-05}", "2020-02", True),
        ("{2020-02-03,2020-02-05}", "{2020-02-04,2020-02-06}", False),
        ("{2020-02-03,2020-02-05}", "{2020-02-01,2020-02-05}", True),
        ("{2020-02-03,2020-02-07}", "2020-02-04/2020-02-06", False),
        ("{2020-02-03,2020-02-07}", "2020-02-04/2020-02-07", True),
        ("XXXX", "2020", False),
        ("XXXX", "XXXX", False),
        ("2020-07?", "2020-07-14", True),
    ],
)
def test_overlaps_is_whether_a_possible_day_is_shared(a: str, b: str, expected: bool) -> None:
    assert parse(a).overlaps(parse(b)) is expected
    assert parse(b).overlaps(parse(a)) is expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("2020-02", D(2020, 2, 29), True),
        ("2020-02", D(2020, 3, 1), False),
        ("2020-36", D(2020, 10, 1), True),
        ("{2020-02-03,2020-02-05}", D(2020, 2, 4), False),
        ("{2020-02-03,2020-02-05}", D(2020, 2, 3), True),
        ("2019-10/2019-12", D(2019, 12, 31), True),
        ("XXXX", D(2020, 1, 1), False),
    ],
)
def test_contains_tells_whether_a_day_is_possible(text: str, day: date, expected: bool) -> None:
    assert parse(text).contains(day) is expected
