"""Users are invited by email: a role, no password, a one-time link to choose one."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from comitia.web.access.models import Membership, Role
from comitia.web.access.policy import member_state


@pytest.mark.django_db
def test_an_invited_delegate_chooses_a_password_once_and_signs_in() -> None:
    call_command(
        "invite_user",
        "brazil",
        "mission@example.org",
        role="delegation",
        state="br",
        base_url="https://comitia.example.org",
    )
    user = User.objects.get(username="brazil")
    assert not user.has_usable_password()
    assert member_state(user) == "BR"
    assert Membership.objects.get(user=user).role == Role.DELEGATION
    (message,) = mail.outbox
    assert message.to == ["mission@example.org"]
    link = re.search(r"https://comitia\.example\.org(/accounts/invitation/\S+)", message.body)
    assert link is not None
    client = Client()
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200 and b"new_password1" in form.content
    password = {"new_password1": "a long pass phrase 42", "new_password2": "a long pass phrase 42"}
    done = client.post(form.redirect_chain[-1][0], password)
    assert done.status_code == 302
    again = Client().get(link.group(1), follow=True)
    assert b"new_password1" not in again.content  # the link worked once
    signed_in = Client().post(
        "/accounts/login/", {"username": "brazil", "password": "a long pass phrase 42"}
    )
    assert signed_in.status_code == 302


@pytest.mark.django_db
def test_a_delegate_needs_a_member_state() -> None:
    with pytest.raises(CommandError, match="--state"):
        call_command("invite_user", "x", "x@example.org", role="delegation")
    assert not User.objects.exists()
