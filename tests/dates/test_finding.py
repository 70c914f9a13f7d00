"""Finding dates and times in running text: the corpus, offsets in any Unicode form, the contract
and round trips through printing."""

import unicodedata
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.dates import DateParseError, FuzzyDate, FuzzyDateError, Precision, TimeRange, find
from tests.dates.corpus import date_text, score, sentences, time_text

TERM = (date(2020, 7, 1), date(2021, 6, 30))


def test_the_corpus_has_at_least_200_sentences_in_each_of_four_languages() -> None:
    corpus = sentences()
    assert len(corpus) >= 200
    assert {s.lang for s in corpus} == {"en", "es", "fr", "pt"}
    assert min(sum(s.lang == lang for s in corpus) for lang in ("en", "es", "fr", "pt")) >= 40


def test_find_reads_the_corpus_with_precision_and_recall_of_95_percent() -> None:
    result = score(
        lambda s: [
            (f.start, f.end, date_text(f.date), time_text(f.time))
            for f in find(s.text, s.lang, period=s.period)
        ]
    )
    report = "\n".join(result.misses)
    assert result.precision >= 0.95, report
    assert result.recall >= 0.95, report


@pytest.mark.parametrize("form", ["NFD", "NFC"])
def test_offsets_are_those_of_the_original_text_in_either_unicode_form(form: str) -> None:
    for sentence in sentences():
        text = unicodedata.normalize(form, sentence.text)
        found = find(text, sentence.lang, period=sentence.period)
        composed = find(sentence.text, sentence.lang, period=sentence.period)
        assert [(f.date, f.time) for f in found] == [(f.date, f.time) for f in composed]
        for mine, theirs in zip(found, composed, strict=True):
            assert mine.text == text[mine.start : mine.end]
            assert mine.text == unicodedata.normalize(form, theirs.text)


def test_offsets_survive_dashes_spaces_and_apostrophes_of_other_forms() -> None:
    text = "Réunion : du 17\u00a0au 20\u202fnovembre 2020 – d’octobre à décembre 2020"
    found = find(text, "fr")
    assert [f.text for f in found] == [
        "du 17\u00a0au 20\u202fnovembre 2020",
        "d’octobre à décembre 2020",
    ]
    assert [str(f.date) for f in found] == ["2020-11-17/2020-11-20", "2020-10/2020-12"]


def test_a_date_and_the_time_after_it_are_one_expression() -> None:
    (found,) = find("Le Comité se réunira le lundi 19 octobre 2020, à 9 h 30.", "fr")
    assert found.text == "lundi 19 octobre 2020, à 9 h 30"
    assert found.date == FuzzyDate.day(date(2020, 10, 19))
    assert found.time == TimeRange(time(9, 30))


def test_a_time_alone_has_no_date() -> None:
    (found,) = find("The Bureau meets at 3 p.m.", "en")
    assert (found.date, found.time, found.text) == (None, TimeRange(time(15)), "3 p.m.")


def test_a_half_year_without_a_year_is_the_one_that_overlaps_the_period() -> None:
    # A term from July 2020 to June 2021: its first half-year is that of 2021.
    (found,) = find("Durante el primer semestre se presentará el informe.", "es", period=TERM)
    assert str(found.date) == "2021-40"


def test_a_date_without_a_year_and_without_a_period_is_not_returned() -> None:
    assert find("La reunión del 3 de marzo", "es") == []
    assert [str(f.date) for f in find("La reunión del 3 de marzo", "es", period=TERM)] == [
        "2021-03-03"
    ]


def test_a_weekday_that_does_not_fall_on_its_date_keeps_the_date_as_written() -> None:
    (found,) = find("Réunion le mardi 24 octobre 2019.", "fr")
    assert found.date == FuzzyDate.day(date(2019, 10, 24))


def test_lower_case_may_in_english_is_a_verb_not_a_month() -> None:
    assert find("The Committee may wish to meet in 2021.", "en")[0].text == "2021"
    assert [f.text for f in find("It may decide in May.", "en", period=TERM)] == ["May"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("", "en"), ("Informe de la Secretaría", "es"), ("AG/RES. 2941 (XLIX-O/19)", "fr")],
)
def test_text_without_an_expression_gives_an_empty_list(text: str, lang: str) -> None:
    assert find(text, lang, period=TERM) == []


