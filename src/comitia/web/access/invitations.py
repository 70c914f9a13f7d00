"""Users and their roles: inviting a user by e-mail, giving a role, deactivating an account.

An invited account is made without a password, with its role, and the e-mail carries a
one-time link (Django's password-reset token) to choose one. The link works until the password
is set or ``PASSWORD_RESET_TIMEOUT`` passes; signing in with a single sign-on provider later
can replace this step without changing the roles.

Each change writes one audit record (object ``user``): the account's name, address, whether
it is active and its roles, never its password. The rules of who may change whom
(``check_may_change``) hold for the secretariat's pages; the command line is the operator's.
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
from django.utils.translation import gettext as _

from . import audit
from .models import Membership, Role
from .policy import is_administrator


class UserChangeError(Exception):
    """A change of a user refused; the message says why."""


def invitation_link(user: Any, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse(
        "access:invitation", kwargs={"uidb64": uid, "token": token}
    )


def account(user: Any) -> dict[str, Any]:
    """What the audit trail keeps of an account: no password, no hash."""
    roles = [
        {
            "role": ms.role,
            "member_state": ms.member_state,
            "committee": ms.committee_id,
            "term": ms.term.slug if ms.term else None,
        }
        for ms in Membership.objects.filter(user=user).select_related("term").order_by("pk")
    ]
    return {
        "username": user.get_username(),
        "email": user.email,
        "is_active": user.is_active,
        "roles": roles,
    }


def check_may_change(
    actor: Any, user: Any | None, membership: dict[str, Any] | None = None
) -> None:
    """UserChangeError unless ``actor`` may change ``user`` (None: a new one) and give it
    ``membership`` (Membership's fields; None: no new role).

    An administrator may change anyone but themselves. Secretariat staff may not give the
    administrator role nor change an administrator, and give no more than they hold: the
    secretariat or bureau of a committee they serve (every committee only if they serve every
    one); the account they change must hold only roles they could have given. No one changes
    their own account here (they would lock themselves out).
    """
    if user is not None and user.pk == actor.pk:
        raise UserChangeError(_("you cannot change your own account here"))
    if is_administrator(actor):
        return
    if membership is not None and membership.get("role") == Role.ADMINISTRATOR:
        raise UserChangeError(_("only an administrator may give the administrator role"))
    if user is not None and (is_administrator(user) or user.is_superuser):
        raise UserChangeError(_("only an administrator may change an administrator"))
    held = list(Membership.objects.filter(user=user)) if user is not None else []
    wanted = [Membership(**membership)] if membership is not None else []
    for ms in held + wanted:
        if not _gives(actor, ms):
            raise UserChangeError(
                _("you may only give roles of the committees you serve as secretariat")
            )


def _gives(actor: Any, ms: Membership) -> bool:
    """Whether ``actor`` (not an administrator) may give the role ``ms`` describes."""
    if ms.role not in {Role.SECRETARIAT, Role.BUREAU}:
        return True
    committee = ms.term.committee_id if ms.role == Role.BUREAU and ms.term else ms.committee_id
    served = {m.committee_id for m in Membership.objects.filter(user=actor, role=Role.SECRETARIAT)}
    return None in served or (committee is not None and committee in served)


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
        audit.record(invited_by, "invite", user, before=None, after=account(user))
    _send_invitation(user, base_url, invited_by)
    return user


def awaits_password(user: Any) -> bool:
    """Whether ``user`` was invited and has not chosen a password yet."""
    return bool(user.is_active) and not user.has_usable_password()


def invite_again(user: Any, *, base_url: str, by: Any) -> None:
    """Send ``user`` the invitation again, with a new link (the first may have expired or been
    lost); UserChangeError for an account that has a password or is deactivated."""
    if not awaits_password(user):
        raise UserChangeError(_("the account has chosen its password already or is deactivated"))
    with transaction.atomic():
        snapshot = account(user)
        audit.record(by, "invite again", user, before=snapshot, after=snapshot)
    _send_invitation(user, base_url, by)


def _send_invitation(user: Any, base_url: str, invited_by: Any) -> None:
    context = {"user": user, "link": invitation_link(user, base_url), "invited_by": invited_by}
    send_mail(
        render_to_string("access/invitation_subject.txt", context).strip(),
        render_to_string("access/invitation_email.txt", context),
        None,
        [user.email],
    )


def set_role(user: Any, membership: dict[str, Any], by: Any) -> None:
    """Give ``user`` the one role ``membership`` describes, in place of the roles it held."""
    with transaction.atomic():
        before = account(user)
        Membership.objects.filter(user=user).delete()
        Membership.objects.create(user=user, **membership)
        audit.record(by, "set role", user, before=before, after=account(user))


def set_active(user: Any, active: bool, by: Any) -> None:
    """Deactivate ``user`` (it can no longer sign in and counts as the public; its history
    stays) or make it active again."""
    with transaction.atomic():
        before = account(user)
        user.is_active = active
        user.save(update_fields=["is_active"])
        action = "reactivate" if active else "deactivate"
        audit.record(by, action, user, before=before, after=account(user))
