"""The edit forms preview what a change costs and the new balance, and save nothing."""

from __future__ import annotations

import re

from django.test import Client

from comitia.web.plans import models as m
from tests.web.calendar.conftest import SLUG, model_term, staff, staff_client

__all__ = ["model_term", "staff", "staff_client"]

MEETING = "csh-2020-05-14"  # a half day at the headquarters in 2020: US$3,700


def _rows(page: str) -> list[list[str]]:
    section = page.split('class="budget-preview"', 1)[1].split("</section>", 1)[0]
    return [
        re.findall(r"<t[hd][^>]*>([^<]*)", row) for row in re.findall(r"<tr.*?</tr>", section, re.S)
    ][1:]


def test_lengthening_a_meeting_to_a_full_day_shows_its_cost_and_the_new_balance(
    staff_client: Client, model_term: m.Term
) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/edit/",
        {"start": "10:00", "end": "17:30", "kind": "regular", "status": "scheduled"}
        | {"preview": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "US$3,700 now, US$6,900 after the change" in page
    # 2020 and its first semester: 3,200 more; 2020's balance 38,800 becomes 35,600.
    assert _rows(page)[0] == ["2020", "+US$3,200", "US$69,400", "US$35,600"]
    assert m.Meeting.objects.get(term=model_term, key=MEETING).end.hour == 13  # not saved


def test_cancelling_previews_the_money_it_frees(staff_client: Client, model_term: m.Term) -> None:
    plain = staff_client.get(f"/calendar/{SLUG}/meetings/{MEETING}/cancel/").content.decode()
    assert 'href="?preview=1"' in plain and "budget-preview" not in plain
    page = staff_client.get(
        f"/calendar/{SLUG}/meetings/{MEETING}/cancel/?preview=1"
    ).content.decode()
    assert "US$3,700 now, US$0 after the change" in page
    assert _rows(page)[0][:2] == ["2020", "-US$3,700"]


def test_moving_a_meeting_into_2019_previews_both_periods(
    staff_client: Client, model_term: m.Term
) -> None:
    response = staff_client.post(
        f"/calendar/{SLUG}/meetings/{MEETING}/move/",
        {"new_date": "2019-11-21", "start": "10:00", "end": "13:00", "reason": "x", "preview": "1"},
    )
    rows = {row[0]: row[1] for row in _rows(response.content.decode())}
    assert rows["October to December 2019"] == "+US$3,600"
    assert rows["2020"] == "-US$3,700"
