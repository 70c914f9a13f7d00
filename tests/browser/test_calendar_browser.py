"""A reader browses and subscribes; a secretary edits and moves a meeting; in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import icalendar
import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from comitia.web.plans import models as m
from tests.browser.steps import shows

SLUG = "csh-2019-2020"
MOVED = "csh-2019-11-07"

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reader_browses_months_filters_and_opens_a_meeting(
    page: Any, live_server: Any, model_term: m.Term, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Calendar", exact=True).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "October 2019"
    page.get_by_role("link", name="November 2019 →").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "November 2019"
    assert page.locator(".day-head.holiday").count() == 1  # Thanksgiving
    page.get_by_role("link", name="List by month").click()
    expect(page.locator("li.meeting")).to_have_count(20)
    page.get_by_text("Filter by thematic area, body, kind or status").click()
    page.get_by_label("Body").select_option("jid")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"body=jid"))
    expect(page.locator("li.meeting")).to_have_count(0)
    assert page.locator("li.activity").count() > 0
    page.get_by_role("link", name="Clear filters").click()
    page.locator(f'a[href="/calendar/{SLUG}/meetings/csh-2019-10-24/"]').first.click()
    page.wait_for_load_state()
    assert page.locator("#agenda-title").inner_text() == "Agenda"
    assert page.locator("#agenda-3\\.1\\.1").count() == 1
    feed = page.locator('link[rel="alternate"][type="text/calendar"]').first.get_attribute("href")
    assert feed == f"/calendar/{SLUG}/feed.en.ics"
    page.screenshot(path=str(tmp_path / "meeting.png"), full_page=True)


def test_the_first_key_press_offers_to_skip_to_the_content(
    page: Any, live_server: Any, model_term: m.Term
) -> None:
    page.goto(f"{live_server.url}/calendar/{SLUG}/month/2019-10/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"


def test_a_reader_switches_language(page: Any, live_server: Any, model_term: m.Term) -> None:
    page.goto(f"{live_server.url}/calendar/{SLUG}/")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Switch").click()
    assert page.locator("html").get_attribute("lang") == "es"
    shows(page, "Reuniones de la Comisión")
    assert re.search(r"jueves 24 de octubre de 2019", page.content())
    page.get_by_label("Idioma").select_option("pt")
    page.get_by_role("button", name="Cambiar").click()
    shows(page, "Reuniões da Comissão")


def _sequence(page: Any, live_server: Any, key: str) -> tuple[int, Any]:
    response = page.request.get(f"{live_server.url}/calendar/{SLUG}/feed.en.ics")
    calendar = icalendar.Calendar.from_ical(response.body())
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{key}."))
    return int(event["SEQUENCE"]), event


def test_a_secretary_edits_a_meeting_and_moves_it(
    page: Any, live_server: Any, model_term: m.Term, staff: User, tmp_path: Path
) -> None:
    before, _ = _sequence(page, live_server, MOVED)
    page.goto(f"{live_server.url}/calendar/{SLUG}/meetings/{MOVED}/")
    page.get_by_role("link", name="Secretariat login").click()
    page.get_by_label("User name").fill("secretariat")
    page.get_by_label("Password").fill("s3cret-pass")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(f"/meetings/{MOVED}/$"))

    page.get_by_role("link", name="Edit details").click()
    page.get_by_label("Ends at").fill("12:00")
    page.get_by_label("Starts at").fill("12:30")
    page.get_by_role("button", name="Save").click()
    # Refused next to the field, with what was typed kept.
    assert "The meeting must end after it starts" in page.locator("#id_end-error").inner_text()
    assert page.get_by_label("Starts at").input_value() == "12:30"
    page.get_by_label("Starts at").fill("10:30")
    page.get_by_role("button", name="Save").click()
    shows(page, "The meeting was saved.")

    page.get_by_role("link", name="Move to another date").click()
    page.get_by_label("New date").fill("2019-11-14")
    page.get_by_label("Reason for the move").fill("The room is needed by the Permanent Council")
    page.get_by_role("button", name="Save").click()
    shows(page, "initially scheduled for November 7, 2019")
    shows(page, "The room is needed by the Permanent Council")
    page.screenshot(path=str(tmp_path / "moved.png"), full_page=True)

    after, event = _sequence(page, live_server, MOVED)
    assert after == before + 2
    assert event.decoded("DTSTART").date().isoformat() == "2019-11-14"
    assert "Initially scheduled for November 7, 2019" in str(event["DESCRIPTION"])

    page.goto(f"{live_server.url}/calendar/{SLUG}/month/2019-11/")
    chip = page.locator(f'li.chip:has(a[href$="/meetings/{MOVED}/"])')
    assert "initially scheduled for November 7, 2019" in chip.inner_text()
    # Its day's column: Thursday, 14 November (the week begins on Monday).
    day = page.locator(".day-head:has(time[datetime='2019-11-14'])").bounding_box()
    assert abs(chip.bounding_box()["x"] - day["x"]) < day["width"]


def test_on_a_phone_the_month_is_a_list_of_the_days_that_have_something(
    browser: Any, live_server: Any, model_term: m.Term, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}/calendar/{SLUG}/month/2019-11/")
        cells = phone.locator(".month-grid .day-head")
        visible = [i for i in range(cells.count()) if cells.nth(i).is_visible()]
        # 7, 19 and 20 November have meetings or activities of one day; 28 is Thanksgiving;
        # the activities of 6 and 7, and of 17 to 20 November, are bars with their dates in
        # words (the second one in each of the two weeks it crosses), and leave the days they
        # cross out of the list.
        assert len(visible) == 4
        assert "jeudi 7 novembre 2019" in cells.nth(visible[0]).inner_text()
        bars = phone.locator("p.bar .bar-when")
        assert [bars.nth(i).inner_text() for i in range(bars.count())] == [
            "6 et 7 novembre 2019",
            "du 17 au 20 novembre 2019",
            "du 17 au 20 novembre 2019",
        ]
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the screen
        phone.screenshot(path=str(tmp_path / "month-phone.png"), full_page=True)
    finally:
        context.close()
