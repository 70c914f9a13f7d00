"""The shape of one language's vocabulary for printing fuzzy dates.

Only words and word order live here; the algorithm is shared (``comitia.dates.printing``).
Month and weekday names are not typed by hand: they come from Babel for ``locale``.
Templates are ``str.format`` strings with the named fields shown in each comment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vocabulary:
    """Words and templates for one language."""

    # Babel locale for month and weekday names ("pt" is Brazilian Portuguese in CLDR).
    locale: str
    # {day} {month}: a day, or a list of days, in a month: "24 octobre", "24 de octubre".
    day_month: str
    # {month} {year}: a month, or a day_month (list), in a year: "mars 2020", "marzo de 2020".
    month_year: str
    # {weekday} {date}: "jeudi 24 octobre 2019", "Thursday, 24 October 2019".
    weekday_date: str
    # Joins the last two items of a list: "3, 5 et 7".
    last_separator: str
    # A range of days: "du {start} au {end}".
    day_range: str
    # A range of months or years: "de {start} à {end}".
    period_range: str
    # quarter 1..4 and semester 1..2, each with {year}.
    quarters: tuple[str, str, str, str]
    semesters: tuple[str, str]
    # "To be confirmed" (UNKNOWN).
    unknown: str
    # Appended to provisional values: " (provisoire)".
    provisional: str
    # Joins the other items of a list.
    separator: str = ", "
    # Day numbers written otherwise than in digits: French "1er".
    day_numbers: Mapping[int, str] = field(default_factory=dict)
    # (word, elided) pairs applied before a vowel: French "de octobre" -> "d’octobre".
    elisions: tuple[tuple[str, str], ...] = ()
