"""Names of the calendar's choices in the reader's language (Django's gettext).

The kinds of meeting are named by the core's catalog (``comitia.catalog``), which every
document, feed and glossary prints them from, so that "Regular meeting" is translated once.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comitia import catalog


def meeting_kind_names() -> dict[str, str]:
    code = (get_language() or "en").split("-")[0].lower()
    lang = code if code in catalog.LANGUAGES else "en"
    return {kind: catalog.meeting_kind_name(kind, lang) for kind in catalog.MEETING_KINDS}


def status_names() -> dict[str, str]:
    return {
        "scheduled": _("Scheduled"),
        "provisional": _("Provisional date"),
        "held": _("Held"),
        "cancelled": _("Cancelled"),
    }


def agenda_kind_names() -> dict[str, str]:
    return {"area": _("Thematic area"), "topic": _("Topic"), "item": _("Item")}
