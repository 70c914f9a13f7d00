"""Reading dates and times in four languages: tables of expressions and round-trip properties."""

from datetime import date, time, timedelta

import pytest
from babel.dates import get_month_names
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from comitia.dates import (
    DateParseError,
    FuzzyDate,
    TimeRange,
    WeekdayMismatchError,
    parse,
    parse_time_range,
)
from comitia.dates.vocab import vocabulary
from tests.dates.test_properties import fuzzy_dates

# A 2019-2020 plan runs from October 2019 to September 2020.
TERM = (date(2019, 10, 1), date(2020, 9, 30))

EXPRESSIONS = [
    # French
    ("fr", "Jeudi 24 octobre", "2019-10-24"),
    ("fr", "jeudi 24 octobre 2019", "2019-10-24"),
    ("fr", "30 et 31 octobre", "2019-10-30/2019-10-31"),
    ("fr", "Du 17 au 20 novembre", "2019-11-17/2019-11-20"),
    ("fr", "du 30 décembre au 2 janvier", "2019-12-30/2020-01-02"),
    ("fr", "3, 5 et 7 février 2020", "{2020-02-03,2020-02-05,2020-02-07}"),
    ("fr", "Du 16 au 18 mars 2020", "2020-03-16/2020-03-18"),
    ("fr", "Mars", "2020-03"),
    ("fr", "Juillet (prov.)", "2020-07?"),
    ("fr", "Août (prov.)", "2020-08?"),
    ("fr", "2 avril (provisoire)", "2020-04-02?"),
    ("fr", "Mardi 14 avril (Date provisoire)", "2020-04-14?"),
    ("fr", "date proposée : le 26 mars 2020", "2020-03-26?"),
    ("fr", "Premier semestre", "2020-40"),
    ("fr", "second semestre 2020", "2020-41"),
    ("fr", "troisième trimestre 2020", "2020-35"),
    ("fr", "d’octobre à décembre 2019", "2019-10/2019-12"),
    ("fr", "1er juillet", "2020-07-01"),
    ("fr", "date à confirmer", "XXXX"),
    ("fr", "2020", "2020"),
    ("fr", "17-20 décembre", "2019-12-17/2019-12-20"),
    # English
    ("en", "Thursday, October 24, 2019", "2019-10-24"),
    ("en", "Thursday, 24 October 2019", "2019-10-24"),
    ("en", "6 and 7 November", "2019-11-06/2019-11-07"),
    ("en", "17-20 November", "2019-11-17/2019-11-20"),
    ("en", "November 17-20, 2019", "2019-11-17/2019-11-20"),
    ("en", "October 30 to November 2, 2019", "2019-10-30/2019-11-02"),
    ("en", "from 14 to 17 January 2020", "2020-01-14/2020-01-17"),
    ("en", "second half of 2020", "2020-41"),
    ("en", "first quarter of 2020", "2020-33"),
    ("en", "March (tentative)", "2020-03?"),
    ("en", "to be confirmed", "XXXX"),
    ("en", "July 1st", "2020-07-01"),
    # Spanish
    ("es", "jueves 24 de octubre de 2019", "2019-10-24"),
    ("es", "del 17 al 20 de noviembre", "2019-11-17/2019-11-20"),
    ("es", "6 y 7 de noviembre", "2019-11-06/2019-11-07"),
    ("es", "segundo semestre de 2014", "2014-41"),
    ("es", "primer trimestre de 2020", "2020-33"),
    ("es", "marzo (fecha provisional)", "2020-03?"),
    ("es", "por confirmar", "XXXX"),
    ("es", "Noviembre (por confirmar)", "2019-11?"),
    ("es", "de octubre a diciembre de 2019", "2019-10/2019-12"),
    # Portuguese
    ("pt", "quinta-feira, 24 de outubro", "2019-10-24"),
    ("pt", "de 17 a 20 de novembro", "2019-11-17/2019-11-20"),
    ("pt", "30 e 31 de outubro de 2019", "2019-10-30/2019-10-31"),
    ("pt", "primeiro trimestre", "2020-33"),
    ("pt", "segundo semestre de 2020", "2020-41"),
    ("pt", "1º de julho de 2020", "2020-07-01"),
    ("pt", "abril (provisório)", "2020-04?"),
    ("pt", "a confirmar", "XXXX"),
]


