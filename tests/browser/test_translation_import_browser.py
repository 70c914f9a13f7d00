"""A translator in Chromium: exports the Portuguese texts to translate, imports the translated
file, reads the preview, confirms, and the meeting page shows the new translation.
Screenshots: /tmp/transweb-*.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from translate.storage import xliff as tt_xliff

from comitia.plan.files import read_plan
from comitia.translations.texts import without_translations
from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.plans import models as m
from tests.browser.conftest import MODEL_PLAN
from tests.browser.steps import log_in, shows
from tests.web.publishing import store_published

SLUG = "csh-2019-2020"
UNIT = "meetings/csh-2019-10-24/agenda/1/title"
PORTUGUESE = "Eleição da primeira, segunda e terceira Vice-Presidências da CSH"
SHOTS = "/tmp/transweb-{}.png"

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_translator_exports_imports_previews_and_confirms(
    page: Any, live_server: Any, transactional_db: None, tmp_path: Path
) -> None:
    term = store_published(without_translations(read_plan(MODEL_PLAN)))
    user = User.objects.create_user("translator", password="s3cret-pass")
    Membership.objects.create(user=user, role=Role.TRANSLATOR, committee=term.committee)
    translations = f"{live_server.url}/terms/{SLUG}/translations/"
    log_in(page, translations, "translator", "s3cret-pass")
    shows(page, "Portuguese")

    portuguese = page.locator("#lang-pt")
    with page.expect_download() as download:
        portuguese.get_by_role("link", name="Download the texts to translate (XLIFF)").click()
    exported = Path(download.value.path()).read_bytes()
    store = tt_xliff.xlifffile.parsestring(exported)
    (unit,) = [u for u in store.units if u.xmlelement.get("id") == UNIT]
    unit.target = PORTUGUESE
    translated = tmp_path / f"{SLUG}.pt.xlf"
    translated.write_bytes(bytes(store))

    page.get_by_label("Import a translated file (XLIFF)").set_input_files(str(translated))
    page.get_by_role("button", name="Show what it changes").click()
    shows(page, "What the translation file changes")
    row = page.locator(f'[id="change-{UNIT}"]')
    assert "Meeting of October 24, 2019, agenda item 1; title" in row.inner_text()
    assert PORTUGUESE in row.locator("td.new").inner_text()
    page.screenshot(path=SHOTS.format("1-preview"), full_page=True)
    assert not AuditRecord.objects.filter(action="translate").exists()  # not yet

    page.get_by_role("button", name="Confirm the import").click()
    shows(page, f"1 translation imported from {SLUG}.pt.xlf.")
    page.screenshot(path=SHOTS.format("2-imported"))
    assert page.locator(f'[id="pt-{UNIT}"]').count() == 0  # no longer missing
    record = AuditRecord.objects.get(action="translate")
    assert record.username == "translator"
    node = m.AgendaNode.objects.get(
        meeting__term=term, meeting__key="csh-2019-10-24", parent=None, position=0
    )
    assert node.title is not None and node.title["pt"] == PORTUGUESE

    page.context.add_cookies([{"name": "django_language", "value": "pt", "url": live_server.url}])
    page.goto(f"{live_server.url}/calendar/{SLUG}/meetings/csh-2019-10-24/")
    shows(page, PORTUGUESE)
    page.screenshot(path=SHOTS.format("3-meeting-pt"))
