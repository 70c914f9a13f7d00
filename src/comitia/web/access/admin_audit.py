"""Changes made in the Django admin go to the audit trail too, bulk deletions one row each.

``AuditedAdmin`` is mixed into the plan's model admins: saving records the object before and
after (and raises its ``version``, so an editing page opened before refuses its stale form);
rows edited inline are recorded and raise their own version the same way; deleting, one object
or a selection, records each object before it goes.
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

    def prepare_inline_row(self, form: Any, row: Any) -> None:
        """Complete a row added or changed inline before it is saved (nothing by default)."""

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Rows edited inline are recorded and raise their own version, as if edited alone."""
        with transaction.atomic():
            for row in formset.save(commit=False):
                self.prepare_inline_row(form, row)
                before = None
                if not row._state.adding:
                    before = audit.snapshot(type(row)._default_manager.filter(pk=row.pk).first())
                    if set(audit.changed_fields(before, audit.snapshot(row))) <= {"version"}:
                        continue  # resubmitted as shown: nothing to record or raise
                    if hasattr(row, "version"):
                        versions.claim(row, None)
                row.save()
                audit.record(
                    request.user,
                    "admin edit" if before is not None else "admin add",
                    row,
                    before=before,
                    after=audit.snapshot(row),
                    term_slug=_term_slug(row) or _term_slug(form.instance),
                )
            for row in formset.deleted_objects:
                _record_deletion(request, row)
                row.delete()
            formset.save_m2m()

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
