"""The API refuses text that no plan may hold, in any string of a body, and keeps serving.

A lone surrogate (``"\\ud800"`` in JSON) once came through a PATCH, was stored on SQLite and
made every page, feed and download of the term answer 500; on PostgreSQL the refusal quoted
the database. Control characters (C0 but tab and line feed, DEL, C1) are refused the same way.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from tests.web.api.test_api import API, _client, _first_meeting, published

__all__ = ["published"]

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
CONTROLS = st.sampled_from([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]).map(chr)
ANY_CHARACTER = st.characters(codec=None, min_codepoint=0, max_codepoint=sys.maxunicode)


@st.composite
def unfit_texts(draw: st.DrawFn) -> str:
    """Any code points around at least one lone surrogate or control character."""
    before, after = draw(st.lists(st.text(ANY_CHARACTER, max_size=6), min_size=2, max_size=2))
    return f"{before}{draw(SURROGATES | CONTROLS)}{after}"


# Every string field of each write, and one the API does not know.
CHANGE_FIELDS = ["title", "venue", "lang", "kind", "status", "start", "end", "unknown"]
MOVE_FIELDS = ["reason", "lang", "date", "start", "end", "unknown"]
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def staff(published: tuple[m.Term, m.Term]) -> Client:
    return _client("secretariat", published)


def _raw(client: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    # json.dumps writes a lone surrogate as the escape \ud800, as an attacker's script would.
    send = client.patch if method == "patch" else client.post
    return send(url, json.dumps(body), content_type="application/json")


def _assert_refused_cleanly(response: Any, field: str) -> None:
    assert response.status_code in {400, 422}, response.content
    text = response.content.decode("utf-8")  # the answer is valid UTF-8 itself
    assert "database" not in text.lower()
    if response.status_code == 422 and field != "unknown":
        assert field in text


def _assert_site_still_serves(client: Client, term: m.Term, stored: m.Meeting) -> None:
    after = m.Meeting.objects.get(pk=stored.pk)
    assert (after.title, after.venue, after.version) == (stored.title, stored.venue, stored.version)
    assert not after.previous_dates.exists()
    load_plan(term)  # the term still reads back as a plan
    for url in (f"{API}/terms/{term.slug}/plan", f"/calendar/{term.slug}/feed.en.ics"):
        assert client.get(url).status_code == 200, url


@given(field=st.sampled_from(CHANGE_FIELDS), value=unfit_texts())
@EXAMPLES
def test_a_change_with_an_unfit_character_in_any_string_is_refused_and_stores_nothing(
    published: tuple[m.Term, m.Term], staff: Client, field: str, value: str
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = staff
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _raw(client, "patch", url, {"version": stored.version, field: value})
    _assert_refused_cleanly(response, field)
    _assert_site_still_serves(client, here, stored)


@given(field=st.sampled_from(MOVE_FIELDS), value=unfit_texts())
@EXAMPLES
def test_a_move_with_an_unfit_character_in_any_string_is_refused_and_stores_nothing(
    published: tuple[m.Term, m.Term], staff: Client, field: str, value: str
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = staff
    body = {"version": stored.version, "date": "2019-12-12", "reason": "Room taken", field: value}
    response = _raw(client, "post", f"{API}/terms/{here.slug}/meetings/{stored.key}/move", body)
    _assert_refused_cleanly(response, field)
    _assert_site_still_serves(client, here, stored)


def test_the_reported_lone_surrogate_in_a_title_is_refused_naming_the_title(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    body = '{"version": VERSION, "title": "lone \\ud800 surrogate", "lang": "en"}'
    body = body.replace("VERSION", str(stored.version))
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 422
    assert "U+D800" in response.content.decode("utf-8")
    assert "title" in response.content.decode("utf-8")
    _assert_site_still_serves(client, here, stored)


@pytest.mark.parametrize(
    "body",
    [
        {"nested": {"key\ud800": ["x"]}},
        {"nested": ["\udfff"]},
        {"cancel\x00": True},
    ],
    ids=["surrogate in a key", "surrogate in a list", "NUL in a key"],
)
def test_unfit_characters_anywhere_in_a_cancel_are_refused(
    published: tuple[m.Term, m.Term], body: dict[str, Any]
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}/cancel"
    response = _raw(client, "post", url, {"version": stored.version, "reason": "x", **body})
    assert response.status_code == 422, response.content
    assert m.Meeting.objects.get(pk=stored.pk).status == stored.status


@pytest.mark.parametrize(
    "number", ["1" + "0" * 5000, "1e999999", "-1e999999", "1" + "0" * 400], ids=str.__len__
)
def test_a_huge_number_in_a_body_is_refused_without_a_server_error(
    published: tuple[m.Term, m.Term], number: str
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    body = '{"version": NUMBER, "venue": "x"}'.replace("NUMBER", number)
    response = client.patch(url, body, "application/json")
    # Python's JSON reader refuses more than 4,300 digits (400); infinity is not a version
    # (422); a version of 401 digits is one the meeting does not have (409).
    assert response.status_code in {400, 409, 422}, response.content
    assert m.Meeting.objects.get(pk=stored.pk).version == stored.version