def test_bad_input_raises_the_package_error() -> None:
    with pytest.raises(DateParseError):
        find(None, "en")  # type: ignore[arg-type]
    with pytest.raises(DateParseError):
        find("3 March 2021", "en", period=(date(2021, 6, 30), date(2020, 7, 1)))
    with pytest.raises(FuzzyDateError):
        find("3 March 2021", "de")


PROSE = {
    "en": "The Committee will meet {} at its headquarters.",
    "fr": "La Commission se réunira {} au siège.",
    "es": "La Comisión se reunirá {} en la sede.",
    "pt": "A Comissão se reunirá {} na sede.",
}


modern_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 11, 30))
modern_years = st.integers(min_value=1900, max_value=2099)
flags = st.booleans()
# Fuzzy dates of every kind but UNKNOWN (which only French prints as a phrase that stands
# alone), in the years that running text reads.
modern_dates = st.one_of(
    st.builds(FuzzyDate.day, modern_days, provisional=flags),
    st.builds(
        lambda d, offsets, p: FuzzyDate.days(
            [d + timedelta(days=n) for n in offsets], provisional=p
        ),
        modern_days,
        st.lists(st.integers(0, 30), min_size=2, max_size=5),
        flags,
    ),
    st.builds(
        lambda y, m, n, p: FuzzyDate.range(
            date(y, m, 1),
            date(y + (m + n - 1) // 12, (m + n - 1) % 12 + 1, 1),
            unit=Precision.MONTH,
            provisional=p,
        ),
        st.integers(1900, 2097),
        st.integers(1, 12),
        st.integers(1, 20),
        flags,
    ),
    st.builds(
        lambda y, n, p: FuzzyDate.range(
            date(y, 1, 1), date(y + n, 1, 1), unit=Precision.YEAR, provisional=p
        ),
        st.integers(1900, 2094),
        st.integers(1, 5),
        flags,
    ),
    st.builds(FuzzyDate.month, modern_years, st.integers(1, 12), provisional=flags),
    st.builds(FuzzyDate.quarter, modern_years, st.integers(1, 4), provisional=flags),
    st.builds(FuzzyDate.semester, modern_years, st.integers(1, 2), provisional=flags),
    st.builds(FuzzyDate.year, modern_years, provisional=flags),
)


@settings(max_examples=300, deadline=None)
@given(modern_dates, st.sampled_from(sorted(PROSE)))
def test_a_printed_date_embedded_in_prose_is_found_back_whole(value: FuzzyDate, lang: str) -> None:
    printed = value.format(lang)
    text = PROSE[lang].format(printed)
    (found,) = find(text, lang)
    assert (found.text, found.date) == (printed, value)
    assert text[found.start : found.end] == printed


date_words = st.sampled_from(
    [
        "3",
        "15",
        "2020",
        "1er",
        "1°",
        "mars",
        "March",
        "de",
        "du",
        "au",
        "to",
        "-",
        ",",
        "(",
        ")",
        "prov.",
        "semaine",
        "mi-",
        "fin",
        "y",
        "et",
        "a las",
        "10:00",
        "h",
        "p.m.",
        "midi",
        "EDT",
        ":",
        ".",
        "/",
        "between",
        "entre",
        "second",
        "semestre",
        "date",
        "à confirmer",
        "\u0301",
        "\u00a0",
        "’",
        "–",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(st.text(max_size=80), st.lists(date_words, max_size=20).map(" ".join)),
    st.sampled_from(["fr", "en", "es", "pt"]),
)
def test_find_never_raises_on_a_string_and_its_spans_are_in_order(text: str, lang: str) -> None:
    found = find(text, lang, period=TERM)
    ends = [0]
    for expression in found:
        assert ends[-1] <= expression.start < expression.end <= len(text)
        assert expression.text == text[expression.start : expression.end]
        assert expression.date is not None or expression.time is not None
        ends.append(expression.end)
