"""The secretariat edits the calendar: meetings, moves, cancellations, agendas, activities."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from django.test import Client

from comitia.web.calendar import operations
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from .conftest import SLUG

pytestmark = pytest.mark.django_db

MEETING = "csh-2019-10-24"


def feed_event(client: Client, key: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(client.get(f"/calendar/{SLUG}/feed.en.ics").content)
    return next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{key}."))


def test_editing_pages_ask_for_a_staff_login(client: Client, model_term: m.Term) -> None:
    response = client.get(f"/calendar/{SLUG}/meetings/{MEETING}/move/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_staff_user_logs_in_with_the_login_page(client: Client, staff: object) -> None:
    response = client.post(
        "/accounts/login/", {"username": "secretariat", "password": "s3cret-pass"}
    )
    assert response.status_code == 302


def test_moving_a_meeting_keeps_its_earlier_date_with_the_reason_and_raises_its_sequence(
    staff_client: Client, model_term: m.Term
) -> None:
    before = int(feed_event(staff_client, MEETING)["SEQUENCE"])
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/move/",
        {"new_date": "2019-10-31", "start": "10:00", "end": "13:00", "reason": "Room taken"},
    )
    assert response.status_code == 302
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    assert meeting.date == dt.date(2019, 10, 31)
    (earlier,) = meeting.previous_dates.all()
    assert earlier.date == dt.date(2019, 10, 24)
    assert earlier.reason == {"en": "Room taken"} and earlier.recorded_at is not None
    event = feed_event(staff_client, MEETING)
    assert int(event["SEQUENCE"]) == before + 1
    assert event.decoded("DTSTART").date() == dt.date(2019, 10, 31)
    assert "Initially scheduled for October 24, 2019 (reason: Room taken)" in str(
        event["DESCRIPTION"]
    )
    page = staff_client.get(f"/calendar/{SLUG}/meetings/{MEETING}/").content.decode()
    assert "initially scheduled for October 24, 2019" in page and "Room taken" in page
    plan = load_plan(model_term)
    moved = next(x for x in plan.meetings if x.id == MEETING)
    assert moved.previous_dates == [dt.date(2019, 10, 24)]


def test_a_move_outside_the_term_is_refused_next_to_the_field_keeping_what_was_typed(
    staff_client: Client, model_term: m.Term
) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/move/",
        {"new_date": "2021-03-01", "start": "10:00", "end": "09:00", "reason": "Typed reason"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_new_date-error"' in html and "inside the term" in html
    assert 'id="id_end-error"' in html and "end after it starts" in html
    assert "Typed reason" in html and 'value="2021-03-01"' in html
    assert m.Meeting.objects.get(term=model_term, key=MEETING).date == dt.date(2019, 10, 24)


def test_a_move_needs_a_reason(staff_client: Client, model_term: m.Term) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/move/",
        {"new_date": "2019-10-31", "start": "10:00", "end": "13:00", "reason": ""},
    )
    assert response.status_code == 400 and 'id="id_reason-error"' in response.content.decode()


def test_cancelling_a_meeting_keeps_it_in_the_feed_as_cancelled(
    staff_client: Client, model_term: m.Term
) -> None:
    url = f"/calendar/{SLUG}/meetings/{MEETING}/cancel/"
    assert staff_client.post(url, {"reason": "No quorum"}).status_code == 302
    event = feed_event(staff_client, MEETING)
    assert event["STATUS"] == "CANCELLED" and int(event["SEQUENCE"]) == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_cancelling_without_a_reason_is_refused_with_a_message(
    staff_client: Client, model_term: m.Term, reason: str
) -> None:
    url = f"/calendar/{SLUG}/meetings/{MEETING}/cancel/"
    response = staff_client.post(url, {"reason": reason})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_reason-error"' in page and "Say why the meeting is cancelled." in page
    assert m.Meeting.objects.get(term=model_term, key=MEETING).status != "cancelled"


def test_the_reason_for_a_cancellation_is_kept_and_shown_in_the_meetings_history(
    staff_client: Client, model_term: m.Term
) -> None:
    from comitia.web.access.models import AuditRecord

    url = f"/calendar/{SLUG}/meetings/{MEETING}/cancel/"
    staff_client.post(url, {"reason": "  The host country withdrew  "})
    record = AuditRecord.objects.get(action="cancel", object_id=MEETING)
    assert record.reason == "The host country withdrew"
    history = staff_client.get(f"/terms/{SLUG}/history/meeting/{MEETING}/").content.decode()
    assert "The host country withdrew" in history


def test_the_cancel_operation_refuses_a_blank_reason(model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    with pytest.raises(operations.OperationError, match="why"):
        operations.cancel_meeting(meeting, None, reason=" ")
    assert m.Meeting.objects.get(pk=meeting.pk).status == meeting.status


def test_creating_and_editing_a_meeting(staff_client: Client, model_term: m.Term) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/new/",
        {
            "date": "2020-03-12",
            "start": "15:00",
            "end": "18:00",
            "kind": "special",
            "status": "scheduled",
            "provisional": "on",
            "title": "Special meeting on cybercrime",
            "venue": "",
        },
    )
    assert response.status_code == 302
    meeting = m.Meeting.objects.filter(term=model_term).latest("pk")
    assert meeting.date == dt.date(2020, 3, 12)
    assert meeting.title == {"en": "Special meeting on cybercrime"} and meeting.provisional
    # A new meeting is a draft until the secretariat publishes it, even in a published term.
    assert meeting.visibility == "draft"
    assert Client().get(f"/calendar/{SLUG}/meetings/{meeting.key}/").status_code == 404
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{meeting.key}/edit/",
        {"start": "14:00", "end": "17:00", "kind": "special", "status": "scheduled", "title": "x"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.start == dt.time(14, 0) and not meeting.provisional and meeting.sequence == 1


def test_a_meeting_ending_before_it_starts_is_refused(
    staff_client: Client, model_term: m.Term
) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/new/",
        {"date": "2020-03-12", "start": "15:00", "end": "14:00", "kind": "regular"}
        | {"status": "scheduled"},
    )
    assert response.status_code == 400
    assert 'id="id_end-error"' in response.content.decode()


def test_adding_nesting_and_reordering_agenda_items(
    staff_client: Client, model_term: m.Term
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    top = list(m.AgendaNode.objects.filter(meeting=meeting, parent=None).order_by("position"))
    topic = next(n for n in m.AgendaNode.objects.filter(meeting=meeting, kind="topic"))
    mandate = m.Mandate.objects.filter(term=model_term).first()
    assert mandate is not None
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/agenda/new/",
        {
            "parent": str(topic.pk),
            "position": "1",
            "kind": "item",
            "title": "Report of the working group",
            "documents": "CP/CSH-2000/20\n",
            "presenters": ["ssm"],
            "mandate": mandate.key,
            "paragraphs": "25, 52",
        },
    )
    assert response.status_code == 302, response.content.decode()
    (node,) = [
        n
        for n in m.AgendaNode.objects.filter(meeting=meeting)
        if (n.title or {}).get("en") == "Report of the working group"
    ]
    assert node.parent_id == topic.pk and node.position == 0 and node.depth == topic.depth + 1
    assert node.documents == ["CP/CSH-2000/20"]
    assert [c.paragraphs for c in node.citations.all()] == [["25", "52"]]
    staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/agenda/{top[1].pk}/order/", {"action": "up"}
    )
    order = list(
        m.AgendaNode.objects.filter(meeting=meeting, parent=None)
        .order_by("position")
        .values_list("pk", flat=True)
    )
    assert order[:2] == [top[1].pk, top[0].pk]
    page = staff_client.get(f"/calendar/{SLUG}/meetings/{MEETING}/").content.decode()
    assert "Report of the working group" in page
    load_plan(model_term)  # still a valid plan


def test_an_area_entry_cannot_be_nested(staff_client: Client, model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    topic = m.AgendaNode.objects.filter(meeting=meeting, kind="topic").first()
    assert topic is not None
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/agenda/new/",
        {"parent": str(topic.pk), "kind": "area", "area": "", "title": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_parent-error"' in html and 'id="id_area-error"' in html


def test_editing_an_activity_with_a_fuzzy_date(staff_client: Client, model_term: m.Term) -> None:
    activity = m.Activity.objects.filter(term=model_term).first()
    assert activity is not None
    bad = staff_client.post(
        f"/calendar/{SLUG}/activities/{activity.key}/",
        {"title": "Seminar", "when": "sometime", "body": ""},
    )
    assert bad.status_code == 400 and 'id="id_when-error"' in bad.content.decode()
    good = staff_client.post(
        f"/calendar/{SLUG}/activities/{activity.key}/",
        {"title": "Seminar", "when": "2020-40?", "body": ""},
    )
    assert good.status_code == 302
    activity.refresh_from_db()
    assert activity.when == "2020-40?" and activity.provisional
    assert activity.title["en"] == "Seminar"


def test_operations_refuse_a_change_that_breaks_the_plan(model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    with pytest.raises(operations.OperationError, match="end"):
        operations.move_meeting(
            meeting, dt.date(2019, 10, 31), "", None, start=dt.time(14), end=dt.time(13)
        )
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2019, 10, 24) and not meeting.previous_dates.exists()


@pytest.mark.parametrize(
    "path",
    [
        "meetings/m1/edit/",
        "meetings/m1/move/",
        "meetings/m1/cancel/",
        "meetings/m1/agenda/new/",
        "meetings/new/",
        "activities/new/",
        "meetings/m1/",
    ],
)
def test_editing_pages_take_as_many_queries_for_ten_or_two_hundred_meetings(
    staff_client: Client, path: str
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from comitia.web.plans.convert import save_plan
    from tests.factories import build_plan

    counts = []
    for size in (10, 200):
        term = save_plan(build_plan(size, label=f"size-{size}"))
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(f"/calendar/{term.slug}/{path}").status_code == 200
        counts.append(len(queries))
    # The meeting page for staff: the agenda's documents' files and titles are three reads more.
    assert counts[0] == counts[1] <= 15, counts


def test_a_text_missing_in_the_page_language_is_shown_in_its_original_beside_the_field(
    staff_client: Client, model_term: m.Term
) -> None:
    activity = m.Activity.objects.filter(term=model_term).first()
    assert activity is not None
    # The model plan is translated: take the English title away to have one missing.
    activity.title = {lang: text for lang, text in activity.title.items() if lang != "en"}
    activity.save(update_fields=["title"])
    html = staff_client.get(
        f"/calendar/{SLUG}/activities/{activity.key}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Not yet in this language. Original (FR):" in html
    # The French title is not offered as if it were the English one.
    assert not re.search(r"<textarea[^>]*>\s*" + re.escape(activity.title["fr"][:30]), html)
    assert re.search(r'<textarea name="title"[^>]*>\s*</textarea>', html)
