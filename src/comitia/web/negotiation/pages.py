"""What the draft's page shows, as lines of plain data built from the plan and the amendments.

The text of each paragraph is shown in the reader's language, or in its original language
marked so (``Shown``); its pending passages as runs (``bracketed_runs``) that the template
prints in brackets. An amendment is shown as the word-level difference between the text it
amended and the text it proposes, its pending passages printed in brackets as the paragraph's
are, never as the data's ``[[…]]`` (``comitia.revisions.resolutions.marked_diff``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from comitia.checks.coverage import ParagraphCoverage
from comitia.plan import Paragraph, ParagraphStatus, Plan, Resolution, Run, bracketed_runs
from comitia.plan.resolutions import BracketError
from comitia.plan.states import state_name
from comitia.render.outline import Shown
from comitia.revisions.resolutions import (
    ComparedParagraph,
    MarkedPiece,
    ParagraphChange,
    marked_diff,
)
from comitia.web.local_dates import local_date

from .history import HistoryLine
from .models import Amendment

STATUS_WORDS: dict[ParagraphStatus, Promise] = {
    ParagraphStatus.PROPOSED: _("proposed"),
    ParagraphStatus.INFORMAL_CONSULTATIONS: _("in informal consultations"),
    ParagraphStatus.AGREED_AD_REFERENDUM: _("agreed ad referendum"),
    ParagraphStatus.AGREED: _("agreed"),
    ParagraphStatus.PENDING: _("pending"),
    ParagraphStatus.WITHDRAWN: _("withdrawn"),
}


# The lead filter's value for the paragraphs that have no lead delegation yet.
NO_LEAD = "NONE"


@dataclass(frozen=True)
class Filters:
    """The page's filters (GET parameters); empty strings filter nothing."""

    section: str = ""
    status: str = ""
    lead: str = ""

    @classmethod
    def of(cls, params: Mapping[str, str]) -> Filters:
        return cls(
            section=params.get("section", "").strip(),
            status=params.get("status", "").strip(),
            lead=params.get("lead", "").strip().upper(),
        )

    def keep(self, section: str, paragraph: Paragraph) -> bool:
        if self.section and section != self.section:
            return False
        if self.status and (paragraph.status is None or paragraph.status.value != self.status):
            return False
        if self.lead == NO_LEAD:
            return not paragraph.leads
        return not (self.lead and self.lead not in paragraph.leads)

    @property
    def active(self) -> bool:
        return bool(self.section or self.status or self.lead)

    def as_query(self) -> str:
        """The active filters as the start of a query string ('' or ending in '&')."""
        pairs = {"section": self.section, "status": self.status, "lead": self.lead}
        kept = {name: value for name, value in pairs.items() if value}
        return f"{urlencode(kept)}&" if kept else ""


@dataclass(frozen=True)
class Citing:
    """An agenda item that cites the adopted paragraph a draft paragraph updates."""

    meeting: str
    date: str  # the meeting's day in the reader's language
    title: Shown | None


@dataclass(frozen=True)
class Updated:
    """The mandate that comes from the adopted paragraph a draft paragraph updates, and the
    anchors of both on the mandate coverage page."""

    mandate_id: str
    title: Shown
    anchor: str


@dataclass(frozen=True)
class AmendmentLine:
    amendment: Amendment
    kind: str
    status: str
    state: str
    pieces: list[MarkedPiece]
    decided: bool

    @property
    def made_of(self) -> tuple[object, ...]:
        """Everything of the amendment a page prints (``fragments`` keys on it)."""
        a = self.amendment
        shared = a.shared_at.isoformat() if a.shared_at else None
        return (
            a.pk,
            a.status,
            a.kind,
            a.language,
            a.member_state,
            a.justification,
            shared,
            self.kind,
            self.status,
            self.state,
            tuple(self.pieces),
            self.decided,
        )


@dataclass
class ParagraphLine:
    number: str
    kind: str
    pk: int | None
    version: int
    text: Shown | None
    runs: list[Run]
    subject: Shown | None
    subparagraphs: list[tuple[str, Shown, list[Run]]]
    status: str
    status_code: str
    leads: list[str]
    updates: str
    citing: list[Citing]
    outdated: str | None  # the language of the incorporated text others are outdated against
    amendments: list[AmendmentLine] = field(default_factory=list)
    lead_codes: list[str] = field(default_factory=list)
    mandate: Updated | None = None
    history: list[HistoryLine] = field(default_factory=list)
    # The form to propose an amendment to it, with ids of its own (the view's).
    amend_form: Any = None
    # The paragraph as printed on the page (``fragments``).
    html: str = ""


