"""French vocabulary."""

from comitia.dates.vocab.base import ReadingWords, Vocabulary

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
    reading=ReadingWords(
        conjunctions=("et",),
        range_openers=("du", "de", "d’", "d'", "depuis le"),
        range_closers=("au", "à", "jusqu’au", "jusqu'au", "a"),
        fillers=("le", "les", "la", "l’", "l'", "en", "de", "d’", "d'", "des", "du"),
        ordinals=(
            ("premier", "1er", "1re", "première"),
            ("deuxième", "second", "seconde", "2e", "2ème"),
            ("troisième", "3e", "3ème"),
            ("quatrième", "4e", "4ème"),
        ),
        quarter_words=("trimestre",),
        semester_words=("semestre",),
        provisional_marks=(
            "date provisoire",
            "provisoire",
            "prov.",
            "prov",
            "date proposée",
            "proposée",
            "à titre provisoire",
        ),
        unknown_marks=("date à confirmer", "à confirmer", "date à déterminer", "à déterminer"),
        day_suffixes=("er", "re"),
        hour_words=("h", "heures", "heure", "hrs"),
        between_words=("entre",),
        month_parts=(
            ("début", "au début de", "en début de", "au début", "en début", "début de"),
            ("mi", "à la mi", "milieu", "au milieu de", "vers la mi"),
            ("fin", "à la fin de", "en fin de", "à la fin", "en fin", "fin de"),
        ),
    ),
)
