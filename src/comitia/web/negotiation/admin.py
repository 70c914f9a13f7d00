from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet

from comitia.web.access.policy import draft_seen_slugs, member_state

from .models import Amendment


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: amendments are proposed and decided on the draft's page (audited). Besides
    those who see the term's drafts, a delegation member given staff status sees its own
    state's amendments, and nobody else any."""

    list_display = ("paragraph", "member_state", "kind", "language", "status", "shared_at")
    list_filter = ("status", "kind", "language", "member_state")
    readonly_fields = tuple(f.name for f in Amendment._meta.fields)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: Any) -> QuerySet[Amendment]:
        rows: QuerySet[Amendment] = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        state = member_state(request.user)
        own = Q(member_state=state) if state is not None else Q(pk__in=[])
        drafts = Q(paragraph__resolution__term__slug__in=draft_seen_slugs(request.user))
        return rows.filter(own | drafts)
