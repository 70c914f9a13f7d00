from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet

from comitia.web.access.admin_visibility import VisibilityScopedAdmin, draft_seen_slugs
from comitia.web.access.policy import member_state

from .models import Proposal


@admin.register(Proposal)
class ProposalAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: proposals are made and decided on the meeting's proposals page (audited).
    A delegation member given staff status sees only its own state's proposals, on meetings
    it may see."""

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
        rows: QuerySet[Proposal] = super().get_queryset(request)
        state = member_state(request.user)
        if state is not None and not request.user.is_superuser:
            rows = rows.filter(
                Q(member_state=state) | Q(meeting__term__slug__in=draft_seen_slugs(request.user))
            )
        return rows
