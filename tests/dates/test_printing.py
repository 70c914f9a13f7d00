"""Printing fuzzy dates and days in French, English, Spanish and Portuguese."""

from datetime import date

import pytest

from comitia.dates import FuzzyDate, FuzzyDateError, format_day
from comitia.dates.vocab import LANGUAGES


def fmt(text: str, lang: str) -> str:
    return FuzzyDate.parse_edtf(text).format(lang)


FRENCH = [
    ("2019-10-24", "24 octobre 2019"),
    ("2020-07-01", "1er juillet 2020"),
    ("2019-10-30/2019-10-31", "30 et 31 octobre 2019"),
    ("2019-10-31/2019-11-01", "31 octobre et 1er novembre 2019"),
    ("2020-01-14/2020-01-17", "du 14 au 17 janvier 2020"),
    ("2020-07-01/2020-07-03", "du 1er au 3 juillet 2020"),
    ("2020-11-30/2020-12-02", "du 30 novembre au 2 décembre 2020"),
    ("2019-12-30/2020-01-02", "du 30 décembre 2019 au 2 janvier 2020"),
    ("2019-10/2019-12", "d’octobre à décembre 2019"),
    ("2020-01/2020-03", "de janvier à mars 2020"),
    ("2019-12/2020-02", "de décembre 2019 à février 2020"),
    ("2019/2021", "de 2019 à 2021"),
    ("{2020-02-03,2020-02-05}", "3 et 5 février 2020"),
    ("{2020-02-03,2020-02-05,2020-02-07}", "3, 5 et 7 février 2020"),
    ("{2020-01-31,2020-02-02}", "31 janvier et 2 février 2020"),
    ("{2019-12-31,2020-01-02}", "31 décembre 2019 et 2 janvier 2020"),
    ("2020-03", "mars 2020"),
    ("2020-33", "premier trimestre 2020"),
    ("2020-34", "deuxième trimestre 2020"),
    ("2020-35", "troisième trimestre 2020"),
    ("2020-36", "quatrième trimestre 2020"),
    ("2020-40", "premier semestre 2020"),
    ("2020-41", "second semestre 2020"),
    ("2020", "2020"),
    ("XXXX", "date à confirmer"),
    ("2020-07?", "juillet 2020 (provisoire)"),
    ("2020-04-16?/2020-04-17?", "16 et 17 avril 2020 (provisoire)"),
]

ENGLISH = [
    ("2019-10-24", "October 24, 2019"),
    ("2020-07-01", "July 1, 2020"),
    ("2019-10-30/2019-10-31", "October 30 and 31, 2019"),
    ("2019-10-31/2019-11-01", "October 31 and November 1, 2019"),
    ("2020-01-14/2020-01-17", "January 14 to 17, 2020"),
    ("2020-11-30/2020-12-02", "November 30 to December 2, 2020"),
    ("2019-12-30/2020-01-02", "December 30, 2019 to January 2, 2020"),
    ("2019-10/2019-12", "October to December 2019"),
    ("2019-12/2020-02", "December 2019 to February 2020"),
    ("2019/2021", "2019 to 2021"),
    ("{2020-02-03,2020-02-05}", "February 3 and 5, 2020"),
    ("{2020-02-03,2020-02-05,2020-02-07}", "February 3, 5 and 7, 2020"),
    ("{2020-01-31,2020-02-02}", "January 31 and February 2, 2020"),
    ("{2019-12-31,2020-01-02}", "December 31, 2019 and January 2, 2020"),
    ("2020-03", "March 2020"),
    ("2020-33", "first quarter of 2020"),
    ("2020-36", "fourth quarter of 2020"),
    ("2020-40", "first half of 2020"),
    ("2020-41", "second half of 2020"),
    ("2020", "2020"),
    ("XXXX", "to be confirmed"),
    ("2020-07?", "July 2020 (provisional)"),
    ("2020-04-16?/2020-04-17?", "April 16 and 17, 2020 (provisional)"),
]

