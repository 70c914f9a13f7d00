"""Turn a legacy work-plan document (text export or DOCX) into a plan, and say what it skipped.

``import_document(path, lang=None)`` returns an ``ImportResult``: the plan and a ``Report`` of
what was recognized (counts per kind), warnings (a weekday that contradicts its date, a presenter
that names no known body) and every non-blank line that no reader used, with its line number.
Unused footnotes are reported too, on the line that carries them. Nothing is dropped silently.

Unreadable input raises ``UnreadableDocument`` with a one-line message; a document that reads but
holds no committee or no term raises ``ImportFailure``. The language is guessed from the text
when ``lang`` is not given, unless the document is a DOCX that Comitia wrote: its properties
give its language (its content may be in another one, printed untranslated), and the fixed
sentences of Comitia's renderer in it are recognized as such (``comitia.importer.standard``).

Plain Python: never imports Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from comitia.importer.back import read_reminders, read_summary
from comitia.importer.calendar import CalendarReader
from comitia.importer.context import Context, Report, fold
from comitia.importer.doors import (
    committee_body,
    first_line,
    report_missing_sections,
    term_from_year,
    unnamed_committee,
)
from comitia.importer.front import (
    read_areas,
    read_budget,
    read_bureau,
    read_counts,
    read_front,
    read_intro,
    read_mandates,
    read_requested,
)
from comitia.importer.layouts import (
    State,
    budget_lines,
    calendar_by_structure,
    elected_lines,
    read_other_layouts,
)
from comitia.importer.negotiation import read_negotiation
from comitia.importer.resolutions import cited_resolutions
from comitia.importer.sections import Section, split_sections
from comitia.importer.source import (
    Line,
    Origin,
    UnreadableDocument,
    lines_from_text,
    read_source,
)
from comitia.importer.standard import recognize_standard_wording
from comitia.importer.vocab import LANGUAGES
from comitia.plan import (
    AgendaNode,
    CountClaim,
    Language,
    Meeting,
    MeetingKind,
    Plan,
    PlanDocument,
    RequestedEvent,
    Term,
)
from comitia.symbols import find_symbols


class ImportFailure(Exception):
    """The document was read but is not a work plan the importer understands."""


@dataclass
class ImportResult:
    plan: Plan
    report: Report
    # The document's lines, as read: for a review of what each became.
    lines: list[Line] = field(default_factory=list)


def import_document(
    path: Path | str, lang: str | None = None, *, committee: str | None = None
) -> ImportResult:
    """Import the document at ``path`` (a ``.docx`` or a UTF-8 text export).

    ``committee`` (an acronym, "CSH") says whose plan it is when the title names no committee,
    or overrides the one it names."""
    lines, origin = read_source(Path(path))
    return import_lines(lines, lang, origin, committee=committee)


def import_text(
    text: str, lang: str | None = None, *, committee: str | None = None
) -> ImportResult:
    """Import a text export given as a string."""
    return import_lines(lines_from_text(text), lang, committee=committee)


def guess_language(lines: list[Line]) -> str:
    """The language whose small words are the most frequent in the document."""
    markers = {
        "fr": (" de la ", " les ", " des ", " du ", " et ", " pour "),
        "en": (" the ", " of ", " and ", " to ", " for ", " on "),
        "es": (" de la ", " los ", " del ", " y ", " las ", " para "),
        "pt": (" da ", " do ", " dos ", " e ", " das ", " para "),
    }
    text = " " + " ".join(line.text.lower() for line in lines[:400]) + " "
    scores = {lang: sum(text.count(w) for w in words) for lang, words in markers.items()}
    return max(scores, key=lambda lang: scores[lang])


def import_lines(
    lines: list[Line],
    lang: str | None = None,
    origin: Origin | None = None,
    *,
    committee: str | None = None,
) -> ImportResult:
    """Import numbered lines; ``ImportFailure`` names the first thing that broke the plan."""
    try:
        return _import_lines(lines, lang, origin or Origin(), committee)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ImportFailure(
            f"the document yields an invalid plan ({where}: {first['msg']})"
        ) from None


def _import_lines(
    lines: list[Line], lang: str | None, origin: Origin, committee: str | None = None
) -> ImportResult:
    if lang is None:
        lang = origin.lang if origin.lang in LANGUAGES else guess_language(lines)
    if lang not in LANGUAGES:
        raise ImportFailure(f"unsupported language {lang!r}; expected one of fr, en, es, pt")
    content_lang = origin.content_lang if origin.content_lang in LANGUAGES else None
    ctx = Context(lines, lang, content_lang)
    sections = split_sections(ctx)
    by_name: dict[str, list[Section]] = {}
    for section in sections:
        by_name.setdefault(section.name, []).append(section)

    def lines_of(*names: str) -> list[Line]:
        return [line for name in names for s in by_name.get(name, []) for line in s.lines]

    title, approved_on = read_front(ctx, lines_of("front"))
    term_from_year(ctx, title)
    if "calendar" not in by_name:
        # A heading followed by dated lines is a calendar (read once the term is known).
        sections = calendar_by_structure(ctx, sections)
        by_name = {}
        for section in sections:
            by_name.setdefault(section.name, []).append(section)
    installed_on, installed_by, counts = read_intro(ctx, lines_of("intro"))
    if committee is not None:
        ctx.committee = committee_body(ctx, committee)
    elif ctx.committee is None:
        ctx.report.warnings.append(
            (
                first_line(lines_of("front")),
                "no committee is named in the document's title; say which with --committee",
            )
        )
    officers = read_bureau(ctx, lines_of("bureau"))
    # Elections told in prose outside a bureau section ("On ..., the Committee elected ...").
    officers += read_bureau(ctx, elected_lines(ctx, _outside(sections, _NOT_MEETINGS)))
    mandates = read_mandates(ctx, lines_of("mandates"))
    requested = read_requested(ctx, lines_of("requested"))
    areas = read_areas(ctx, lines_of("followup"))
    counts += _counts(ctx, lines_of("methodology", "requested", "followup", "negotiation"))
    appropriations = read_budget(ctx, lines_of("budget"))
    # A paragraph with an amount and a resolution symbol is an appropriation, wherever it is.
    appropriations += read_budget(ctx, budget_lines(ctx, _outside(sections, ("budget",))))
    calendar = CalendarReader(ctx, areas)
    before = State.of(ctx, calendar)
    calendar.read(lines_of("calendar"))
    layouts = read_other_layouts(
        ctx, calendar, before, _outside(sections, _NOT_MEETINGS), origin.tables
    )
    if layouts is not None and "calendar" not in by_name:
        # A document whose dated lines are its calendar, under no heading.
        by_name["calendar"] = []
    calendar.add_to_be_confirmed(lines_of("tbc"))
    report_missing_sections(ctx, by_name, found={"bureau": bool(officers)})
    ctx.report.sections = {line.number: s.name for s in sections for line in s.lines}
    claims, holidays = read_summary(ctx, lines_of("summary"))
    obligations = read_reminders(ctx, lines_of("reminders"))
    for line in lines_of("untranslated"):
        # Texts printed elsewhere in the document, listed again because they are untranslated.
        if not line.blank:
            ctx.use(line, "texts awaiting translation (listed again)")
    meetings = calendar.build_meetings()
    meetings, requested = _link_requested(ctx, meetings, requested, calendar)
    mandates, resolutions = cited_resolutions(
        ctx, mandates, calendar.areas, meetings, calendar.activities, requested
    )
    negotiation_sections = by_name.get("negotiation", [])
    negotiation = read_negotiation(
        ctx,
        negotiation_sections[0].heading if negotiation_sections else None,
        lines_of("negotiation"),
        meetings,
    )
    if ctx.period is None:
        days = [m.date for m in meetings]
        if not days:
            raise ImportFailure(
                "no term (such as 2019-2020) and no meeting found"
                + ("" if ctx.committee else ", and no committee is named: not a work plan")
            )
        ctx.period = (min(days), max(days))
    term_start, term_end = ctx.period
    if ctx.committee is None:
        ctx.committee = unnamed_committee(ctx, title)
    label = f"{term_start.year}-{term_end.year}"
    document = _document(ctx, title, approved_on, meetings)
    if origin.by_comitia:
        recognize_standard_wording(ctx, label)
    _report_unused(ctx)
    plan = Plan(
        language=Language(ctx.content_lang),
        term=Term(
            committee=ctx.committee,
            label=label,
            start=term_start,
            end=term_end,
            installed_on=installed_on,
            installed_by=installed_by,
        ),
        document=document,
        bodies=list(ctx.bodies.values()),
        officers=officers,
        thematic_areas=calendar.areas,
        mandates=mandates,
        requested_events=requested,
        meetings=meetings,
        activities=calendar.activities,
        non_meeting_days=holidays,
        obligations=obligations,
        appropriations=appropriations,
        summary_claims=claims,
        count_claims=counts,
        negotiation=negotiation,
        resolutions=resolutions,
    )
    return ImportResult(plan, ctx.report, lines)


# Sections whose dated lines are not meetings of the committee.
_NOT_MEETINGS = (
    "bureau",
    "mandates",
    "budget",
    "summary",
    "reminders",
    "tbc",
    "untranslated",
    "negotiation",
)


def _outside(sections: list[Section], names: tuple[str, ...]) -> list[Line]:
    """The lines of every section but those named."""
    return [line for s in sections if s.name not in names for line in s.lines]


def _counts(ctx: Context, lines: list[Line]) -> list[CountClaim]:
    claims: list[CountClaim] = []
    for line in lines:
        if line.blank or line.number in ctx.used:
            continue
        found = read_counts(ctx, line)
        if found:
            claims.extend(found)
            ctx.use(line)
            ctx.report.counts["count claims"] += len(found)
    return claims


def _link_requested(
    ctx: Context,
    meetings: list[Meeting],
    requested: list[RequestedEvent],
    calendar: CalendarReader,
) -> tuple[list[Meeting], list[RequestedEvent]]:
    """A meeting held on (or moved from) a requested event's day holds that event."""
    linked: list[RequestedEvent] = []
    for event in requested:
        day = event.when.first_day if event.when.precision.value == "day" else None
        meeting_index = next(
            (
                i
                for i, m in enumerate(meetings)
                if day is not None and (m.date == day or day in m.previous_dates)
            ),
            None,
        )
        if meeting_index is not None:
            meeting = meetings[meeting_index]
            update: dict[str, object] = {}
            if meeting.kind is MeetingKind.REGULAR:
                update["kind"] = MeetingKind.GA_REQUESTED
            if meeting.title is None:
                update["title"] = event.title
            meetings[meeting_index] = meeting.model_copy(update=update)
            linked.append(event.model_copy(update={"meeting": meeting.id}))
            continue
        activity = next((a for a in calendar.activities if a.when == event.when), None)
        linked.append(event.model_copy(update={"activity": activity.id}) if activity else event)
    return meetings, linked


