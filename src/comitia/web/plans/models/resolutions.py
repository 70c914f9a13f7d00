"""The term's resolutions: the adopted one its mandates come from, and the draft negotiated.

One row per resolution, per section and per paragraph; a paragraph's sub-paragraphs and
footnotes are read and written with it, so they are JSON lists of ``{letter|mark, text}``
whose texts keep their languages' order as ``[language, text]`` pairs (see ``fields``).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from comitia.plan import ParagraphKind, ParagraphStatus, ResolutionState
from comitia.web.levels import visibility_field
from comitia.web.plans.models.fields import MultilingualField, optional_char
from comitia.web.plans.models.term import Body, Term, ThematicArea, key_field, position_field

ResolutionStateChoice = models.TextChoices(  # type: ignore[call-overload]
    "ResolutionStateChoice", [(s.name, s.value) for s in ResolutionState]
)
ParagraphKindChoice = models.TextChoices(  # type: ignore[call-overload]
    "ParagraphKindChoice", [(k.name, k.value) for k in ParagraphKind]
)
ParagraphStatusChoice = models.TextChoices(  # type: ignore[call-overload]
    "ParagraphStatusChoice", [(s.name, s.value) for s in ParagraphStatus]
)


class Resolution(models.Model):
    """A General Assembly resolution, adopted (with its symbol), or a draft (its document's)."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="resolutions")
    key = key_field()
    position = position_field()
    symbol = optional_char(_("symbol"), max_length=200)
    document_symbol = optional_char(_("document symbol"), max_length=200)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    title = MultilingualField(_("title"))
    state = models.CharField(_("state"), max_length=16, choices=ResolutionStateChoice.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # Who sees the resolution's page (with its term's level): a draft starts with the
    # secretariat and bureau (``comitia.web.publication.visibility``).
    visibility = visibility_field()
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="resolution_key_unique_per_term"),
            models.CheckConstraint(
                condition=Q(state=ResolutionStateChoice.ADOPTED, symbol__isnull=False)
                | Q(
                    state=ResolutionStateChoice.DRAFT, symbol__isnull=True, adopted_on__isnull=True
                ),
                name="resolution_symbol_iff_adopted",
            ),
        )

    def __str__(self) -> str:
        return str(self.symbol or self.document_symbol or self.key)


class ResolutionSection(models.Model):
    """A section of a resolution: the preamble (no area) or the paragraphs of one area."""

    resolution = models.ForeignKey(Resolution, models.CASCADE, related_name="sections")
    key = key_field()
    position = position_field()
    area = models.ForeignKey(
        ThematicArea,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="resolution_sections",
        verbose_name=_("area"),
    )
    title = MultilingualField(_("title"), null=True, blank=True)

    class Meta:
        ordering = ("resolution", "position")
        verbose_name = _("resolution section")
        verbose_name_plural = _("resolution sections")
        constraints = (
            models.UniqueConstraint(
                fields=["resolution", "key"], name="section_key_unique_per_resolution"
            ),
        )

    def __str__(self) -> str:
        return str(self.key)


class Paragraph(models.Model):
    """A numbered paragraph of a resolution; its text when held, else its subject."""

    resolution = models.ForeignKey(Resolution, models.CASCADE, related_name="paragraphs")
    position = position_field()
    number = models.CharField(_("number"), max_length=16)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=ParagraphKindChoice.choices,
        default=ParagraphKindChoice.OPERATIVE,
    )
    section = models.ForeignKey(
        ResolutionSection,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="paragraphs",
        verbose_name=_("section"),
    )
    text = MultilingualField(_("text"), null=True, blank=True)
    subject = MultilingualField(_("subject"), null=True, blank=True)
    subparagraphs = models.JSONField(_("sub-paragraphs"), default=list, blank=True)
    footnotes = models.JSONField(_("footnotes"), default=list, blank=True)
    leads = models.JSONField(_("lead delegations"), default=list, blank=True)
    status = optional_char(_("status"), max_length=32, choices=ParagraphStatusChoice.choices)
    assigned_to = models.ForeignKey(
        Body,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="assigned_paragraphs",
        verbose_name=_("assigned to"),
    )
    from_symbol = optional_char(_("updates the paragraph of"), max_length=200)
    from_number = optional_char(_("updates the paragraph numbered"), max_length=16)
    # Raised by every change of the paragraph's text (an amendment incorporated): two
    # amendments written against one version cannot both be applied silently.
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ("resolution", "position")
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = (
            models.UniqueConstraint(
                fields=["resolution", "kind", "number"],
                name="paragraph_number_unique_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(from_symbol__isnull=True, from_number__isnull=True)
                | Q(from_symbol__isnull=False, from_number__isnull=False),
                name="paragraph_from_symbol_and_number",
            ),
        )

    def __str__(self) -> str:
        return self.number
