"""The secretariat attaches a PDF in French to a document of a meeting's agenda, in Chromium;
the public's meeting page lists the document with its title and language, and its link
downloads the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from comitia.web.plans import models as m
from tests.browser.steps import shows

SLUG = "csh-2019-2020"
KEY = "csh-2019-11-07"
SYMBOL = "CP/CSH-1933/19 rev. 2"
PDF = b"%PDF-1.4\n% an illustrative file for the browser test\n"

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_pdf_attached_in_french_is_listed_and_downloaded_by_the_public(
    page: Any, browser: Any, live_server: Any, model_term: m.Term, staff: User, tmp_path: Path
) -> None:
    meeting = f"{live_server.url}/calendar/{SLUG}/meetings/{KEY}/"
    page.goto(meeting)
    page.get_by_role("link", name="Secretariat login").click()
    page.get_by_label("User name").fill("secretariat")
    page.get_by_label("Password").fill("s3cret-pass")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(meeting)
    documents = page.locator("#meeting-documents")
    documents.get_by_role("link", name="Attach a file or link").first.click()
    shows(page, "At most")
    expect(page.locator("#id_symbol")).to_have_value(SYMBOL)
    page.locator("#id_language").select_option("fr")
    source = tmp_path / "rapport-illustratif.pdf"
    source.write_bytes(PDF)
    page.get_by_label("File (PDF or DOCX)").set_input_files(str(source))
    page.screenshot(path="/tmp/docfiles-attach.png", full_page=True)
    page.get_by_role("button", name="Attach").click()
    shows(page, f"The Français version of {SYMBOL} is attached.")
    page.screenshot(path="/tmp/docfiles-staff-meeting.png", full_page=True)

    public = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    tab = public.new_page()
    tab.goto(meeting)
    listed = tab.locator("#meeting-documents")
    expect(listed).to_contain_text(SYMBOL)
    expect(listed.get_by_role("link", name="FR")).to_have_attribute("hreflang", "fr")
    expect(listed).not_to_contain_text("Attach a file or link")
    listed.scroll_into_view_if_needed()
    tab.screenshot(path="/tmp/docfiles-meeting.png", full_page=True)
    with tab.expect_download() as download:
        listed.get_by_role("link", name="FR").click()
    saved = tmp_path / "downloaded.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes() == PDF
    assert download.value.suggested_filename == "rapport-illustratif.pdf"
    public.close()
