"""French vocabulary."""

from comitia.dates.vocab.base import Vocabulary

VOCABULARY = Vocabulary(
    locale="fr",
    day_month="{day} {month}",
    month_year="{month} {year}",
    weekday_date="{weekday} {date}",
    last_separator=" et ",
    day_range="du {start} au {end}",
    period_range="de {start} à {end}",
    quarters=(
        "premier trimestre {year}",
        "deuxième trimestre {year}",
        "troisième trimestre {year}",
        "quatrième trimestre {year}",
    ),
    semesters=("premier semestre {year}", "second semestre {year}"),
    unknown="date à confirmer",
    provisional=" (provisoire)",
    day_numbers={1: "1er"},
    elisions=(("de ", "d’"),),
)
