"""A secretariat officer, in French, in Chromium: a move to a Saturday warns before it is saved
and saves on confirmation; a second move reads as one chain; the history page says who did
what, with the reasons, and restores an earlier version. Screenshots: /tmp/edit-warn-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from comitia.web.access.models import AuditRecord
from comitia.web.plans import models as m

SLUG = "csh-2019-2020"
MEETING = "csh-2019-10-24"  # Thursday 24 October 2019
SHOTS = "/tmp/edit-warn-{}.png"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def french(browser: Any, live_server: Any, staff: User, model_term: m.Term) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="fr-FR",
        extra_http_headers={"Accept-Language": "fr"},
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto(f"{live_server.url}/accounts/login/?next=/calendar/{SLUG}/meetings/{MEETING}/")
    tab.locator("#id_username").fill("secretariat")
    tab.locator("#id_password").fill("s3cret-pass")
    tab.locator("form button[type=submit]").last.click()
    assert tab.url.endswith(f"/meetings/{MEETING}/")
    tab.wait_for_load_state()
    tab.screenshot(path=SHOTS.format("0-signed-in"), full_page=True)
    yield tab
    context.close()


def _move(tab: Any, day: str, reason: str) -> None:
    tab.get_by_role("link", name="Reporter à une autre date").click()
    tab.get_by_label("Nouvelle date").fill(day)
    tab.get_by_label("Motif du report").fill(reason)
    tab.get_by_role("button", name="Enregistrer", exact=True).click()


def test_a_move_to_a_saturday_warns_then_saves_on_confirmation_and_a_second_move_chains(
    french: Any, model_term: m.Term
) -> None:
    tab = french
    _move(tab, "2019-10-26", "Salle occupée")
    warning = tab.locator("#change-warnings")
    assert "tombe un week-end" in warning.inner_text()
    assert "Pas encore enregistré" in warning.inner_text()
    tab.screenshot(path=SHOTS.format("1-warning"), full_page=True)
    assert m.Meeting.objects.get(key=MEETING).date.isoformat() == "2019-10-24"

    tab.get_by_role("button", name="Enregistrer quand même").click()
    assert tab.url.endswith(f"/meetings/{MEETING}/")

    tab.wait_for_load_state()
    assert m.Meeting.objects.get(key=MEETING).date.isoformat() == "2019-10-26"

    _move(tab, "2019-10-22", "Visite officielle")
    assert tab.url.endswith(f"/meetings/{MEETING}/")
    facts = tab.locator("dl.facts").inner_text()
    assert facts.count("initialement prévue le") == 1, facts
    assert "initialement prévue le 24 octobre 2019" in facts
    assert "puis reportée au 26 octobre 2019" in facts
    tab.screenshot(path=SHOTS.format("2-two-moves"), full_page=True)

    tab.goto(tab.url.replace(f"meetings/{MEETING}/", ""))
    line = tab.locator("li.meeting", has=tab.locator(f'a[href$="/meetings/{MEETING}/"]'))
    assert re.search(
        r"initialement prévue le 24 octobre 2019, puis reportée au 26 octobre 2019",
        line.inner_text(),
    )


def test_the_history_in_french_restores_an_earlier_version(french: Any, model_term: m.Term) -> None:
    tab = french
    tab.get_by_role("link", name="Modifier les détails").click()
    tab.get_by_label("Titre").fill("Réunion sur la sécurité publique")
    tab.get_by_role("button", name="Enregistrer", exact=True).click()
    _move(tab, "2019-10-29", "Salle occupée")
    tab.get_by_role("link", name="Historique des modifications").click()
    tab.wait_for_load_state()
    page = tab.locator("main").inner_text()
    assert "Déplacement à une autre date" in page and "par secretariat" in page
    assert "Motif : Salle occupée" in page
    assert "Modification des détails" in page
    for raw in ("move", "edit", "sequence", "publish"):  # French "version" is a word
        assert not re.search(rf"\b{raw}\b", page), raw
    assert tab.locator(".history-changes ins").count() >= 1
    tab.screenshot(path=SHOTS.format("3-history"), full_page=True)

    edit = AuditRecord.objects.get(object_id=MEETING, action="edit")
    form = tab.locator(f'form.restore[action$="/history/{edit.pk}/restore/"]')
    form.get_by_label("Motif de la restauration de cette version").fill("Déplacement par erreur")
    form.get_by_role("button", name="Restaurer cette version").click()
    assert "La version antérieure a été restaurée" in tab.locator("main").inner_text()
    first = tab.locator("li.history-entry").first.inner_text()
    assert "Restauration d’une version antérieure" in first
    assert "Déplacement par erreur" in first
    tab.screenshot(path=SHOTS.format("4-restored"), full_page=True)
    assert m.Meeting.objects.get(key=MEETING).date.isoformat() == "2019-10-24"