@pytest.mark.parametrize(("lang", "text", "edtf"), EXPRESSIONS)
def test_an_expression_reads_as_its_edtf_value(lang: str, text: str, edtf: str) -> None:
    assert str(parse(text, lang, period=TERM)) == edtf


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Jeudi 25 octobre 2019"),
        ("en", "Monday, October 24, 2019"),
        ("es", "viernes 24 de octubre de 2019"),
        ("pt", "sábado, 24 de outubro de 2019"),
    ],
)
def test_a_weekday_that_contradicts_its_date_is_an_error_that_keeps_the_date(
    lang: str, text: str
) -> None:
    with pytest.raises(WeekdayMismatchError, match="weekday") as caught:
        parse(text, lang)
    assert caught.value.value.first_day is not None
    assert isinstance(caught.value, DateParseError)


@pytest.mark.parametrize(
    ("lang", "text", "why"),
    [
        ("fr", "", "empty"),
        ("fr", "Jeudi 24 octobre", "no year"),
        ("fr", "31 février 2020", "does not exist"),
        ("fr", "réunion ordinaire", "réunion"),
        ("en", "5 trimestre 2020", "trimestre"),
        ("en", "fifth quarter", "fifth"),
        ("fr", "20 au 17 novembre 2019", "does not come after"),
        ("xx", "24 octobre 2019", "unsupported language"),
    ],
)
def test_text_that_is_not_a_date_raises_one_error_naming_the_problem(
    lang: str, text: str, why: str
) -> None:
    with pytest.raises(DateParseError if lang != "xx" else ValueError, match=why):
        parse(text, lang)


def test_a_missing_year_comes_from_the_period_october_to_september() -> None:
    assert str(parse("Novembre", "fr", period=TERM)) == "2019-11"
    assert str(parse("Septembre", "fr", period=TERM)) == "2020-09"
    calendar_2020 = (date(2020, 1, 1), date(2020, 12, 31))
    assert str(parse("Novembre", "fr", period=calendar_2020)) == "2020-11"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 h 00 – 13 h00", TimeRange(time(10), time(13))),
        ("14 h 30 – 17 h 30", TimeRange(time(14, 30), time(17, 30))),
        ("10 h 00 – 13 h 00", TimeRange(time(10), time(13))),
        ("10:00-13:00", TimeRange(time(10), time(13))),
        ("2:30 p.m.", TimeRange(time(14, 30))),
        ("10-11 a.m.", TimeRange(time(10), time(11))),
        ("a las 10.00 horas", TimeRange(time(10))),
        ("às 14h30", TimeRange(time(14, 30))),
        ("9 h 30 - 11 heures", TimeRange(time(9, 30), time(11))),
        ("(9 h 00 – 12 h 00)", TimeRange(time(9), time(12))),
        # How Comitia prints noon in English and in Spanish.
        ("(9:00 a.m. – 12:00 noon)", TimeRange(time(9), time(12))),
        ("(9:00 a.m. – 12:00 m.)", TimeRange(time(9), time(12))),
    ],
)
def test_times_and_time_ranges_read_in_every_language(text: str, expected: TimeRange) -> None:
    assert parse_time_range(text) == expected


