"""The API's reports: each caller reads the states it sees; a delegation's token records only
its own state's submissions."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from comitia.web.access.models import ApiToken
from comitia.web.access.tokens import issue_token
from comitia.web.plans import models as m
from comitia.web.reports.models import Contact, Submission

from .conftest import user_with

pytestmark = pytest.mark.django_db


def _token(user: object) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(ApiToken(user=user, name='s'), None)}"}


@pytest.fixture
def brazil_token(model_term: m.Term) -> dict[str, str]:
    from comitia.web.access.models import Role

    return _token(user_with("br-script", role=Role.DELEGATION, member_state="BR"))


def _post(term: m.Term, headers: dict[str, str], **body: object) -> object:
    data = {"state": "BR", "obligation": "mecs-liste", "cycle": 2020, "received": "2020-03-01"}
    return Client().post(
        f"/api/v1/terms/{term.slug}/submissions",
        json.dumps(data | body),
        content_type="application/json",
        **headers,
    )


def test_a_delegations_token_records_its_own_states_submission(
    model_term: m.Term, brazil_token: dict[str, str]
) -> None:
    response = _post(model_term, brazil_token, symbol="Note 1")
    assert response.status_code == 201, response.content
    assert response.json()["status"] in {"on_time", "late"}
    assert Submission.objects.get().symbol == "Note 1"


def test_a_delegations_token_cannot_record_another_states_submission(
    model_term: m.Term, brazil_token: dict[str, str]
) -> None:
    assert _post(model_term, brazil_token, state="MX").status_code == 404
    assert not Submission.objects.exists()


def test_each_reader_reads_only_the_states_it_sees(
    model_term: m.Term, brazil_token: dict[str, str]
) -> None:
    _post(model_term, brazil_token)
    Contact.objects.create(state="BR", name="A", email="a@example.org")
    Contact.objects.create(state="MX", name="B", email="b@example.org")
    url = f"/api/v1/terms/{model_term.slug}"
    assert [c["state"] for c in Client().get(f"{url}/contacts", **brazil_token).json()] == ["BR"]
    assert Client().get(f"{url}/contacts").status_code == 404  # the public: a shared term
    from comitia.web.publication.operations import set_term_visibility

    set_term_visibility(model_term, "public", None)
    assert Client().get(f"{url}/contacts").json() == []
    assert Client().get(f"{url}/submissions").json() == []
