"""The calendar feeds on the web: same code as the plan-file render, ETags and 304."""

from __future__ import annotations

import icalendar
import pytest
from django.test import Client

from comitia.render.ics import build_feed
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from .conftest import SLUG

pytestmark = pytest.mark.django_db


def test_the_feed_is_the_plan_feed_with_links_back_to_meeting_pages(
    client: Client, model_term: m.Term
) -> None:
    response = client.get(f"/calendar/{SLUG}/feed.fr.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    meetings = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("meeting-")]
    assert len(meetings) == 20
    assert all(
        str(e["URL"]).startswith(f"http://testserver/calendar/{SLUG}/meetings/") for e in meetings
    )
    expected = build_feed(
        load_plan(model_term),
        "fr",
        meeting_url=lambda key: f"http://testserver/calendar/{SLUG}/meetings/{key}/",
        calendar_url=f"http://testserver/calendar/{SLUG}/feed.fr.ics",
    )
    assert response.content == expected


def test_the_delegations_feed_adds_the_reporting_deadlines(
    client: Client, model_term: m.Term
) -> None:
    public = icalendar.Calendar.from_ical(client.get(f"/calendar/{SLUG}/feed.en.ics").content)
    delegations = icalendar.Calendar.from_ical(
        client.get(f"/calendar/{SLUG}/delegations.en.ics").content
    )
    deadlines = [e for e in delegations.walk("VEVENT") if "RRULE" in e]
    assert deadlines and not [e for e in public.walk("VEVENT") if "RRULE" in e]
    assert len(delegations.walk("VEVENT")) == len(public.walk("VEVENT")) + len(deadlines)


def test_an_unchanged_feed_is_answered_not_modified(client: Client, model_term: m.Term) -> None:
    first = client.get(f"/calendar/{SLUG}/feed.es.ics")
    etag = first["ETag"]
    again = client.get(f"/calendar/{SLUG}/feed.es.ics", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    meeting = m.Meeting.objects.get(term=model_term, key="csh-2019-10-24")
    meeting.sequence += 1
    meeting.save()
    changed = client.get(f"/calendar/{SLUG}/feed.es.ics", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_feed_in_another_language_is_not_found(client: Client, model_term: m.Term) -> None:
    assert client.get(f"/calendar/{SLUG}/feed.de.ics").status_code == 404
