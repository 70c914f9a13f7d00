"""The translation status page and the XLIFF export of a term, for the secretariat."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from translate.storage import xliff as tt_xliff

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.translations.texts import plan_texts, without_translations
from comitia.web.plans.models import Term
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client: Client) -> Client:
    from comitia.web.access.models import Membership, Role

    user = User.objects.create_user("secretariat", password="x", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    return client


def _with_one_outdated(plan: Plan) -> Plan:
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data["bodies"][1]["name"]["fr"] = "Conseil permanent de l’Organisation"
    return Plan.model_validate(data)


def test_the_page_counts_each_language_and_lists_outdated_texts_before_missing_ones(
    staff: Client,
) -> None:
    plan = _with_one_outdated(read_plan(MODEL_PLAN))
    data = plan.model_dump(mode="json", exclude_defaults=True)
    del data["bodies"][0]["name"]["en"]  # the General Assembly's name: missing in English
    term = store_published(Plan.model_validate(data))
    page = staff.get(f"/terms/{term.slug}/translations/", HTTP_ACCEPT_LANGUAGE="en").content
    html = page.decode()
    total = len(plan_texts(plan))
    assert f'<progress max="{total}" value="{total - 2}">' in html  # English
    assert f'<progress max="{total}" value="{total - 1}">' in html  # Spanish, Portuguese
    english = html[html.index('id="lang-en"') : html.index('id="lang-es"')]
    assert english.index('id="en-bodies/cp/name"') < english.index('id="en-bodies/ag/name"')
    assert "1 outdated · 1 missing" in english
    assert 'href="/terms/csh-2019-2020/translations.xlf?lang=en"' in english


def test_the_export_holds_the_pending_texts_as_xliff_for_the_language_asked(
    staff: Client,
) -> None:
    term = store_published(without_translations(read_plan(MODEL_PLAN)))
    response = staff.get(f"/terms/{term.slug}/translations.xlf?lang=pt")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="csh-2019-2020.pt.xlf"'
    store = tt_xliff.xlifffile.parsestring(response.content)
    assert store.gettargetlanguage() == "pt"
    assert len(store.units) == len(plan_texts(read_plan(MODEL_PLAN)))
    assert staff.get(f"/terms/{term.slug}/translations.xlf?lang=fr").status_code == 404
    assert staff.get(f"/terms/{term.slug}/translations.xlf?select=some").status_code == 404


def test_the_page_is_for_the_secretariat_and_bureau_only(client: Client) -> None:
    term: Term = store_published(read_plan(MODEL_PLAN))
    assert client.get(f"/terms/{term.slug}/translations/").status_code == 302
    client.force_login(User.objects.create_user("delegate", password="x"))
    assert client.get(f"/terms/{term.slug}/translations/").status_code == 403
    assert client.get(f"/terms/{term.slug}/translations.xlf").status_code == 403
