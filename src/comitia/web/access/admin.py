from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import ApiToken, AuditRecord, Membership, SignInLock
from .policy import draft_seen_slugs, is_administrator
from .throttle import current_locks, lift_lock
from .tokens import issue_token, revoke_token

# The admin speaks of Comitia, in the reader's language, not of Django.
admin.site.site_header = gettext_lazy("Comitia administration")
admin.site.site_title = gettext_lazy("Comitia admin")
admin.site.index_title = gettext_lazy("What Comitia stores")


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


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Administrators make a token (its key is shown once, on the next page) and revoke it."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "user__username", "prefix")
    fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    actions = ("revoke",)

    def has_module_permission(self, request: Any) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request: Any) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # a token is revoked and replaced, never changed

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # revoked tokens stay, as a record of what was used

    def save_model(self, request: Any, obj: ApiToken, form: Any, change: bool) -> None:
        key = issue_token(obj, request.user)
        self.message_user(
            request,
            _("The key of %(token)s, shown only now; copy it for the script: %(key)s")
            % {"token": obj.name, "key": key},
            messages.WARNING,
        )

    @admin.action(description=gettext_lazy("Revoke the selected tokens"))
    def revoke(self, request: Any, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            revoke_token(token, request.user)


@admin.register(SignInLock)
class SignInLockAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Administrators see which user names are refused sign-in from which address, until
    when, and lift a lock (recorded in the audit trail). Locks that have ended are not shown."""

    list_display = ("username", "address", "locked_at", "until")
    search_fields = ("username", "address")
    fields = ("username", "address", "locked_at", "until")
    readonly_fields = fields
    actions = ("lift",)

    def get_queryset(self, request: Any) -> QuerySet[SignInLock]:
        return current_locks()

    def has_module_permission(self, request: Any) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request: Any) -> bool:
        return False  # locks come from failed sign-ins only

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # lifted with the action, which records who lifted it

    @admin.action(description=gettext_lazy("Lift the selected locks"))
    def lift(self, request: Any, queryset: QuerySet[SignInLock]) -> None:
        locks = list(queryset)
        for lock in locks:
            lift_lock(lock, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d lock lifted: that user name may sign in again from that address.",
                "%(count)d locks lifted: those user names may sign in again from those addresses.",
                len(locks),
            )
            % {"count": len(locks)},
            messages.SUCCESS,
        )
