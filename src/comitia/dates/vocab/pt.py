"""Portuguese (Brazilian) vocabulary."""

from comitia.dates.vocab.base import ReadingWords, Vocabulary

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
    reading=ReadingWords(
        conjunctions=("e",),
        range_openers=("de", "do", "desde"),
        range_closers=("a", "ao", "até"),
        fillers=("de", "do", "da", "o", "em"),
        ordinals=(
            ("primeiro", "1º", "1o"),
            ("segundo", "2º", "2o"),
            ("terceiro", "3º", "3o"),
            ("quarto", "4º", "4o"),
        ),
        quarter_words=("trimestre",),
        semester_words=("semestre",),
        provisional_marks=(
            "data provisória",
            "provisória",
            "provisório",
            "prov.",
            "data proposta",
            "proposta",
            "tentativa",
        ),
        unknown_marks=("a confirmar", "data a confirmar", "a definir", "por confirmar"),
        day_suffixes=("º", "°", "o"),
        hour_words=("h", "horas", "hora", "hrs"),
        between_words=("entre",),
        month_parts=(
            ("início", "no início", "inícios", "princípio", "no princípio", "começo", "no começo"),
            ("meados", "em meados", "metade", "na metade"),
            ("fim", "no fim", "final", "no final", "fins", "em fins", "finais"),
        ),
    ),
)
