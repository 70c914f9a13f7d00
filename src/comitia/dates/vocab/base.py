"""The shape of one language's vocabulary for printing fuzzy dates.

Only words and word order live here; the algorithm is shared (``comitia.dates.printing``).
Month and weekday names are not typed by hand: they come from Babel for ``locale``.
Templates are ``str.format`` strings with the named fields shown in each comment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadingWords:
    """Words that ``comitia.dates.parsing`` recognizes besides Babel's month and weekday names.

    All entries are lower case; accents are kept. Phrases may hold several words.
    """

    # Join days or items of a list: "et", "and".
    conjunctions: tuple[str, ...] = ()
    # Open a range ("du", "from"); read and dropped.
    range_openers: tuple[str, ...] = ()
    # Close a range's start: "au", "to"; "-" and "–" work in every language.
    range_closers: tuple[str, ...] = ()
    # Words that carry no meaning inside a date: "de", "of", "le".
    fillers: tuple[str, ...] = ()
    # Month names that Babel does not give, with their numbers: English "Sept".
    extra_months: tuple[tuple[str, int], ...] = ()
    # Ordinals 1..4 for quarters and semesters (several spellings per ordinal).
    ordinals: tuple[tuple[str, ...], ...] = ()
    quarter_words: tuple[str, ...] = ()
    semester_words: tuple[str, ...] = ()
    # Marks of a provisional date and of an unknown one, matched as whole phrases.
    provisional_marks: tuple[str, ...] = ()
    unknown_marks: tuple[str, ...] = ()
    # Suffixes written after a day number: "er" (1er), "º", "st".
    day_suffixes: tuple[str, ...] = ()
    # Time words: "h", "heures", "horas"; words before a time ("à", "a las") are fillers.
    hour_words: tuple[str, ...] = ()
    # Open a range whose two ends are joined by a conjunction: "entre" ... "et", "between" ...
    # "and". The one conjunction after it closes the range's start.
    between_words: tuple[str, ...] = ()
    # Phrases for the early, middle and late part of a month ("début", "mi-", "fin"), written
    # before the month; read as days 1-10, 11-20 and 21 to the month's end.
    month_parts: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())
    # -- times (``comitia.dates.times``) --
    # Morning and afternoon marks after an hour: "a.m.", "p. m.".
    meridiem: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # Words for 12:00 and 00:00, written alone ("midi", "noon") or after 12 ("12 noon").
    noon_words: tuple[str, ...] = ()
    midnight_words: tuple[str, ...] = ()
    # Marks of noon written only after 12: Spanish "12:00 m.".
    noon_marks: tuple[str, ...] = ()
    # Words after hours and minutes only ("15:00 hours"), not after a bare number.
    minute_hour_words: tuple[str, ...] = ()
    # Join the two ends of a time range ("à", "to", "hasta las"); dashes work in every language.
    time_closers: tuple[str, ...] = ()
    # -- finding dates in running text (``comitia.dates.finding``) --
    # Words that join a time to the date written before it: "at", "à", "a las", "de".
    time_openers: tuple[str, ...] = ()
    # Words for days and weeks before a list or range: "los días", "la semaine du".
    day_words: tuple[str, ...] = ()
    week_words: tuple[str, ...] = ()
    # The word "date" that starts an unknown mark standing alone ("fecha por confirmar").
    date_words: tuple[str, ...] = ()
    # Words written before a bare month or year in prose ("in March", "en 2020", "durante").
    period_leads: tuple[str, ...] = ()
    # Month names always start with a capital (English): a lower-case "may" is not a month.
    months_capitalized: bool = False
    # The order of day, month and year in a date written in numbers ("15/03/2021"): "dmy",
    # or "mdy" (United States English, "03/15/2021").
    numeric_order: str = "dmy"


@dataclass(frozen=True)
class Vocabulary:
    """Words and templates for one language."""

    # Babel locale for month and weekday names ("pt" is Brazilian Portuguese in CLDR).
    locale: str
    # {day} {month}: a day, or a list of days, in a month: "24 octobre", "24 de octubre".
    day_month: str
    # {month} {year}: a month, or a day_month (list, range), in a year: "mars 2020",
    # "marzo de 2020"; days in a year use ``day_year`` instead when the language sets it.
    month_year: str
    # {weekday} {date}: "jeudi 24 octobre 2019", "Thursday, October 24, 2019".
    weekday_date: str
    # Joins the last two items of a list: "3, 5 et 7".
    last_separator: str
    # A range of days, each with or without its month: "du {start} au {end}", "{start} to {end}".
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
    # {month} {year} for days (a day_month, list or range) when it differs from month_year:
    # English "October 24, 2019" beside "October 2019". None: month_year serves for both.
    day_year: str | None = None
    # Day numbers written otherwise than in digits: French "1er".
    day_numbers: Mapping[int, str] = field(default_factory=dict)
    # (word, elided) pairs applied before a vowel: French "de octobre" -> "d’octobre".
    elisions: tuple[tuple[str, str], ...] = ()
    # Words for reading dates back (``comitia.dates.parsing``).
    reading: ReadingWords = field(default_factory=ReadingWords)
