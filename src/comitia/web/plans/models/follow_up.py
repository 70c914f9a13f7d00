"""What the committee follows through the term: member states' reports, its budget and the
negotiation of its draft resolution."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from comitia.plan import (
    DEFAULT_REMINDERS_AFTER,
    DEFAULT_REMINDERS_BEFORE,
    Frequency,
    MilestoneKind,
    Parties,
)
from comitia.web.plans.models.calendar import Meeting
from comitia.web.plans.models.fields import (
    FuzzyBoundsMixin,
    MultilingualField,
    MultilingualListField,
    bounds_in_order,
    edtf_field,
    optional_char,
)
from comitia.web.plans.models.term import (
    Body,
    LanguageChoice,
    StateChoice,
    Term,
    key_field,
    position_field,
)

FrequencyChoice = models.TextChoices("FrequencyChoice", [(f.name, f.value) for f in Frequency])  # type: ignore[call-overload]
PartiesChoice = models.TextChoices("PartiesChoice", [(p.name, p.value) for p in Parties])  # type: ignore[call-overload]
MilestoneKindChoice = models.TextChoices(  # type: ignore[call-overload]
    "MilestoneKindChoice", [(k.name, k.value) for k in MilestoneKind]
)


def _first_text(text: dict[str, str] | None) -> str:
    return next(iter(text.values())) if text else ""


class Convention(models.Model):
    """A convention whose states parties owe reports; the list is the secretariat's to keep."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="conventions")
    key = key_field()
    position = position_field()
    title = MultilingualField(_("title"))
    states_parties = models.JSONField(
        _("states parties"),
        null=True,
        blank=True,
        help_text=_("ISO 3166 codes of the states parties; empty when not known yet."),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("The list is an example, not the real one."),
    )

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="convention_key_unique_per_term"),
        )

    def __str__(self) -> str:
        return _first_text(self.title)


def _default_before() -> list[int]:
    return list(DEFAULT_REMINDERS_BEFORE)


def _default_after() -> list[int]:
    return list(DEFAULT_REMINDERS_AFTER)


class ReportingObligation(models.Model):
    """What member states (or states parties) must send, and when; yearly ones have a due day."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="obligations")
    key = key_field()
    position = position_field()
    title = MultilingualField(_("title"))
    frequency = models.CharField(_("frequency"), max_length=16, choices=FrequencyChoice.choices)
    due = optional_char(
        _("due every year on"),
        max_length=7,
        help_text=_("--MM-DD, for yearly (and optionally biennial) obligations."),
    )
    reference_year = models.PositiveSmallIntegerField(
        _("reference year"),
        null=True,
        blank=True,
        help_text=_("For biennial obligations: a year in which a report is due."),
    )
    parties = models.CharField(
        _("parties"),
        max_length=32,
        choices=PartiesChoice.choices,
        default=PartiesChoice.MEMBER_STATES,
    )
    convention = models.ForeignKey(
        Convention,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="obligations",
        verbose_name=_("convention"),
    )
    request = MultilingualListField(_("request"))
    basis = models.JSONField(
        _("basis"), default=list, blank=True, help_text=_("Symbols of the resolutions.")
    )
    channel = optional_char(_("channel"), max_length=500)
    remind_before = models.JSONField(
        _("remind days before"),
        default=_default_before,
        blank=True,
        help_text=_("Days before the due date on which states that owe it are reminded."),
    )
    remind_after = models.JSONField(
        _("remind days after"),
        default=_default_after,
        blank=True,
        help_text=_("Days after the due date on which states that have not sent it are reminded."),
    )

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="obligation_key_unique_per_term"),
            models.CheckConstraint(
                condition=Q(frequency=FrequencyChoice.YEARLY, due__isnull=False)
                | Q(frequency=FrequencyChoice.BIENNIAL)
                | (
                    ~Q(frequency__in=[FrequencyChoice.YEARLY, FrequencyChoice.BIENNIAL])
                    & Q(due__isnull=True)
                ),
                name="obligation_due_date_if_yearly_or_biennial",
            ),
            models.CheckConstraint(
                condition=Q(frequency=FrequencyChoice.BIENNIAL) | Q(reference_year__isnull=True),
                name="obligation_reference_year_if_biennial",
            ),
            models.CheckConstraint(
                condition=Q(parties=PartiesChoice.STATES_PARTIES) | Q(convention__isnull=True),
                name="obligation_convention_if_states_parties",
            ),
        )

    def __str__(self) -> str:
        return _first_text(self.title)


class Submission(models.Model):
    """One state's answer to a reporting obligation."""

    obligation = models.ForeignKey(ReportingObligation, models.CASCADE, related_name="submissions")
    position = position_field()
    state = models.CharField(_("member state"), max_length=2, choices=StateChoice.choices)
    date = models.DateField(_("date"))
    reference = optional_char(_("reference"), max_length=500)
    cycle = models.PositiveSmallIntegerField(
        _("cycle"),
        null=True,
        blank=True,
        help_text=_("The year it reports for; empty: the year it was received."),
    )
    link = optional_char(_("link"), max_length=500)
    language = models.CharField(
        _("language"), max_length=2, choices=LanguageChoice.choices, blank=True, default=""
    )

    class Meta:
        ordering = ("obligation", "position")
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = (
            models.Index(fields=["obligation", "state"], name="submission_obligation_state"),
        )

    def __str__(self) -> str:
        return f"{self.state} {self.date:%Y-%m-%d}"


