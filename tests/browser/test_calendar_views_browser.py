"""The month, week and agenda views and their print, in Chromium, in French and English, on a
desktop and a phone; each test leaves screenshots in /tmp/cal-*.png to be looked at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from comitia.web.plans import models as m

SLUG = "csh-2019-2020"
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.django_db(transaction=True)


def _tab(browser: Any, locale: str, viewport: dict[str, int] | None = None) -> Any:
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, locale=locale
    )
    context.set_default_timeout(15_000)
    return context.new_page()


def _overflow(tab: Any) -> int:
    """How many pixels the page is wider than its window (0: no sideways scrolling)."""
    return int(tab.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_the_month_folds_the_undated_names_subjects_and_spans_days(
    browser: Any, live_server: Any, model_term: m.Term
) -> None:
    tab = _tab(browser, "fr-FR")
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2020-02/")
    assert tab.locator("h1").inner_text() == "Février 2020"
    # Three events of several days: one bar each, the two that share 3 and 4 February in
    # two lanes; the long titles are not repeated in each day.
    bars = tab.locator("p.bar")
    assert bars.count() == 3
    boxes = [bars.nth(i).bounding_box() for i in range(3)]
    day = tab.locator(".day-head").first.bounding_box()
    assert max(box["width"] for box in boxes) > 3 * day["width"]  # 3 to 7 February
    assert len({round(box["y"]) for box in boxes[:2]}) == 2
    # A meeting's chip names its first subject, not its kind.
    chip = tab.locator("li.chip").first
    assert "Réunion ordinaire" not in chip.inner_text()
    assert chip.locator(".subject").inner_text().strip() != ""
    # Thematic areas by number, colour and word.
    tag = tab.locator("li.area-tag").first
    assert len(tag.inner_text().split(maxsplit=1)) == 2
    assert tag.evaluate("e => getComputedStyle(e).borderTopColor") != "rgb(0, 0, 0)"
    tab.screenshot(path="/tmp/cal-month-fr.png", full_page=True)

    # The activities dated only by a period are folded under one line.
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2020-04/")
    periods = tab.locator("details.periods")
    assert periods.count() == 1
    assert periods.get_attribute("open") is None
    assert not periods.locator("li.activity").first.is_visible()
    grid_top = tab.locator(".month-grid").bounding_box()["y"]
    assert grid_top < 900, "the grid starts on the first screen"
    tab.screenshot(path="/tmp/cal-month-fr-april.png")
    periods.locator("summary").click()
    assert periods.locator("li.activity").first.is_visible()
    tab.context.close()


def test_the_month_fits_a_phone(browser: Any, live_server: Any, model_term: m.Term) -> None:
    tab = _tab(browser, "en-US", PHONE)
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2020-02/")
    assert tab.locator("h1").inner_text() == "February 2020"
    assert _overflow(tab) <= 0
    # The days with nothing are left out; a bar says its dates in words.
    assert tab.locator("p.bar .bar-when").first.is_visible()
    tab.screenshot(path="/tmp/cal-month-en-phone.png", full_page=True)
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2020-04/")
    assert _overflow(tab) <= 0
    first_screen = tab.locator(".month-grid").bounding_box()["y"]
    assert first_screen < PHONE["height"], "the undated activities no longer fill the screen"
    tab.screenshot(path="/tmp/cal-month-en-phone-april.png")
    tab.context.close()


def test_the_week_and_the_agenda_share_the_filters_and_the_language(
    browser: Any, live_server: Any, model_term: m.Term
) -> None:
    tab = _tab(browser, "en-US")
    tab.goto(f"{live_server.url}/calendar/{SLUG}/week/2020-02-03/")
    assert tab.locator("h1").inner_text().startswith("Week of")
    assert tab.locator("p.bar").count() == 2
    # The week begins on the locale's first day of the week.
    assert tab.locator(".weekdays abbr").first.inner_text() == "Monday"
    tab.get_by_role("link", name="Next week →").click()
    assert "/week/2020-02-10/" in tab.url
    tab.wait_for_load_state()
    assert tab.locator("p.bar").count() == 1
    assert tab.locator("li.chip").count() == 1
    assert tab.locator("li.chip .kind").inner_text() == "Regular meeting"
    tab.screenshot(path="/tmp/cal-week-en.png", full_page=True)

    tab.get_by_text("Filter by thematic area, body, kind or status").click()
    tab.get_by_label("Body").select_option("committee")
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_load_state()
    assert tab.locator("p.bar").count() == 0
    tab.get_by_role("link", name="Agenda", exact=True).click()
    assert "body=committee" in tab.url
    tab.wait_for_load_state()
    assert tab.locator("li.activity").count() == 0
    assert tab.locator("li.chip").count() > 0
    tab.get_by_role("link", name="Clear filters").click()
    tab.wait_for_load_state()
    # The term has ended: the agenda lists it from its first day, meetings and activities.
    assert tab.locator("h2.agenda-date").first.inner_text() == "Tuesday, October 22, 2019"
    assert tab.locator("li.activity").count() > 0
    tab.screenshot(path="/tmp/cal-agenda-en.png")
    tab.context.close()

    french = _tab(browser, "fr-FR", PHONE)
    french.goto(f"{live_server.url}/calendar/{SLUG}/agenda/")
    assert french.locator("h1").inner_text().startswith("Réunions et activités à venir")
    assert _overflow(french) <= 0
    french.screenshot(path="/tmp/cal-agenda-fr-phone.png")
    french.goto(f"{live_server.url}/calendar/{SLUG}/week/2020-02-03/")
    assert _overflow(french) <= 0
    french.screenshot(path="/tmp/cal-week-fr-phone.png", full_page=True)
    french.context.close()


def _pages(pdf: Path, out: Path) -> list[tuple[int, int]]:
    """The size in pixels of each page of ``pdf``, rendered by pdftoppm to ``out``-N.png."""
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(out)], check=True)
    from PIL import Image

    sizes = []
    for png in sorted(out.parent.glob(out.name + "-*.png")):
        with Image.open(png) as image:
            sizes.append(image.size)
    return sizes


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_a_month_prints_on_one_landscape_page_and_an_agenda_on_portrait_pages(
    browser: Any, live_server: Any, model_term: m.Term, tmp_path: Path
) -> None:
    tab = _tab(browser, "fr-FR")
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2020-02/")
    tab.pdf(path=str(tmp_path / "month.pdf"), prefer_css_page_size=True, print_background=True)
    sizes = _pages(tmp_path / "month.pdf", tmp_path / "month")
    assert len(sizes) == 1
    assert sizes[0][0] > sizes[0][1], "landscape"
    shutil.copy(sorted(tmp_path.glob("month-*.png"))[0], "/tmp/cal-print-month.png")
    tab.emulate_media(media="print")
    assert not tab.locator("header.site").is_visible()
    assert not tab.locator(".filters-box").is_visible()
    assert not tab.locator("nav.month-nav").is_visible()
    assert tab.locator(".month-grid").is_visible()

    tab.goto(f"{live_server.url}/calendar/{SLUG}/meetings/csh-2019-10-24/")
    tab.pdf(path=str(tmp_path / "meeting.pdf"), prefer_css_page_size=True, print_background=True)
    sizes = _pages(tmp_path / "meeting.pdf", tmp_path / "meeting")
    assert sizes and all(width < height for width, height in sizes), "portrait"
    assert not tab.locator("header.site").is_visible()
    assert not tab.locator("nav.breadcrumbs").is_visible()
    assert tab.locator("#agenda").is_visible()
    shutil.copy(sorted(tmp_path.glob("meeting-*.png"))[0], "/tmp/cal-print-meeting.png")
    tab.context.close()


def test_a_reader_searches_from_the_header(
    browser: Any, live_server: Any, model_term: m.Term
) -> None:
    tab = _tab(browser, "fr-FR")
    tab.goto(f"{live_server.url}/calendar/{SLUG}/month/2019-10/")
    tab.get_by_role("searchbox", name="Rechercher").fill("securite publique")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/search/?q=securite+publique")
    headings = [h.strip() for h in tab.locator("section.results h2").all_inner_texts()]
    assert headings[0].startswith("Réunions") or headings[0].startswith("Points")
    assert any(h.startswith("Points de l’ordre du jour") for h in headings)
    mark = tab.locator("li.hit mark").first
    assert mark.inner_text().lower() in {"sécurité", "publique"}
    assert tab.locator("li.hit time").count() > 0
    tab.screenshot(path="/tmp/cal-search-fr.png")
    tab.locator("li.hit a").first.click()
    tab.wait_for_url("**/calendar/**")
    tab.context.close()

    phone = _tab(browser, "en-US", PHONE)
    phone.goto(f"{live_server.url}/search/?q=MISPA")
    assert phone.locator("section.results").count() >= 2
    assert _overflow(phone) <= 0
    phone.screenshot(path="/tmp/cal-search-en-phone.png")
    phone.goto(f"{live_server.url}/search/?q=zzzunknownword")
    assert "Nothing found" in phone.locator("main").inner_text()
    phone.context.close()
