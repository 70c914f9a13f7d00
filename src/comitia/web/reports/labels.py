"""How statuses read on pages and exports: words in the reader's language, and a class for the
colour (never the colour alone: the word is always printed beside it)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from comitia.plan.reporting import Status

STATUS_WORDS: dict[Status, Promise] = {
    Status.ON_TIME: _("on time"),
    Status.LATE: _("late"),
    Status.DUE: _("due"),
    Status.OVERDUE: _("overdue"),
    Status.NOT_APPLICABLE: _("not applicable"),
    Status.VOLUNTARY: _("voluntary"),
}


def status_word(status: Status) -> str:
    return str(STATUS_WORDS[status])


def status_class(status: Status) -> str:
    """The CSS class of a status (``status-on_time`` ...), styled in reports.css."""
    return f"status-{status.value}"
