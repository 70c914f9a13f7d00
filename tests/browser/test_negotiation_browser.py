"""A delegation proposes an amendment to the draft in Chromium; another delegation does not
see it; the secretariat shares it and incorporates it into the paragraph."""

from __future__ import annotations

import os
from typing import Any

from django.contrib.auth.models import User

from comitia.web.access.models import Membership, Role
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.browser.steps import log_in, shows
from tests.web.negotiation.conftest import negotiation_plan
from tests.web.publishing import store_published

WORDING = "Encourage strongly [[urge]]"


def _delegate(state: str) -> None:
    user = User.objects.create_user(state.lower(), password="d3legation-pass")
    Membership.objects.create(user=user, role=Role.DELEGATION, member_state=state)


def _shot(page: Any, name: str) -> None:
    """Keep a screenshot where COMITIA_SCREENSHOTS says (to look at the page), if set."""
    where = os.environ.get("COMITIA_SCREENSHOTS")
    if where:
        page.screenshot(path=f"{where}/{name}.png", full_page=True)


def test_an_amendment_is_proposed_kept_from_others_shared_and_incorporated(
    page: Any, live_server: Any, transactional_db: None, staff: User
) -> None:
    term = store_published(negotiation_plan())
    m.Resolution.objects.filter(term=term, key="draft-2020").update(
        visibility=Visibility.MEMBER_STATES
    )
    _delegate("BR")
    _delegate("MX")
    draft = f"{live_server.url}/terms/{term.slug}/resolutions/draft-2020/"

    log_in(page, draft, "br", "d3legation-pass")
    assert page.url == draft
    first = page.locator("#p-3-bis")
    first.get_by_text("Propose an amendment").click()
    first.get_by_label("Proposed text").fill(WORDING)
    first.get_by_label("Justification").fill("Stronger wording (illustrative).")
    first.get_by_role("button", name="Send to the secretariat").click()
    shows(page, "Your amendment was sent to the secretariat.")
    assert first.locator(".diff ins").inner_text().strip() == "strongly"
    _shot(page, "draft-delegation")

    page.context.clear_cookies()
    log_in(page, draft, "mx", "d3legation-pass")
    assert "strongly" not in page.content()

    page.context.clear_cookies()
    log_in(page, draft, "secretariat", "s3cret-pass")
    page.get_by_role("button", name="Share with delegations").click()
    shows(page, "The amendment is shared with every delegation.")
    page.locator("#p-3-bis").get_by_role("button", name="Record").click()
    shows(page, "The amendment was incorporated into the paragraph.")
    assert "Encourage strongly" in page.locator("#p-3-bis .paragraph-text").inner_text()
    _shot(page, "draft-secretariat")

    page.context.clear_cookies()
    log_in(page, draft, "mx", "d3legation-pass")
    assert "strongly" in page.locator("#p-3-bis .paragraph-text").inner_text()
