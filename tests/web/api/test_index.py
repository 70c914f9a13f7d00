"""The API answers at its root with what it is, and every address with or without a slash."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan
from tests.web.access.conftest import make_user

API = "/api/v1"


@pytest.fixture
def published(terms: tuple[m.Term, m.Term]) -> tuple[m.Term, m.Term]:
    for term in terms:
        publish_plan(term, None)
    return terms


def test_the_root_answers_with_the_apis_name_version_description_and_resources(
    db: None,
) -> None:
    response = Client().get(f"{API}/")
    assert response.status_code == 200
    index = response.json()
    assert index["name"] == "Comitia" and index["version"] == "1"
    assert index["openapi_url"] == f"http://testserver{API}/openapi.json"
    assert index["docs_url"] == f"http://testserver{API}/docs/"
    assert [(r["name"], r["url"]) for r in index["resources"]] == [
        ("terms", f"http://testserver{API}/terms")
    ]
    # Each link it gives answers.
    assert Client().get(index["openapi_url"]).status_code == 200
    assert Client().get(index["docs_url"]).status_code == 200
    assert Client().get(index["resources"][0]["url"]).status_code == 200


def test_the_root_speaks_the_readers_language(db: None) -> None:
    index = Client(HTTP_ACCEPT_LANGUAGE="fr").get(f"{API}/").json()
    assert index["description"].startswith("Les programmes de travail")


def test_the_docs_page_lists_every_operation_of_the_openapi_description(db: None) -> None:
    schema = Client().get(f"{API}/openapi.json").json()
    page = Client().get(f"{API}/docs/").content.decode()
    for address, item in schema["paths"].items():
        assert f"<code>{address}</code>" in page
        for method in item:
            assert f"<code>{method.upper()}</code>" in page
    assert '<header class="site">' in page


@pytest.mark.parametrize(
    "tail",
    ["terms", "terms/{slug}/plan", "terms/{slug}/meetings", "terms/{slug}/meetings/{key}"],
)
def test_a_read_answers_the_same_with_or_without_a_trailing_slash(
    published: tuple[m.Term, m.Term], tail: str
) -> None:
    here, _ = published
    key = m.Meeting.objects.filter(term=here).order_by("date").values_list("key", flat=True)[0]
    address = f"{API}/" + tail.format(slug=here.slug, key=key)
    plain, slashed = Client().get(address), Client().get(address + "/")
    assert plain.status_code == slashed.status_code == 200
    assert plain.json() == slashed.json()


def test_a_write_with_a_trailing_slash_is_the_same_write(published: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = published
    meeting = m.Meeting.objects.filter(term=here).order_by("date").first()
    assert meeting is not None
    client = Client()
    client.force_login(make_user("secretariat", here, elsewhere))
    response = client.post(
        f"{API}/terms/{here.slug}/meetings/{meeting.key}/cancel/",
        json.dumps({"version": meeting.version, "reason": "No quorum"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "cancelled"


def test_the_addresses_the_api_gives_have_no_trailing_slash(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    (term,) = [t for t in Client().get(f"{API}/terms/").json() if t["slug"] == here.slug]
    assert term["plan_url"].endswith(f"/terms/{here.slug}/plan")


def test_a_hidden_term_is_missing_with_or_without_the_slash(terms: tuple[m.Term, m.Term]) -> None:
    here, _ = terms  # drafts: hidden from the public
    for address in (f"{API}/terms/{here.slug}/plan", f"{API}/terms/{here.slug}/plan/"):
        response = Client().get(address)
        assert response.status_code == 404 and "detail" in response.json()
