"""A stored term with an adopted resolution, the draft that updates it, and users of each role."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan import Plan
from comitia.web.access.models import Membership, Role
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.factories import build_plan, with_resolutions
from tests.web.publishing import store_published

DRAFT_KEY = "draft-2020"


def negotiation_plan(meetings: int = 3, *, label: str = "2019-2020") -> Plan:
    """The factory's plan with its resolutions, its first meeting's first agenda item citing
    paragraph 29 of the adopted resolution (which draft paragraph 3 bis updates), and a second
    draft paragraph (illustrative) led by Mexico."""
    data: dict[str, Any] = with_resolutions(build_plan(meetings, label=label)).model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    first = data["meetings"][0]
    first["agenda"][0]["citations"] = [{"mandate": "res-2925", "paragraphs": ["29"]}]
    draft = next(r for r in data["resolutions"] if r["id"] == DRAFT_KEY)
    draft["paragraphs"].append(
        {
            "number": "4",
            "section": "security",
            "text": {"en": "Request the General Secretariat to report.", "fr": "Demander."},
            "leads": ["MX"],
            "status": "informal_consultations",
        }
    )
    return Plan.model_validate(data)


@pytest.fixture
def term(db: None) -> m.Term:
    return store_published(negotiation_plan())


@pytest.fixture
def draft(term: m.Term) -> m.Resolution:
    return m.Resolution.objects.get(term=term, key=DRAFT_KEY)


def share(resolution: m.Resolution, level: Visibility) -> None:
    m.Resolution.objects.filter(pk=resolution.pk).update(visibility=level)


def client_for(role: Role | None, state: str = "", name: str = "") -> Client:
    client = Client()
    if role is None:
        return client
    user = User.objects.create_user(name or f"{role}-{state or 'x'}", password="x")
    Membership.objects.create(user=user, role=role, member_state=state)
    client.force_login(user)
    return client


def url(resolution: m.Resolution, tail: str = "") -> str:
    return f"/terms/{resolution.term.slug}/resolutions/{resolution.key}/{tail}"
