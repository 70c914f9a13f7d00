"""The search index: one row per thing a reader may find, made from a term's rows as of its
output version (``index.py``).

It is derived data, kept as a store keyed by what it was made from (as the printed documents
are): ``IndexedTerm.version`` is the term's output version the rows were made at, each entry
names the row it was made from (``source``, ``source_row``), and ``IndexedRow`` holds that
row's stamp then. A search that finds the version behind the term's brings the term's entries
up to date first, in one transaction, writing again only those of the rows whose stamp
changed. Every write to what a
term's outputs show raises that version in its own transaction (``plans.output_version``), so
the index is never out of date for a search, only brought up to date.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from comitia.web.levels import Visibility, visibility_field


class Kind(models.TextChoices):
    """What a result is; the order of the results' groups."""

    MEETING = "meeting", _("Meetings")
    AGENDA_ITEM = "agenda_item", _("Agenda items")
    ACTIVITY = "activity", _("Activities of other bodies")
    MANDATE = "mandate", _("Mandates")
    DOCUMENT = "document", _("Documents")


class IndexedTerm(models.Model):
    """The output version of the term that its search rows were made at."""

    term = models.OneToOneField("plans.Term", models.CASCADE, related_name="+", primary_key=True)
    version = models.PositiveBigIntegerField(_("output version indexed"))

    class Meta:
        verbose_name = _("indexed term")
        verbose_name_plural = _("indexed terms")

    def __str__(self) -> str:
        return f"{self.term_id}@{self.version}"


class Source(models.TextChoices):
    """What an entry is made from: a row of one of these, with what it reads of the rows it
    points to (an agenda item its meeting's date and level, an activity its body's names)."""

    MEETING = "meeting", _("meeting")
    AGENDA_ITEM = "agenda_item", _("agenda item")
    ACTIVITY = "activity", _("activity")
    MANDATE = "mandate", _("mandate")
    PLAN_DOCUMENT = "plan_document", _("plan document")


class SearchEntry(models.Model):
    """One thing that may be found: its kind, where it leads, its date, the level of what it
    belongs to (a meeting's own level for the meeting, its agenda and its documents; public for
    what only the term's level governs), its texts per language, and all of them folded
    (lower case, no accents) in ``folded``, which the full-text index reads.

    And the row it was made from (``source``, ``source_row``: an agenda item's entry and its
    documents' come from the agenda node); a row's entries are written together, and written
    again when its stamp (``IndexedRow``) is no longer the same."""

    term = models.ForeignKey("plans.Term", models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=200)
    meeting_key = models.CharField(_("meeting"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    visibility = visibility_field(Visibility.PUBLIC)
    texts = models.JSONField(_("texts by language"))
    folded = models.TextField(_("folded text"))
    source = models.CharField(_("made from"), max_length=16, choices=Source.choices)
    source_row = models.PositiveBigIntegerField(_("row made from"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "kind", "key"], name="search_entry_one_per_key"
            ),
        )
        indexes = (
            models.Index(fields=["term", "source", "source_row"], name="search_entry_source"),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class IndexedRow(models.Model):
    """A row that a term's entries were made from (with those it reads: an agenda node its
    meeting's date and level) and its stamp then (``index._Stamp``: what it held on SQLite, its
    version on PostgreSQL). A table of its own, narrow, so that comparing a long term's stamps
    reads little (the entries are wide: texts in four languages)."""

    term = models.ForeignKey("plans.Term", models.CASCADE, related_name="+")
    source = models.CharField(_("made from"), max_length=16, choices=Source.choices)
    source_row = models.PositiveBigIntegerField(_("row made from"))
    stamp = models.TextField(_("stamp"))

    class Meta:
        verbose_name = _("indexed row")
        verbose_name_plural = _("indexed rows")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "source", "source_row"], name="search_indexed_row_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.source} {self.source_row}"
