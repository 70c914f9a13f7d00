"""The negotiation in Chromium, from an amendment to the formal review: Brazil proposes an
amendment to paragraph 4 (led by Mexico); Chile never sees it, as it is not shared; Mexico,
the lead delegation, records an informal consultation; the secretariat opens the session
sheet of a May meeting of the formal review and marks the paragraph agreed ad referendum with
the amendment incorporated, then issues rev. 2, whose comparison with rev. 1 shows the
change. The dates and texts are illustrative."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import expect

from comitia.web.access.models import Membership, Role
from comitia.web.levels import Visibility
from comitia.web.negotiation.models import Amendment, Consultation, ParagraphEvent
from comitia.web.negotiation.revisions import issue_revision
from comitia.web.plans import models as m
from tests.browser.steps import log_in, shows
from tests.web.negotiation.review import review_plan
from tests.web.publishing import store_published

WORDING = "Request the General Secretariat to report by May 2020."
PASSWORD = "d3legation-pass"


def _delegate(state: str) -> None:
    user = User.objects.create_user(state.lower(), password=PASSWORD)
    Membership.objects.create(user=user, role=Role.DELEGATION, member_state=state)


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=f"/tmp/neg-sheet-{name}.png", full_page=True)


def test_an_amendment_goes_through_a_consultation_the_session_sheet_and_rev_2(
    page: Any, live_server: Any, transactional_db: None, staff: User
) -> None:
    term = store_published(review_plan())
    m.Resolution.objects.filter(term=term, key="draft-2020").update(
        visibility=Visibility.MEMBER_STATES, revision=0
    )
    # Rev. 1 was issued before the negotiation began (illustrative date).
    issue_revision(
        m.Resolution.objects.get(term=term, key="draft-2020"), staff, issued_on=dt.date(2020, 4, 2)
    )
    for state in ("BR", "MX", "CL"):
        _delegate(state)
    draft = f"{live_server.url}/terms/{term.slug}/resolutions/draft-2020/"

    # Brazil proposes new wording for paragraph 4.
    log_in(page, draft, "br", PASSWORD)
    assert page.url == draft
    row = page.locator("#p-4")
    row.get_by_text("Propose an amendment").click()
    row.get_by_label("Proposed text").fill(WORDING)
    row.get_by_label("Justification").fill("A date for the report (illustrative).")
    row.get_by_role("button", name="Send to the secretariat").click()
    shows(page, "Your amendment was sent to the secretariat.")
    _shot(page, "1-delegation-proposes")

    # Chile, another delegation, does not see it: it is not shared.
    page.context.clear_cookies()
    log_in(page, draft, "cl", PASSWORD)
    assert page.url == draft
    assert "May 2020" not in page.content()
    assert page.locator("#p-4 .amendment").count() == 0

    # Mexico leads paragraph 4: it sees the amendment and records its consultation.
    page.context.clear_cookies()
    log_in(page, draft, "mx", PASSWORD)
    row = page.locator("#p-4")
    assert "May 2020" in row.locator(".amendment").inner_text()
    row.get_by_text("Record an informal consultation").click()
    row.get_by_label("Held on").fill("2020-04-20")
    row.get_by_label("in informal consultations").check()
    row.get_by_role("button", name="Record the consultation").click()
    shows(page, "The consultation on paragraph 4 was recorded.")
    page.locator("#p-4 .history summary").click()
    assert (
        "informal consultation of April 20, 2020 led by Mexico"
        in page.locator("#p-4 .history").inner_text()
    )
    _shot(page, "2-lead-records-consultation")

    # The secretariat opens the sheet of the May meeting from the draft page.
    page.context.clear_cookies()
    log_in(page, draft, "secretariat", "s3cret-pass")
    page.get_by_role("link", name="May 12, 2020, 10:00–17:30").click()
    shows(page, "Session sheet of the formal review, May 12, 2020")
    row = page.locator("#p-4")
    row.get_by_label("Agreed ad referendum").check()
    row.locator("input[name=amendment]").nth(1).check()
    _shot(page, "3-session-sheet-before")
    row.get_by_role("button", name="Record the decision on paragraph 4").click()
    shows(page, "Paragraph 4: agreed ad referendum, recorded.")
    row = page.locator("#p-4")
    assert WORDING in row.locator(".paragraph-text").inner_text()
    assert "Recorded at this session:" in row.inner_text()
    _shot(page, "4-session-sheet-after")

    paragraph = m.Paragraph.objects.get(resolution__term=term, number="4")
    assert (paragraph.status, paragraph.text["en"], paragraph.version) == (
        "agreed_ad_referendum",
        WORDING,
        2,
    )
    amendment = Amendment.objects.get()
    assert amendment.status == Amendment.Status.INCORPORATED and amendment.shared_at is None
    event = ParagraphEvent.objects.get()
    assert event.meeting is not None and event.meeting.key == "review-05-12"
    assert Consultation.objects.get().member_state == "MX"

    # The draft page tells the paragraph's story.
    page.goto(draft)
    page.locator("#p-4 .history summary").click()
    page.wait_for_load_state()
    story = page.locator("#p-4 .history").inner_text()
    assert "formal review session of May 12, 2020" in story
    assert "amendment of Brazil incorporated" in story
    _shot(page, "5-draft-history")

    # After the session the secretariat issues rev. 2; its comparison with rev. 1 shows the
    # amended words of paragraph 4.
    page.get_by_role("button", name="Issue rev. 2").click()
    expect(page).to_have_url(re.compile(r"/resolutions/draft-2020/revisions/2/$"))
    shows(page, "Changes from CP/CSH-2020/20 rev. 1 to CP/CSH-2020/20 rev. 2")
    changed = page.locator(".comparison ins").all_inner_texts()
    assert "May 2020" in " ".join(changed)
    _shot(page, "6-rev-2-comparison")
