"""Inviting a user by email: the account is made without a password, with its role, and the
email carries a one-time link (Django's password-reset token) to choose one.

The link works until the password is set or ``PASSWORD_RESET_TIMEOUT`` passes; signing in
with a single sign-on provider later can replace this step without changing the roles.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Membership


def invitation_link(user: Any, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse(
        "access:invitation", kwargs={"uidb64": uid, "token": token}
    )


def invite(
    username: str,
    email: str,
    *,
    base_url: str,
    membership: dict[str, Any] | None = None,
    invited_by: Any = None,
) -> Any:
    """Create ``username`` (no usable password) with ``membership`` (a role and what it is
    attached to) and email the link to choose a password. Returns the user."""
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.create_user(username=username, email=email, password=None)
        if membership:
            Membership.objects.create(user=user, **membership)
    context = {"user": user, "link": invitation_link(user, base_url), "invited_by": invited_by}
    send_mail(
        render_to_string("access/invitation_subject.txt", context).strip(),
        render_to_string("access/invitation_email.txt", context),
        None,
        [email],
    )
    return user
