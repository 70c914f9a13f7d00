"""The API reads the term's resolutions and their paragraphs, as visible as the rest of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.operations import set_publication
from tests.web.publishing import store_published

API = "/api/v1"
MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
DRAFT = Path(__file__).parents[3] / "examples" / "oas-csh-2020-draft-illustrative.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def term() -> m.Term:
    return store_published(read_plan(MODEL_PLAN))


def test_the_resolutions_read_as_the_plan_file_holds_them(term: m.Term) -> None:
    response = Client().get(f"{API}/terms/{term.slug}/resolutions")
    assert response.status_code == 200
    (resolution,) = response.json()
    expected = read_plan(MODEL_PLAN).resolutions[0]
    assert resolution["symbol"] == "AG/RES. 2945 (XLIX-O/19)"
    assert [p["number"] for p in resolution["paragraphs"]] == [
        p.number for p in expected.paragraphs
    ]
    assert resolution["paragraphs_url"].endswith(
        f"/api/v1/terms/{term.slug}/resolutions/ag-res-2945/paragraphs"
    )
    one = Client().get(f"{API}/terms/{term.slug}/resolutions/ag-res-2945").json()
    assert one == resolution


def test_each_paragraph_says_its_area_and_the_meetings_that_address_it(term: m.Term) -> None:
    url = f"{API}/terms/{term.slug}/resolutions/ag-res-2945/paragraphs"
    paragraphs = {p["number"]: p for p in Client().get(url).json()}
    assert paragraphs["52"]["area"] == "criminalite-organisee"
    assert paragraphs["52"]["meetings"] == ["csh-2019-10-24", "csh-2019-11-07", "csh-2019-12-05"]
    assert paragraphs["52"]["coverage"] == "presented"  # today is after the term
    assert paragraphs["9"]["coverage"] == "not_scheduled" and paragraphs["9"]["meetings"] == []
    # Followed up by the Permanent Council: not the committee's to cover.
    assert paragraphs["72"]["assigned_to"] == "cp" and paragraphs["72"]["coverage"] is None
    assert paragraphs["52"]["text"] is None and paragraphs["52"]["subject"]["fr"].startswith(
        "Préparatifs de la réunion spéciale"
    )


def test_a_paragraph_lists_only_the_meetings_the_caller_may_see(term: m.Term) -> None:
    m.Meeting.objects.filter(term=term, key="csh-2019-12-05").update(visibility=Visibility.DRAFT)
    url = f"{API}/terms/{term.slug}/resolutions/ag-res-2945/paragraphs"
    public = {p["number"]: p for p in Client().get(url).json()}
    assert public["52"]["meetings"] == ["csh-2019-10-24", "csh-2019-11-07"]


def test_a_draft_with_its_statuses_leads_and_from_reads_back(db: None) -> None:
    term = store_published(read_plan(DRAFT))
    # Publishing the plan does not publish its draft resolution: the secretariat does.
    m.Resolution.objects.filter(term=term, key="projet-2020").update(visibility="public")
    paragraphs = Client().get(f"{API}/terms/{term.slug}/resolutions/projet-2020/paragraphs").json()
    first = next(p for p in paragraphs if p["number"] == "1" and p["kind"] == "operative")
    assert first["leads"] == ["PE", "CL"] and first["status"] == "agreed_ad_referendum"
    assert first["from"] == {"symbol": "AG/RES. 2945 (XLIX-O/19)", "number": "30"}
    assert first["subparagraphs"][1]["text"]["en"] == "collecting [[comparable]] data on crime;"
    assert first["coverage"] is None  # a draft is negotiated, not followed up


def test_an_unknown_resolution_and_a_hidden_term_are_not_found(term: m.Term) -> None:
    client = Client()
    response = client.get(f"{API}/terms/{term.slug}/resolutions/ag-res-2631")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}  # as for any name the term lacks
    assert client.get(f"{API}/terms/{term.slug}/resolutions/nothing/paragraphs").status_code == 404
    set_publication(term, False, None)
    for path in ("resolutions", "resolutions/ag-res-2945", "resolutions/ag-res-2945/paragraphs"):
        response = client.get(f"{API}/terms/{term.slug}/{path}")
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Not found."}
