"""A term and what stays fixed through it: bodies, bureau, thematic areas, mandates.

Each row belongs to one term's plan; the plan's identifiers are kept as ``key`` and are unique
per term and collection. References between objects of a plan are foreign keys; that both ends
belong to the same term is guaranteed by ``comitia.web.plans.convert``, not by the database.
Rows keep the order of their plan's lists in ``position``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from comitia.plan import Language, MandateGroup, OfficerRole
from comitia.plan.states import OAS_MEMBER_STATES
from comitia.web.levels import visibility_field
from comitia.web.plans.models.fields import (
    MultilingualField,
    MultilingualListField,
    optional_char,
    validate_cost_rates,
    validate_time_zone,
)
from comitia.web.plans.models.output import first_version

LanguageChoice = models.TextChoices(  # type: ignore[call-overload]
    "LanguageChoice", [(lang.name, lang.value) for lang in Language]
)
StateChoice = models.TextChoices("StateChoice", [(code, code) for code in OAS_MEMBER_STATES])  # type: ignore[call-overload]
KEY_LENGTH = 64


def key_field() -> models.CharField:  # type: ignore[type-arg]
    return models.CharField(
        _("identifier"), max_length=KEY_LENGTH, help_text=_("As in plan files: a-z, 0-9 and -.")
    )


def position_field() -> models.PositiveIntegerField[int, int]:
    return models.PositiveIntegerField(_("position"), default=0)


class Term(models.Model):
    """One committee's period of work, the root of one plan.

    A term is named by its ``slug``, the committee's identifier and the term's label
    (``csh-2019-2020``), unique across the database. ``committee`` is nullable only because a
    term's bodies are stored after the term itself; a stored plan always names its committee.
    """

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    label = models.CharField(_("label"), max_length=100, help_text=_("Such as 2019-2020."))
    committee = models.ForeignKey(
        "Body",
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    installed_by = models.ForeignKey(
        "Body",
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("installed by"),
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    # The organization whose rooms and interpretation teams the meetings book (the plan's
    # organization field): its other terms are the committees they may clash with.
    organization = models.ForeignKey(
        "plans.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("organization"),
    )
    language = models.CharField(_("language"), max_length=2, choices=LanguageChoice.choices)
    languages = models.JSONField(_("published languages"), default=list)
    # What an imported document says about itself (its summary of meetings, counts in its
    # prose), as the plan file's summary_claims and count_claims. These are read-only records
    # of a source, checked against the calendar and never edited or queried piecemeal, so they
    # are kept whole in JSON rather than in tables of their own.
    document_claims = models.JSONField(_("claims of the source document"), default=dict, blank=True)
    # The plan file's cost_rates: a few rate tables per term, read whole by the budget
    # (comitia.budget) and never queried piecemeal, so kept as the plan file's JSON text.
    # Text, not jsonb: jsonb would sort the languages of their notes (original first).
    cost_rates = models.TextField(
        _("cost rates (JSON)"), default="", blank=True, validators=[validate_cost_rates]
    )
    # The plan file's translated_from: per language, the fingerprint of the source each
    # translation was made from, by text id (comitia.translations). Read and written whole, by
    # the translation import and the status page, so kept as JSON beside the texts.
    translated_from = models.JSONField(_("sources of the translations"), default=dict, blank=True)
    # Raised in the same transaction by every write to what the term's outputs show (pages,
    # feeds, documents, API reads): caches of outputs key on it (plans.output_version). Not
    # the per-row ``version`` that edits claim against lost updates.
    output_version = models.PositiveBigIntegerField(
        _("output version"), default=first_version, editable=False
    )

    class Meta:
        # Every list of terms (home, calendar, API, search, users) takes this order: the newest
        # first, terms starting on the same day by slug, so that every database lists them alike.
        ordering = ("-start", "slug")
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="term_ends_after_start"
            ),
        )

    def __str__(self) -> str:
        return self.slug

    def clean(self) -> None:
        # A rule on the model rather than a validator on the column: the same check for every
        # form that edits a term (the admin's), without a migration for a Python-side rule.
        super().clean()
        try:
            validate_time_zone(self.timezone)
        except ValidationError as error:
            raise ValidationError({"timezone": error}) from None


class PlanDocument(models.Model):
    """The work-plan document as approved: title, symbol, revision."""

    term = models.OneToOneField(Term, models.CASCADE, related_name="document")
    title = MultilingualField(_("title"))
    symbol = models.CharField(_("symbol"), max_length=200)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        "Body",
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # The current document (the plan as it stands, printed on request); approved revisions
    # have a visibility of their own (``documents.Revision``).
    visibility = visibility_field()
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )

    class Meta:
        verbose_name = _("plan document")
        verbose_name_plural = _("plan documents")

    def __str__(self) -> str:
        return self.symbol


class Body(models.Model):
    """An organ or office: the committee itself, councils, secretariats, other bodies."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="bodies")
    key = key_field()
    position = position_field()
    acronym = MultilingualField(_("acronym"), null=True, blank=True)
    name = MultilingualField(_("name"))
    parent = models.ForeignKey(
        "self",
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="body_key_unique_per_term"),
        )

    def __str__(self) -> str:
        text = self.acronym or self.name
        return str(next(iter(text.values()))) if text else self.key


