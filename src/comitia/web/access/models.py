"""Roles held by users, and the audit trail of every change.

A user's roles are rows of ``Membership``: a delegation member names one member state (ISO 3166
alpha-2 code), secretariat staff and translators one committee (or, blank, every committee),
chair and bureau one term. An administrator holds every right. Users without a membership are
the public.

``AuditRecord`` rows are written once and never changed: ``save`` refuses an update and the
admin shows them read only; on PostgreSQL a trigger refuses UPDATE and DELETE as well.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DELEGATION = "delegation", _("delegation member")
    SECRETARIAT = "secretariat", _("secretariat staff")
    BUREAU = "bureau", _("chair or bureau member")
    ADMINISTRATOR = "administrator", _("administrator")
    # Changes the translations of a committee's terms (or, blank, every committee's), and
    # nothing else: ``policy._TRANSLATOR``.
    TRANSLATOR = "translator", _("translator")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    member_state = models.CharField(
        _("member state (ISO code)"), max_length=2, blank=True, default=""
    )
    committee = models.ForeignKey(
        "plans.Body",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
        help_text=_(
            "Secretariat staff and translators: the committee served; blank for every committee."
        ),
    )
    term = models.ForeignKey(
        "plans.Term",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("term"),
        help_text=_("Chair and bureau: the term of their office."),
    )

    class Meta:
        verbose_name = _("role of a user")
        verbose_name_plural = _("roles of users")
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(role="delegation")
                | models.Q(member_state__regex=r"^[A-Z]{2}$"),
                name="access_membership_delegation_has_state",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="bureau") | models.Q(term__isnull=False),
                name="access_membership_bureau_has_term",
            ),
        )

    def __str__(self) -> str:
        where = self.member_state or (self.term and str(self.term)) or self.committee or ""
        return f"{self.user}: {self.get_role_display()} {where}".rstrip()


class ImmutableRecord(Exception):
    """An audit record is written once and never changed."""


class AuditRecord(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # PROTECT: a user with a history is deactivated, not deleted (the trail is never changed,
    # and on PostgreSQL the trigger would refuse setting it to NULL).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    username = models.CharField(_("user name"), max_length=150, blank=True, default="")
    action = models.CharField(_("action"), max_length=50)
    object_type = models.CharField(_("kind of object"), max_length=50)
    object_id = models.CharField(_("object"), max_length=200)
    term_slug = models.SlugField(_("term"), max_length=200, blank=True, default="")
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    # Why, in the words of whoever changed it (a move's reason, a restore's): shown in the history.
    reason = models.TextField(_("reason"), blank=True, default="")

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = (models.Index(fields=["object_type", "object_id"], name="audit_object"),)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecord("an audit record cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableRecord("an audit record cannot be deleted")


class ApiToken(models.Model):
    """A key that a script sends to the JSON API (``Authorization: Bearer ...``) to act as
    ``user``, with that user's rights and no more.

    Only a digest of the key is stored: the key is shown once, when it is made, and cannot be
    read again. A revoked token stays as a record of what was used.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, such as a script's name.")
    )
    prefix = models.CharField(
        _("beginning of the key"),
        max_length=16,
        editable=False,
        help_text=_("To recognise a key without storing it."),
    )
    digest = models.CharField(_("digest of the key"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ("user", "created_at", "pk")
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class SignInLock(models.Model):
    """A user name refused sign-in from one address until ``until``, after repeated failures
    (see ``throttle``). The database, not the cache, holds locks: every process sees the same
    ones whatever the cache, and administrators can list and lift them. Failures are counted
    in the cache; a lock's row is written when they reach the limit."""

    digest = models.CharField(max_length=64, unique=True, editable=False)
    username = models.CharField(_("user name"), max_length=150)
    address = models.CharField(_("address"), max_length=64)
    locked_at = models.DateTimeField(_("locked at"))
    until = models.DateTimeField(_("locked until"), db_index=True)

    class Meta:
        ordering = ("-locked_at", "pk")
        verbose_name = _("sign-in lock")
        verbose_name_plural = _("sign-in locks")

    def __str__(self) -> str:
        return f"{self.username} @ {self.address}"
