"""Changes made in the Django admin go to the audit trail too, bulk deletions one row each.

``AuditedAdmin`` is mixed into the plan's model admins: saving records the object before and
after (and raises its ``version``, so an editing page opened before refuses its stale form);
deleting, one object or a selection, records each object before it goes.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from . import audit, versions


def _term_slug(obj: Any) -> str:
    term = getattr(obj, "term", None)
    if term is not None:
        return str(term.slug)
    return str(getattr(obj, "slug", ""))


class AuditedAdmin:
    """Mix in before ``admin.ModelAdmin``."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            before = None
            if change and obj.pk is not None:
                stored = type(obj)._default_manager.filter(pk=obj.pk).first()
                before = audit.snapshot(stored)
                if hasattr(obj, "version"):
                    versions.claim(obj, None)
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            after = audit.snapshot(type(obj)._default_manager.get(pk=obj.pk))
            audit.record(
                request.user,
                "admin edit" if change else "admin add",
                obj,
                before=before,
                after=after,
                term_slug=_term_slug(obj),
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            _record_deletion(request, obj)
            super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                _record_deletion(request, obj)
            super().delete_queryset(request, queryset)  # type: ignore[misc]


def _record_deletion(request: HttpRequest, obj: Any) -> None:
    audit.record(
        request.user,
        "admin delete",
        obj,
        before=audit.snapshot(obj),
        after=None,
        term_slug=_term_slug(obj),
    )
