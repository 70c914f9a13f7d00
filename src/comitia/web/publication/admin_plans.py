"""The Django admin of stored plans, for the secretariat's staff.

Every list and change page shows only the rows the user may see (``VisibilityScopedAdmin``).
Multilingual text is edited as JSON (``{"fr": "…", "en": "…"}``, original first), and no text
may hold an unfit character (``FitTextModelForm``). The first and last day of a fuzzy date are
derived from its EDTF text on save and shown read-only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from comitia.web.access.admin_audit import AuditedAdmin
from comitia.web.plans import models as m
from comitia.web.plans.forms import FitTextModelForm
from comitia.web.publication.admin_visibility import VisibilityScopedAdmin, VisibilityScopedInline


def _first(text: dict[str, str] | None) -> str:
    return next(iter(text.values())) if text else ""


class TermScopedAdmin(VisibilityScopedAdmin, AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Lists rows of every term the user may see, filtered by term, with foreign keys as raw
    ids: a choice list would offer the bodies and meetings of every term. Changes go to the
    audit trail."""

    form = FitTextModelForm
    list_filter: ClassVar[tuple[Any, ...]] = ("term",)
    list_select_related: ClassVar[tuple[str, ...]] = ("term",)

    def get_raw_id_fields(self, request: HttpRequest) -> tuple[str, ...]:
        return tuple(
            field.name
            for field in self.model._meta.get_fields()
            if field.many_to_one and field.name != "term"
        )

    def prepare_inline_row(self, form: Any, row: Any) -> None:
        """Rows added inline (agenda nodes, citations) belong to their parent's term."""
        if hasattr(row, "term_id") and row.term_id is None:
            row.term_id = form.instance.term_id


class OfficerInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.Officer
    extra = 0
    fields = ("position", "role", "person", "state", "elected_on", "elected_by")
    raw_id_fields = ("elected_by",)