@pytest.mark.parametrize("text", ["24 octobre", "salle 12", "25:00", "", "20 : 67e session"])
def test_text_without_a_time_raises(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_time_range(text)


@settings(max_examples=300, deadline=None)
@given(fuzzy_dates, st.sampled_from(["fr", "en", "es", "pt"]))
def test_printing_then_parsing_gives_the_same_fuzzy_date(value: FuzzyDate, lang: str) -> None:
    assert parse(value.format(lang), lang) == value


BETWEEN = [
    ("fr", "entre le 3 et le 5 mars 2020", "2020-03-03/2020-03-05"),
    ("fr", "entre le 30 décembre et le 2 janvier", "2019-12-30/2020-01-02"),
    ("fr", "entre mars et mai 2020", "2020-03/2020-05"),
    ("fr", "Entre le 3 et le 5 mars (provisoire)", "2020-03-03?/2020-03-05?"),
    ("en", "between 3 and 5 March", "2020-03-03/2020-03-05"),
    ("en", "between March 3 and 5, 2020", "2020-03-03/2020-03-05"),
    ("en", "Between 30 October and 2 November 2019", "2019-10-30/2019-11-02"),
    ("es", "entre el 3 y el 5 de marzo de 2020", "2020-03-03/2020-03-05"),
    ("es", "entre marzo y mayo", "2020-03/2020-05"),
    ("pt", "entre 3 e 5 de março", "2020-03-03/2020-03-05"),
    ("pt", "entre 30 de outubro e 2 de novembro de 2019", "2019-10-30/2019-11-02"),
]


@pytest.mark.parametrize(("lang", "text", "edtf"), BETWEEN)
def test_between_two_dates_reads_as_the_range_from_one_to_the_other(
    lang: str, text: str, edtf: str
) -> None:
    assert str(parse(text, lang, period=TERM)) == edtf


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "entre le 3 mars"),
        ("fr", "entre le 3, 4 et 5 mars"),
        ("en", "3 between 5 March"),
        ("es", "entre el 3 al 5 de marzo"),
    ],
)
def test_between_needs_two_dates_joined_by_one_conjunction(lang: str, text: str) -> None:
    with pytest.raises(DateParseError, match="between"):
        parse(text, lang, period=TERM)


# Early, mid and late month: days 1-10, 11-20 and 21 to the month's end.
MONTH_PARTS = [
    ("fr", "début mars 2020", "2020-03-01/2020-03-10"),
    ("fr", "au début de mars", "2020-03-01/2020-03-10"),
    ("fr", "mi-mars", "2020-03-11/2020-03-20"),
    ("fr", "à la mi-mars 2020", "2020-03-11/2020-03-20"),
    ("fr", "fin février 2020", "2020-02-21/2020-02-29"),
    ("fr", "Fin novembre (provisoire)", "2019-11-21?/2019-11-30?"),
    ("en", "early March 2020", "2020-03-01/2020-03-10"),
    ("en", "mid-March", "2020-03-11/2020-03-20"),
    ("en", "late February 2020", "2020-02-21/2020-02-29"),
    ("en", "the end of March", "2020-03-21/2020-03-31"),
    ("es", "principios de marzo de 2020", "2020-03-01/2020-03-10"),
    ("es", "a mediados de marzo", "2020-03-11/2020-03-20"),
    ("es", "finales de febrero de 2020", "2020-02-21/2020-02-29"),
    ("pt", "início de março de 2020", "2020-03-01/2020-03-10"),
    ("pt", "meados de março", "2020-03-11/2020-03-20"),
    ("pt", "no fim de fevereiro de 2020", "2020-02-21/2020-02-29"),
    ("pt", "final de abril (provisório)", "2020-04-21?/2020-04-30?"),
]


@pytest.mark.parametrize(("lang", "text", "edtf"), MONTH_PARTS)
def test_early_mid_or_late_month_reads_as_a_third_of_the_month(
    lang: str, text: str, edtf: str
) -> None:
    assert str(parse(text, lang, period=TERM)) == edtf


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "fin 2020"), ("en", "early 2020"), ("es", "mediados de 2020"), ("fr", "début 3 mars")],
)
def test_a_part_of_anything_but_one_month_raises(lang: str, text: str) -> None:
    # A part of a year has no agreed span: refused rather than guessed.
    with pytest.raises(DateParseError, match="part of a month"):
        parse(text, lang, period=TERM)


