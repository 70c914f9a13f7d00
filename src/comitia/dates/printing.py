"""Print fuzzy dates and days as human text in French, English, Spanish or Portuguese.

One algorithm for every language: words and word order come from ``comitia.dates.vocab``,
month and weekday names from Babel. Both functions raise ``FuzzyDateError`` (a ``ValueError``)
for a language other than "fr", "en", "es" and "pt"; they never return an empty string.

Shapes, shown in French: "24 octobre 2019"; two or more separate days "3, 5 et 7 février 2020";
a range of two days "30 et 31 octobre 2019", of more "du 14 au 17 janvier 2020"; months
"d’octobre à décembre 2019"; "mars 2020"; "premier trimestre 2020"; "second semestre 2020";
"2020"; "date à confirmer"; a provisional value ends with " (provisoire)".

English follows United States usage, as in the English documents of the OAS: month before day,
a comma before the year of a day, none before the year of a month, no serial comma, ranges
with "to" (not a dash, so that they read aloud and parse back): "Thursday, October 24, 2019";
"October 30 and 31, 2019"; "February 3, 5 and 7, 2020"; "November 17 to 20, 2020";
"October 30 to November 2, 2019"; "December 30, 2019 to January 2, 2020"; "October 2019";
"October to December 2019"; "2019 to 2021".

Days that share their month and year are written once, with the shared words around them (the
template decides on which side): "du 14 au 17 janvier 2020", "November 17 to 20, 2020".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date

from comitia.dates.fuzzy import FuzzyDate, Precision
from comitia.dates.vocab import Vocabulary, vocabulary

_VOWELS = "aeiouyàâäéèêëîïôöùûü"


def format_fuzzy_date(value: FuzzyDate, lang: str) -> str:
    """``value`` as text in ``lang``; also available as ``FuzzyDate.format(lang)``."""
    v = vocabulary(lang)
    text = _text(value, v)
    return text + v.provisional if value.provisional else text


def format_day(d: date, lang: str, *, weekday: bool = False) -> str:
    """One day in ``lang``: "24 octobre 2019", or with ``weekday`` "jeudi 24 octobre 2019"."""
    v = vocabulary(lang)
    text = _full_day(d, v)
    if weekday:
        from babel.dates import get_day_names  # when first printed (see parsing._table)

        name = get_day_names("wide", context="format", locale=v.locale)[d.weekday()]
        text = v.weekday_date.format(weekday=name, date=text)
    return text


def _text(value: FuzzyDate, v: Vocabulary) -> str:
    first, last = value.first_day, value.last_day
    if first is None or last is None:
        return v.unknown
    p = value.precision
    if p is Precision.DAY:
        return _full_day(first, v)
    if p is Precision.DAYS:
        return _day_list(value.listed_days, v)
    if p is Precision.RANGE:
        return _range(first, last, value.range_unit, v)
    if p is Precision.MONTH:
        return _month_year(first, v)
    if p is Precision.QUARTER:
        return v.quarters[(first.month - 1) // 3].format(year=first.year)
    if p is Precision.SEMESTER:
        return v.semesters[(first.month - 1) // 6].format(year=first.year)
    return str(first.year)


def _range(first: date, last: date, unit: Precision | None, v: Vocabulary) -> str:
    if unit is Precision.DAY:
        if (last - first).days == 1:
            return _day_list((first, last), v)
        if (first.year, first.month) == (last.year, last.month):
            numbers = v.day_range.format(start=_day_number(first, v), end=_day_number(last, v))
            return _days_of_year(
                v.day_month.format(day=numbers, month=_month_name(first, v)), v, first.year
            )
        if first.year == last.year:
            days = v.day_range.format(start=_day_month(first, v), end=_day_month(last, v))
            return _days_of_year(days, v, first.year)
        return v.day_range.format(start=_full_day(first, v), end=_full_day(last, v))
    if unit is Precision.MONTH:
        start = _month_name(first, v) if first.year == last.year else _month_year(first, v)
        return _elide(v.period_range.format(start=start, end=_month_year(last, v)), v)
    return _elide(v.period_range.format(start=first.year, end=last.year), v)


def _day_list(days: Iterable[date], v: Vocabulary) -> str:
    """Days grouped by year, then month: "31 janvier et 2 février 2020"."""
    in_years = []
    for year, of_year in itertools.groupby(days, key=lambda d: d.year):
        in_months = []
        for _, of_month in itertools.groupby(of_year, key=lambda d: d.month):
            month_days = list(of_month)
            numbers = _join([_day_number(d, v) for d in month_days], v)
            in_months.append(v.day_month.format(day=numbers, month=_month_name(month_days[0], v)))
        in_years.append(_days_of_year(_join(in_months, v), v, year))
    return _join(in_years, v)


def _join(items: list[str], v: Vocabulary) -> str:
    if len(items) < 2:
        return "".join(items)
    return v.separator.join(items[:-1]) + v.last_separator + items[-1]


def _full_day(d: date, v: Vocabulary) -> str:
    return _days_of_year(_day_month(d, v), v, d.year)


def _days_of_year(days: str, v: Vocabulary, year: int) -> str:
    """Days already joined to their month(s), then the year: "October 24, 2019"."""
    return (v.day_year or v.month_year).format(month=days, year=year)


def _day_month(d: date, v: Vocabulary) -> str:
    return v.day_month.format(day=_day_number(d, v), month=_month_name(d, v))


def _month_year(d: date, v: Vocabulary) -> str:
    return v.month_year.format(month=_month_name(d, v), year=d.year)


def _day_number(d: date, v: Vocabulary) -> str:
    return v.day_numbers.get(d.day, str(d.day))


def _month_name(d: date, v: Vocabulary) -> str:
    from babel.dates import get_month_names  # when first printed (see parsing._table)

    # The "format" context is the form used inside a date, lowercase where the language wants.
    name: str = get_month_names("wide", context="format", locale=v.locale)[d.month]
    return name


def _elide(text: str, v: Vocabulary) -> str:
    for word, elided in v.elisions:
        text = re.sub(
            rf"(?<!\w){re.escape(word)}(?=[{_VOWELS}])", elided, text, flags=re.IGNORECASE
        )
    return text
