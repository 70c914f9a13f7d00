"""Approved revisions of a plan and the documents printed from them.

A revision is an immutable snapshot: the plan as approved (JSON), its symbol, its date and who
approved it. It names its term by slug rather than by a foreign key, so that replacing a term
(``comitia load --replace``) never deletes what was approved. Each document of a revision is
printed once by the worker (``revision_prints``) and served byte for byte afterwards. Only a
revision's visibility changes after approval.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comitia.symbols import normalize
from comitia.web.levels import visibility_field


class ImmutableError(Exception):
    """An approved revision, or a document printed from it, cannot be changed."""


class Revision(models.Model):
    term_slug = models.SlugField(_("term"), max_length=200)
    number = models.PositiveIntegerField(_("revision number"))
    symbol = models.CharField(_("symbol"), max_length=100)
    # The symbol as compared (``comitia.symbols.normalize``): "CP/CSH-1933/19 rev. 4" and
    # "CP/CSH 1933/19  Rev.4" are one symbol, which one revision of a term may hold. Set on
    # saving; null only for a duplicate approved before the rule (migration 0003 keeps it):
    # null rather than "" because a unique constraint compares no nulls.
    symbol_key = models.CharField(  # noqa: DJ001
        _("symbol as compared"), max_length=100, null=True, editable=False
    )
    approved_on = models.DateField(_("approved on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    plan_json = models.TextField(_("plan as approved"))
    override_reason = models.TextField(
        _("reason for approving despite errors"), blank=True, default=""
    )
    blocking_findings = models.JSONField(
        _("errors overridden"), default=list, blank=True, help_text=_("Findings at approval.")
    )
    # Who may read it is a state of the revision, not of what was approved: the one field
    # that changes (``set_revision_visibility``); a new revision is a draft until published.
    visibility = visibility_field()

    class Meta:
        ordering = ("term_slug", "number")
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        permissions = (("approve_revision", _("Can approve a revision of the work plan")),)
        constraints = (
            models.UniqueConstraint(
                fields=["term_slug", "number"], name="documents_revision_unique_number"
            ),
            models.UniqueConstraint(
                fields=["term_slug", "symbol_key"], name="documents_revision_unique_symbol"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="documents_revision_number_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(blocking_findings=[]) | ~models.Q(override_reason=""),
                name="documents_revision_override_has_reason",
            ),
        )

    def __str__(self) -> str:
        return f"{self.term_slug} rev. {self.number} ({self.symbol})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and list(kwargs.get("update_fields") or ()) != ["visibility"]:
            raise ImmutableError(f"{self} is approved and cannot be changed")
        if self._state.adding:
            self.symbol_key = normalize(self.symbol)
        super().save(*args, **kwargs)


class RenderedDocument(models.Model):
    revision = models.ForeignKey(
        Revision, models.CASCADE, related_name="documents", verbose_name=_("revision")
    )
    format = models.CharField(_("format"), max_length=10)
    lang = models.CharField(_("language"), max_length=5)
    content = models.BinaryField(_("content"))
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("printed document")
        verbose_name_plural = _("printed documents")
        constraints = (
            models.UniqueConstraint(
                fields=["revision", "format", "lang"], name="documents_rendered_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.revision} {self.format} {self.lang}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("a printed document of a revision cannot be changed")
        super().save(*args, **kwargs)


class RevisionPrint(models.Model):
    """A document of an approved revision asked for and not yet stored: the claim that makes
    one print of it across processes (``claims``). Deleted when the worker stores the
    document (``revision_prints``); a stored ``RenderedDocument`` is never changed, so the
    claim is a row of its own."""

    revision = models.ForeignKey(
        Revision, models.CASCADE, related_name="prints", verbose_name=_("revision")
    )
    format = models.CharField(_("format"), max_length=10)
    lang = models.CharField(_("language"), max_length=5)
    queued_at = models.DateTimeField(_("queued at"))
    started_at = models.DateTimeField(_("printing since"), null=True)

    class Meta:
        verbose_name = _("revision's document being printed")
        verbose_name_plural = _("revisions' documents being printed")
        constraints = (
            models.UniqueConstraint(
                fields=["revision", "format", "lang"], name="documents_revision_print_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.revision} {self.format} {self.lang} (printing)"


class PrintedDocument(models.Model):
    """The current plan of a term as one document (format, language, as the viewers at one
    level see it), printed by the worker for one output version of the term.

    A row without content is a print asked for and not yet done: its unique key is what makes
    one print per state of the plan across processes (the process whose insert wins queues
    the print), and ``started_at`` is the worker's claim on it. Rows of the term's older
    versions are deleted when a newer version is printed (``printed.prune``).
    """

    term = models.ForeignKey(
        "plans.Term", models.CASCADE, related_name="printed_documents", verbose_name=_("term")
    )
    output_version = models.PositiveBigIntegerField(_("output version"))
    format = models.CharField(_("format"), max_length=10)
    lang = models.CharField(_("language"), max_length=5)
    level = models.CharField(_("viewer level"), max_length=16)
    # The fingerprint of the code that prints it (``comitia.web.fingerprint``): a release that
    # prints differently prints again, and one release's documents serve all its processes.
    made_by = models.CharField(_("code"), max_length=16, default="")
    content = models.BinaryField(_("content"), null=True)
    queued_at = models.DateTimeField(_("queued at"))
    started_at = models.DateTimeField(_("printing since"), null=True)
    printed_at = models.DateTimeField(_("printed at"), null=True)

    class Meta:
        verbose_name = _("printed current document")
        verbose_name_plural = _("printed current documents")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "output_version", "format", "lang", "level", "made_by"],
                name="documents_printed_unique_by_code",
            ),
        )

    def __str__(self) -> str:
        return (
            f"{self.term_id} v{self.output_version} {self.format} {self.lang} {self.level}"
            f" {self.made_by}"
        )


def _agenda_file_name(instance: AgendaFile, filename: str) -> str:
    """A random stored name (the original is kept in ``original_name``), with its extension."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "bin"
    return f"agenda/{secrets.token_hex(16)}.{extension}"


class AgendaFile(models.Model):
    """A document an agenda item discusses, in one language: a link or an uploaded file.

    Named by the meeting and the document's symbol (as the agenda lists it), so that editing
    the agenda item keeps it. The file is kept by the default storage under a random name,
    outside the database and any served folder: only ``agenda_views.download`` hands it out, to
    those who see the meeting. A write raises the term's output version (``plans.outputs``).
    """

    meeting = models.ForeignKey(
        "plans.Meeting", models.CASCADE, related_name="agenda_files", verbose_name=_("meeting")
    )
    symbol = models.CharField(_("document symbol"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português")],
    )
    link = models.URLField(_("link"), max_length=500, blank=True, default="")
    file = models.FileField(_("file"), upload_to=_agenda_file_name, blank=True, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        ordering = ("meeting", "symbol", "language")
        verbose_name = _("agenda item's document")
        verbose_name_plural = _("agenda items' documents")
        constraints = (
            models.UniqueConstraint(
                fields=["meeting", "symbol", "language"], name="documents_agenda_file_unique"
            ),
            models.CheckConstraint(
                condition=(models.Q(link="") & ~models.Q(file=""))
                | (~models.Q(link="") & models.Q(file="")),
                name="documents_agenda_file_link_or_file",
            ),
        )

    def __str__(self) -> str:
        return f"{self.symbol} ({self.language})"
