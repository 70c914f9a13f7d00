"""A secretary finds another date for a meeting and moves it there, in Chromium; the page in
English and French."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from comitia.plan.files import read_organization, read_plan
from comitia.web.calendar import rescheduling
from comitia.web.plans import models as m
from comitia.web.plans.organizations import save_organization
from tests.browser.steps import shows
from tests.web.publishing import store_published

EXAMPLES = Path(__file__).parents[2] / "examples"
SLUG = "csh-2019-2020"
KEY = "csh-2020-03-05"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organization_term(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> m.Term:
    """The model plan in the illustrative organization, beside the CAJP's illustrative plan
    (which books a room and team A on the morning of 5 March 2020), seen on 1 September 2019."""
    monkeypatch.setattr(rescheduling, "today_in", lambda term: dt.date(2019, 9, 1))
    organization = read_organization(EXAMPLES / "oas-organization-illustrative.yaml")
    save_organization(organization)
    plan = read_plan(EXAMPLES / "oas-csh-2019-2020.yaml")
    term = store_published(plan.model_copy(update={"organization": organization.id}))
    store_published(read_plan(EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml"))
    return term


def test_a_secretary_finds_another_date_and_moves_the_meeting_there(
    page: Any, live_server: Any, organization_term: m.Term, staff: User, tmp_path: Path
) -> None:
    meeting = f"{live_server.url}/calendar/{SLUG}/meetings/{KEY}/"
    page.goto(meeting)
    page.get_by_role("link", name="Secretariat login").click()
    page.get_by_label("User name").fill("secretariat")
    page.get_by_label("Password").fill("s3cret-pass")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(meeting)
    page.get_by_role("link", name="Find another date").click()
    shows(page, "Other dates for the meeting of March 5, 2020")
    dates = page.locator("li.other-date")
    expect(dates).to_have_count(5)
    first = dates.first
    assert "Nothing else moves" in first.inner_text()
    assert "Rubén Darío Room" in first.inner_text() or "Simón Bolívar Room" in first.inner_text()
    day = first.locator("time").get_attribute("datetime")
    page.screenshot(path=str(tmp_path / "other-dates-en.png"), full_page=True)
    first.get_by_label("Reason for the move").fill("The room is needed by the Permanent Council")
    first.get_by_role("button", name="Move to").click()
    expect(page).to_have_url(meeting)
    shows(page, "The meeting was moved; its earlier date is kept.")
    shows(page, "initially scheduled for March 5, 2020")
    assert page.locator("time").first.get_attribute("datetime") == day
    page.screenshot(path=str(tmp_path / "moved-en.png"), full_page=True)


def test_the_page_reads_in_french(
    browser: Any, live_server: Any, organization_term: m.Term, staff: User, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    try:
        address = f"{live_server.url}/calendar/{SLUG}/meetings/{KEY}/other-dates/"
        tab.goto(
            f"{live_server.url}/accounts/login/?next=/calendar/{SLUG}/meetings/{KEY}/other-dates/"
        )
        tab.locator("#id_username").fill("secretariat")
        tab.locator("#id_password").fill("s3cret-pass")
        tab.locator("form button[type=submit]").last.click()
        expect(tab).to_have_url(address)
        shows(tab, "Autres dates pour la réunion du 5 mars 2020")
        shows(tab, "Rien d’autre ne bouge")
        shows(tab, "Salle Rubén Darío")
        tab.screenshot(path=str(tmp_path / "other-dates-fr.png"), full_page=True)
    finally:
        context.close()
