"""A delegation's amendment to a paragraph of a draft resolution.

An amendment proposes new wording for a paragraph, its deletion, or a new paragraph after it,
in one language, with a justification. It is written against the paragraph's version at the
time (``based_on``): incorporating it raises that version, so a second amendment written
against the same version is a conflict, never a silent overwrite
(``operations.incorporate_amendment``).

Who sees it (``visibility.may_see_amendment``): its delegation, the paragraph's lead
delegations, those who see the term's drafts (secretariat, chair and bureau); other
delegations once the secretariat shares it (``shared_at``). Never the public.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comitia.plan import Language, ParagraphStatus
from comitia.web.plans.models.resolutions import ParagraphStatusChoice

# The plan's languages, by code (the codes are their own labels: en, es, fr, pt).
LANGUAGE_CHOICES = [(lang.value, lang.value) for lang in Language]


class Amendment(models.Model):
    class Kind(models.TextChoices):
        REWORD = "reword", _("new wording")
        DELETE = "delete", _("deletion")
        ADD_AFTER = "add_after", _("new paragraph after this one")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting a decision")
        INCORPORATED = "incorporated", _("incorporated")
        MERGED = "merged", _("merged by hand")
        WITHDRAWN = "withdrawn", _("withdrawn")
        NOT_RETAINED = "not_retained", _("not retained")

    paragraph = models.ForeignKey(
        "plans.Paragraph", models.CASCADE, related_name="amendments", verbose_name=_("paragraph")
    )
    member_state = models.CharField(_("member state (ISO code)"), max_length=2)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    text = models.TextField(_("proposed text"), blank=True, default="")
    justification = models.TextField(_("justification"))
    # The paragraph's version and its text in ``language`` when the amendment was written: what
    # its difference is shown against once the paragraph has moved on.
    based_on = models.PositiveIntegerField(_("paragraph version"))
    base_text = models.TextField(_("text amended"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    shared_at = models.DateTimeField(_("shared with delegations at"), null=True, blank=True)
    token = models.UUIDField(_("form token"), unique=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # The paragraph's version this amendment's incorporation made (None unless incorporated).
    made_version = models.PositiveIntegerField(_("version made"), null=True, blank=True)

    class Meta:
        ordering = ("paragraph", "proposed_at", "pk")
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        constraints = (
            models.CheckConstraint(
                condition=Q(kind="delete") | ~Q(text=""),
                name="negotiation_amendment_has_text",
            ),
            models.CheckConstraint(
                condition=~Q(justification=""), name="negotiation_amendment_is_justified"
            ),
            models.CheckConstraint(
                condition=Q(status="incorporated", made_version__isnull=False)
                | (~Q(status="incorporated") & Q(made_version__isnull=True)),
                name="negotiation_made_version_iff_incorporated",
            ),
        )

    def __str__(self) -> str:
        return f"{self.member_state}: {self.get_kind_display()} ({self.paragraph})"


STATUS_CHOICES = ParagraphStatusChoice.choices
# The statuses a lead delegation records after an informal consultation.
CONSULTATION_STATUSES = (
    ParagraphStatus.INFORMAL_CONSULTATIONS.value,
    ParagraphStatus.AGREED_AD_REFERENDUM.value,
)


class Consultation(models.Model):
    """The outcome of an informal consultation on a paragraph, as its lead delegation records
    it: the day it was held, the text agreed (in one language; none if the text did not
    change) and where the paragraph stands after it (``consultations.record_consultation``)."""

    paragraph = models.ForeignKey(
        "plans.Paragraph",
        models.CASCADE,
        related_name="consultations",
        verbose_name=_("paragraph"),
    )
    member_state = models.CharField(_("lead delegation (ISO code)"), max_length=2)
    held_on = models.DateField(_("held on"))
    status = models.CharField(
        _("status agreed"),
        max_length=32,
        choices=[(s, label) for s, label in STATUS_CHOICES if s in CONSULTATION_STATUSES],
    )
    language = models.CharField(
        _("language"), max_length=2, choices=LANGUAGE_CHOICES, blank=True, default=""
    )
    text = models.TextField(_("text agreed"), blank=True, default="")
    # The paragraph's version its text agreed made (None if the text did not change).
    made_version = models.PositiveIntegerField(_("version made"), null=True, blank=True)
    token = models.UUIDField(_("form token"), unique=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ("paragraph", "held_on", "pk")
        verbose_name = _("informal consultation")
        verbose_name_plural = _("informal consultations")
        constraints = (
            models.CheckConstraint(
                condition=Q(status__in=CONSULTATION_STATUSES),
                name="negotiation_consultation_status",
            ),
            models.CheckConstraint(
                condition=Q(text="") | ~Q(language=""),
                name="negotiation_consultation_text_has_language",
            ),
        )

    def __str__(self) -> str:
        return f"{self.member_state}, {self.held_on.isoformat()} ({self.paragraph})"


class ParagraphEvent(models.Model):
    """One change of a draft paragraph's status or text, where it happened and who recorded it.

    Written in the transaction of every operation that changes a paragraph's status or text
    (``history.record_event``): an amendment incorporated (``amendment``), a consultation's
    outcome (``consultation``), a decision of a formal review session (``meeting``). The
    paragraph's history on the draft page, and the status counts over the formal sessions,
    are read from these rows.
    """

    paragraph = models.ForeignKey(
        "plans.Paragraph", models.CASCADE, related_name="events", verbose_name=_("paragraph")
    )
    # A paragraph may have no status yet: "" then.
    from_status = models.CharField(
        _("status before"), max_length=32, blank=True, default="", choices=STATUS_CHOICES
    )
    to_status = models.CharField(
        _("status after"), max_length=32, blank=True, default="", choices=STATUS_CHOICES
    )
    # The paragraph's version the change made when it changed the text (None: status only).
    made_version = models.PositiveIntegerField(_("text version made"), null=True, blank=True)
    meeting = models.ForeignKey(
        "plans.Meeting",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="paragraph_events",
        verbose_name=_("meeting"),
    )
    consultation = models.ForeignKey(
        Consultation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("informal consultation"),
    )
    amendment = models.ForeignKey(
        Amendment,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("amendment"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ("paragraph", "recorded_at", "pk")
        verbose_name = _("paragraph history entry")
        verbose_name_plural = _("paragraph history")
        indexes = (
            models.Index(fields=["meeting", "recorded_at"], name="negotiation_event_meeting"),
        )
        constraints = (
            models.CheckConstraint(
                condition=~Q(from_status=models.F("to_status")) | Q(made_version__isnull=False),
                name="negotiation_event_changes_something",
            ),
        )

    def __str__(self) -> str:
        return f"{self.paragraph}: {self.from_status or '-'} → {self.to_status or '-'}"
