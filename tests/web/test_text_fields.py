"""Stored text follows the plan model's rule on every web channel: model fields, the admin's
forms, the editing pages' forms; a term's time zone is one of the IANA database.

The rule (no control character but tab and line feed, no lone surrogate) is the plan's own
(``comitia.plan.fields.unfit_character``); these tests check that each way in applies it.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from comitia.plan.fields import unfit_character
from comitia.web.plans import models as m
from comitia.web.plans.models.fields import validate_text

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
CONTROLS = st.sampled_from([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]).map(chr)
ANY_CHARACTER = st.characters(codec=None, min_codepoint=0, max_codepoint=sys.maxunicode)
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def unfit_texts(draw: st.DrawFn) -> str:
    before, after = draw(st.lists(st.text(ANY_CHARACTER, max_size=6), min_size=2, max_size=2))
    return f"x{before}{draw(SURROGATES | CONTROLS)}{after}"


@given(st.text(ANY_CHARACTER, min_size=1, max_size=20))
def test_a_multilingual_text_is_valid_exactly_when_the_plan_would_take_it(value: str) -> None:
    try:
        validate_text({"fr": value})
    except ValidationError:
        assert unfit_character(value) is not None or not value.strip()
    else:
        assert unfit_character(value) is None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The text holds U+D800, half of a UTF-16 surrogate pair"),
        ("fr", "Le texte contient U+D800, une moitié de paire de substitution"),
        ("es", "El texto contiene U+D800"),
        ("pt", "O texto contém U+D800"),
    ],
)
def test_the_refusal_is_worded_in_the_readers_language(lang: str, expected: str) -> None:
    with translation.override(lang), pytest.raises(ValidationError) as refused:
        validate_text({"en": "lone \ud800 surrogate"})
    assert expected in refused.value.messages[0]


@pytest.mark.django_db
@given(value=unfit_texts())
@EXAMPLES
def test_a_stored_meetings_title_with_an_unfit_character_fails_its_model_validation(
    term: m.Term, value: str
) -> None:
    meeting = m.Meeting.objects.filter(term=term).first()
    assert meeting is not None
    meeting.title = {"en": value}
    with pytest.raises(ValidationError) as refused:
        meeting.full_clean()
    assert "title" in refused.value.message_dict


def _admin_form(model: type[Any], obj: Any, changes: dict[str, Any]) -> Any:
    """The admin's own change form for ``obj``, sent back as shown, with ``changes``."""
    request = RequestFactory().get("/")
    request.user = User(is_superuser=True, is_staff=True)
    model_admin = admin.site._registry[model]
    form_class = model_admin.get_form(request, obj, change=True)
    shown = form_class(instance=obj)
    data = {name: shown[name].value() for name in shown.fields}
    data = {name: value for name, value in data.items() if value is not None}
    return form_class(data | changes, instance=obj)


@pytest.mark.django_db
@given(value=unfit_texts())
@EXAMPLES
def test_the_admin_refuses_an_unfit_character_in_a_multilingual_text(
    term: m.Term, value: str
) -> None:
    meeting = m.Meeting.objects.filter(term=term).first()
    # The admin edits a text as JSON, which can carry a lone surrogate as \ud800.
    form = _admin_form(m.Meeting, meeting, {"title": json.dumps({"en": value})})
    assert not form.is_valid()
    assert "title" in form.errors


@pytest.mark.django_db
@given(value=unfit_texts())
@example(value="Boza \ud800 Orozco")
@example(value="Boza\x85Orozco")
@EXAMPLES
def test_the_admin_refuses_an_unfit_character_in_a_plain_text(term: m.Term, value: str) -> None:
    officer = m.Officer.objects.filter(term=term).first()
    assert officer is not None
    form = _admin_form(m.Officer, officer, {"person": value})
    if form.is_valid():
        # The form strips white space at the ends (U+001C to U+001F, U+0085 among it).
        assert unfit_character(form.cleaned_data["person"]) is None
    else:
        assert "person" in form.errors


@pytest.mark.django_db
def test_the_admin_still_saves_ordinary_text(term: m.Term) -> None:
    meeting = m.Meeting.objects.filter(term=term).first()
    form = _admin_form(
        m.Meeting, meeting, {"title": json.dumps({"en": "Séance\tordinaire \U0001f600"})}
    )
    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "zone", ["../../../../etc/passwd", "/etc/passwd", "zone.tab", "America/Nowhere", ""]
)
def test_the_admin_refuses_a_time_zone_outside_the_iana_database(term: m.Term, zone: str) -> None:
    form = _admin_form(m.Term, term, {"timezone": zone})
    assert not form.is_valid()
    assert "timezone" in form.errors


@pytest.mark.django_db
def test_the_admin_accepts_a_zone_of_the_iana_database(term: m.Term) -> None:
    form = _admin_form(m.Term, term, {"timezone": "America/Lima"})
    assert form.is_valid(), form.errors
