"""The wording of findings: English templates here, their translations in the core's catalog.

``MESSAGES`` maps a rule code to its templates: ``message`` and ``hint``, and optionally
variants such as ``hint.moved`` that a finding selects with the ``variant`` value of its
parameters. ``LABELS`` words the enumerated values that messages quote. Templates are
``str.format`` strings over the finding's parameters, which are worded here in the reader's
language: days and fuzzy dates through :mod:`comitia.dates`, multilingual texts in the reader's
language (or their original), times as HH:MM.

The templates are the msgids of the core's gettext catalog (``comitia.catalog``): ``make
catalogs`` extracts them and their French, Spanish and Portuguese translations live in the
catalog's ``.po`` files, with every other fixed text of the core.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import gettext
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from comitia import articles, catalog
from comitia.budget.money import format_money
from comitia.dates import FuzzyDate, format_day
from comitia.plan import Text

# Templates are data, one a line, so that translators compare them with the catalog line by line.
# ruff: noqa: E501

LANGUAGES = catalog.LANGUAGES

# A language's name as a sentence quotes it, with its article in French ("le français").
LANGUAGE_CONTEXT = "language in a sentence"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is printed."""
    return message


def pN_(context: str, message: str) -> str:
    """Mark a message and its context for extraction."""
    return message


LABELS = {
    "hint": N_("hint:"),
    "summary": N_("{errors} error(s), {warnings} warning(s), {infos} information finding(s)"),
    "committee_meetings": N_("meetings of the committee"),
    "regular_meetings": N_("regular meetings"),
    "ga_requested_meetings": N_("meetings requested by the General Assembly"),
    "half_day_sessions": N_("half-day sessions"),
    "full_day_sessions": N_("full-day sessions"),
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("information"),
    "yearly": N_("yearly"),
    "biennial": N_("biennial"),
    "voluntary": N_("voluntary"),
    "standing": N_("standing"),
    "preambular": N_("of the preamble"),
    "operative": N_("of the operative part"),
    "proposed": N_("proposed"),
    "informal_consultations": N_("in informal consultations"),
    "agreed_ad_referendum": N_("agreed ad referendum"),
    "pending": N_("pending"),
    "none": N_("without a status"),
    "fr": pN_("language in a sentence", "French"),
    "en": pN_("language in a sentence", "English"),
    "es": pN_("language in a sentence", "Spanish"),
    "pt": pN_("language in a sentence", "Portuguese"),
}

