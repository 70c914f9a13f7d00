"""English vocabulary, day-month-year as in OAS English documents."""

from comitia.dates.vocab.base import Vocabulary

VOCABULARY = Vocabulary(
    locale="en",
    day_month="{day} {month}",
    month_year="{month} {year}",
    weekday_date="{weekday}, {date}",
    last_separator=" and ",
    day_range="from {start} to {end}",
    period_range="from {start} to {end}",
    quarters=(
        "first quarter of {year}",
        "second quarter of {year}",
        "third quarter of {year}",
        "fourth quarter of {year}",
    ),
    semesters=("first half of {year}", "second half of {year}"),
    unknown="to be confirmed",
    provisional=" (provisional)",
)
