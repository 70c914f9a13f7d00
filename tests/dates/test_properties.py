"""Properties over generated fuzzy dates: EDTF round trip, ordering and overlap."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.dates import FuzzyDate, Precision
from comitia.dates.vocab import LANGUAGES

quick = settings(max_examples=150, deadline=None)

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
years = st.integers(min_value=1000, max_value=9999)
flags = st.booleans()


@st.composite
def ranges(draw: st.DrawFn) -> FuzzyDate:
    unit = draw(st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]))
    provisional = draw(flags)
    if unit is Precision.DAY:
        start = draw(days.filter(lambda d: d < date(9999, 12, 31)))
        room = (date(9999, 12, 31) - start).days
        end = start + timedelta(days=draw(st.integers(min_value=1, max_value=min(400, room))))
        return FuzzyDate.range(start, end, provisional=provisional)
    if unit is Precision.MONTH:
        first = draw(st.integers(min_value=1000 * 12, max_value=9999 * 12 + 10))
        last = draw(st.integers(min_value=first + 1, max_value=min(first + 40, 9999 * 12 + 11)))
        start, end = (date(n // 12, n % 12 + 1, 1) for n in (first, last))
        return FuzzyDate.range(start, end, unit=unit, provisional=provisional)
    start_year = draw(st.integers(min_value=1000, max_value=9998))
    end_year = draw(st.integers(min_value=start_year + 1, max_value=min(start_year + 5, 9999)))
    return FuzzyDate.range(
        date(start_year, 1, 1), date(end_year, 1, 1), unit=unit, provisional=provisional
    )


@st.composite
def several_days(draw: st.DrawFn) -> FuzzyDate:
    """Days near each other, so that some sets come out contiguous and become ranges."""
    start = draw(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 11, 30)))
    offsets = draw(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=6))
    return FuzzyDate.days([start + timedelta(days=n) for n in offsets], provisional=draw(flags))


fuzzy_dates = st.one_of(
    st.builds(FuzzyDate.day, days, provisional=flags),
    several_days(),
    ranges(),
    st.builds(FuzzyDate.month, years, st.integers(1, 12), provisional=flags),
    st.builds(FuzzyDate.quarter, years, st.integers(1, 4), provisional=flags),
    st.builds(FuzzyDate.semester, years, st.integers(1, 2), provisional=flags),
    st.builds(FuzzyDate.year, years, provisional=flags),
    st.just(FuzzyDate.unknown()),
)


@quick
@given(fuzzy_dates)
def test_edtf_text_round_trips(value: FuzzyDate) -> None:
    text = str(value)
    assert FuzzyDate.parse_edtf(text) == value
    assert str(FuzzyDate.parse_edtf(text)) == text
    assert hash(FuzzyDate.parse_edtf(text)) == hash(value)


@quick
@given(fuzzy_dates)
def test_known_values_contain_their_first_and_last_day(value: FuzzyDate) -> None:
    if value.precision is Precision.UNKNOWN:
        assert value.first_day is None
        assert value.last_day is None
    else:
        assert value.first_day is not None
        assert value.last_day is not None
        assert value.first_day <= value.last_day
        assert value.contains(value.first_day)
        assert value.contains(value.last_day)
        assert value.overlaps(value)


@quick
@given(fuzzy_dates, fuzzy_dates)
def test_ordering_follows_first_day_and_puts_unknown_last(a: FuzzyDate, b: FuzzyDate) -> None:
    if a.first_day is None:
        assert b <= a
    elif b.first_day is None or a.first_day < b.first_day:
        assert a < b
    assert (a == b) == (not a < b and not b < a)


@quick
@given(fuzzy_dates, fuzzy_dates)
def test_overlaps_is_symmetric(a: FuzzyDate, b: FuzzyDate) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@quick
@given(fuzzy_dates, days)
def test_overlapping_a_day_is_containing_it(value: FuzzyDate, day: date) -> None:
    assert value.overlaps(FuzzyDate.day(day)) == value.contains(day)


@quick
@given(fuzzy_dates, st.sampled_from(sorted(LANGUAGES)))
def test_every_value_prints_in_every_language(value: FuzzyDate, lang: str) -> None:
    printed = value.format(lang)
    assert printed
    assert "{" not in printed
    assert printed.endswith(LANGUAGES[lang].provisional) == value.provisional