MESSAGES: dict[str, dict[str, str]] = {
    "BUD001": {
        "message": N_(
            "The planned cost of the meetings in {period} ({planned}) exceeds the appropriation of {basis} ({appropriation}) by {over}."
        ),
        "hint": N_(
            "Move, shorten or cancel meetings in {period}, or state who pays for some of them."
        ),
    },
    "BUD002": {
        "message": N_(
            "The meeting on {date} has no cost rate for {period}: its cost is not counted."
        ),
        "message.period": N_(
            "The meeting on {date} falls in no budget period with an appropriation: its cost is counted nowhere."
        ),
        "hint": N_(
            "Add rates for the period (cost_rates), or state the meeting's cost (costing.override)."
        ),
        "hint.period": N_(
            "Add the appropriation for its period, or state who pays for the meeting (costing.paid_by)."
        ),
    },
    "CLM001": {
        "message": N_(
            "The summary lists a meeting of the committee on {date} ({title}) that the calendar does not have."
        ),
        "hint": N_("Add the meeting to the calendar, or remove the entry from the summary."),
        "hint.moved": N_(
            "The meeting of {meeting} was first planned for that day: the summary still shows the old date. Derive the summary from the calendar."
        ),
    },
    "CLM002": {
        "message": N_(
            "The calendar has a meeting of the committee on {date} that the summary does not list."
        ),
        "hint": N_(
            "Add the meeting to the summary (better: derive the summary from the calendar)."
        ),
    },
    "CLM003": {
        "message": N_("The summary dates “{title}” {claimed}, the calendar {actual}."),
        "hint": N_("Find out which date is right and correct the other."),
    },
    "CLM004": {
        "message": N_(
            "The summary lists “{title}” ({claimed}), which matches nothing in the calendar."
        ),
        "hint": N_("Add the event to the calendar, or remove it from the summary."),
    },
    "CLM005": {
        "message": N_("“{title}” on {date} is provisional in the calendar but not in the summary."),
        "message.added": N_(
            "“{title}” on {date} is provisional in the summary but not in the calendar."
        ),
        "hint": N_(
            "Mark the date the same way in both places: a provisional date must say so wherever it is printed."
        ),
    },
    "CLM006": {
        "message": N_("The document states {claimed} {what}, the calendar has {actual}."),
        "hint": N_("Correct the sentence “{text}”; counts are best derived from the calendar."),
        "hint.requested": N_(
            "Correct the sentence “{text}”. Events the General Assembly requested: {requested}; held as activities of other bodies, not as meetings of the committee: {activities}."
        ),
    },
    "DAT001": {
        "message": N_("The meeting on {date} is outside the term ({start} to {end})."),
        "hint": N_("Move the meeting into the term, or correct the term's dates."),
    },
    "DAT002": {
        "message": N_("“{title}” ({when}) falls outside the term ({start} to {end})."),
        "hint": N_("Check the date; an event after the term belongs in the next term's plan."),
    },
    "DAT003": {
        "message": N_("The meeting on {date} falls on a non-meeting day ({name})."),
        "hint": N_("Move the meeting to another day."),
    },
    "DAT004": {
        "message": N_("The meeting on {date} falls on a weekend."),
        "hint": N_("Check the date: the committee normally meets on working days."),
    },
    "DAT005": {
        "message": N_("Two meetings of the committee overlap on {date}: {first} and {second}."),
        "hint": N_("Move one of them, or change their hours so that they do not overlap."),
    },
    "DAT006": {
        "message": N_(
            "The meeting on {date} needs {body_the}, which holds “{title}” the same day."
        ),
        "hint": N_("Check that {body_the} can attend, or move the item or the meeting."),
    },
    "DAT007": {
        "message": N_("“{title}” ({when}) seems to be listed twice (also as “{other}”)."),
        "hint": N_("Remove one of the two entries."),
    },
    "DAT008": {
        "message": N_("The meeting on {date} lists its own date among its earlier dates."),
        "hint": N_(
            "An earlier date is the date a meeting was scheduled for before it moved: remove this one."
        ),
    },
    "DAT009": {
        "message": N_(
            "The meeting on {date} was moved from {previous}, yet another meeting is still planned on {previous}."
        ),
        "hint": N_(
            "Check the note on the move: if the meeting of {previous} is a new one, say so; otherwise correct the earlier date."
        ),
    },
    "DAT010": {
        "message": N_(
            "The meeting on {date} is still provisional, {days} days ahead (less than {weeks} weeks)."
        ),
        "hint": N_("Confirm the date or move the meeting, so that delegations can plan to attend."),
    },
    "DAT011": {
        "message": N_(
            "The item “{title}” of the meeting on {date} must follow the item “{earlier}”, which the meeting on {earlier_date} holds: its meeting must be on a later day."
        ),
        "hint": N_("Move one of the two meetings, or the item to a meeting after {earlier_date}."),
    },
    "WDY001": {
        "message": N_("The text “{text}” gives a wrong weekday: the day is {weekday}."),
        "hint": N_("Correct the weekday or the date."),
    },
    "REF001": {
        "message": N_(
            "An agenda item of the meeting on {date} cites paragraph {paragraph} of {source}, which was assigned to other bodies."
        ),
        "message.other": N_(
            "“{title}” cites paragraph {paragraph} of {source}, which was assigned to other bodies."
        ),
        "hint": N_("Remove the citation, or correct the paragraph number."),
    },
    "REF002": {
        "message": N_(
            "A citation gives “{paragraph}” as a paragraph, which is not a paragraph number."
        ),
        "hint": N_(
            "Write a paragraph as a number (12), a number and a letter (12 bis, 12a) or a range (9-14)."
        ),
    },
    "REF003": {
        "message": N_(
            "The item “{title}” on {date} names {acronym} as presenter, which is not a known body."
        ),
        "hint": N_("Correct the acronym in the title, or add the body to the plan."),
    },
    "REF004": {
        "message": N_("The document symbol “{symbol}” is malformed."),
        "message.year": N_("The document symbol “{symbol}” has an impossible year."),
        "message.session": N_(
            "The document symbol “{symbol}”: the session number does not match the year."
        ),
        "hint": N_(
            "Write symbols as the Organization does, such as CP/CSH-1933/19 rev. 2 or AG/RES. 2945 (XLIX-O/19)."
        ),
    },
    "COV001": {
        "message": N_("No meeting addresses the mandate “{title}”."),
        "hint": N_("Add an agenda item that cites the mandate, or note why it needs no meeting."),
    },
    "COV002": {
        "message": N_(
            "No meeting presents the annual report {body_of_the} due under the Charter ({source}, article {article})."
        ),
        "hint": N_("Add an item to a meeting's agenda that cites this mandate."),
    },
    "COV003": {
        "message": N_("The reporting obligation “{title}” has no date to remind states of."),
        "hint": N_(
            "A {frequency} obligation is due every other year from its reference year: give its reference_year in the plan (a year in which a report is due), or treat it as voluntary."
        ),
    },
    "COV004": {
        "message": N_(
            "The reporting obligation “{title}” is owed by the states parties to a convention, but no list of states parties is recorded: no state is shown as owing it or reminded of it."
        ),
        "hint": N_(
            "Enter the list of states parties of the convention (conventions, states_parties), or mark an example list as illustrative."
        ),
    },
    "RES001": {
        "message": N_(
            "No meeting addresses paragraphs {numbers} of {resolution}: {covered} of the {total} paragraphs the committee follows up are addressed."
        ),
        "hint": N_(
            "Add agenda items that cite these paragraphs, or note why they need no meeting."
        ),
    },
    "RES002": {
        "message": N_(
            "Paragraph {number} {kind} of the draft {resolution} has no lead delegation."
        ),
        "hint": N_(
            "Name the delegation that proposed the paragraph and leads its negotiation (leads)."
        ),
    },
    "RES003": {
        "message": N_(
            "The formal review ended on {date}, but paragraph {number} {kind} of the draft {resolution} is still {status}."
        ),
        "hint": N_(
            "Record the paragraph as agreed or withdrawn, or schedule another session of the formal review."
        ),
    },
    "RES004": {
        "message": N_("The section “{section}” of the draft {resolution} holds no paragraph."),
        "hint": N_("Add the section's paragraphs, or remove it."),
    },
    "NEG001": {
        "message": N_(
            "The first draft ({draft}) is planned before the methodology of the negotiation ({methodology})."
        ),
        "hint": N_("Present the methodology first, then the first draft."),
    },
    "NEG002": {
        "message": N_(
            "The formal review ({review}) begins before the first draft is presented ({draft})."
        ),
        "hint": N_("Present the first draft before the formal review begins."),
    },
    "NEG003": {
        "message": N_(
            "The negotiation plan announces {planned} {what} for the formal review ({when}), the calendar has {actual}."
        ),
        "hint": N_("Add the missing sessions to the calendar, or correct the plan."),
    },
    "NEG004": {
        "message": N_("The milestone “{title}” is dated {when}, but its meeting is on {date}."),
        "hint": N_("Correct the milestone's date or the meeting it names."),
    },
    "NEG005": {
        "message": N_(
            "The meeting on {date} takes up “{title}” during the formal review of the draft resolution ({when})."
        ),
        "hint": N_(
            "The formal review period is kept for the draft resolution: move the item, or say in the plan that the period is not exclusive."
        ),
    },
    "REQ001": {
        "message": N_("“{title}” is stated for {stated}, but is held {actual}."),
        "hint": N_("Correct the stated date."),
        "hint.moved": N_(
            "The meeting was moved from {stated}: update the date stated in the methodology."
        ),
    },
    "PLS001": {
        "message": N_(
            "What is planned on {date} runs from {start} to {end} ({hours} hours), longer than a working day."
        ),
        "hint": N_(
            "Check the times: a morning time may have been read as an afternoon one, or the event lasts several days."
        ),
    },
    "PLS002": {
        "message": N_("What is planned on {date} starts at {start}, before 07:00 or after 21:00."),
        "hint": N_("Check the time: a.m. and p.m. may have been mixed up."),
    },
    "PLS003": {
        "message": N_("The title “{title}” is only a number or a date."),
        "hint": N_(
            "Give the meeting, item or activity the title the document gives it; a number or date read as a title often comes from a table's column."
        ),
    },
    "ORG001": {
        "message": N_(
            "The {room} is booked twice on {date}: this meeting ({start}–{end}) and a meeting {other_of_the} ({other_start}–{other_end})."
        ),
        "message.hidden": N_(
            "The {room} is booked twice on {date}: this meeting ({start}–{end}) and a meeting not yet published ({other_start}–{other_end})."
        ),
        "hint": N_("Move one of the meetings, or hold it in another room."),
    },
    "ORG002": {
        "message": N_(
            "The interpretation team “{team}” is booked twice on {date}: this meeting ({start}–{end}) and a meeting {other_of_the} ({other_start}–{other_end})."
        ),
        "message.hidden": N_(
            "The interpretation team “{team}” is booked twice on {date}: this meeting ({start}–{end}) and a meeting not yet published ({other_start}–{other_end})."
        ),
        "hint": N_("Move one of the meetings, or book another team."),
    },
    "ORG003": {
        "message": N_(
            "The interpretation team “{team}” is booked for {count} meetings on {date}; it covers {limit} a day."
        ),
        "hint": N_("Move a meeting to another day, or book another team for it."),
    },
    "ORG004": {
        "message": N_(
            "The meeting on {date} is held in the {room}, which has no booth for {missing}."
        ),
        "hint": N_(
            "Hold it in a room with booths for all its languages, or hold it in fewer languages."
        ),
    },
    "ORG005": {
        "message": N_(
            "The meeting on {date} is interpreted by the team “{team}”, which does not interpret {missing}."
        ),
        "hint": N_("Book a team that interprets all the meeting's languages."),
    },
    "ORG006": {
        "message": N_("The meeting on {date} is in the {room}, which is unavailable that day."),
        "message.team": N_(
            "The meeting on {date} is interpreted by the team “{team}”, which is unavailable that day."
        ),
        "hint": N_("Move the meeting, or book another room or team."),
    },
    "ORG007": {
        "message": N_(
            "The meeting on {date} names the room “{id}”, which {organization} does not have."
        ),
        "message.team": N_(
            "The meeting on {date} names the interpretation team “{id}”, which {organization} does not have."
        ),
        "hint": N_("Correct the identifier, or add the room or team to the organization file."),
    },
}


