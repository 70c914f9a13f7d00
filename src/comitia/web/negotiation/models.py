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


class ImmutableRevision(Exception):
    """An issued revision of a draft, or a document printed from it, cannot be changed."""


class DraftRevision(models.Model):
    """A revision of a draft resolution as issued (rev. N): an immutable snapshot.

    ``snapshot`` is the draft as plan data (``comitia.plan.Resolution``) with what its
    documents print besides (the term, its bodies and thematic areas) as a plan of its own in
    canonical JSON (``negotiation.revisions``): every paragraph's texts in all its languages,
    status, pending passages, leads. ``versions`` holds each paragraph's version then, by
    "kind number". Like the work plan's revisions it names its draft by the term's slug and
    the draft's key, never by a foreign key, so that replacing the plan never deletes what was
    issued. Rows are inserted, never updated: ``save`` refuses, and so does the database
    (a trigger, migration 0002).
    """

    term_slug = models.SlugField(_("term"), max_length=200)
    resolution_key = models.CharField(_("draft resolution"), max_length=100)
    number = models.PositiveIntegerField(_("revision number"))
    symbol = models.CharField(_("symbol"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    issued_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    snapshot = models.TextField(_("the draft as issued"))
    versions = models.JSONField(_("paragraph versions"), default=dict)

    class Meta:
        ordering = ("term_slug", "resolution_key", "number")
        verbose_name = _("revision of a draft resolution")
        verbose_name_plural = _("revisions of draft resolutions")
        constraints = (
            models.UniqueConstraint(
                fields=["term_slug", "resolution_key", "number"],
                name="negotiation_revision_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="negotiation_revision_number_positive"
            ),
        )

    def __str__(self) -> str:
        return self.symbol

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise ImmutableRevision(f"{self} is issued and cannot be changed")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class DraftRevisionDocument(models.Model):
    """A document of an issued revision, printed once by the worker (``revision_prints``) and
    served byte for byte afterwards: what it is made from (the revision, and the one before for a
    comparison) never changes. ``kind``: the revision itself, or its changes since the
    revision before as Word tracked changes."""

    class Kind(models.TextChoices):
        REVISION = "revision", _("the revision")
        CHANGES = "changes", _("changes since the revision before")

    revision = models.ForeignKey(
        DraftRevision, models.CASCADE, related_name="documents", verbose_name=_("revision")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10)
    lang = models.CharField(_("language"), max_length=5)
    content = models.BinaryField(_("content"))
    printed_at = models.DateTimeField(_("printed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document of a draft's revision")
        verbose_name_plural = _("documents of drafts' revisions")
        constraints = (
            models.UniqueConstraint(
                fields=["revision", "kind", "format", "lang"],
                name="negotiation_revision_document_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.revision} {self.kind} {self.format} {self.lang}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise ImmutableRevision("a printed document of a revision cannot be changed")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class DraftRevisionPrint(models.Model):
    """A document of an issued revision asked for and not yet stored: the claim that makes one
    print of it across processes (``comitia.web.documents.claims``). Deleted when the worker
    stores the document (``revision_prints``); a stored ``DraftRevisionDocument`` is never
    updated (the database refuses), so the claim is a row of its own."""

    revision = models.ForeignKey(
        DraftRevision, models.CASCADE, related_name="prints", verbose_name=_("revision")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DraftRevisionDocument.Kind.choices)
    format = models.CharField(_("format"), max_length=10)
    lang = models.CharField(_("language"), max_length=5)
    queued_at = models.DateTimeField(_("queued at"))
    started_at = models.DateTimeField(_("printing since"), null=True)

    class Meta:
        verbose_name = _("draft's revision's document being printed")
        verbose_name_plural = _("drafts' revisions' documents being printed")
        constraints = (
            models.UniqueConstraint(
                fields=["revision", "kind", "format", "lang"],
                name="negotiation_revision_print_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.revision} {self.kind} {self.format} {self.lang} (printing)"
