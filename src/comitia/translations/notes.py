"""Where a text sits, worded in the translator's language for the note of its XLIFF unit.

The wording comes from the core's catalog (``comitia.catalog``), dates from Babel, so a note
reads "Meeting of October 24, 2019, agenda item 3.2.1; title" in English and "Reunión del 24 de
octubre de 2019, tema 3.2.1 del orden del día; título" in Spanish.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext

from babel.dates import format_date

from comitia import catalog
from comitia.translations.texts import Where

# Each message is marked for extraction by being written here as a literal (N_ does nothing).


def N_(message: str) -> str:
    return message


_PLACES = {
    "document": N_("The document"),
    "body": N_("Body {label}"),
    "officer": N_("Officer {label}"),
    "thematic_area": N_("Thematic area {label}"),
    "mandate": N_("Mandate {label}"),
    "requested_event": N_("Requested event {label}"),
    "meeting": N_("Meeting of {date}"),
    "activity": N_("Activity {label}"),
    "non_meeting_day": N_("Day without meetings, {date}"),
    "obligation": N_("Reporting obligation {label}"),
    "appropriation": N_("Appropriation {label}"),
    "count_claim": N_("Count stated in the document ({label})"),
    "summary_claim": N_("Entry {label} of the document’s summary"),
    "negotiation": N_("The negotiation"),
    "milestone": N_("Milestone {label} of the negotiation"),
}
_AGENDA = N_("{place}, agenda item {number}")
_FIELD = N_("{place}; {field}")
_FIELDS = {
    "title": N_("title"),
    "name": N_("name"),
    "acronym": N_("acronym"),
    "venue": N_("venue"),
    "notes": N_("note"),
    "honorific": N_("honorific"),
    "position": N_("position"),
    "reason": N_("reason"),
    "request": N_("request"),
    "text": N_("sentence"),
    "basis_title": N_("title of the basis"),
}


@functools.cache
def catalog_for(lang: str) -> gettext.NullTranslations:
    try:
        return catalog.translations(lang)
    except FileNotFoundError:
        return gettext.NullTranslations()


@functools.cache
def _date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=lang)


def describe(where: Where, lang: str) -> str:
    """Where the text sits, in ``lang`` (English for a language without a catalog)."""
    t = catalog_for(lang).gettext
    date = _date(where.day, lang) if where.day else ""
    place = t(_PLACES[where.kind]).format(label=where.label or "", date=date)
    if where.agenda is not None:
        place = t(_AGENDA).format(place=place, number=where.agenda)
    field = _FIELDS.get(where.field)
    return t(_FIELD).format(place=place, field=t(field)) if field else place
