"""Portuguese (Brazilian) vocabulary."""

from comitia.dates.vocab.base import Vocabulary

VOCABULARY = Vocabulary(
    locale="pt",
    day_month="{day} de {month}",
    month_year="{month} de {year}",
    weekday_date="{weekday}, {date}",
    last_separator=" e ",
    day_range="de {start} a {end}",
    period_range="de {start} a {end}",
    quarters=(
        "primeiro trimestre de {year}",
        "segundo trimestre de {year}",
        "terceiro trimestre de {year}",
        "quarto trimestre de {year}",
    ),
    semesters=("primeiro semestre de {year}", "segundo semestre de {year}"),
    unknown="a confirmar",
    provisional=" (provisório)",
    # Brazilian usage writes the first of the month as an ordinal: "1º de julho".
    day_numbers={1: "1º"},
)