class DocumentInline(VisibilityScopedInline, admin.StackedInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.PlanDocument
    level_path = "visibility"
    extra = 0
    raw_id_fields = ("approved_by",)


@admin.register(m.Term)
class TermAdmin(VisibilityScopedAdmin, AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "pk"

    list_display = ("slug", "label", "committee", "start", "end", "language")
    search_fields = ("slug", "label")
    date_hierarchy = "start"
    raw_id_fields = ("committee", "installed_by")
    inlines = (DocumentInline, OfficerInline)


@admin.register(m.PlanDocument)
class PlanDocumentAdmin(TermScopedAdmin):
    level_path = "visibility"
    list_display = ("symbol", "term", "revision", "approved_on")
    search_fields = ("symbol",)


@admin.register(m.Body)
class BodyAdmin(TermScopedAdmin):
    list_display = ("key", "__str__", "term", "parent")
    search_fields = ("key", "acronym", "name")


@admin.register(m.Officer)
class OfficerAdmin(TermScopedAdmin):
    list_display = ("person", "role", "state", "term", "elected_on")
    list_filter = ("term", "role", "state")
    search_fields = ("person",)


@admin.register(m.ThematicArea)
class ThematicAreaAdmin(TermScopedAdmin):
    list_display = ("number", "__str__", "key", "term")
    search_fields = ("key", "title")


@admin.register(m.Mandate)
class MandateAdmin(TermScopedAdmin):
    list_display = ("key", "source", "article", "group", "area", "term")
    list_filter = ("term", "group", "area")
    search_fields = ("key", "source", "title")


class PreviousDateInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.PreviousDate
    extra = 0


class AgendaNodeInline(admin.TabularInline):  # type: ignore[type-arg]
    """The meeting's agenda, in tree order; a node's parent is another node of this meeting."""

    form = FitTextModelForm
    model = m.AgendaNode
    extra = 0
    fields = ("parent", "depth", "position", "kind", "area", "title", "documents")
    raw_id_fields = ("parent", "area")
    ordering = ("depth", "parent_id", "position")


@admin.register(m.Meeting)
class MeetingAdmin(TermScopedAdmin):
    level_path = "visibility"
    list_display = ("date", "start", "end", "key", "title_text", "kind", "status", "provisional")
    list_filter = ("term", "kind", "status", "provisional")
    search_fields = ("key", "title", "notes")
    date_hierarchy = "date"
    inlines = (PreviousDateInline, AgendaNodeInline)

    @admin.display(description=_("title"))
    def title_text(self, meeting: m.Meeting) -> str:
        return _first(meeting.title)


class PresenterInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.AgendaPresenter
    extra = 0
    raw_id_fields = ("body",)


class CitationInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.Citation
    extra = 0
    fields = ("position", "mandate", "symbol", "paragraphs", "article")
    raw_id_fields = ("mandate",)


class NodeCitationInline(CitationInline):
    fk_name = "node"


@admin.register(m.AgendaNode)
class AgendaNodeAdmin(TermScopedAdmin):
    level_path = "meeting__visibility"
    list_display = ("__str__", "meeting", "kind", "depth", "position")
    list_filter = ("term", "kind", "depth")
    list_select_related = ("term", "meeting", "area")
    search_fields = ("title", "documents")
    inlines = (PresenterInline, NodeCitationInline)


class ActivityCitationInline(CitationInline):
    fk_name = "activity"


@admin.register(m.Activity)
class ActivityAdmin(TermScopedAdmin):
    list_display = ("when", "title_text", "body", "provisional", "when_first", "when_last")
    list_filter = ("term", "provisional", "body")
    search_fields = ("key", "title", "when")
    readonly_fields = ("when_first", "when_last", "provisional")
    inlines = (ActivityCitationInline,)

    @admin.display(description=_("title"), ordering="title")
    def title_text(self, activity: m.Activity) -> str:
        return _first(activity.title)


@admin.register(m.RequestedEvent)
class RequestedEventAdmin(TermScopedAdmin):
    level_path = "meeting__visibility"
    optional_level = True
    list_display = ("when", "__str__", "meeting", "activity", "term")
    search_fields = ("key", "title")
    readonly_fields = ("when_first", "when_last")


@admin.register(m.Citation)
class CitationAdmin(TermScopedAdmin):
    level_path = "node__meeting__visibility"
    optional_level = True
    list_display = ("__str__", "mandate", "node", "activity", "requested_event", "term")
    search_fields = ("symbol", "mandate__source")


@admin.register(m.NonMeetingDay)
class NonMeetingDayAdmin(TermScopedAdmin):
    list_display = ("date", "__str__", "term")
    date_hierarchy = "date"


class SubmissionInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.Submission
    extra = 0


@admin.register(m.Convention)
class ConventionAdmin(TermScopedAdmin):
    """The secretariat keeps each convention's list of states parties here."""

    list_display = ("__str__", "key", "illustrative", "term")
    list_filter = ("term", "illustrative")
    search_fields = ("key", "title")


@admin.register(m.ReportingObligation)
class ReportingObligationAdmin(TermScopedAdmin):
    list_display = ("__str__", "frequency", "due", "parties", "submission_count", "term")
    list_filter = ("term", "frequency", "parties")
    search_fields = ("key", "title", "basis")
    inlines = (SubmissionInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[m.ReportingObligation]:
        rows: QuerySet[m.ReportingObligation] = super().get_queryset(request)
        return rows.annotate(submission_total=Count("submissions"))

    @admin.display(description=_("submissions"), ordering="submission_total")
    def submission_count(self, obligation: Any) -> int:
        return int(obligation.submission_total)


@admin.register(m.Submission)
class SubmissionAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "obligation__term"
    list_display = ("obligation", "state", "date", "reference")
    list_filter = ("obligation__term", "state")
    search_fields = ("reference", "obligation__key")
    raw_id_fields = ("obligation",)


@admin.register(m.Appropriation)
class AppropriationAdmin(TermScopedAdmin):
    list_display = ("period", "amount", "currency", "basis", "term")
    search_fields = ("key", "basis")
    readonly_fields = ("period_first", "period_last")


class MilestoneInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.Milestone
    extra = 0
    fields = ("position", "key", "kind", "title", "when", "meeting")
    raw_id_fields = ("meeting",)


@admin.register(m.Negotiation)
class NegotiationAdmin(TermScopedAdmin):
    list_display = ("__str__", "starts", "term")
    readonly_fields = ("starts_first", "starts_last")
    inlines = (MilestoneInline,)


@admin.register(m.Milestone)
class MilestoneAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "negotiation__term"
    level_path = "meeting__visibility"
    optional_level = True
    list_display = ("__str__", "kind", "when", "meeting", "negotiation")
    list_filter = ("negotiation__term", "kind")
    search_fields = ("key", "title")
    raw_id_fields = ("negotiation", "meeting")
    readonly_fields = ("when_first", "when_last")


@admin.register(m.PreviousDate)
class PreviousDateAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "meeting__term"
    level_path = "meeting__visibility"
    list_display = ("meeting", "date", "position")
    list_filter = ("meeting__term",)
    raw_id_fields = ("meeting",)


@admin.register(m.AgendaPresenter)
class AgendaPresenterAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "node__term"
    level_path = "node__meeting__visibility"
    list_display = ("body", "node", "position")
    list_filter = ("node__term",)
    raw_id_fields = ("node", "body")


class ResolutionSectionInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.ResolutionSection
    extra = 0
    fields = ("position", "key", "area", "title")
    raw_id_fields = ("area",)


@admin.register(m.Resolution)
class ResolutionAdmin(TermScopedAdmin):
    level_path = "visibility"
    list_display = ("__str__", "key", "state", "adopted_on", "term")
    list_filter = ("term", "state")
    search_fields = ("key", "symbol", "document_symbol")
    inlines = (ResolutionSectionInline,)


@admin.register(m.ResolutionSection)
class ResolutionSectionAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "resolution__term"
    level_path = "resolution__visibility"
    list_display = ("key", "resolution", "area", "position")
    list_filter = ("resolution__term",)
    raw_id_fields = ("resolution", "area")


@admin.register(m.Paragraph)
class ParagraphAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = FitTextModelForm
    term_path = "resolution__term"
    level_path = "resolution__visibility"
    list_display = ("number", "kind", "resolution", "section", "status", "assigned_to")
    list_filter = ("resolution__term", "kind", "status")
    search_fields = ("number",)
    raw_id_fields = ("resolution", "section", "assigned_to")


# -- the organization: rooms and interpretation teams that its committees share ---------------


class RoomInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.Room
    extra = 0
    fields = ("position", "key", "name", "capacity", "booths", "equipment", "unavailable")


class InterpretationTeamInline(admin.TabularInline):  # type: ignore[type-arg]
    form = FitTextModelForm
    model = m.InterpretationTeam
    extra = 0
    fields = ("position", "key", "name", "languages", "meetings_per_day", "unavailable")


@admin.register(m.Organization)
class OrganizationAdmin(AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """An organization and what its committees share; not part of any term, so not scoped by
    a term's visibility: who may change it is Django's permission on the model. Booths and
    languages are lists of codes (["en", "es"]), unavailable days lists of ISO dates."""

    form = FitTextModelForm
    list_display = ("key", "name_text", "timezone", "illustrative", "rooms_count", "teams_count")
    readonly_fields = ("version",)
    inlines = (RoomInline, InterpretationTeamInline)

    def get_queryset(self, request: HttpRequest) -> QuerySet[m.Organization]:
        rows: QuerySet[m.Organization] = super().get_queryset(request)
        return rows.annotate(
            room_count=Count("rooms", distinct=True), team_count=Count("teams", distinct=True)
        )

    @admin.display(description=_("name"))
    def name_text(self, organization: m.Organization) -> str:
        return _first(organization.name)

    @admin.display(description=_("rooms"))
    def rooms_count(self, organization: m.Organization) -> int:
        return int(getattr(organization, "room_count", 0))

    @admin.display(description=_("interpretation teams"))
    def teams_count(self, organization: m.Organization) -> int:
        return int(getattr(organization, "team_count", 0))
