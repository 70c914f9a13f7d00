"""The API of a draft's negotiation: its amendments read as the draft's page lets each reader
see them, proposed with a delegation's token, shared and decided with the secretariat's (409
when someone decided first, or when the paragraph changed since), and the dashboard's figures.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.web.access.models import ApiToken, AuditRecord, Membership, Role
from comitia.web.access.tokens import issue_token
from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from tests.web.negotiation.conftest import DRAFT_KEY, negotiation_plan, share
from tests.web.publishing import store_published

MARKER = "MARKER-API-AMENDMENT-4e1f"

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft() -> m.Resolution:
    term = store_published(negotiation_plan())
    resolution = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    share(resolution, Visibility.MEMBER_STATES)
    return resolution


def _token(
    role: Role | None, state: str = "", name: str = "", term: m.Term | None = None
) -> Client:
    """A client sending the API token of a user of ``role`` (anonymous for None); a member of
    the bureau of ``term``."""
    if role is None:
        return Client()
    user = User.objects.create_user(name or f"{role}-{state or 'x'}")
    Membership.objects.create(user=user, role=role, member_state=state, term=term)
    key = issue_token(ApiToken(user=user, name="script"), None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _address(draft: m.Resolution, tail: str = "") -> str:
    return f"/api/v1/terms/{draft.term.slug}/resolutions/{draft.key}/{tail}"


def _post(client: Client, address: str, body: dict[str, Any]) -> Any:
    return client.post(address, json.dumps(body), content_type="application/json")


def _patch(client: Client, address: str, body: dict[str, Any]) -> Any:
    return client.patch(address, json.dumps(body), content_type="application/json")


def _proposal(text: str = f"Encourage {MARKER}", **extra: Any) -> dict[str, Any]:
    return {
        "paragraph": "3 bis",
        "kind": "reword",
        "language": "en",
        "text": text,
        "justification": "Clearer (illustrative).",
        **extra,
    }


def _amend(draft: m.Resolution, number: str, state: str, text: str) -> Amendment:
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number=number
    )
    return operations.propose_amendment(
        paragraph,
        state,
        {"kind": "reword", "language": "en", "text": text, "justification": "Why"},
        None,
        token=uuid.uuid4(),
    )


def test_a_delegation_proposes_an_amendment_once_for_one_token(draft: m.Resolution) -> None:
    brazil = _token(Role.DELEGATION, "BR")
    token = str(uuid.uuid4())
    first = _post(brazil, _address(draft, "amendments"), _proposal(token=token))
    assert first.status_code == 201, first.content
    made = first.json()
    assert (made["member_state"], made["paragraph"], made["status"]) == ("BR", "3 bis", "submitted")
    assert (made["based_on"], made["shared"], made["base_text"]) == (1, False, "Encourage [[urge]]")
    assert made["url"].endswith(f"/resolutions/{DRAFT_KEY}/#a-{made['id']}")
    again = _post(brazil, _address(draft, "amendments"), _proposal(token=token))
    assert (again.status_code, again.json()["id"]) == (200, made["id"])
    assert Amendment.objects.count() == 1
    assert AuditRecord.objects.filter(action="propose", object_type="amendment").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "body"),  # not a deletion: the operation asks for its text
        ({"language": "de"}, "language"),
        ({"justification": ""}, "justification"),
        ({"paragraph_kind": "annex"}, "paragraph_kind"),
    ],
)
def test_an_invalid_proposal_is_refused_with_what_is_wrong(
    draft: m.Resolution, body: dict[str, Any], field: str
) -> None:
    answer = _post(_token(Role.DELEGATION, "BR"), _address(draft, "amendments"), _proposal(**body))
    assert answer.status_code == 422, answer.content
    if field != "body":
        assert field in answer.json()["errors"]
    assert not Amendment.objects.exists()


def test_a_proposal_to_no_such_paragraph_is_not_found(draft: m.Resolution) -> None:
    answer = _post(
        _token(Role.DELEGATION, "BR"), _address(draft, "amendments"), _proposal(paragraph="77")
    )
    assert answer.status_code == 404


def test_only_a_delegation_proposes_and_only_the_secretariat_decides(draft: m.Resolution) -> None:
    amendments = _address(draft, "amendments")
    assert _post(_token(None), amendments, _proposal()).status_code == 401
    assert _post(_token(Role.SECRETARIAT), amendments, _proposal()).status_code == 403
    bureau = _token(Role.BUREAU, term=draft.term)
    assert _post(bureau, amendments, _proposal()).status_code == 403
    administrator = User.objects.create_superuser("admin", password="x")
    key = issue_token(ApiToken(user=administrator, name="script"), None)
    refused = _post(Client(HTTP_AUTHORIZATION=f"Bearer {key}"), amendments, _proposal())
    assert refused.status_code == 403  # speaks for no member state
    amendment = _amend(draft, "3 bis", "BR", "Encourage (illustrative)")
    one = _address(draft, f"amendments/{amendment.pk}")
    assert _patch(_token(Role.DELEGATION, "BR"), one, {"shared": True}).status_code == 403
    assert _patch(bureau, one, {"shared": True}).status_code == 403
    assert _patch(_token(None), one, {"shared": True}).status_code == 401
    amendment.refresh_from_db()
    assert amendment.shared_at is None


def test_each_reader_gets_the_amendments_the_page_shows_them(draft: m.Resolution) -> None:
    hidden = _amend(draft, "3 bis", "BR", f"Encourage {MARKER}")  # led by Peru and Canada
    shared = _amend(draft, "4", "BR", "Request (illustrative)")
    operations.share_amendment(shared, None)

    def listed(client: Client) -> list[int]:
        answer = client.get(_address(draft, "amendments"))
        assert answer.status_code == 200
        return [a["id"] for a in answer.json()]

    assert listed(_token(Role.SECRETARIAT)) == [hidden.pk, shared.pk]
    assert listed(_token(Role.BUREAU, term=draft.term)) == [hidden.pk, shared.pk]
    assert listed(_token(Role.DELEGATION, "BR")) == [hidden.pk, shared.pk]
    assert listed(_token(Role.DELEGATION, "PE")) == [hidden.pk, shared.pk]  # a lead
    assert listed(_token(Role.DELEGATION, "MX")) == [shared.pk]
    mexico = _token(Role.DELEGATION, "MX", name="mexico-2")
    assert mexico.get(_address(draft, f"amendments/{hidden.pk}")).status_code == 404
    assert mexico.get(_address(draft, f"amendments/{shared.pk}")).status_code == 200
    assert MARKER not in mexico.get(_address(draft, "amendments")).content.decode()
    # The draft shared with member states is not the public's: 404, as if there were none.
    assert Client().get(_address(draft, "amendments")).status_code == 404
    share(draft, Visibility.PUBLIC)
    public = Client().get(_address(draft, "amendments"))
    assert (public.status_code, public.json()) == (200, [])
    assert Client().get(_address(draft, f"amendments/{shared.pk}")).status_code == 404


def test_the_secretariat_shares_then_incorporates_and_a_second_try_is_a_conflict(
    draft: m.Resolution,
) -> None:
    secretariat = _token(Role.SECRETARIAT)
    amendment = _amend(draft, "3 bis", "BR", "Encourage firmly [[urge]]")
    one = _address(draft, f"amendments/{amendment.pk}")
    shared = _patch(secretariat, one, {"shared": True})
    assert (shared.status_code, shared.json()["shared"]) == (200, True)
    again = _patch(secretariat, one, {"shared": True})
    assert again.status_code == 409
    assert (again.json()["since"], again.json()["current"]) == ([], None)
    done = _patch(secretariat, one, {"status": "incorporated"})
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["made_version"]) == ("incorporated", 2)
    paragraph = m.Paragraph.objects.get(resolution=draft, number="3 bis")
    assert (paragraph.version, paragraph.text["en"]) == (2, "Encourage firmly [[urge]]")
    decided = _patch(secretariat, one, {"status": "not_retained"})
    assert decided.status_code == 409
    assert decided.json()["amendment"]["status"] == "incorporated"


def test_two_amendments_against_one_version_the_second_is_a_conflict_showing_both(
    draft: m.Resolution,
) -> None:
    secretariat = _token(Role.SECRETARIAT)
    first = _amend(draft, "3 bis", "BR", "Encourage firmly [[urge]]")
    second = _amend(draft, "3 bis", "CO", f"Encourage {MARKER}")
    assert (
        _patch(
            secretariat, _address(draft, f"amendments/{first.pk}"), {"status": "incorporated"}
        ).status_code
        == 200
    )
    answer = _patch(
        secretariat, _address(draft, f"amendments/{second.pk}"), {"status": "incorporated"}
    )
    assert answer.status_code == 409
    conflict = answer.json()
    assert conflict["current"] == "Encourage firmly [[urge]]"
    assert [a["id"] for a in conflict["since"]] == [first.pk]
    assert (conflict["amendment"]["id"], conflict["amendment"]["status"]) == (
        second.pk,
        "submitted",
    )
    paragraph = m.Paragraph.objects.get(resolution=draft, number="3 bis")
    assert (paragraph.version, paragraph.text["en"]) == (2, "Encourage firmly [[urge]]")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"status": "merged"}, "merged"),
        ({"status": "withdrawn"}, "withdrawn"),
        ({"status": "not_retained"}, "not_retained"),
    ],
)
def test_the_secretariat_records_an_outcome_by_hand(
    draft: m.Resolution, body: dict[str, Any], status: str
) -> None:
    amendment = _amend(draft, "4", "BR", "Request (illustrative)")
    answer = _patch(_token(Role.SECRETARIAT), _address(draft, f"amendments/{amendment.pk}"), body)
    assert (answer.status_code, answer.json()["status"]) == (200, status)
    assert m.Paragraph.objects.get(resolution=draft, number="4").version == 1


@pytest.mark.parametrize(
    "body", [{}, {"shared": True, "status": "merged"}, {"status": "adopted"}, {"shared": False}]
)
def test_a_decision_names_one_thing_to_do(draft: m.Resolution, body: dict[str, Any]) -> None:
    amendment = _amend(draft, "4", "BR", "Request (illustrative)")
    answer = _patch(_token(Role.SECRETARIAT), _address(draft, f"amendments/{amendment.pk}"), body)
    assert answer.status_code == 422
    amendment.refresh_from_db()
    assert (amendment.status, amendment.shared_at) == ("submitted", None)


def test_a_new_paragraph_is_not_incorporated_but_merged_by_hand(draft: m.Resolution) -> None:
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number="4"
    )
    amendment = operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "add_after", "language": "en", "text": "New (illustrative)", "justification": "W"},
        None,
        token=uuid.uuid4(),
    )
    one = _address(draft, f"amendments/{amendment.pk}")
    assert _patch(_token(Role.SECRETARIAT), one, {"status": "incorporated"}).status_code == 422


def test_an_amendment_number_out_of_range_is_invalid_and_an_unknown_one_not_found(
    draft: m.Resolution,
) -> None:
    secretariat = _token(Role.SECRETARIAT)
    assert secretariat.get(_address(draft, "amendments/99999")).status_code == 404
    assert secretariat.get(_address(draft, f"amendments/{2**40}")).status_code == 422
    assert secretariat.get(_address(draft, "amendments/0")).status_code == 422


def test_the_dashboards_figures_are_the_pages(draft: m.Resolution) -> None:
    hidden = _amend(draft, "3 bis", "BR", f"Encourage {MARKER}")
    figures = _token(Role.SECRETARIAT).get(_address(draft, "dashboard"))
    assert figures.status_code == 200
    data = figures.json()
    assert data["all"]["total"] == 2
    assert data["all"]["by_status"]["agreed_ad_referendum"] == 1
    assert data["all"]["by_status"]["informal_consultations"] == 1
    assert [(s["section"], s["total"], s["settled"]) for s in data["sections"]] == [
        ("security", 2, 0)
    ]
    assert (data["formal_review_dated"], data["sessions_left"], data["sessions"]) == (
        False,
        None,
        [],
    )
    assert [p["paragraph"] for p in data["pending"]] == ["3 bis", "4"]
    assert data["without_lead"] == []
    assert [a["id"] for a in data["awaiting_decision"]] == [hidden.pk]
    mexico = _token(Role.DELEGATION, "MX").get(_address(draft, "dashboard")).json()
    assert mexico["awaiting_decision"] == []
    assert Client().get(_address(draft, "dashboard")).status_code == 404


def test_the_openapi_document_lists_every_answer_of_the_negotiations_operations() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    draft = "/api/v1/terms/{slug}/resolutions/{resolution}"

    def answers(path: str, method: str) -> set[str]:
        return set(document["paths"][draft + path][method]["responses"])

    assert answers("/amendments", "get") == {"200", "401", "404"}
    assert answers("/amendments", "post") == {"200", "201", "400", "401", "403", "404", "422"}
    assert answers("/amendments/{amendment_id}", "get") == {"200", "401", "404", "422"}
    assert answers("/amendments/{amendment_id}", "patch") == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "422",
    }
    assert answers("/dashboard", "get") == {"200", "401", "404"}


def test_a_draft_hidden_from_a_delegation_answers_404_whatever_the_body(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.DRAFT)
    brazil = _token(Role.DELEGATION, "BR")
    for body in ({}, _proposal()):
        assert _post(brazil, _address(draft, "amendments"), body).status_code == 404
    not_json = brazil.post(_address(draft, "amendments"), "{", content_type="application/json")
    assert not_json.status_code == 404
    share(draft, Visibility.MEMBER_STATES)
    not_json = brazil.post(_address(draft, "amendments"), "{", content_type="application/json")
    assert not_json.status_code == 400
    assert _post(brazil, _address(draft, "amendments"), {}).status_code == 422


def test_the_dashboards_figures_count_the_formal_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from comitia.web.negotiation import api
    from comitia.web.negotiation.history import record_event
    from tests.web.negotiation.test_dashboard import reviewed_plan

    term = store_published(reviewed_plan(2))  # paragraphs 100 (no lead) and 101 added
    draft = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    share(draft, Visibility.MEMBER_STATES)
    paragraph = m.Paragraph.objects.get(resolution=draft, number="4")
    before, paragraph.status = paragraph.status, "agreed"
    paragraph.save(update_fields=["status"])
    record_event(paragraph, before, None, meeting=m.Meeting.objects.get(term=term, key="m1"))
    monkeypatch.setattr(api, "today_in", lambda term: dt.date(2019, 10, 3))
    data = _token(Role.DELEGATION, "BR").get(_address(draft, "dashboard")).json()
    assert [(s["meeting"], s["held"]) for s in data["sessions"]] == [
        ("m0", True),
        ("m1", True),
        ("m2", False),
    ]
    assert data["sessions_left"] == 1
    after = [(s["meeting"], s["by_status"]["agreed"], s["settled"]) for s in data["after_sessions"]]
    assert after == [("m0", 0, 0), ("m1", 1, 1)]
    assert data["without_lead"] == ["100"]
    assert data["all"]["settled_percent"] == 25