@dataclass
class SectionLine:
    key: str
    title: Shown | None
    paragraphs: list[ParagraphLine]


def _runs(shown: Shown | None) -> list[Run]:
    return list(_bracketed_runs(shown.text)) if shown is not None else []


@functools.lru_cache(maxsize=8192)
def _bracketed_runs(text: str) -> tuple[Run, ...]:
    """``bracketed_runs``, kept by the text: a long draft's texts change a few at a time."""
    return tuple(bracketed_runs(text))


def shown_runs(text: str) -> list[Run]:
    """``text`` as its plain and pending runs; a text whose marks do not pair up (never one
    stored: plan texts are checked) as one plain run rather than an error page."""
    try:
        return bracketed_runs(text)
    except BracketError:
        return [Run(text, False)]


def _lead_name(code: str, lang: str) -> str:
    try:
        return state_name(code, lang)
    except ValueError:
        return code


def citing_items(
    coverage: Iterable[ParagraphCoverage], lang: str
) -> dict[tuple[str, str], list[Citing]]:
    """The agenda items citing each followed paragraph, by (resolution symbol, number)."""
    found: dict[tuple[str, str], list[Citing]] = {}
    for row in coverage:
        if row.resolution.symbol is None:
            continue
        found[(row.resolution.symbol, row.paragraph.number)] = [
            Citing(a.meeting.id, local_date(a.meeting.date, lang), Shown.of(a.node.title, lang))
            for a in row.addresses
        ]
    return found


def updated_mandates(
    coverage: Iterable[ParagraphCoverage], lang: str
) -> dict[tuple[str, str], Updated]:
    """The mandate of each followed paragraph, by (resolution symbol, number), with the
    paragraph's anchor on the coverage page (``comitia.web.checks.pages``)."""
    return {
        (row.resolution.symbol, row.paragraph.number): Updated(
            row.mandate.id,
            Shown.of(row.mandate.title, lang),
            f"{row.resolution.id}-{slugify(row.paragraph.number)}",
        )
        for row in coverage
        if row.resolution.symbol is not None
    }


# As ``get_kind_display`` and ``get_status_display`` print them, without building the
# choices anew for each of a page's hundreds of amendments.
_KIND_WORDS = dict(Amendment.Kind.choices)
_STATUS_WORDS = dict(Amendment.Status.choices)


@functools.lru_cache(maxsize=4096)
def _marked_diff(base: str, new: str) -> tuple[MarkedPiece, ...]:
    """``marked_diff``, kept by its two texts: a page of 300 amendments computed the same
    differences at every answer."""
    return tuple(marked_diff(base, new))


def amendment_line(amendment: Amendment, lang: str) -> AmendmentLine:
    new = "" if amendment.kind == Amendment.Kind.DELETE else amendment.text
    base = amendment.base_text if amendment.kind != Amendment.Kind.ADD_AFTER else ""
    return AmendmentLine(
        amendment=amendment,
        kind=str(_KIND_WORDS.get(amendment.kind, amendment.kind)),
        status=str(_STATUS_WORDS.get(amendment.status, amendment.status)),
        state=_lead_name(amendment.member_state, lang),
        pieces=list(_marked_diff(base, new)),
        decided=amendment.status != Amendment.Status.SUBMITTED,
    )


def section_titles(plan: Plan, resolution: Resolution, lang: str) -> dict[str, str]:
    """Each section's title in ``lang`` (its area's when it has none of its own; its key when
    neither has one), by key."""
    areas = {area.id: area for area in plan.thematic_areas}
    titles = {}
    for section in resolution.sections:
        title = section.title
        if title is None and section.area is not None and section.area in areas:
            title = areas[section.area].title
        shown = Shown.of(title, lang)
        titles[section.id] = shown.text if shown is not None else section.id
    return titles


