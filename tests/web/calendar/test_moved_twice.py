"""A meeting moved twice shows its history as one chain, as the model document words it:
first planned on one day, then moved to another, never "initially scheduled" twice."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from django.test import Client

from comitia.web.calendar import operations
from comitia.web.plans import models as m

from .conftest import SLUG

pytestmark = pytest.mark.django_db

MEETING = "csh-2019-10-24"


def _moved_twice(term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=term, key=MEETING)
    operations.move_meeting(meeting, dt.date(2019, 10, 29), "Salle occupée", None, lang="fr")
    meeting.refresh_from_db()
    operations.move_meeting(meeting, dt.date(2019, 10, 22), "Visite officielle", None, lang="fr")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


CHAIN = {
    "fr": ("initialement prévue le 24 octobre 2019", "puis reportée au 29 octobre 2019"),
    "en": ("initially scheduled for October 24, 2019", "then moved to October 29, 2019"),
    "es": ("prevista inicialmente para el 24 de octubre de 2019", "luego trasladada al 29"),
    "pt": ("inicialmente prevista para 24 de outubro de 2019", "depois transferida para 29"),
}
FIRST_WORDS = {lang: first.split(" 24")[0] for lang, (first, _then) in CHAIN.items()}


@pytest.mark.parametrize("lang", sorted(CHAIN))
def test_the_meeting_page_prints_the_chain_once_with_each_reason(
    client: Client, model_term: m.Term, lang: str
) -> None:
    _moved_twice(model_term)
    page = client.get(f"/calendar/{SLUG}/meetings/{MEETING}/", HTTP_ACCEPT_LANGUAGE=lang)
    text = _text(page.content.decode())
    first, then = CHAIN[lang]
    assert text.count(FIRST_WORDS[lang]) == 1, text
    assert first in text and then in text
    assert text.index(first) < text.index("Salle occupée") < text.index(then)
    assert text.index(then) < text.index("Visite officielle")


@pytest.mark.parametrize(
    "address",
    [f"/calendar/{SLUG}/", f"/calendar/{SLUG}/month/2019-10/", f"/terms/{SLUG}/"],
)
def test_lists_print_the_chain_once(client: Client, model_term: m.Term, address: str) -> None:
    _moved_twice(model_term)
    text = _text(client.get(address, HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    # Other meetings of the model plan moved once; this one's second date continues its chain.
    assert "initialement prévue le 24 octobre 2019, puis reportée au 29 octobre 2019" in text
    assert "initialement prévue le 29 octobre" not in text


def test_a_meeting_moved_once_reads_as_before(client: Client, model_term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=model_term, key=MEETING)
    operations.move_meeting(meeting, dt.date(2019, 10, 29), "", None, lang="fr")
    text = _text(client.get(f"/calendar/{SLUG}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    assert "initialement prévue le 24 octobre 2019" in text
    assert "puis reportée" not in text


def test_the_feed_prints_the_chain_once(client: Client, model_term: m.Term) -> None:
    _moved_twice(model_term)
    feed = icalendar.Calendar.from_ical(client.get(f"/calendar/{SLUG}/feed.fr.ics").content)
    event = next(e for e in feed.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{MEETING}."))
    description = str(event["DESCRIPTION"])
    assert description.count("Initialement prévue le") == 1, description
    assert "Initialement prévue le 24 octobre 2019 (motif : Salle occupée)" in description
    assert "Puis reportée au 29 octobre 2019 (motif : Visite officielle)" in description