class Appropriation(FuzzyBoundsMixin, models.Model):
    """Money for the committee's meetings for a year or part of one, and its legal basis."""

    FUZZY_FIELDS = ("period",)

    term = models.ForeignKey(Term, models.CASCADE, related_name="appropriations")
    key = key_field()
    position = position_field()
    period = edtf_field(verbose_name=_("period (EDTF)"))
    period_first = models.DateField(_("first day"), null=True, blank=True, editable=False)
    period_last = models.DateField(_("last day"), null=True, blank=True, editable=False)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    basis = models.CharField(_("basis"), max_length=200)
    basis_title = MultilingualField(_("title of the basis"), null=True, blank=True)
    approved_by = models.ForeignKey(
        Body,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    notes = MultilingualListField(_("notes"))

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("appropriation")
        verbose_name_plural = _("appropriations")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "key"], name="appropriation_key_unique_per_term"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="appropriation_amount_not_negative"
            ),
            bounds_in_order("period", "appropriation_period_bounds_in_order"),
        )

    def __str__(self) -> str:
        return f"{self.period} {self.amount} {self.currency}"


class Negotiation(FuzzyBoundsMixin, models.Model):
    """The plan for negotiating the committee's draft resolution; at most one per term."""

    FUZZY_FIELDS = ("starts",)

    term = models.OneToOneField(Term, models.CASCADE, related_name="negotiation")
    title = MultilingualField(_("title"), null=True, blank=True)
    starts = edtf_field(verbose_name=_("starts (EDTF)"), null=True, blank=True)
    starts_first = models.DateField(_("first possible day"), null=True, blank=True, editable=False)
    starts_last = models.DateField(_("last possible day"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("negotiation")
        verbose_name_plural = _("negotiations")
        constraints = (bounds_in_order("starts", "negotiation_starts_bounds_in_order"),)

    def __str__(self) -> str:
        return _first_text(self.title) or str(self.term)


class Milestone(FuzzyBoundsMixin, models.Model):
    """A step of the negotiation of the draft resolution."""

    FUZZY_FIELDS = ("when",)

    negotiation = models.ForeignKey(Negotiation, models.CASCADE, related_name="milestones")
    key = key_field()
    position = position_field()
    kind = models.CharField(_("kind"), max_length=32, choices=MilestoneKindChoice.choices)
    title = MultilingualField(_("title"))
    when = edtf_field(verbose_name=_("when (EDTF)"), null=True, blank=True)
    when_first = models.DateField(_("first possible day"), null=True, blank=True, editable=False)
    when_last = models.DateField(_("last possible day"), null=True, blank=True, editable=False)
    meeting = models.ForeignKey(
        Meeting,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("meeting"),
    )
    half_day_sessions = models.PositiveIntegerField(_("half-day sessions"), null=True, blank=True)
    full_day_sessions = models.PositiveIntegerField(_("full-day sessions"), null=True, blank=True)

    class Meta:
        ordering = ("negotiation", "position")
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = (
            models.UniqueConstraint(
                fields=["negotiation", "key"], name="milestone_key_unique_per_negotiation"
            ),
            bounds_in_order("when", "milestone_when_bounds_in_order"),
        )

    def __str__(self) -> str:
        return _first_text(self.title)
