"""Names of the calendar's choices in the reader's language (Django's gettext)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def meeting_kind_names() -> dict[str, str]:
    return {
        "regular": _("Regular meeting"),
        "special": _("Special meeting"),
        "ga_requested": _("Meeting requested by the General Assembly"),
        "joint": _("Joint meeting"),
    }


def status_names() -> dict[str, str]:
    return {
        "scheduled": _("Scheduled"),
        "provisional": _("Provisional date"),
        "held": _("Held"),
        "cancelled": _("Cancelled"),
    }


def agenda_kind_names() -> dict[str, str]:
    return {"area": _("Thematic area"), "topic": _("Topic"), "item": _("Item")}
