"""English vocabulary, United States order as in OAS English documents: "October 24, 2019"."""

from comitia.dates.vocab.base import ReadingWords, Vocabulary

VOCABULARY = Vocabulary(
    locale="en",
    day_month="{month} {day}",
    month_year="{month} {year}",
    day_year="{month}, {year}",
    weekday_date="{weekday}, {date}",
    last_separator=" and ",
    day_range="{start} to {end}",
    period_range="{start} to {end}",
    quarters=(
        "first quarter of {year}",
        "second quarter of {year}",
        "third quarter of {year}",
        "fourth quarter of {year}",
    ),
    semesters=("first half of {year}", "second half of {year}"),
    unknown="to be confirmed",
    provisional=" (provisional)",
    reading=ReadingWords(
        conjunctions=("and", "&"),
        range_openers=("from", "between"),
        range_closers=("to", "until", "through", "till", "thru"),
        fillers=("the", "of", "on", "in"),
        ordinals=(
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th", "last"),
        ),
        quarter_words=("quarter",),
        semester_words=("half", "semester"),
        provisional_marks=(
            "provisional date",
            "provisional",
            "prov.",
            "tentative date",
            "tentative",
            "proposed date",
            "proposed",
            "tbc",
        ),
        unknown_marks=("to be confirmed", "to be determined", "date to be confirmed", "tbd"),
        day_suffixes=("st", "nd", "rd", "th"),
        hour_words=("h", "hrs", "hours", "hour"),
        between_words=("between",),
        month_parts=(
            ("early", "in early", "beginning of", "the beginning of", "at the beginning of"),
            ("mid", "in mid", "middle of", "the middle of", "in the middle of"),
            ("late", "in late", "end of", "the end of", "at the end of"),
        ),
    ),
)
