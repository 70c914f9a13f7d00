"""The history page words each change for its reader and lets staff restore a version."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from comitia.web.access.models import AuditRecord
from comitia.web.calendar import operations
from comitia.web.plans import models as m
from tests.web.calendar.conftest import SLUG, model_term, staff, staff_client

__all__ = ["model_term", "staff", "staff_client"]

pytestmark = pytest.mark.django_db

MEETING = "csh-2019-10-24"
HISTORY = f"/terms/{SLUG}/history/meeting/{MEETING}/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _changed(staff: object, term: m.Term) -> m.Meeting:
    meeting = m.Meeting.objects.get(term=term, key=MEETING)
    operations.update_meeting(meeting, {"title": "Réunion ordinaire sur la sécurité"}, "fr", staff)
    meeting.refresh_from_db()
    operations.move_meeting(meeting, dt.date(2019, 10, 29), "Salle occupée", staff, lang="fr")
    meeting.refresh_from_db()
    return meeting


def test_the_history_reads_in_french_with_reasons_and_no_internal_field(
    staff_client: Client, staff: object, model_term: m.Term
) -> None:
    _changed(staff, model_term)
    html = staff_client.get(HISTORY, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    text = _text(html)
    assert "Déplacement à une autre date · par secretariat" in text
    assert "Modification des détails" in text
    assert "Motif : Salle occupée" in text
    assert "24 octobre 2019" in text and "29 octobre 2019" in text
    shown = re.sub(r'(href|datetime|action|value)="[^"]*"', "", html)
    for raw in (">version<", "sequence", ">move<", ">edit<", "2019-10-24"):
        assert raw not in shown, raw
    assert "<ins>" in html and "Restaurer cette version" in html


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_the_history_speaks_each_language(
    staff_client: Client, staff: object, model_term: m.Term, lang: str
) -> None:
    _changed(staff, model_term)
    text = _text(staff_client.get(HISTORY, HTTP_ACCEPT_LANGUAGE=lang).content.decode())
    words = {
        "en": "Moved to another date · by secretariat",
        "es": "Traslado a otra fecha · por secretariat",
        "pt": "Transferência para outra data · por secretariat",
    }
    assert words[lang] in text


def test_restoring_an_earlier_version_is_an_audited_move_back(
    staff_client: Client, staff: object, model_term: m.Term
) -> None:
    meeting = _changed(staff, model_term)
    first = AuditRecord.objects.filter(object_type="meeting", object_id=MEETING, action="edit")
    record = first.get()
    response = staff_client.post(
        f"/calendar/{SLUG}/history/{record.pk}/restore/",
        {"reason": "Erreur de saisie", "version": meeting.version},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2019, 10, 24)
    assert meeting.title == {"fr": "Réunion ordinaire sur la sécurité"}
    assert [p.date for p in meeting.previous_dates.order_by("position")] == [
        dt.date(2019, 10, 24),
        dt.date(2019, 10, 29),
    ]
    restore = AuditRecord.objects.filter(object_id=MEETING).order_by("-pk").first()
    assert restore is not None and restore.action == "restore"
    assert restore.reason == "Erreur de saisie" and restore.username == "secretariat"


def test_a_restore_based_on_an_old_version_is_refused(
    staff_client: Client, staff: object, model_term: m.Term
) -> None:
    meeting = _changed(staff, model_term)
    record = AuditRecord.objects.get(object_id=MEETING, action="edit")
    response = staff_client.post(
        f"/calendar/{SLUG}/history/{record.pk}/restore/",
        {"reason": "Erreur", "version": meeting.version - 1},
        follow=True,
    )
    assert "Nothing was restored" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2019, 10, 29)


def test_a_delegate_may_not_restore(client: Client, staff: object, model_term: m.Term) -> None:
    _changed(staff, model_term)
    record = AuditRecord.objects.get(object_id=MEETING, action="edit")
    response = client.post(f"/calendar/{SLUG}/history/{record.pk}/restore/", {"reason": "x"})
    assert response.status_code in (302, 403)
    assert m.Meeting.objects.get(term=model_term, key=MEETING).date == dt.date(2019, 10, 29)