_BETWEEN_DAYS = {
    "fr": "entre le {a} et le {b} {month} {year}",
    "en": "between {a} and {b} {month} {year}",
    "es": "entre el {a} y el {b} de {month} de {year}",
    "pt": "entre {a} e {b} de {month} de {year}",
}
_PART_WORDS = {
    "fr": ("début {month} {year}", "mi-{month} {year}", "fin {month} {year}"),
    "en": ("early {month} {year}", "mid-{month} {year}", "late {month} {year}"),
    "es": (
        "principios de {month} de {year}",
        "mediados de {month} de {year}",
        "finales de {month} de {year}",
    ),
    "pt": (
        "início de {month} de {year}",
        "meados de {month} de {year}",
        "fim de {month} de {year}",
    ),
}


def _month_name(lang: str, month: int) -> str:
    return str(get_month_names("wide", locale=vocabulary(lang).locale)[month])


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(2000, 1, 1), date(2040, 12, 31)),
    st.integers(1, 27),
    st.sampled_from(["fr", "en", "es", "pt"]),
)
def test_between_two_days_of_a_month_is_the_range_that_prints_back(
    start: date, length: int, lang: str
) -> None:
    end = start + timedelta(days=length)
    assume(end.month == start.month)
    text = _BETWEEN_DAYS[lang].format(
        a=start.day, b=end.day, month=_month_name(lang, start.month), year=start.year
    )
    value = parse(text, lang)
    assert value == FuzzyDate.range(start, end)
    assert parse(value.format(lang), lang) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2040), st.integers(1, 12), st.sampled_from(["fr", "en", "es", "pt"]))
def test_the_three_parts_of_a_month_cover_it_without_overlap_and_print_back(
    year: int, month: int, lang: str
) -> None:
    name = _month_name(lang, month)
    parts = [parse(t.format(month=name, year=year), lang) for t in _PART_WORDS[lang]]
    days = [d for p in parts for d in _days_of(p)]
    whole = FuzzyDate.month(year, month)
    assert days == list(_days_of(FuzzyDate.range(whole.first_day, whole.last_day)))
    for part in parts:
        assert parse(part.format(lang), lang) == part


def _days_of(value: FuzzyDate) -> list[date]:
    assert value.first_day is not None and value.last_day is not None
    count = (value.last_day - value.first_day).days + 1
    return [value.first_day + timedelta(days=n) for n in range(count)]


# A term over two years: October 2019 to September 2020 (TERM), or mid-November to
# mid-November. A half-year or quarter without a year is the first one that overlaps the term,
# even when it does not lie inside it (the second half of 2019 starts in July, before the term).
@pytest.mark.parametrize(
    ("lang", "text", "period", "edtf"),
    [
        ("fr", "deuxième semestre", TERM, "2019-41"),
        ("fr", "second semestre", TERM, "2019-41"),
        ("en", "second half", TERM, "2019-41"),
        ("es", "segundo semestre", TERM, "2019-41"),
        ("pt", "segundo semestre", TERM, "2019-41"),
        ("fr", "quatrième trimestre", (date(2019, 11, 15), date(2020, 11, 14)), "2019-36"),
        ("en", "third quarter", (date(2019, 8, 1), date(2020, 7, 31)), "2019-35"),
        ("es", "primer trimestre", (date(2019, 2, 15), date(2020, 2, 14)), "2019-33"),
    ],
)
def test_a_half_year_or_quarter_without_a_year_is_the_first_that_overlaps_the_term(
    lang: str, text: str, period: tuple[date, date], edtf: str
) -> None:
    assert str(parse(text, lang, period=period)) == edtf


def test_a_half_year_that_does_not_touch_the_term_raises() -> None:
    with pytest.raises(DateParseError):
        parse("deuxième semestre", "fr", period=(date(2020, 1, 1), date(2020, 6, 30)))