def draft_sections(
    plan: Plan,
    resolution: Resolution,
    lang: str,
    filters: Filters,
    *,
    rows: Mapping[tuple[str, str], tuple[int, int]],
    citing: Mapping[tuple[str, str], list[Citing]],
    amendments: Mapping[int, list[AmendmentLine]],
    incorporated: Mapping[tuple[int, int], str],
    mandates: Mapping[tuple[str, str], Updated] | None = None,
    history: Mapping[int, list[HistoryLine]] | None = None,
) -> list[SectionLine]:
    """The sections of ``resolution`` with the paragraphs ``filters`` keep (empty sections
    left out). ``rows``: each paragraph's stored (pk, version) by (kind, number);
    ``amendments``: the lines the reader sees, by paragraph pk; ``incorporated``: the language
    of the amendment that made each (pk, version)."""
    mandates = mandates or {}
    history = history or {}
    areas = {area.id: area for area in plan.thematic_areas}
    sections: dict[str, SectionLine] = {}
    for section in resolution.sections:
        title = section.title
        if title is None and section.area is not None and section.area in areas:
            title = areas[section.area].title
        sections[section.id] = SectionLine(section.id, Shown.of(title, lang), [])
    loose = SectionLine("", None, [])
    for paragraph in resolution.paragraphs:
        key = paragraph.section or ""
        if not filters.keep(key, paragraph):
            continue
        pk, version = rows.get((paragraph.kind.value, paragraph.number), (None, 0))
        text = Shown.of(paragraph.text, lang)
        made_in = incorporated.get((pk, version)) if pk is not None else None
        line = ParagraphLine(
            number=paragraph.number,
            kind=paragraph.kind.value,
            pk=pk,
            version=version,
            text=text,
            runs=_runs(text),
            subject=Shown.of(paragraph.subject, lang) if paragraph.text is None else None,
            subparagraphs=[
                (sub.letter, shown, _runs(shown))
                for sub in paragraph.subparagraphs
                for shown in [Shown.of(sub.text, lang)]
            ],
            status=str(STATUS_WORDS[paragraph.status]) if paragraph.status else "",
            status_code=paragraph.status.value if paragraph.status else "",
            leads=[_lead_name(code, lang) for code in paragraph.leads],
            updates=(
                f"{paragraph.from_.symbol}, {paragraph.from_.number}" if paragraph.from_ else ""
            ),
            citing=(
                list(citing.get((paragraph.from_.symbol, paragraph.from_.number), []))
                if paragraph.from_
                else []
            ),
            outdated=made_in if made_in is not None and made_in != lang else None,
            amendments=list(amendments.get(pk, [])) if pk is not None else [],
            lead_codes=list(paragraph.leads),
            mandate=(
                mandates.get((paragraph.from_.symbol, paragraph.from_.number))
                if paragraph.from_
                else None
            ),
            history=list(history.get(pk, [])) if pk is not None else [],
        )
        sections.get(key, loose).paragraphs.append(line)
    ordered = [*sections.values(), loose]
    return [section for section in ordered if section.paragraphs]


@dataclass(frozen=True)
class ComparedLine:
    """A paragraph of a revision's comparison with its statuses in the reader's words."""

    paragraph: ComparedParagraph
    old_status: str
    new_status: str


@dataclass
class ComparedSection:
    key: str
    title: Shown | None
    lines: list[ComparedLine]


def _status_words(code: str | None) -> str:
    return str(STATUS_WORDS[ParagraphStatus(code)]) if code else ""


def compared_sections(
    plan: Plan, resolution: Resolution, lines: Iterable[ComparedParagraph], lang: str
) -> list[ComparedSection]:
    """The comparison's paragraphs under their sections' headings (``resolution``'s, the
    newer revision's; a section it no longer has by its identifier), in order."""
    areas = {area.id: area for area in plan.thematic_areas}
    titles: dict[str, Shown | None] = {}
    for section in resolution.sections:
        title = section.title
        if title is None and section.area is not None and section.area in areas:
            title = areas[section.area].title
        titles[section.id] = Shown.of(title, lang)
    sections: list[ComparedSection] = []
    for line in lines:
        key = line.section or ""
        if not sections or sections[-1].key != key:
            sections.append(ComparedSection(key, titles.get(key), []))
        sections[-1].lines.append(
            ComparedLine(line, _status_words(line.old_status), _status_words(line.new_status))
        )
    return sections


def change_counts(lines: Iterable[ComparedParagraph]) -> dict[str, int]:
    """How many paragraphs were added, removed, changed and left as they were."""
    counts = {change.value: 0 for change in ParagraphChange}
    for line in lines:
        counts[line.change.value] += 1
    return counts
