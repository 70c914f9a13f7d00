"""The feed's own words, in English here and translated by the core's catalog (comitia.catalog).

Dates inside these phrases are printed by ``comitia.dates``; only the connecting words live here.
The names of the kinds of meeting are the catalog's own (``comitia.catalog.MEETING_KINDS``).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from comitia import catalog
from comitia.catalog import N_


@dataclass(frozen=True)
class Wording:
    meeting_kinds: dict[str, str]
    provisional: str
    cancelled: str
    to_be_confirmed: str
    deadline: str
    agenda: str
    venue: str
    initially_scheduled: str
    then_moved: str
    reason: str
    presented_by: str
    documents: str
    paragraphs: str
    article: str
    more: str
    how_to_send: str
    basis: str
    calendar_name: str
    deadlines_calendar_name: str
    organization_calendar_name: str
    state_calendar_name: str


# The English words, which are the catalog's msgids.
ENGLISH = Wording(
    meeting_kinds=dict(catalog.MEETING_KINDS),
    provisional=N_("provisional date"),
    cancelled=N_("CANCELLED"),
    to_be_confirmed=N_("date to be confirmed: {period}"),
    deadline=N_("Deadline: {title}"),
    agenda=N_("Agenda"),
    venue=N_("Venue"),
    initially_scheduled=N_("Initially scheduled for {date}"),
    then_moved=N_("Then moved to {date}"),
    reason=N_("reason: {reason}"),
    # Each presenter comes with its preposition and article ("by the SSM", "par la JID").
    presented_by=N_("presented {presenters}"),
    documents=N_("documents"),
    paragraphs=N_("paragraphs"),
    article=N_("article"),
    more=N_("Details"),
    how_to_send=N_("How to send it"),
    basis=N_("Basis"),
    calendar_name=N_("{committee} {label}: calendar"),
    deadlines_calendar_name=N_("{committee} {label}: calendar and reporting deadlines"),
    organization_calendar_name=N_("{organization}: calendar of all committees"),
    state_calendar_name=N_(
        "{organization}: all committees, with the reporting deadlines of {state}"
    ),
)


@functools.cache
def wording(lang: str) -> Wording:
    """The feed's words in ``lang``; KeyError names the languages there are."""
    if lang not in catalog.LANGUAGES:
        raise KeyError(f"no feed wording for {lang!r}; there is {sorted(catalog.LANGUAGES)}")
    gettext = catalog.translations(lang).gettext
    words = {
        field.name: gettext(getattr(ENGLISH, field.name))
        for field in dataclasses.fields(Wording)
        if field.name != "meeting_kinds"
    }
    kinds = {kind: gettext(message) for kind, message in ENGLISH.meeting_kinds.items()}
    return Wording(meeting_kinds=kinds, **words)
