"""The secretariat issues revisions of the draft in Chromium: rev. 1, then, after a
delegation's amendment is incorporated into a paragraph, rev. 2, whose comparison page shows
the words changed and offers the changes as a DOCX with Word tracked changes."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import expect

from comitia.web.levels import Visibility
from comitia.web.negotiation.models import DraftRevision
from comitia.web.plans import models as m
from tests.browser.steps import log_in, shows
from tests.web.negotiation.conftest import negotiation_plan
from tests.web.publishing import store_published

from .test_negotiation_browser import _delegate

SHOTS = "/tmp"  # the screenshots looked at: /tmp/neg-rev-*.png


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=f"{SHOTS}/neg-rev-{name}.png", full_page=True)


def test_the_secretariat_issues_rev_2_and_the_comparison_shows_the_amended_words(
    page: Any, live_server: Any, transactional_db: None, staff: User
) -> None:
    term = store_published(negotiation_plan())
    m.Resolution.objects.filter(term=term, key="draft-2020").update(
        visibility=Visibility.MEMBER_STATES, revision=0
    )
    _delegate("BR")
    draft = f"{live_server.url}/terms/{term.slug}/resolutions/draft-2020/"

    log_in(page, draft, "secretariat", "s3cret-pass")
    page.get_by_role("button", name="Issue rev. 1").click()
    shows(page, "CP/CSH-2020/20 rev. 1 was issued.")
    shows(page, "The first revision issued")

    page.context.clear_cookies()
    log_in(page, draft, "br", "d3legation-pass")
    first = page.locator("#p-3-bis")
    first.get_by_text("Propose an amendment").click()
    first.get_by_label("Proposed text").fill("Encourage strongly [[urge]]")
    first.get_by_label("Justification").fill("Stronger wording (illustrative).")
    first.get_by_role("button", name="Send to the secretariat").click()
    assert "[[" not in first.locator(".diff").inner_text()

    page.context.clear_cookies()
    log_in(page, draft, "secretariat", "s3cret-pass")
    page.get_by_role("button", name="Share with delegations").click()
    page.locator("#p-3-bis").get_by_role("button", name="Record").click()
    shows(page, "The amendment was incorporated into the paragraph.")
    _shot(page, "draft")
    page.get_by_role("button", name="Issue rev. 2").click()

    expect(page).to_have_url(re.compile(r"/resolutions/draft-2020/revisions/2/$"))
    shows(page, "Changes from CP/CSH-2020/20 rev. 1 to CP/CSH-2020/20 rev. 2")
    amended = page.locator("#p-operative-3-bis")
    assert amended.locator("ins").first.inner_text().strip() == "strongly"
    assert "[urge]" in amended.inner_text() and "[[" not in amended.inner_text()
    shows(page, "1 paragraph changed")
    _shot(page, "comparison")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="since rev. 1").first.click()
    download = waiting.value
    with zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes())) as docx:
        body = docx.read("word/document.xml").decode()
    # The one change, an insertion, as a Word tracked change.
    assert '<w:ins w:id="1" w:author="Comitia"' in body and "strongly" in body
    assert [r.number for r in DraftRevision.objects.order_by("number")] == [1, 2]

    page.goto(draft)
    assert "CP/CSH-2020/20 rev. 2" in page.locator(".revisions").inner_text()
