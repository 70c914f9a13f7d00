"""How the pages word a meeting's earlier dates: one chain, as the model document does.

A meeting moved 14 → 16 → 12 May was "initially scheduled for 14 May, then moved to 16 May":
the first earlier date opens the chain, each later one continues it (the meeting's own date is
shown beside). The dates are printed by ``comitia.dates`` in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from comitia.dates import format_day


def moved_steps(days: Sequence[dt.date], lang: str) -> list[str]:
    """One phrase per earlier date, in order: "initially scheduled for …", then "then moved
    to …" for each later one (the meeting page shows each with its reason)."""
    steps = []
    for i, day in enumerate(days):
        printed = format_day(day, lang)
        if i == 0:
            steps.append(_("initially scheduled for %(day)s") % {"day": printed})
        else:
            steps.append(_("then moved to %(day)s") % {"day": printed})
    return steps


def moved_note(days: Sequence[dt.date], lang: str) -> str:
    """The earlier dates as one phrase ("" when the meeting never moved)."""
    return ", ".join(moved_steps(days, lang))