def _document(
    ctx: Context, title: str, approved_on: date | None, meetings: list[Meeting]
) -> PlanDocument | None:
    """The plan's own symbol is the one its approval item cites (the highest revision)."""
    if not title:
        return None
    committee = ctx.bodies[ctx.committee or ""].acronym if ctx.committee else None
    acronym = str(committee) if committee else ""
    best: tuple[int, str] | None = None
    for meeting in meetings:
        for node in _walk(meeting.agenda):
            text = str(node.title or "")
            if not any(fold(w) in fold(text) for w in ctx.words.work_plan_words):
                continue
            for symbol in find_symbols(text):
                if acronym and acronym not in symbol.original:
                    continue
                revision = re.search(r"rev\.\s*(\d+)", symbol.original)
                rank = int(revision[1]) if revision else 0
                if best is None or rank > best[0]:
                    best = (rank, symbol.original)
    if ctx.symbol is not None:
        revision = re.search(r"rev\.\s*(\d+)", ctx.symbol)
        best = (int(revision[1]) if revision else 0, ctx.symbol)
    if best is None:
        return None
    return PlanDocument(
        title=ctx.text(title),
        symbol=best[1],
        revision=best[0],
        approved_on=approved_on,
        approved_by=ctx.committee if approved_on else None,
    )


def _walk(nodes: list[AgendaNode]) -> list[AgendaNode]:
    return [n for node in nodes for n in node.walk()]


def _report_unused(ctx: Context) -> None:
    for line in ctx.lines:
        if not line.blank and line.number not in ctx.used:
            ctx.report.unused.append((line.number, line.text))
        for footnote in line.footnotes:
            if (line.number, footnote.number) not in ctx.used_footnotes:
                ctx.report.unused.append(
                    (line.number, f"footnote {footnote.number}: {footnote.text}")
                )


__all__ = [
    "ImportFailure",
    "ImportResult",
    "Report",
    "UnreadableDocument",
    "guess_language",
    "import_document",
    "import_lines",
    "import_text",
]