_LANGUAGE_LABELS = frozenset(LANGUAGES)


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of en, fr, es, pt")
    return catalog.translations(lang)


def label(key: str, lang: str) -> str:
    """The label ``key`` of ``LABELS`` in ``lang``."""
    translations = _translations(lang)
    if key in _LANGUAGE_LABELS:
        return translations.pgettext(LANGUAGE_CONTEXT, LABELS[key])
    return translations.gettext(LABELS[key])


@dataclass(frozen=True)
class Weekday:
    """A day to be printed with its weekday ("jeudi 12 mars 2020")."""

    date: dt.date


@dataclass(frozen=True)
class BodyName:
    """A body named inside a sentence: ``printed`` (its acronym, say) with the article of
    ``full`` (its name). A template quotes it as ``{key}`` or, with its article, as
    ``{key_the}``, ``{key_of_the}``, ``{key_by_the}`` (see :mod:`comitia.articles`)."""

    printed: Text
    full: Text


@dataclass(frozen=True)
class Money:
    """An amount to be printed as the Organization prints it ("US$ 126 200", "US$126,200")."""

    amount: Decimal
    currency: str


def word(value: Any, lang: str) -> str:
    """One parameter of a message as text in ``lang``."""
    if isinstance(value, Weekday):
        return format_day(value.date, lang, weekday=True)
    if isinstance(value, Money):
        return format_money(value.amount, value.currency, lang)
    if isinstance(value, dt.date):
        return format_day(value, lang)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, FuzzyDate):
        return value.format(lang)
    if isinstance(value, Text):
        return value.get(lang)[0]
    if isinstance(value, enum.Enum):
        key = str(value.value)
        return label(key, lang) if key in LABELS else key
    if isinstance(value, list | tuple):
        return ", ".join(word(item, lang) for item in value)
    return str(value)


