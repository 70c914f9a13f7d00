from django.contrib import admin

from comitia.web.documents.models import Revision
from comitia.web.publication.admin_visibility import VisibilityScopedAdmin


@admin.register(Revision)
class RevisionAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Revisions are read only: they are approved from the plan page or the command, and
    published from the plan page."""

    term_path = "term_slug"
    level_path = "visibility"

    list_display = (
        "term_slug",
        "number",
        "symbol",
        "approved_on",
        "approved_by",
        "visibility",
    )
    list_filter = ("term_slug",)
    readonly_fields = tuple(f.name for f in Revision._meta.fields)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
