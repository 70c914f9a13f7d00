"""The draft's dashboard in Chromium: reached from the draft page, its chart drawn with a title
and its table beside it, in English and in French."""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.contrib.auth.models import User

from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.negotiation.history import record_event
from comitia.web.plans import models as m
from tests.browser.steps import log_in
from tests.web.negotiation.conftest import DRAFT_KEY
from tests.web.negotiation.test_dashboard import reviewed_plan
from tests.web.publishing import store_published


def _decide(term: m.Term, number: str, status: str, meeting: str) -> None:
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=term, resolution__key=DRAFT_KEY, number=number
    )
    before, paragraph.status = paragraph.status, status
    paragraph.save(update_fields=["status"])
    record_event(paragraph, before, None, meeting=m.Meeting.objects.get(term=term, key=meeting))


def test_the_dashboard_shows_the_chart_and_its_table_from_the_draft_page(
    page: Any, live_server: Any, transactional_db: None, staff: User
) -> None:
    term = store_published(reviewed_plan(12))
    m.Resolution.objects.filter(term=term, key=DRAFT_KEY).update(
        visibility=Visibility.MEMBER_STATES
    )
    for number, status, meeting in (
        ("100", "agreed_ad_referendum", "m0"),
        ("101", "agreed", "m0"),
        ("103", "agreed", "m1"),
        ("4", "agreed", "m1"),
        ("104", "withdrawn", "m2"),
        ("106", "agreed", "m2"),
    ):
        _decide(term, number, status, meeting)
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=term, resolution__key=DRAFT_KEY, number="3 bis"
    )
    operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "reword", "language": "en", "text": "Encourage firmly", "justification": "Why"},
        None,
        token=uuid.uuid4(),
    )
    draft = f"{live_server.url}/terms/{term.slug}/resolutions/{DRAFT_KEY}/"
    log_in(page, draft, "secretariat", "s3cret-pass")
    page.get_by_role("link", name="The negotiation at a glance").click()
    page.wait_for_url(f"{draft}dashboard/")
    chart = page.get_by_role("img", name="Paragraphs by status after each formal session")
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 60
    table = page.get_by_role("table", name="Paragraphs by status after each formal session")
    assert table.locator("tbody tr").count() == 3
    assert page.get_by_role("progressbar").is_visible()
    page.screenshot(
        path=os.environ.get("COMITIA_DASHBOARD_SHOT", "/tmp/neg-dash.png"), full_page=True
    )
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_role("heading", name="La négociation en un coup d’œil").is_visible()
    assert page.get_by_role("img", name="Paragraphes par statut après chaque séance formelle")
