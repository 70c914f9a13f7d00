"""The API answers with the findings a change brings, and refuses new errors unless the
request confirms them (comitia.web.calendar.preview)."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.web.plans import models as m

from .test_api import API, _client, _first_meeting, _patch, _post, published

__all__ = ["published"]

pytestmark = pytest.mark.django_db


def _saturday_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(5 - day.weekday()) % 7 or 7)


def test_a_move_onto_another_meeting_is_refused_until_confirmed(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    other = m.Meeting.objects.filter(term=here).exclude(pk=stored.pk).order_by("date").first()
    assert other is not None
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}/move"
    body = {
        "version": stored.version,
        "date": other.date.isoformat(),
        "start": other.start.strftime("%H:%M"),
        "end": other.end.strftime("%H:%M"),
        "reason": "Room taken",
    }
    refused = _post(client, url, body)
    assert refused.status_code == 422, refused.json()
    answer = refused.json()
    assert "DAT005" in [f["code"] for f in answer["findings"]]
    assert all(f["message"] for f in answer["findings"]) and answer["confirm"]
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date

    wrong = _post(client, url, body | {"confirm": "0" * 20})
    assert wrong.status_code == 422
    saved = _post(client, url, body | {"confirm": answer["confirm"]})
    assert saved.status_code == 200, saved.json()
    assert "DAT005" in [f["code"] for f in saved.json()["findings"]]
    assert m.Meeting.objects.get(pk=stored.pk).date == other.date


def test_a_move_to_a_saturday_is_saved_with_its_warning(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    saturday = _saturday_after(stored.date)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}/move"
    body = {"version": stored.version, "date": saturday.isoformat(), "reason": "Room"}
    saved = _post(client, url, body)
    assert saved.status_code == 200, saved.json()
    assert [f["code"] for f in saved.json()["findings"]] == ["DAT004"]
    assert saved.json()["findings"][0]["severity"] == "warning"


def test_lengthening_onto_another_meeting_is_refused(published: tuple[m.Term, m.Term]) -> None:
    here, _ = published
    stored = _first_meeting(here)
    other = m.Meeting.objects.filter(term=here).exclude(pk=stored.pk).order_by("date").first()
    assert other is not None
    stored.date, stored.start, stored.end = other.date, dt.time(7), dt.time(8)
    stored.save()
    stored.refresh_from_db()
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    body = {"version": stored.version, "end": other.end.strftime("%H:%M")}
    refused = _patch(client, url, body)
    assert refused.status_code == 422
    assert "DAT005" in [f["code"] for f in refused.json()["findings"]]


def test_the_openapi_document_declares_the_findings() -> None:
    from django.test import Client

    schema = Client().get(f"{API}/openapi.json").json()
    components = schema["components"]["schemas"]
    assert {"findings", "confirm"} <= set(components["UnconfirmedOut"]["properties"])
    assert "findings" in components["MeetingSavedOut"]["properties"]
    assert "confirm" in components["MeetingMoveIn"]["properties"]
