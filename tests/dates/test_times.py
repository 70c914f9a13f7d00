"""Times of day as the four languages write them: tables of expressions, offsets, properties."""

import unicodedata
from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comitia.dates.times import TimeRange, find_time_range, find_times, parse_time_range

# Illustrative expressions, written for these tests in the forms of programmes of work.
TIMES = [
    ("en", "3:00 - 6:00 pm", TimeRange(time(15), time(18))),
    ("en", "10:00 - 1:00 pm", TimeRange(time(10), time(13))),
    ("en", "9:30–11:00 a.m.", TimeRange(time(9, 30), time(11))),
    ("en", "12.40 p.m.", TimeRange(time(12, 40))),
    ("en", "3 p.m.", TimeRange(time(15))),
    ("en", "from 10 a.m. to noon", TimeRange(time(10), time(12))),
    ("en", "from 10:00 a.m. to 12 noon", TimeRange(time(10), time(12))),
    ("en", "until midnight", TimeRange(time(0))),
    ("en", "15:00 hours", TimeRange(time(15))),
    ("en", "10:00 EDT (14:00 GMT)", TimeRange(time(10), None, "EDT")),
    ("en", "9:00 a.m. - 12:00 p.m. EST", TimeRange(time(9), time(12), "EST")),
    ("en", "14:00 UTC+1", TimeRange(time(14), None, "UTC+1")),
    ("es", "a las 15.00 horas", TimeRange(time(15))),
    ("es", "de 15:00 a 18:00 horas", TimeRange(time(15), time(18))),
    ("es", "de 10:00 a. m. a 1:00 p. m.", TimeRange(time(10), time(13))),
    ("es", "de 9:00 a.m. a 12:00 m.", TimeRange(time(9), time(12))),
    ("es", "al mediodía", TimeRange(time(12))),
    ("es", "desde las 10 hasta las 13 horas", TimeRange(time(10), time(13))),
    ("fr", "à 12 h 40", TimeRange(time(12, 40))),
    ("fr", "12 heures", TimeRange(time(12))),
    ("fr", "de 10 h à midi", TimeRange(time(10), time(12))),
    ("fr", "de 15 heures à 18 heures", TimeRange(time(15), time(18))),
    ("fr", "14h30-17h", TimeRange(time(14, 30), time(17))),
    ("fr", "jusqu’à minuit", TimeRange(time(0))),
    ("pt", "das 10h às 13h", TimeRange(time(10), time(13))),
    ("pt", "ao meio-dia", TimeRange(time(12))),
    ("pt", "às 9h30 (horário de Brasília)", TimeRange(time(9, 30))),
    ("pt", "das 14 às 17 horas", TimeRange(time(14), time(17))),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TIMES)
def test_a_time_as_written_reads_in_its_language_and_without_one(
    lang: str, text: str, expected: TimeRange
) -> None:
    assert parse_time_range(text, lang) == expected
    assert parse_time_range(text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "for 3 hours"),
        ("en", "Room 12"),
        ("fr", "dans les 48 heures"),
        ("fr", "24 octobre"),
        ("es", "párrafo 12.5"),
        ("pt", "resolução 2020/30"),
    ],
)
def test_numbers_that_are_not_times_are_not_found(lang: str, text: str) -> None:
    assert find_time_range(text, lang) is None


def test_a_day_before_a_time_is_not_the_start_of_a_range() -> None:
    text = "le 17 à 10 h 30"
    found = find_time_range(text, "fr")
    assert found is not None
    assert found[0] == TimeRange(time(10, 30))
    assert text[found[1] : found[2]] == "10 h 30"


def test_a_zone_word_in_lower_case_is_a_word_not_a_zone() -> None:
    # French "est" ("is") after a time is not Eastern Standard Time.
    found = find_time_range("la séance de 10 h est reportée", "fr")
    assert found is not None
    assert found[0] == TimeRange(time(10))


def test_two_sessions_the_same_day_are_two_ranges() -> None:
    text = "from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."
    found = [(t, text[a:b]) for t, a, b in find_times(text, "en")]
    assert found == [
        (TimeRange(time(10), time(13)), "10 a.m. to 1 p.m."),
        (TimeRange(time(15), time(18)), "3 p.m. to 6 p.m."),
    ]


def test_offsets_are_those_of_the_original_text_in_decomposed_unicode() -> None:
    text = unicodedata.normalize("NFD", "Séance prévue à 12 h 40, au mediodía: à midi")
    found = [text[a:b] for _t, a, b in find_times(text, "fr")]
    assert found == ["12 h 40", unicodedata.normalize("NFD", "midi")]


@given(
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["{h}:{m:02d}", "{h} h {m:02d}", "{h}h{m:02d}", "{h}.{m:02d}"]),
    st.sampled_from([" – ", "-", " à ", " to ", " a ", " às "]),
)
def test_any_24_hour_range_reads_back(
    h1: int, m1: int, h2: int, m2: int, form: str, joiner: str
) -> None:
    start, end = time(h1, m1), time(h2, m2)
    text = form.format(h=h1, m=m1) + joiner + form.format(h=h2, m=m2)
    assert parse_time_range(f"Séance : {text}.") == TimeRange(start, end)


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m.", "am", "PM"]))
def test_any_12_hour_time_reads_back(hour: int, minute: int, mark: str) -> None:
    expected = hour % 12 + (12 if mark.lower().startswith("p") else 0)
    found = parse_time_range(f"at {hour}:{minute:02d} {mark}", "en")
    assert found == TimeRange(time(expected, minute))
