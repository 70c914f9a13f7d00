"""Spanish vocabulary."""

from comitia.dates.vocab.base import ReadingWords, Vocabulary

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
    reading=ReadingWords(
        conjunctions=("y", "e"),
        range_openers=("del", "de", "desde el", "desde"),
        range_closers=("al", "a", "hasta el", "hasta"),
        fillers=("de", "del", "el", "los", "en"),
        ordinals=(
            ("primer", "primero", "1er", "1º", "1.er"),
            ("segundo", "2º"),
            ("tercer", "tercero", "3º"),
            ("cuarto", "4º"),
        ),
        quarter_words=("trimestre",),
        semester_words=("semestre",),
        provisional_marks=(
            "fecha provisional",
            "provisional",
            "prov.",
            "fecha tentativa",
            "tentativa",
            "tentativo",
            "fecha propuesta",
            "propuesta",
        ),
        unknown_marks=("por confirmar", "fecha por confirmar", "por determinar", "a confirmar"),
        day_suffixes=("º", "°", "o"),
        hour_words=("h", "horas", "hora", "hrs"),
        between_words=("entre",),
        month_parts=(
            ("principios", "a principios", "comienzos", "a comienzos", "inicios", "a inicios"),
            ("mediados", "a mediados"),
            ("finales", "a finales", "fines", "a fines", "fin", "a fin", "al final"),
        ),
    ),
)
