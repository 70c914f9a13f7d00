"""A member state's private calendar of reporting deadlines, with alarms before each.

Served at an address with the state's revocable key (``operations.issue_feed_key``): the
deadlines of every term shared with member states (what its delegation sees), for the cycles
due within each term, of the obligations the state owes, in the language its delegation chose.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from comitia.plan import Text, state_name
from comitia.render.ics.deadlines import Deadline, deadlines_calendar
from comitia.web.levels import Visibility, seen_at
from comitia.web.plans import models as m
from comitia.web.publication.visibility import term_visibility, with_visibility

from .models import Delegation
from .reading import obligation_rows, received_reports


def state_feed(state: str, *, today: dt.date) -> bytes:
    lang = Delegation.objects.filter(state=state).values_list("language", flat=True).first() or "en"
    deadlines = []
    with override(lang):
        for term in with_visibility(m.Term.objects.all()):
            if not seen_at(term_visibility(term), Visibility.MEMBER_STATES):
                continue
            received = received_reports(term, states=[state])
            for row in obligation_rows(term):
                if not row.cycle.owed_by(state):
                    continue
                for year in range(term.start.year, term.end.year + 1):
                    due = row.cycle.deadline(year)
                    if due is None or not term.start <= due <= term.end:
                        continue
                    title = Text.model_validate(row.obligation.title).get(lang)[0]
                    got = received.get((row.obligation.pk, state, year))
                    lines = [
                        _("Received on %(day)s.") % {"day": got.day.isoformat()}
                        if got
                        else _("Not received yet.")
                    ]
                    if row.obligation.channel:
                        lines.append(
                            _("How to send it: %(channel)s") % {"channel": row.obligation.channel}
                        )
                    deadlines.append(
                        Deadline(
                            uid=f"{term.slug}-{row.obligation.key}-{year}-{state.lower()}@comitia",
                            due=due,
                            summary=_("Report due: %(title)s (%(year)d)")
                            % {"title": title, "year": year},
                            description="\n".join(lines),
                            alarms=[*row.cycle.remind_before, 0],
                        )
                    )
        name = _("Reporting deadlines: %(state)s") % {"state": state_name(state, lang)}
    deadlines.sort(key=lambda d: (d.due, d.uid))
    return deadlines_calendar(
        deadlines, name=name, stamp=timezone.now().replace(microsecond=0), lang=lang
    )
