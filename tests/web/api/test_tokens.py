"""API tokens: a script acts as the token's user, with that user's rights and no more."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from comitia.web.access.models import ApiToken, AuditRecord
from comitia.web.access.tokens import issue_token, revoke_token
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan
from tests.web.access.conftest import make_user

API = "/api/v1"


@pytest.fixture
def here(terms: tuple[m.Term, m.Term]) -> m.Term:
    publish_plan(terms[0], None)
    return terms[0]


def _key(role: str, terms: tuple[m.Term, m.Term]) -> str:
    user = make_user(role, *terms)
    assert user is not None
    return issue_token(ApiToken(user=user, name=f"{role}'s script"), None)


def _patch_end(key: str, term: m.Term, end: str = "18:00") -> tuple[int, dict[str, object]]:
    meeting = m.Meeting.objects.filter(term=term).order_by("date", "start").first()
    assert meeting is not None
    # enforce_csrf_checks: a script has no CSRF token, and needs none with its key.
    response = Client(enforce_csrf_checks=True).patch(
        f"{API}/terms/{term.slug}/meetings/{meeting.key}",
        json.dumps({"version": meeting.version, "end": end}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    return response.status_code, response.json()


def test_a_secretariat_token_changes_a_meeting_without_a_csrf_token(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    status, body = _patch_end(_key("secretariat", terms), here)
    assert status == 200, body
    assert body["end"] == "18:00"
    record = AuditRecord.objects.filter(object_type="meeting").latest("pk")
    assert record.username == "secretariat"


def test_a_token_grants_no_more_than_its_users_roles(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    assert _patch_end(_key("delegation", terms), here)[0] == 403
    assert _patch_end(_key("secretariat_elsewhere", terms), here)[0] == 403


def test_a_token_reads_the_drafts_its_user_sees_and_nobody_elses(
    terms: tuple[m.Term, m.Term],
) -> None:
    draft = terms[0]  # not published: its secretariat sees it, the public does not
    url = f"{API}/terms/{draft.slug}/meetings"
    secretariat = _key("secretariat", terms)
    no_role = _key("no_role", terms)
    assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {secretariat}").status_code == 200
    assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {no_role}").status_code == 404


def test_an_unknown_or_revoked_token_is_refused_even_with_a_session(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    key = _key("secretariat", terms)
    url = f"{API}/terms/{here.slug}/meetings"
    signed_in = Client()
    administrator = make_user("administrator", *terms)
    assert administrator is not None
    signed_in.force_login(administrator)
    wrong = signed_in.get(url, HTTP_AUTHORIZATION=f"Bearer {key}x")
    assert wrong.status_code == 401
    assert wrong["WWW-Authenticate"].startswith("Bearer")
    assert "unknown or revoked" in wrong.json()["detail"]
    revoke_token(ApiToken.objects.get(), None)
    assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert _patch_end(key, here)[0] == 401


def test_a_token_of_a_deactivated_user_is_refused(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    key = _key("secretariat", terms)
    token = ApiToken.objects.get()
    token.user.is_active = False
    token.user.save()
    assert _patch_end(key, here)[0] == 401


def test_only_a_digest_of_the_key_is_stored_and_its_use_is_recorded(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    key = _key("secretariat", terms)
    token = ApiToken.objects.get()
    assert key not in (token.digest, token.prefix) and key.startswith(token.prefix)
    assert token.last_used_at is None
    _patch_end(key, here)
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert AuditRecord.objects.filter(action="issue_token", object_id=str(token.pk)).exists()


def test_the_commands_make_and_revoke_a_token(terms: tuple[m.Term, m.Term], here: m.Term) -> None:
    make_user("secretariat", *terms)
    out = StringIO()
    call_command("create_api_token", "secretariat", name="calendar sync", stdout=out)
    key = out.getvalue().strip()
    assert _patch_end(key, here)[0] == 200
    token = ApiToken.objects.get()
    call_command("revoke_api_token", token.prefix, stdout=StringIO())
    assert _patch_end(key, here, "18:30")[0] == 401
    with pytest.raises(CommandError, match="no user"):
        call_command("create_api_token", "nobody", name="x")


def test_an_administrator_makes_a_token_in_the_admin_and_sees_its_key_once(
    terms: tuple[m.Term, m.Term], here: m.Term
) -> None:
    administrator = make_user("administrator", *terms)
    secretary = make_user("secretariat", *terms)
    assert administrator is not None and secretary is not None
    admin = Client()
    admin.force_login(administrator)
    page = admin.post(
        "/admin/access/apitoken/add/",
        {"user": secretary.pk, "name": "calendar sync"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    key = page.split("copy it for the script: ")[1].split("<")[0].strip()
    assert _patch_end(key, here)[0] == 200
    shown_again = admin.get(f"/admin/access/apitoken/{ApiToken.objects.get().pk}/change/")
    assert shown_again.status_code == 200
    assert key not in shown_again.content.decode()
    staff = Client()
    staff.force_login(secretary)
    assert staff.get("/admin/access/apitoken/").status_code in (302, 403)
