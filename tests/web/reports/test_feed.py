"""A state's private calendar of deadlines: alarms before each, a revocable address."""

from __future__ import annotations

import re

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from comitia.web.plans import models as m

pytestmark = pytest.mark.django_db


def _issue(client: Client, term: m.Term, state: str) -> str:
    response = client.post(reverse("reports:feed_key", args=[term.slug, state]), follow=True)
    [url] = re.findall(
        r"http://testserver(/reports/feeds/[^ <\"]+\.ics)", response.content.decode()
    )
    return url


def test_the_feed_has_each_deadline_the_state_owes_with_alarms(
    model_term: m.Term, brazil: Client
) -> None:
    url = _issue(brazil, model_term, "BR")
    calendar = icalendar.Calendar.from_ical(Client().get(url).content)
    events = list(calendar.walk("VEVENT"))
    days = sorted(str(e["DTSTART"].dt) for e in events)
    assert days[0] == "2020-03-15"  # the 15 March list of the term's cycle, 2020
    assert len(events) == 4  # the four yearly reports of all member states (no CITAAC list)
    triggers = {str(a["TRIGGER"].dt) for e in events for a in e.walk("VALARM")}
    assert triggers == {"-14 days, 0:00:00", "0:00:00"}


def test_a_new_address_revokes_the_old_and_revoking_ends_it(
    model_term: m.Term, brazil: Client
) -> None:
    first = _issue(brazil, model_term, "BR")
    second = _issue(brazil, model_term, "BR")
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200
    brazil.post(reverse("reports:feed_key", args=[model_term.slug, "BR"]), {"revoke": "1"})
    assert Client().get(second).status_code == 404


def test_another_delegation_cannot_make_a_states_address(
    model_term: m.Term, mexico: Client
) -> None:
    response = mexico.post(reverse("reports:feed_key", args=[model_term.slug, "BR"]))
    assert response.status_code == 404
