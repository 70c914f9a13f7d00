"""A meeting's window for proposals and the proposals delegations send in it.

A delegation (one member state) proposes topics for the agenda and panelists before the
deadline the secretariat sets; it may withdraw its own proposals until they are decided; the
secretariat accepts one into the draft agenda or declines it with a reason. Each proposal
carries the token of the form it came from, unique, so a form sent twice makes one proposal.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalWindow(models.Model):
    meeting = models.OneToOneField(
        "plans.Meeting", models.CASCADE, related_name="proposal_window", verbose_name=_("meeting")
    )
    closes_at = models.DateTimeField(_("proposals close at"))

    class Meta:
        verbose_name = _("window for proposals")
        verbose_name_plural = _("windows for proposals")

    def __str__(self) -> str:
        return f"{self.meeting}: until {self.closes_at:%Y-%m-%d %H:%M}"


class Proposal(models.Model):
    class Kind(models.TextChoices):
        TOPIC = "topic", _("topic for the agenda")
        PANELIST = "panelist", _("panelist")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")
        ACCEPTED = "accepted", _("accepted into the draft agenda")
        DECLINED = "declined", _("declined")

    meeting = models.ForeignKey(
        "plans.Meeting", models.CASCADE, related_name="proposals", verbose_name=_("meeting")
    )
    member_state = models.CharField(_("member state (ISO code)"), max_length=2)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    topic = models.TextField(_("topic"))
    name = models.CharField(_("panelist's name"), max_length=300, blank=True, default="")
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    reason = models.TextField(_("reason for declining"), blank=True, default="")
    token = models.UUIDField(_("form token"), unique=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    agenda_node = models.ForeignKey(
        "plans.AgendaNode", models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("meeting", "submitted_at", "pk")
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(kind="panelist") | ~models.Q(name=""),
                name="suggestions_panelist_has_name",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(reason=""),
                name="suggestions_declined_has_reason",
            ),
        )

    def __str__(self) -> str:
        return f"{self.member_state}: {self.name or self.topic}"

    def agenda_title(self) -> str:
        if self.kind == self.Kind.PANELIST:
            where = f" ({self.affiliation})" if self.affiliation else ""
            return f"{self.topic}: {self.name}{where}"
        return self.topic
