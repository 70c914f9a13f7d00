"""The reports in the admin, narrowed as on the pages: the secretariat (and administrators)
see every state's, a delegation member given staff status its own state's, other staff none."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from comitia.web.access.policy import member_state

from .models import Contact, Delegation, RatesPublication, Reminder, Submission
from .visibility import sees_every_state


class StateScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    state_path = "state"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows: QuerySet[Any] = super().get_queryset(request)
        if sees_every_state(request.user):
            return rows
        state = member_state(request.user)
        return rows.filter(**{self.state_path: state}) if state else rows.none()


@admin.register(Submission)
class SubmissionAdmin(StateScopedAdmin):
    list_display = ("state", "obligation", "cycle", "received", "symbol", "recorded_by")
    list_filter = ("cycle", "state")
    search_fields = ("symbol", "obligation__key")
    raw_id_fields = ("obligation",)
    readonly_fields = ("recorded_by", "recorded_at")


@admin.register(Contact)
class ContactAdmin(StateScopedAdmin):
    list_display = ("state", "topic", "name", "email", "since", "example")
    list_filter = ("state", "example")
    search_fields = ("name", "email", "institution")


@admin.register(Delegation)
class DelegationAdmin(StateScopedAdmin):
    list_display = ("state", "language")
    exclude = ("feed_digest",)


@admin.register(Reminder)
class ReminderAdmin(StateScopedAdmin):
    list_display = ("day", "state", "obligation", "cycle", "kind", "sent_at")
    list_filter = ("kind", "day")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a record of what was sent


@admin.register(RatesPublication)
class RatesPublicationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("term", "published")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows: QuerySet[Any] = super().get_queryset(request)
        return rows if sees_every_state(request.user) else rows.none()
