"""Multilingual text knows its original language; member states' names come from CLDR."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from comitia.plan import OAS_MEMBER_STATES, Language, Text, state_name


def test_the_first_language_of_a_text_is_its_original() -> None:
    text = Text.model_validate({"fr": "Sécurité publique", "en": "Public security"})
    assert text.original is Language.FR
    assert text.get("en") == ("Public security", False)


def test_a_missing_translation_falls_back_to_the_original_and_says_so() -> None:
    text = Text.of("fr", "Sécurité publique")
    assert text.get("es") == ("Sécurité publique", True)


@pytest.mark.parametrize("value", [{}, {"fr": "  "}, {"de": "Sicherheit"}, "plain string"])
def test_empty_blank_or_foreign_texts_are_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        Text.model_validate(value)


def test_the_organization_has_thirty_five_member_states() -> None:
    assert len(set(OAS_MEMBER_STATES)) == 35


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("PE", "fr", "Pérou"),
        ("US", "en", "United States"),
        ("HT", "es", "Haití"),
        ("BR", "pt", "Brasil"),
    ],
)
def test_state_names_come_in_the_four_languages(code: str, lang: str, name: str) -> None:
    assert state_name(code, lang) == name


def test_every_member_state_has_a_name_in_every_language() -> None:
    for lang in Language:
        for code in OAS_MEMBER_STATES:
            assert state_name(code, lang.value)


def test_a_state_outside_the_organization_is_refused() -> None:
    with pytest.raises(ValueError, match="not a member state"):
        state_name("FR", "fr")


def test_a_control_character_in_a_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="U\\+0000"):
        Text.model_validate({"fr": "Sécurité\x00"})


def test_line_breaks_and_tabs_are_allowed_in_a_text() -> None:
    assert Text.model_validate({"fr": "ligne\n\tsuite"}).get("fr")[0] == "ligne\n\tsuite"
