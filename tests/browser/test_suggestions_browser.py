"""A delegation proposes a panelist in Chromium; the secretariat accepts it into the agenda."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from comitia.web.access.models import Membership, Role
from comitia.web.plans import models as m
from comitia.web.suggestions.operations import set_window
from tests.browser.steps import log_in, shows

SLUG = "csh-2019-2020"
MEETING = "csh-2019-11-07"


def test_a_delegation_proposes_a_panelist_and_the_secretariat_accepts_it(
    page: Any, live_server: Any, model_term: m.Term, staff: User
) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    set_window(meeting, timezone.now() + dt.timedelta(days=7), staff)
    delegate = User.objects.create_user("brazil", password="d3legation-pass")
    Membership.objects.create(user=delegate, role=Role.DELEGATION, member_state="BR")
    proposals = f"{live_server.url}/calendar/{SLUG}/meetings/{MEETING}/proposals/"

    log_in(page, proposals, "brazil", "d3legation-pass")
    assert page.url == proposals
    shows(page, "does not pay panelists")
    page.get_by_label("What you propose").select_option("panelist")
    page.get_by_label("Topic").fill("Cybersecurity of critical infrastructure")
    page.get_by_label("Panelist's name").fill("Dr. Ana Souza")
    page.get_by_label("Affiliation").fill("University of Brasília")
    page.get_by_role("button", name="Send the proposal").click()
    shows(page, "Your proposal was sent to the secretariat.")
    assert "Dr. Ana Souza" in page.locator("table.proposals").inner_text()

    page.context.clear_cookies()
    log_in(page, proposals, "secretariat", "s3cret-pass")
    page.get_by_role("button", name="Accept into the draft agenda").click()
    shows(page, "The proposal was added to the draft agenda.")

    page.goto(f"{live_server.url}/calendar/{SLUG}/meetings/{MEETING}/")
    agenda = page.locator("#agenda").inner_text()
    assert "Dr. Ana Souza" in agenda and "University of Brasília" in agenda
