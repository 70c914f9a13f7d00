from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet

from comitia.web.access.policy import draft_seen_slugs, member_state
from comitia.web.publication.admin_visibility import VisibilityScopedAdmin

from .models import Proposal


@admin.register(Proposal)
class ProposalAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: proposals are made and decided on the meeting's proposals page (audited).
    A delegation member given staff status sees only its own state's proposals, on meetings
    it may see; other staff without the term's drafts see none."""

    term_path = "meeting__term"
    level_path = "meeting__visibility"

    list_display = ("meeting", "member_state", "kind", "topic", "name", "status")
    list_filter = ("status", "kind", "member_state")
    readonly_fields = tuple(f.name for f in Proposal._meta.fields)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: Any) -> QuerySet[Proposal]:
        # Proposals are never public: besides those who see the term's drafts, a delegation
        # sees its own state's, and nobody else any.
        rows: QuerySet[Proposal] = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        state = member_state(request.user)
        own = Q(member_state=state) if state is not None else Q(pk__in=[])
        return rows.filter(own | Q(meeting__term__slug__in=draft_seen_slugs(request.user)))