RoleChoice = models.TextChoices("RoleChoice", [(r.name, r.value) for r in OfficerRole])  # type: ignore[call-overload]


class Officer(models.Model):
    """A member of the bureau: one per role per term (so one chair per term)."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="officers")
    position = position_field()
    role = models.CharField(_("role"), max_length=32, choices=RoleChoice.choices)
    person = models.CharField(_("person"), max_length=200)
    honorific = MultilingualField(_("honorific"), null=True, blank=True)
    # The plan calls this ``position``; here ``position`` is the row's order in the bureau.
    appointment = MultilingualField(
        _("appointment"),
        null=True,
        blank=True,
        help_text=_("Such as Permanent Representative of Peru."),
    )
    state = models.CharField(_("member state"), max_length=2, choices=StateChoice.choices)
    elected_on = models.DateField(_("elected on"))
    elected_by = models.ForeignKey(
        "Body", models.RESTRICT, related_name="+", verbose_name=_("elected by")
    )

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        constraints = (
            models.UniqueConstraint(fields=["term", "role"], name="officer_one_per_role_per_term"),
        )

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ThematicArea(models.Model):
    """One of the ordered areas of the resolution."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="thematic_areas")
    key = key_field()
    position = position_field()
    number = models.PositiveIntegerField(_("number"))
    title = MultilingualField(_("title"))

    class Meta:
        ordering = ("term", "number")
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="area_key_unique_per_term"),
            models.UniqueConstraint(fields=["term", "number"], name="area_number_unique_per_term"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="area_number_from_one"),
        )

    def __str__(self) -> str:
        return f"{self.number}. {next(iter(self.title.values()))}"


MandateGroupChoice = models.TextChoices(  # type: ignore[call-overload]
    "MandateGroupChoice", [(g.name, g.value) for g in MandateGroup]
)


class Mandate(models.Model):
    """What the committee must follow up, and where the obligation comes from."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="mandates")
    key = key_field()
    position = position_field()
    group = models.CharField(_("group"), max_length=32, choices=MandateGroupChoice.choices)
    title = MultilingualField(_("title"))
    source = models.CharField(_("source"), max_length=200)
    article = optional_char(_("article"), max_length=100)
    body = models.ForeignKey(
        Body,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("body"),
    )
    area = models.ForeignKey(
        ThematicArea,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("area"),
    )
    resolution = models.ForeignKey(
        "plans.Resolution",
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("resolution"),
        help_text=_("The resolution of the term it comes from, whose paragraphs citations name."),
    )
    excluded_paragraphs = models.JSONField(_("excluded paragraphs"), default=list, blank=True)
    notes = MultilingualListField(_("notes"))

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="mandate_key_unique_per_term"),
        )

    def __str__(self) -> str:
        return f"{self.source} {self.article}" if self.article else self.source
