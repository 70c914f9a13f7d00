from typing import Any

from django.contrib import admin
from django.db.models import QuerySet

from .admin_visibility import VisibilityScopedAdmin, draft_seen_slugs
from .models import AuditRecord, Membership, Publication
from .policy import is_administrator


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

    def get_queryset(self, request: Any) -> QuerySet[AuditRecord]:
        # Records keep objects before and after, drafts included: they are for those who see
        # the term's drafts (as its history page is), the rest for administrators.
        rows: QuerySet[AuditRecord] = super().get_queryset(request)
        if is_administrator(request.user):
            return rows
        return rows.filter(term_slug__in=draft_seen_slugs(request.user))

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Publication)
class PublicationAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: a term is published or withdrawn from its page, which records who did it."""

    list_display = ("term", "visibility", "changed_at", "changed_by")
    readonly_fields = ("term", "visibility", "version", "changed_at", "changed_by")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
