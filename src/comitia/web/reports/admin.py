from django.contrib import admin

from .models import Contact, Delegation, RatesPublication, Reminder, Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("state", "obligation", "cycle", "received", "symbol", "recorded_by")
    list_filter = ("cycle", "state")
    search_fields = ("symbol", "obligation__key")
    raw_id_fields = ("obligation",)
    readonly_fields = ("recorded_by", "recorded_at")


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("state", "topic", "name", "email", "since", "example")
    list_filter = ("state", "example")
    search_fields = ("name", "email", "institution")


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ("state", "language")


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("day", "state", "obligation", "cycle", "kind", "sent_at")
    list_filter = ("kind", "day")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # a record of what was sent


admin.site.register(RatesPublication)