SPANISH = [
    ("2019-10-24", "24 de octubre de 2019"),
    ("2020-07-01", "1 de julio de 2020"),
    ("2019-10-30/2019-10-31", "30 y 31 de octubre de 2019"),
    ("2020-01-14/2020-01-17", "del 14 al 17 de enero de 2020"),
    ("2019-12-30/2020-01-02", "del 30 de diciembre de 2019 al 2 de enero de 2020"),
    ("2019-10/2019-12", "de octubre a diciembre de 2019"),
    ("{2020-02-03,2020-02-05,2020-02-07}", "3, 5 y 7 de febrero de 2020"),
    ("2020-03", "marzo de 2020"),
    ("2020-33", "primer trimestre de 2020"),
    ("2020-40", "primer semestre de 2020"),
    ("2020-41", "segundo semestre de 2020"),
    ("2020", "2020"),
    ("XXXX", "por confirmar"),
    ("2020-07?", "julio de 2020 (provisional)"),
]

PORTUGUESE = [
    ("2019-10-24", "24 de outubro de 2019"),
    ("2020-07-01", "1º de julho de 2020"),
    ("2019-10-30/2019-10-31", "30 e 31 de outubro de 2019"),
    ("2020-01-14/2020-01-17", "de 14 a 17 de janeiro de 2020"),
    ("2019-12-30/2020-01-02", "de 30 de dezembro de 2019 a 2 de janeiro de 2020"),
    ("2019-10/2019-12", "de outubro a dezembro de 2019"),
    ("{2020-02-03,2020-02-05,2020-02-07}", "3, 5 e 7 de fevereiro de 2020"),
    ("2020-03", "março de 2020"),
    ("2020-33", "primeiro trimestre de 2020"),
    ("2020-40", "primeiro semestre de 2020"),
    ("2020-41", "segundo semestre de 2020"),
    ("2020", "2020"),
    ("XXXX", "a confirmar"),
    ("2020-07?", "julho de 2020 (provisório)"),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_prints_in_french(text: str, expected: str) -> None:
    assert fmt(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_prints_in_english_month_day_year_as_in_the_united_states(text: str, expected: str) -> None:
    assert fmt(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), SPANISH)
def test_prints_in_spanish(text: str, expected: str) -> None:
    assert fmt(text, "es") == expected


@pytest.mark.parametrize(("text", "expected"), PORTUGUESE)
def test_prints_in_portuguese(text: str, expected: str) -> None:
    assert fmt(text, "pt") == expected


def test_semester_prints_as_premier_semestre_in_french() -> None:
    assert FuzzyDate.semester(2020, 1).format("fr") == "premier semestre 2020"


@pytest.mark.parametrize(
    ("lang", "plain", "with_weekday"),
    [
        ("fr", "24 octobre 2019", "jeudi 24 octobre 2019"),
        ("en", "October 24, 2019", "Thursday, October 24, 2019"),
        ("es", "24 de octubre de 2019", "jueves 24 de octubre de 2019"),
        ("pt", "24 de outubro de 2019", "quinta-feira, 24 de outubro de 2019"),
    ],
)
def test_format_day_with_and_without_weekday(lang: str, plain: str, with_weekday: str) -> None:
    assert format_day(date(2019, 10, 24), lang) == plain
    assert format_day(date(2019, 10, 24), lang, weekday=True) == with_weekday


def test_format_day_writes_the_first_of_the_month_as_1er_in_french() -> None:
    assert format_day(date(2020, 7, 1), "fr", weekday=True) == "mercredi 1er juillet 2020"


@pytest.mark.parametrize("lang", ["de", "", "FR", "pt_BR", "en-GB"])
def test_unsupported_language_raises_fuzzy_date_error_naming_it(lang: str) -> None:
    with pytest.raises(FuzzyDateError, match=f"unsupported language {lang!r}"):
        fmt("2020", lang)
    with pytest.raises(FuzzyDateError, match="expected one of en, es, fr, pt"):
        format_day(date(2020, 1, 1), lang)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@pytest.mark.parametrize(
    "text",
    [t for t, _ in FRENCH] + ["{2019-11-30,2020-01-02,2020-01-05,2020-03-01}", "1000-40?"],
)
def test_every_language_prints_every_shape_without_template_leftovers(lang: str, text: str) -> None:
    printed = fmt(text, lang)
    assert printed
    assert "{" not in printed
    assert "}" not in printed
    assert printed == printed.strip()
    assert "  " not in printed
