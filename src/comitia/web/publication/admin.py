"""The admin of publications, and of the plans' rows (``admin_plans``), which it scopes by
visibility: the plans app sits below publication and access, so its admin lives here."""

from typing import Any

from django.contrib import admin

from . import admin_plans  # noqa: F401  (registers the plans' models)
from .admin_visibility import VisibilityScopedAdmin
from .models import Publication


@admin.register(Publication)
class PublicationAdmin(VisibilityScopedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: a term is published or withdrawn from its page, which records who did it."""

    list_display = ("term", "visibility", "changed_at", "changed_by")
    readonly_fields = ("term", "visibility", "version", "changed_at", "changed_by")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
