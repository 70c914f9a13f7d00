"""The checks panel (staff only) and the mandate coverage page and CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.plan.files import read_plan
from comitia.web.checks import pages
from comitia.web.plans.models import Term
from tests.checks.model_document import with_document_claims
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(monkeypatch: pytest.MonkeyPatch) -> Term:
    monkeypatch.setattr(pages, "today_in", lambda term: dt.date(2019, 11, 7))
    return store_published(with_document_claims(read_plan(MODEL_PLAN)))


@pytest.fixture
def staff(client: Client) -> Client:
    from comitia.web.access.models import Membership, Role

    user = User.objects.create_user("secretariat", password="x", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    return client


def test_the_checks_panel_is_for_the_secretariat_and_bureau_only(
    client: Client, term: Term
) -> None:
    response = client.get(f"/terms/{term.slug}/checks/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(User.objects.create_user("delegate", password="x"))
    assert client.get(f"/terms/{term.slug}/checks/").status_code == 403


def test_the_panel_lists_findings_in_the_readers_language_with_links(
    staff: Client, term: Term
) -> None:
    page = staff.get(f"/terms/{term.slug}/checks/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "REQ001" in page and "CLM003" in page
    assert "Le résumé date « Séminaire sur les droits de la personne" in page
    meeting = term.meetings.get(key="csh-2020-04-30")
    assert f'href="/admin/plans/meeting/{meeting.pk}/change/"' in page
    assert f'href="/admin/plans/term/{term.pk}/change/"' in page  # summary entries
    assert (
        "6 erreurs · 16 avertissements" in page
    )  # with RES001, and COV004 twice (CITAAC, no list)
    assert "6 errors" in staff.get(f"/terms/{term.slug}/checks/").content.decode()


def test_the_panel_queries_stay_flat(staff: Client, term: Term) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert staff.get(f"/terms/{term.slug}/checks/").status_code == 200
    # Loading the plan, the session and user, one query per kind of linked object.
    assert len(queries) < 40


def test_an_unknown_term_is_not_found(staff: Client) -> None:
    assert staff.get("/terms/nothing/checks/").status_code == 404
    assert staff.get("/terms/nothing/coverage/").status_code == 404
    assert staff.get("/terms/nothing/coverage.csv").status_code == 404


def test_the_coverage_page_is_public_and_lists_mandates_by_area(client: Client, term: Term) -> None:
    page = client.get(f"/terms/{term.slug}/coverage/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.index("Sécurité publique et prévention de la violence") < page.index(
        "Criminalité transnationale organisée"
    )
    assert '<tr id="cp-res-1061-critere-1" class="mandate not_scheduled">' in page
    assert f'href="/terms/{term.slug}/#csh-2019-10-24"' in page
    assert "(§ 25)" in page


def test_the_coverage_csv_opens_in_excel_with_accents(client: Client, term: Term) -> None:
    response = client.get(f"/terms/{term.slug}/coverage.csv", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="mandate-coverage-{term.slug}-fr.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *body = rows
    assert len(header) == 10
    charter = next(row for row in body if row[2] == "charte-91f-cicte")
    assert charter[6] == "2020-05-05"
    assert "Comité interaméricain contre le terrorisme" in charter[3]
    assert header[:2] == ["N° du domaine", "Domaine thématique"]
    mandates = [row for row in body if row[8] == ""]
    assert {row[2] for row in mandates if row[5] == "non programmé" and row[6] == ""} == {
        "cp-res-1061-critere-1",
        "gt-ve-3-15-mandats-a",
    }


def test_the_coverage_page_goes_down_to_the_paragraphs_of_the_resolution(
    client: Client, term: Term
) -> None:
    page = client.get(f"/terms/{term.slug}/coverage/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Paragraph 52, under organized crime: cited on 24 October and 7 November (presented by the
    # 7th), and on 5 December.
    row = page[page.index('<tr id="ag-res-2945-52"') :]
    row = row[: row.index("</tr>")]
    assert 'class="paragraph presented"' in row
    assert "Paragraph 52 of AG/RES. 2945 (XLIX-O/19)" in row
    assert "Subject (text not held):" in row
    assert row.count("<li>") == 3
    assert page.index("Criminalité transnationale organisée") < page.index('id="ag-res-2945-52"')
    # Cited only by another body's activity: no meeting.
    assert '<tr id="ag-res-2945-9" class="paragraph not_scheduled">' in page
    # Assigned to the Permanent Council and CIDI: not the committee's to cover.
    assert 'id="ag-res-2945-72"' not in page and 'id="ag-res-2945-81"' not in page


def test_the_coverage_csv_has_a_row_per_paragraph_the_committee_follows_up(
    client: Client, term: Term
) -> None:
    response = client.get(f"/terms/{term.slug}/coverage.csv", HTTP_ACCEPT_LANGUAGE="en")
    header, *body = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[8:] == ["Paragraph", "Text or subject"]
    paragraphs = {row[8]: row for row in body if row[8]}
    assert len(paragraphs) == 68 and "72" not in paragraphs and "81" not in paragraphs
    row = paragraphs["54"]
    assert row[0] == "5" and row[2] == "ag-res-2945" and row[4] == "AG/RES. 2945 (XLIX-O/19)"
    assert row[6] == "2019-10-24; 2019-11-07; 2020-02-20"
    assert row[9].startswith("Préparatifs de la réunion pour examiner des outils")
    assert paragraphs["9"][5] == "not scheduled" and paragraphs["9"][6] == ""


def test_the_panel_links_a_resolution_finding_to_the_resolutions_admin_page(
    staff: Client, term: Term
) -> None:
    page = staff.get(f"/terms/{term.slug}/checks/").content.decode()
    assert "RES001" in page and "58 of the 68 paragraphs the committee follows up" in page
    resolution = term.resolutions.get(key="ag-res-2945")
    assert f'href="/admin/plans/resolution/{resolution.pk}/change/"' in page
