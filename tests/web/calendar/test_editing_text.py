"""The editing pages refuse unfit characters next to their field, and bytes that are not UTF-8
(a lone surrogate encoded as %ED%A0%80) in a form or a query string never break a page."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from .conftest import SLUG

pytestmark = pytest.mark.django_db

MEETING = "csh-2019-10-24"
# What a page's form can carry: any control character but tab and line feed (a page cannot
# send a lone surrogate: it is no UTF-8, and Django reads such bytes as U+FFFD).
CONTROLS = st.sampled_from([*range(0x01, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]).map(chr)
EXAMPLES = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(field=st.sampled_from(["title", "venue"]), character=CONTROLS)
@EXAMPLES
def test_a_control_character_in_a_meetings_text_is_refused_next_to_its_field(
    staff_client: Client, model_term: m.Term, field: str, character: str
) -> None:
    data = {"start": "10:00", "end": "13:00", "kind": "regular", "status": "scheduled"}
    data[field] = f"Salle {character} A"
    response = staff_client.post(f"/calendar/{SLUG}/meetings/{MEETING}/edit/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}-error"' in page
    assert f"U+{ord(character):04X}" in page
    assert m.Meeting.objects.get(term=model_term, key=MEETING).sequence == 0


def test_the_reason_of_a_move_refuses_a_control_character(
    staff_client: Client, model_term: m.Term
) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/move/",
        {"new_date": "2019-10-31", "start": "10:00", "end": "13:00", "reason": "Room\x7f taken"},
    )
    assert response.status_code == 400
    assert 'id="id_reason-error"' in response.content.decode()


@pytest.mark.parametrize("encoded", ["%ED%A0%80", "%ED%BF%BF", "%C0%80", "%FF"])
def test_bytes_that_are_not_utf8_in_a_form_are_read_as_replacement_characters(
    staff_client: Client, model_term: m.Term, encoded: str
) -> None:
    body = f"start=10:00&end=13:00&kind=regular&status=scheduled&title=Lone{encoded}"
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/edit/",
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    title = m.Meeting.objects.get(term=model_term, key=MEETING).title
    assert title is not None and "\ufffd" in title["en"]
    title["en"].encode("utf-8")
    load_plan(model_term)
    assert Client().get(f"/calendar/{SLUG}/feed.en.ics").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/calendar/{SLUG}/",
        f"/calendar/{SLUG}/meetings/{MEETING}/",
        f"/checks/{SLUG}/",
        f"/calendar/{SLUG}/feed.en.ics",
        "/api/v1/terms",
        f"/api/v1/terms/{SLUG}/meetings",
    ],
)
@pytest.mark.parametrize(
    "query", ["q=%ED%A0%80", "month=%ED%A0%80", "lang=%00%ED%A0%80", "%ED%A0%80=1"]
)
def test_a_lone_surrogate_in_a_query_string_never_breaks_a_page(
    staff_client: Client, model_term: m.Term, path: str, query: str
) -> None:
    response = staff_client.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query)


def test_a_lone_surrogate_in_a_path_never_breaks_a_page(model_term: m.Term) -> None:
    response = Client().get(f"/calendar/{SLUG}/meetings/{quote('x')}%ED%A0%80/")
    assert response.status_code == 404
