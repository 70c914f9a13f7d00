from typing import Any

from django.contrib import admin

from .models import Proposal


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: proposals are made and decided on the meeting's proposals page (audited)."""

    list_display = ("meeting", "member_state", "kind", "topic", "name", "status")
    list_filter = ("status", "kind", "member_state")
    readonly_fields = tuple(f.name for f in Proposal._meta.fields)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
