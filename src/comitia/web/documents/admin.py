from django.contrib import admin

from comitia.web.documents.models import Revision


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Revisions are read only: they are approved from the plan page or the command."""

    list_display = ("term_slug", "number", "symbol", "approved_on", "approved_by")
    list_filter = ("term_slug",)
    readonly_fields = tuple(f.name for f in Revision._meta.fields)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
