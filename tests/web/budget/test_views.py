"""The budget page (secretariat, chair and bureau): the table and the charts drawn on the server."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.budget.chart import Bar, bar_chart
from comitia.web.plans.models import Term
from tests.budget.plans import full_days
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def term() -> Term:
    return store_published(read_plan(MODEL_PLAN))


@pytest.fixture
def staff(client: Client) -> Client:
    from comitia.web.access.models import Membership, Role

    user = User.objects.create_user("secretariat", password="x", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    return client


def test_the_budget_page_is_for_the_secretariat_and_bureau_only(client: Client, term: Term) -> None:
    response = client.get(f"/terms/{term.slug}/budget/")
    assert response.status_code == 302
    client.force_login(User.objects.create_user("delegate", password="x"))
    assert client.get(f"/terms/{term.slug}/budget/").status_code == 403


def test_the_page_shows_each_period_with_amounts_as_the_organization_prints_them(
    staff: Client, term: Term
) -> None:
    page = staff.get(f"/terms/{term.slug}/budget/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    row = re.search(r"<th scope=\"row\">2020</th>(.*?)</tr>", page, re.S)
    assert row is not None
    cells = re.findall(r'<td class="amount">([^<]*)', row[1])
    assert cells[:3] == ["US$ 105\u202f000", "US$ 66\u202f200", "US$ 38\u202f800"]
    assert "à titre d’exemple" in page


def test_both_charts_are_svg_with_a_title_and_a_description_beside_their_table(
    staff: Client, term: Term
) -> None:
    page = staff.get(f"/terms/{term.slug}/budget/").content.decode()
    charts = re.findall(r'<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)"', page)
    assert charts == [
        "budget-periods-title budget-periods-desc",
        "budget-months-title budget-months-desc",
    ]
    assert '<title id="budget-months-title">' in page and '<desc id="budget-months-desc">' in page
    assert page.count('<table class="budget">') == 2
    # One group of bars per period, one per month of the periods meetings count against.
    assert page.count('class="label"') == 5 + 3 + 9


def test_a_period_over_its_appropriation_is_flagged_in_the_table_and_the_chart(
    staff: Client,
) -> None:
    plan = read_plan(MODEL_PLAN)
    plan = plan.model_copy(
        update={"meetings": [*plan.meetings, *full_days(6, dt.date(2020, 6, 1))]}
    )
    term = store_published(plan)
    page = staff.get(f"/terms/{term.slug}/budget/").content.decode()
    assert 'class="depth-0 over"' in page
    assert 'class="planned over"' in page


def test_the_chart_escapes_what_it_draws() -> None:
    bar = Bar("<script>", Decimal(10), Decimal(20), "a&b", "c")
    svg = bar_chart("x", "t<", "d>", [bar], ("A", "P"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a&amp;b" in svg


def test_the_checks_panel_links_to_the_budget(staff: Client, term: Term) -> None:
    page = staff.get(f"/terms/{term.slug}/checks/").content.decode()
    assert f'href="/terms/{term.slug}/budget/"' in page
