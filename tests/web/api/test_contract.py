"""The API answers what its OpenAPI document says: schemathesis generates requests from the
document, anonymously and with an API token of each role, and checks every answer against it.

A bounded number of examples per operation and role keeps the run short; every operation is
tried both at the stored term's real addresses (so that reads and writes get past the 404 of an
unknown name) and at generated ones, with valid and invalid input. The checks: no server error,
a status code, content type, headers and body the document lists for that operation.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from comitia.web.access.models import ApiToken
from comitia.web.access.tokens import issue_token
from comitia.web.negotiation.operations import propose_amendment, share_amendment
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from comitia.web.publication.operations import publish_plan
from tests.factories import build_plan, with_resolutions
from tests.web.access.conftest import make_user

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Per operation, role and kind of address; 19 operations x 6 roles x 2 x this many requests.
EXAMPLES = 12
ROLES = ("anonymous", "no_role", "delegation", "secretariat", "bureau", "administrator")
EDITORS = {"secretariat", "administrator"}
# The writes a delegation makes: its own state's reports, its amendments.
DELEGATIONS_WRITE = ("/submissions", "/amendments")


@functools.cache
def _schema() -> Any:
    """The API's OpenAPI document, read from the WSGI application as a client would."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    # Lone surrogates are refused by the shared text rule being written apart from this test;
    # until then, strings are generated as UTF-8 (schemathesis' default, said here on purpose).
    schema.config.generation.update(codec="utf-8")
    return schema


@pytest.fixture
def scene(db: None, settings: Any) -> Iterator[dict[str, Any]]:
    """A published term with its meetings, a draft term, and the real names to address them."""
    settings.ALLOWED_HOSTS = ["localhost"]  # the host of schemathesis' WSGI client
    here = save_plan(with_resolutions(build_plan(3)))
    elsewhere = save_plan(build_plan(2, label="2020-2021"))
    publish_plan(here, None)
    # Publishing the plan does not publish its draft resolution: that is the secretariat's
    # own decision (comitia.web.negotiation); here every reader is to reach it.
    m.Resolution.objects.filter(term=here, key="draft-2020").update(visibility="public")
    # A delegation's amendment to it, shared: delegations read it (never the public).
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=here, resolution__key="draft-2020", number="3 bis"
    )
    amendment = propose_amendment(
        paragraph,
        "BR",
        {"kind": "reword", "language": "en", "text": "Encourage", "justification": "Clearer"},
        None,
        token=uuid.uuid4(),
    )
    share_amendment(amendment, None)
    meeting = m.Meeting.objects.filter(term=here).order_by("date").first()
    assert meeting is not None
    # The WSGI handler closes the database connection at the end of each request, which on
    # PostgreSQL would end the test's transaction; Django's test client keeps it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield {
            "here": here,
            "elsewhere": elsewhere,
            "key": meeting.key,
            "resolution": "draft-2020",
            "amendment_id": amendment.pk,
        }
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _headers(role: str, scene: dict[str, Any]) -> dict[str, str]:
    user = make_user(role, scene["here"], scene["elsewhere"])
    if user is None:
        return {}
    key = issue_token(ApiToken(user=user, name=f"{role}'s script"), None)
    return {"Authorization": f"Bearer {key}"}


def _cases(operation: Any, scene: dict[str, Any]) -> st.SearchStrategy[Any]:
    real = {
        "slug": scene["here"].slug,
        "key": scene["key"],
        "resolution": scene["resolution"],
        "amendment_id": scene["amendment_id"],
    }
    named = {k: v for k, v in real.items() if k in operation.path_parameters}
    return st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE, path_parameters=named or None),
        operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=named or None),
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )


def _statuses(operation: Any, scene: dict[str, Any], headers: dict[str, str]) -> set[int]:
    """Run the bounded examples of ``operation``, each answer checked; the statuses seen."""
    seen: set[int] = set()

    @given(case=_cases(operation, scene))
    @settings(
        max_examples=EXAMPLES * 2,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case: Any) -> None:
        seen.add(case.call_and_validate(headers=headers, checks=CHECKS).status_code)

    answers_as_documented()
    return seen


@pytest.mark.parametrize("role", ROLES)
def test_every_answer_of_every_operation_is_one_the_openapi_document_lists(
    scene: dict[str, Any], role: str
) -> None:
    headers = _headers(role, scene)
    operations = [result.ok() for result in _schema().get_all_operations()]
    assert len(operations) == 20  # with the index at the root and the other dates
    statuses = {
        f"{operation.method.upper()} {operation.path}": _statuses(operation, scene, headers)
        for operation in operations
    }
    # The examples reached past the refusals: every role reads the published term, and those
    # who may edit its calendar got as far as the version check or the pages' rules.
    for name, seen in statuses.items():
        if name.endswith("/amendments/{amendment_id}") and name.startswith("GET"):
            # an amendment is never the public's
            assert (200 in seen) is (role not in {"anonymous", "no_role"}), (name, seen)
        elif name.endswith("/other-dates"):
            # the rescheduling assistant is for those who may move meetings
            assert (200 in seen) is (role in EDITORS), (name, seen)
        elif name.startswith("GET"):
            assert 200 in seen, (name, seen)
        elif role in EDITORS or (role == "delegation" and name.endswith(DELEGATIONS_WRITE)):
            # a delegation records its own state's reports and proposes amendments
            assert seen & {200, 201, 404, 409, 422}, (name, seen)
        else:
            assert seen & {401, 403}, (name, seen)
