"""Member states' reports as received, their national points of contact, the reminders sent.

A submission points at a plan's reporting obligation (carried over to the same obligation
when the plan is replaced); its status is never stored, it is derived from its dates by
``comitia.plan.reporting``. Uploaded documents are kept by Django's default storage, outside
the database and outside any served folder: only ``views.document`` hands them out.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from comitia.plan.reporting import ReminderKind
from comitia.web.plans.models import ReportingObligation, Term
from comitia.web.plans.models.term import LanguageChoice, StateChoice

ReminderKindChoice = models.TextChoices(  # type: ignore[call-overload]
    "ReminderKindChoice", [(k.name, k.value) for k in ReminderKind]
)
DOCUMENT_EXTENSIONS = ("pdf", "docx", "xlsx")
# A topic that is no obligation's identifier: the contact for every report of the state.
ALL_REPORTS = ""


class Delegation(models.Model):
    """What a member state's delegation chose: the language of its reminders, and the key
    of its private calendar feed of deadlines (only a digest is kept)."""

    state = models.CharField(_("member state"), max_length=2, choices=StateChoice, unique=True)
    language = models.CharField(
        _("language of reminders"), max_length=2, choices=LanguageChoice, default="en"
    )
    feed_digest = models.CharField(
        _("digest of the feed key"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        ordering = ("state",)
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return self.state


class Submission(models.Model):
    """What a state sent for one cycle (year) of a reporting obligation."""

    obligation = models.ForeignKey(
        ReportingObligation,
        models.RESTRICT,
        related_name="received",
        verbose_name=_("obligation"),
    )
    state = models.CharField(_("member state"), max_length=2, choices=StateChoice)
    cycle = models.PositiveSmallIntegerField(_("cycle (year)"))
    received = models.DateField(_("received on"))
    symbol = models.CharField(_("document symbol"), max_length=200, blank=True, default="")
    link = models.URLField(_("link"), max_length=500, blank=True, default="")
    document = models.FileField(
        _("document"),
        upload_to="reports/%Y/",
        blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )
    language = models.CharField(
        _("language"), max_length=2, choices=LanguageChoice, blank=True, default=""
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        ordering = ("obligation", "cycle", "state")
        verbose_name = _("submission of a report")
        verbose_name_plural = _("submissions of reports")
        constraints = (
            models.UniqueConstraint(
                fields=["obligation", "state", "cycle"], name="reports_one_submission_per_cycle"
            ),
            models.CheckConstraint(
                condition=Q(cycle__gte=1900) & Q(cycle__lte=2200), name="reports_cycle_a_year"
            ),
        )

    def __str__(self) -> str:
        return f"{self.state} {self.obligation.key} {self.cycle}"


class Contact(models.Model):
    """A member state's national point of contact for a topic: an obligation's identifier,
    or every report (blank). Private to the state's delegation and the secretariat."""

    state = models.CharField(_("member state"), max_length=2, choices=StateChoice)
    topic = models.CharField(
        _("topic"),
        max_length=64,
        blank=True,
        default=ALL_REPORTS,
        help_text=_("An obligation's identifier; blank for every report."),
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True, default="")
    institution = models.CharField(_("institution"), max_length=300, blank=True, default="")
    email = models.EmailField(_("e-mail"))
    telephone = models.CharField(_("telephone"), max_length=50, blank=True, default="")
    since = models.DateField(_("since"), null=True, blank=True)
    example = models.BooleanField(
        _("example"), default=False, help_text=_("A fictitious person of the demonstration data.")
    )

    class Meta:
        ordering = ("state", "topic", "name")
        verbose_name = _("national point of contact")
        verbose_name_plural = _("national points of contact")
        indexes = (models.Index(fields=["state", "topic"], name="reports_contact_state_topic"),)

    def __str__(self) -> str:
        return f"{self.state}: {self.name}"


class Reminder(models.Model):
    """A reminder sent (or being sent) to a state for one cycle of an obligation on one day;
    unique, so a second run of ``send_reminders`` sends nothing again."""

    obligation = models.ForeignKey(
        ReportingObligation, models.CASCADE, related_name="+", verbose_name=_("obligation")
    )
    state = models.CharField(_("member state"), max_length=2, choices=StateChoice)
    cycle = models.PositiveSmallIntegerField(_("cycle (year)"))
    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKindChoice)
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ("day", "state")
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = (
            models.UniqueConstraint(
                fields=["obligation", "state", "cycle", "day", "kind"],
                name="reports_reminder_sent_once",
            ),
        )

    def __str__(self) -> str:
        return f"{self.day} {self.state} {self.kind}"


class RatesPublication(models.Model):
    """Whether the public sees a term's counts of reports received per obligation (the only
    thing about reports it may see); no row: nothing."""

    term = models.OneToOneField(
        Term, models.CASCADE, related_name="report_rates", verbose_name=_("term")
    )
    published = models.BooleanField(_("counts published"), default=False)

    class Meta:
        verbose_name = _("publication of report counts")
        verbose_name_plural = _("publications of report counts")

    def __str__(self) -> str:
        return f"{self.term}: {self.published}"
