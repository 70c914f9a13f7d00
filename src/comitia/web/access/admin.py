from typing import Any

from django.contrib import admin

from .models import AuditRecord, Membership, Publication


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "role", "member_state", "committee", "term")
    list_filter = ("role",)
    search_fields = ("user__username", "member_state")


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: the trail is written by the operations and never changed."""

    list_display = ("at", "username", "action", "object_type", "object_id", "term_slug")
    list_filter = ("object_type", "action")
    readonly_fields = tuple(f.name for f in AuditRecord._meta.fields)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: a term is published or withdrawn from its page, which records who did it."""

    list_display = ("term", "published", "changed_at", "changed_by")
    readonly_fields = ("term", "published", "changed_at", "changed_by")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
