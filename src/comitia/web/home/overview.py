"""What the home page shows of a term, as lines of plain data (no Django): the bureau, the
meetings month by month, the term's name.

``reading`` reads these lines from the database; keeping their types and the shared helpers
apart (no Django) lets the calendar pages, the checks' pages and the API use them too.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from itertools import groupby

from babel.dates import format_date

from comitia.plan import Language, Plan, Text
from comitia.render.outline import Shown

# Text as shown in one language, its original language marked when it falls back to it: the
# type of the agenda outline (comitia.render.outline) too.
LocalText = Shown


@dataclass(frozen=True)
class OfficerLine:
    role: str
    person: str
    honorific: LocalText | None
    state: str
    elected_on: str


@dataclass(frozen=True)
class MeetingLine:
    id: str
    day: str
    iso_date: str
    start: str
    end: str
    title: LocalText | None
    kind: str
    status: str
    provisional: bool
    earlier_dates: list[str]
    venue: LocalText | None
    areas: list[LocalText]
    agenda_size: int
    moved: str = ""  # the earlier dates as one chain (comitia.web.home.moves)


@dataclass(frozen=True)
class Month:
    label: str
    meetings: list[MeetingLine]


def group_by_month(meetings: list[MeetingLine], lang: str) -> list[Month]:
    """``meetings`` (in date order) grouped by month, each month named in ``lang``."""

    def month_key(line: MeetingLine) -> tuple[int, int]:
        return int(line.iso_date[:4]), int(line.iso_date[5:7])

    return [
        Month(label=month_label(year, month, lang), meetings=list(group))
        for (year, month), group in groupby(meetings, key=month_key)
    ]


@functools.lru_cache(maxsize=2048)
def month_label(year: int, month: int, lang: str) -> str:
    """ "Octobre 2019": the month and year as a heading in ``lang``."""
    return format_date(dt.date(year, month, 1), "LLLL y", locale=lang).capitalize()


def display_language(lang: str) -> str:
    """The plan language closest to Django's active language code (pt-br → pt)."""
    code = lang.split("-")[0].lower()
    return code if code in {language.value for language in Language} else Language.EN.value


def term_name(plan: Plan, lang: str) -> str:
    """The term as pages name it: the committee's acronym (or name) and the term's label,
    "CSH 2019-2020"."""
    committee = plan.body(plan.term.committee)
    return named_term(committee.acronym, committee.name, plan.term.label, lang)


def named_term(acronym: Text | None, name: Text, label: str, lang: str) -> str:
    """The name ``term_name`` gives to the term ``label`` of a committee with ``acronym`` (or
    without one) and ``name``."""
    short = acronym if acronym is not None else name
    return f"{LocalText.of(short, lang).text} {label}"
