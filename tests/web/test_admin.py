"""The secretariat's admin shows every stored plan object."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from comitia.plan import Plan
from comitia.web.plans import models as m
from tests.factories import with_resolutions

PLAN_MODELS = [
    model
    for model in apps.get_app_config("plans").get_models()
    if model not in m.ORGANIZATION_MODELS
]


@pytest.fixture
def plan(plan: Plan) -> Plan:
    """The web tests' plan with resolutions too, so that every plan model has a row."""
    return with_resolutions(plan)


@pytest.fixture
def staff(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("secretariat", "s@example.org", "x"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", PLAN_MODELS, ids=[model.__name__ for model in PLAN_MODELS])
def test_every_plan_model_lists_and_opens_in_the_admin(staff: Client, term: m.Term, model) -> None:
    meta = model._meta
    listing = staff.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert listing.status_code == 200
    searched = staff.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"), {"q": "CSH"}
    )
    assert searched.status_code == 200
    row = model.objects.first()
    change = staff.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[row.pk]))
    assert change.status_code == 200


@pytest.mark.django_db
def test_a_meeting_page_shows_its_agenda_and_previous_dates(staff: Client, term: m.Term) -> None:
    meeting = m.Meeting.objects.get(term=term, key="m1")
    page = staff.get(reverse("admin:plans_meeting_change", args=[meeting.pk]))
    assert "Sujet 1" in page.text
    assert "2019-09-29" in page.text


@pytest.mark.django_db
def test_an_organization_lists_and_opens_with_its_rooms_and_teams(staff: Client) -> None:
    from pathlib import Path

    from comitia.plan.files import read_organization
    from comitia.web.plans.organizations import save_organization

    examples = Path(__file__).parents[2] / "examples"
    row = save_organization(read_organization(examples / "oas-organization-illustrative.yaml"))
    listing = staff.get(reverse("admin:plans_organization_changelist"))
    assert listing.status_code == 200 and "oas-cp" in listing.text
    change = staff.get(reverse("admin:plans_organization_change", args=[row.pk]))
    assert change.status_code == 200
    assert "Padilha Vidal Room" in change.text and "Team B" in change.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "header", "index"),
    [
        ("en", "Comitia administration", "What Comitia stores"),
        ("fr", "Administration de Comitia", "Ce que Comitia conserve"),
        ("es", "Administración de Comitia", "Lo que Comitia guarda"),
        ("pt", "Administração do Comitia", "O que o Comitia guarda"),
    ],
)
def test_the_admin_says_comitia_not_django_in_every_language(
    staff: Client, lang: str, header: str, index: str
) -> None:
    staff.cookies["django_language"] = lang
    page = staff.get(reverse("admin:index")).text
    assert header in page and index in page
    assert "Django" not in page
