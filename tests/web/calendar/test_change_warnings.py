"""Before saving a change to the calendar, the editing pages show what it would newly break
and ask to confirm (comitia.web.calendar.preview)."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.test import Client

from comitia.web.calendar import preview
from comitia.web.plans import models as m

from .conftest import SLUG

pytestmark = pytest.mark.django_db

MEETING = "csh-2019-10-24"  # a Thursday, 10:00–13:00
OTHER = "csh-2019-11-07"  # another meeting of the committee, 10:00–13:00
MOVE = f"/calendar/{SLUG}/meetings/{MEETING}/move/"


def _move(client: Client, day: str, **extra: str) -> object:
    data = {"new_date": day, "start": "10:00", "end": "13:00", "reason": "Salle occupée"}
    return client.post(MOVE, data | extra, HTTP_ACCEPT_LANGUAGE="fr")


def _confirm(html: str) -> str:
    found = re.search(r'name="confirm" value="([0-9a-f]+)"', html)
    assert found is not None, html
    return found.group(1)


def test_a_move_to_a_saturday_warns_and_saves_nothing_until_confirmed(
    staff_client: Client, model_term: m.Term
) -> None:
    response = _move(staff_client, "2019-10-26")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="change-warnings"' in html and "tombe un week-end" in html
    assert "Enregistrer quand même" in html
    assert m.Meeting.objects.get(term=model_term, key=MEETING).date == dt.date(2019, 10, 24)
    assert m.PreviousDate.objects.filter(meeting__key=MEETING).count() == 0

    saved = _move(staff_client, "2019-10-26", confirm=_confirm(html))
    assert saved.status_code == 302
    assert m.Meeting.objects.get(term=model_term, key=MEETING).date == dt.date(2019, 10, 26)


def test_a_confirmation_of_other_findings_asks_again(
    staff_client: Client, model_term: m.Term
) -> None:
    token = _confirm(_move(staff_client, "2019-10-26").content.decode())
    # Another Saturday, and onto another meeting's hours: other findings, the token is stale.
    response = _move(staff_client, "2019-11-07", confirm=token)
    assert response.status_code == 200
    html = response.content.decode()
    assert "se chevauchent le" in html and "week-end" not in html
    assert m.Meeting.objects.get(term=model_term, key=MEETING).date == dt.date(2019, 10, 24)


def test_a_move_onto_another_meetings_day_and_hour_warns(
    staff_client: Client, model_term: m.Term
) -> None:
    html = _move(staff_client, "2019-11-07").content.decode()
    assert "Erreur" in html and "se chevauchent le" in html


def test_a_move_that_breaks_nothing_new_saves_at_once(
    staff_client: Client, model_term: m.Term
) -> None:
    response = _move(staff_client, "2019-10-31")
    assert response.status_code == 302


def test_a_findings_already_there_is_not_new(model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    found = preview.meeting_preview(
        model_term,
        meeting,
        {"start": dt.time(10), "end": dt.time(13), "reason": ""},
        "en",
        moved_to=dt.date(2019, 10, 26),
    )
    assert [f.code for f in found.findings] == ["DAT004"]
    meeting.date = dt.date(2019, 10, 26)
    meeting.save()
    again = preview.meeting_preview(
        model_term,
        meeting,
        {"start": dt.time(10), "end": dt.time(13), "reason": ""},
        "en",
        moved_to=dt.date(2019, 10, 27),
    )
    assert again.findings == []


def test_lengthening_a_meeting_onto_the_next_warns(
    staff_client: Client, model_term: m.Term
) -> None:
    other = m.Meeting.objects.get(term=model_term, key=OTHER)
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    meeting.date, meeting.start, meeting.end = other.date, dt.time(8), dt.time(9, 30)
    meeting.save()
    found = preview.meeting_preview(
        model_term, meeting, {"start": dt.time(8), "end": dt.time(11)}, "en"
    )
    assert [f.code for f in found.errors] == ["DAT005"]


def test_a_new_meeting_on_a_sunday_warns(staff_client: Client, model_term: m.Term) -> None:
    data = {
        "date": "2019-10-27",
        "start": "10:00",
        "end": "13:00",
        "kind": "regular",
        "status": "scheduled",
    }
    response = staff_client.post(f"/calendar/{SLUG}/meetings/new/", data)
    assert response.status_code == 200 and "weekend" in response.content.decode()
    assert not m.Meeting.objects.filter(term=model_term, date=dt.date(2019, 10, 27)).exists()


def test_the_preview_is_fast_on_the_model_plan(model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    fields = {"start": dt.time(10), "end": dt.time(13), "reason": ""}
    started = time.perf_counter()
    found = preview.meeting_preview(
        model_term, meeting, fields, "en", moved_to=dt.date(2019, 10, 26)
    )
    assert time.perf_counter() - started < 2.0
    assert found.seconds < 2.0