def render(code: str, part: str, params: Mapping[str, Any], lang: str) -> str:
    """The ``part`` ("message" or "hint") of rule ``code`` in ``lang``, filled with ``params``.

    Raise ``ValueError`` for a language other than en, fr, es and pt.
    """
    translations = _translations(lang)
    templates = MESSAGES[code]
    variant = params.get("variant")
    template = templates.get(f"{part}.{variant}", templates[part]) if variant else templates[part]
    text = translations.gettext(template)
    values: dict[str, str] = {}
    for key, value in params.items():
        if isinstance(value, BodyName):
            full, fallback = value.full.get(lang)
            name_lang = value.full.original.value if fallback else lang
            values |= articles.forms(key, value.printed.get(lang)[0], full, lang, name_lang)
        else:
            values[key] = word(value, lang)
    return text.format(**values)


def missing_templates() -> list[str]:
    """Every (language, code, part) that a rule needs and the catalog lacks, for the tests."""
    from comitia.checks.engine import iter_rules

    missing = []
    for lang in LANGUAGES:
        translations = _translations(lang)
        for r in iter_rules():
            for part in ("message", "hint"):
                template = MESSAGES.get(r.code, {}).get(part)
                if template is None or (
                    lang != "en" and translations.gettext(template) == template
                ):
                    missing.append(f"{lang} {r.code} {part}")
    return missing
