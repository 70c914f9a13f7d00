"""Spanish vocabulary."""

from comitia.dates.vocab.base import Vocabulary

VOCABULARY = Vocabulary(
    locale="es",
    day_month="{day} de {month}",
    month_year="{month} de {year}",
    # Spanish documents of the OAS write "jueves 24 de octubre de 2019", without a comma.
    weekday_date="{weekday} {date}",
    last_separator=" y ",
    day_range="del {start} al {end}",
    period_range="de {start} a {end}",
    quarters=(
        "primer trimestre de {year}",
        "segundo trimestre de {year}",
        "tercer trimestre de {year}",
        "cuarto trimestre de {year}",
    ),
    semesters=("primer semestre de {year}", "segundo semestre de {year}"),
    unknown="por confirmar",
    provisional=" (provisional)",
)
