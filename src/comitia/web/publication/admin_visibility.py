"""The admin shows a staff user only the rows they may see.

Staff status and model permissions decide what someone may do in the admin; what they see of
the plans is still narrowed by ``visibility``: a delegation member or anyone else who may not
view a term's drafts, given ``is_staff``, finds no draft term, meeting or document in the
changelists, and a change page of one answers as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.db.models import QuerySet
from django.http import HttpRequest

from .visibility import visible_rows


class VisibilityScopedAdmin:
    """Mix in before ``admin.ModelAdmin``; say how a row leads to its term and its level."""

    term_path: str = "term"
    level_path: str | None = None
    optional_level: bool = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows: QuerySet[Any] = super().get_queryset(request)  # type: ignore[misc]
        return visible_rows(
            request.user,
            rows,
            term_path=self.term_path,
            level_path=self.level_path,
            optional_level=self.optional_level,
        )

    def get_list_filter(self, request: HttpRequest) -> Any:
        # A filter by a related row (a term, a body, a meeting) would list every row of that
        # model, drafts included; list only those of the rows shown.
        filters = []
        for entry in super().get_list_filter(request):  # type: ignore[misc]
            if isinstance(entry, str):
                field = get_fields_from_path(self.model, entry)[-1]  # type: ignore[attr-defined]
                if field.is_relation:
                    entry = (entry, admin.RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters


class VisibilityScopedInline(VisibilityScopedAdmin):
    """The same narrowing for an inline (mix in before ``admin.TabularInline``)."""

    def get_list_filter(self, request: HttpRequest) -> Any:
        return ()
