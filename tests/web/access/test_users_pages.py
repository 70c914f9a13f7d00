"""The secretariat invites users and gives them roles from the site; others may not."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.access.policy import member_state
from comitia.web.plans import models as m

from .conftest import make_user, signed_in

INVITE = "/accounts/users/invite/"
USERS = "/accounts/users/"


def _invite(client: Client, **fields: str) -> object:
    data = {"username": "brazil", "email": "mission@example.org", "role": "delegation"}
    return client.post(INVITE, data | fields)


@pytest.mark.parametrize("role", ["delegation", "bureau", "no_role"])
def test_only_the_secretariat_opens_the_users_pages(
    terms: tuple[m.Term, m.Term], role: str
) -> None:
    here, elsewhere = terms
    client = signed_in(make_user(role, here, elsewhere))
    target = User.objects.order_by("pk").first()
    assert target is not None
    for url in (USERS, INVITE, f"/accounts/users/{target.pk}/"):
        assert client.get(url).status_code == 403
    assert _invite(client).status_code == 403
    assert not User.objects.filter(username="brazil").exists() and not mail.outbox


def test_the_public_is_sent_to_sign_in(terms: tuple[m.Term, m.Term]) -> None:
    response = Client().get(USERS)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_invite_page_offers_every_role_of_the_model(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    page = signed_in(make_user("administrator", here, elsewhere)).get(INVITE).content.decode()
    for value, _label in Role.choices:
        assert f'value="{value}"' in page


def test_the_secretariat_is_not_offered_the_administrator_role(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat_elsewhere", here, elsewhere))
    page = client.get(INVITE).content.decode()
    assert 'value="delegation"' in page and 'value="administrator"' not in page
    response = _invite(client, role="administrator", username="boss")
    assert response.status_code == 400
    assert not User.objects.filter(username="boss").exists()


def test_an_invited_delegate_gets_a_link_sets_a_password_and_signs_in(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    secretary = make_user("secretariat", here, elsewhere)
    client = signed_in(secretary)
    response = _invite(client, member_state="br")
    assert response.status_code == 302 and response["Location"] == USERS
    user = User.objects.get(username="brazil")
    assert not user.has_usable_password() and member_state(user) == "BR"
    record = AuditRecord.objects.get(action="invite")
    assert record.user == secretary and record.object_type == "user"
    assert record.after is not None and record.after["roles"][0]["member_state"] == "BR"
    assert "password" not in str(record.after)
    (message,) = mail.outbox
    assert message.to == ["mission@example.org"]
    link = re.search(r"http://testserver(/accounts/invitation/\S+)", message.body)
    assert link is not None
    invited = Client()
    form = invited.get(link.group(1), follow=True)
    assert "Choose your password" in form.content.decode()
    password = {"new_password1": "a long pass phrase 42", "new_password2": "a long pass phrase 42"}
    assert invited.post(form.redirect_chain[-1][0], password).status_code == 302
    assert Client().login(username="brazil", password="a long pass phrase 42")
    listing = client.get(USERS).content.decode()
    assert "brazil" in listing and "(Brazil)" in listing


def test_a_delegate_needs_a_member_state_and_a_bureau_member_a_term(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat", here, elsewhere))
    no_state = _invite(client)
    assert no_state.status_code == 400 and 'id="id_member_state-error"' in no_state.content.decode()
    no_term = _invite(client, role="bureau")
    assert no_term.status_code == 400 and 'id="id_term-error"' in no_term.content.decode()
    assert not User.objects.filter(username="brazil").exists() and not mail.outbox


def test_a_user_name_cannot_be_invited_twice(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat", here, elsewhere))
    make_user("delegation", here, elsewhere)
    response = _invite(client, username="Delegation", member_state="BR")
    assert response.status_code == 400 and "already a user" in response.content.decode()


def test_the_secretariat_changes_a_role_and_it_is_audited(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat", here, elsewhere))
    delegate = make_user("delegation", here, elsewhere)
    assert delegate is not None
    response = client.post(
        f"/accounts/users/{delegate.pk}/", {"role": "bureau", "term": str(here.pk)}
    )
    assert response.status_code == 302
    (membership,) = Membership.objects.filter(user=delegate)
    assert membership.role == Role.BUREAU and membership.term == here
    record = AuditRecord.objects.get(action="set role")
    assert record.before is not None and record.before["roles"][0]["role"] == "delegation"
    assert record.after is not None and record.after["roles"][0]["term"] == here.slug


def test_the_secretariat_deactivates_a_user_who_then_cannot_sign_in(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat", here, elsewhere))
    delegate = make_user("delegation", here, elsewhere)
    assert delegate is not None
    assert client.post(f"/accounts/users/{delegate.pk}/", {"active": "0"}).status_code == 302
    delegate.refresh_from_db()
    assert not delegate.is_active and not Client().login(username="delegation", password="x")
    assert AuditRecord.objects.filter(action="deactivate", object_id=str(delegate.pk)).exists()
    assert client.post(f"/accounts/users/{delegate.pk}/", {"active": "1"}).status_code == 302
    assert Client().login(username="delegation", password="x")


def test_the_secretariat_may_not_change_an_administrator_nor_itself(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    secretary = make_user("secretariat", here, elsewhere)
    admin = make_user("administrator", here, elsewhere)
    assert secretary is not None and admin is not None
    client = signed_in(secretary)
    for target in (admin, secretary):
        response = client.post(f"/accounts/users/{target.pk}/", {"active": "0"}, follow=True)
        assert "Nothing was changed" in response.content.decode()
        target.refresh_from_db()
        assert target.is_active
    assert not AuditRecord.objects.exists()


def test_an_administrator_gives_the_administrator_role(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("administrator", here, elsewhere))
    response = _invite(client, role="administrator", username="boss")
    assert response.status_code == 302
    assert Membership.objects.get(user__username="boss").role == Role.ADMINISTRATOR


def test_the_secretariat_of_one_committee_gives_no_more_than_it_holds(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    client = signed_in(make_user("secretariat", here, elsewhere))  # serves here's committee
    every = _invite(client, role="secretariat", username="everywhere")
    other_bureau = _invite(client, role="bureau", term=str(elsewhere.pk), username="chair")
    for response in (every, other_bureau):
        assert "Nobody was invited" in response.content.decode()
    assert not User.objects.filter(username__in=["everywhere", "chair"]).exists()
    assert (
        _invite(client, role="secretariat", term=str(here.pk), username="colleague")["Location"]
        == USERS
    )
    colleague = Membership.objects.get(user__username="colleague")
    assert colleague.committee == here.committee
    other_staff = make_user("secretariat_elsewhere", here, elsewhere)
    assert other_staff is not None
    response = client.post(f"/accounts/users/{other_staff.pk}/", {"active": "0"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    other_staff.refresh_from_db()
    assert other_staff.is_active


@pytest.mark.parametrize(
    ("role", "linked"),
    [("secretariat", True), ("administrator", True), ("delegation", False), ("bureau", False)],
)
def test_the_header_links_to_the_users_pages_for_those_who_may_manage_users(
    terms: tuple[m.Term, m.Term], role: str, linked: bool
) -> None:
    here, elsewhere = terms
    page = signed_in(make_user(role, here, elsewhere)).get("/search/", {"q": "security"})
    assert page.status_code == 200
    header = page.content.decode().split("</header>")[0]
    assert (f'href="{USERS}"' in header) is linked


def test_the_publics_header_has_no_users_link(terms: tuple[m.Term, m.Term]) -> None:
    header = Client().get("/search/", {"q": "security"}).content.decode().split("</header>")[0]
    assert USERS not in header


def test_an_invitation_not_yet_answered_is_sent_again_with_a_new_link_and_audited(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    secretariat = signed_in(make_user("secretariat", here, elsewhere))
    assert _invite(secretariat, member_state="BR").status_code == 302
    invited = User.objects.get(username="brazil")
    page = secretariat.get(f"{USERS}{invited.pk}/").content.decode()
    assert "Send the invitation again" in page
    answer = secretariat.post(f"{USERS}{invited.pk}/", {"invite_again": "1"})
    assert answer.status_code == 302
    first, second = mail.outbox
    assert first.to == second.to == ["mission@example.org"]
    link = re.search(r"http://testserver(/accounts/invitation/\S+/\S+/)", second.body)
    assert link is not None
    opened = Client().get(link.group(1))  # a valid link leads on to choosing the password
    assert opened.status_code == 302 and opened["Location"].endswith("/set-password/")
    assert AuditRecord.objects.filter(action="invite again", object_id=str(invited.pk)).exists()
    # once the password is chosen there is nothing to send again
    invited.set_password("a chosen pass phrase 1")
    invited.save()
    assert (
        "Send the invitation again" not in secretariat.get(f"{USERS}{invited.pk}/").content.decode()
    )
    refused = secretariat.post(f"{USERS}{invited.pk}/", {"invite_again": "1"}, follow=True)
    assert "Nothing was changed" in refused.content.decode()
    assert len(mail.outbox) == 2


def test_a_delegation_cannot_send_an_invitation_again(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    _invite(signed_in(make_user("secretariat", here, elsewhere)), member_state="BR")
    invited = User.objects.get(username="brazil")
    delegation = signed_in(make_user("delegation", here, elsewhere))
    assert delegation.post(f"{USERS}{invited.pk}/", {"invite_again": "1"}).status_code == 403
    assert len(mail.outbox) == 1
