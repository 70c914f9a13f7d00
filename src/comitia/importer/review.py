"""An import written as an HTML page for review: each source line beside what it became.

``comitia import FILE -o PLAN.yaml --review OUT.html`` writes it. One row per non-blank line of
the document: its number, its text, and what the importer read it as (a meeting, with its date,
times, layout and confidence; a section heading; an agenda item; ...) or "not used". Meetings
read from other layouts (``comitia.importer.layouts``) name every line they came from, so a
date heading and the time below it both show the meeting. The page's fixed texts are
translated by the core's catalog (``comitia.catalog``, en/fr/es/pt); every text of the
document is escaped.
"""

from __future__ import annotations

import functools
import gettext
from html import escape
from typing import TYPE_CHECKING

from comitia import catalog

if TYPE_CHECKING:
    from comitia.importer import ImportResult

LANGUAGES = catalog.LANGUAGES


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it here."""
    return message


# What the importer reads lines as (``Report.counts``' kinds), translated for the page.
KINDS = {
    kind: kind
    for kind in (
        N_("activities"),
        N_("agenda areas"),
        N_("agenda items"),
        N_("agenda topics"),
        N_("appropriations"),
        N_("approval"),
        N_("count claims"),
        N_("document symbol"),
        N_("installation"),
        N_("legends"),
        N_("mandates"),
        N_("meeting titles"),
        N_("meetings"),
        N_("negotiation milestones"),
        N_("non-meeting days"),
        N_("obligations"),
        N_("officers"),
        N_("requested events"),
        N_("section headings"),
        N_("summary claims"),
        N_("table headers"),
        N_("thematic areas"),
    )
}

# The layouts meetings are read from (``comitia.importer.layouts``).
LAYOUTS = (
    N_("DOCX table"),
    N_("table (tab-separated)"),
    N_("prose"),
    N_("dated line"),
    N_("month label and day"),
    N_("date heading"),
)

# The sections of a work plan (``comitia.importer.sections``), named for the page.
SECTIONS = {
    "front": N_("title"),
    "intro": N_("introduction"),
    "bureau": N_("officers"),
    "mandates": N_("mandates"),
    "methodology": N_("methodology"),
    "requested": N_("requested events"),
    "followup": N_("follow-up"),
    "negotiation": N_("negotiation"),
    "budget": N_("budget"),
    "considerations": N_("general considerations"),
    "calendar": N_("calendar"),
    "summary": N_("summary of meetings"),
    "reminders": N_("reminders of reports"),
    "tbc": N_("activities to be confirmed"),
    "untranslated": N_("texts awaiting translation"),
}


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    return catalog.translations(lang)


def review_html(result: ImportResult, lang: str | None = None) -> str:
    """The review page of ``result`` in ``lang`` (the plan's language when not given)."""
    language = lang if lang in LANGUAGES else str(result.plan.language.value)
    if language not in LANGUAGES:
        language = "en"
    _ = translations(language).gettext
    report = result.report
    by_line: dict[int, str] = {}
    for source in report.sources:
        what = _("meeting {day}, {start}–{end} ({layout}, confidence {confidence})").format(
            day=source.day.isoformat(),
            start=source.start,
            end=source.end,
            layout=_(source.layout),
            confidence=f"{source.confidence:.2f}",
        )
        if source.title:
            what += f": {source.title}"
        for number in source.lines:
            by_line[number] = f"{by_line[number]}; {what}" if number in by_line else what
    unused = {number for number, _text in report.unused}
    warnings: dict[int, list[str]] = {}
    for number, message in report.warnings:
        warnings.setdefault(number, []).append(message)
    rows = []
    for line in result.lines:
        if line.blank:
            continue
        if line.number in by_line:
            became, css = by_line[line.number], "meeting"
        elif line.number in unused:
            became, css = _("not used"), "unused"
        elif line.number in report.uses:
            became, css = _(report.uses[line.number]), "used"
        elif line.number in report.sections:
            section = _(SECTIONS.get(report.sections[line.number], report.sections[line.number]))
            became, css = _("read in the section “{section}”").format(section=section), "used"
        else:
            became, css = _("read with the lines around it"), "used"
        notes = "".join(
            f'<div class="warning">{escape(m)}</div>' for m in warnings.get(line.number, [])
        )
        rows.append(
            f'<tr class="{css}"><td class="number">{line.number}</td>'
            f"<td>{escape(line.text)}</td><td>{escape(became)}{notes}</td></tr>"
        )
    missing = ""
    if report.missing:
        names = ", ".join(_(SECTIONS.get(name, name)) for name in report.missing)
        not_found = _("Sections not found:")
        missing = f"<p>{escape(not_found)} {escape(names)}</p>"
    counts = ", ".join(f"{escape(_(k))}: {n}" for k, n in sorted(report.counts.items()))
    title = escape(_("Import review"))
    # The page's headings, outside the f-strings, where gettext's extraction finds them.
    recognized = escape(_("Recognized:"))
    lines_not_used = escape(_("Lines not used: {count}").format(count=len(report.unused)))
    line_heading, source_heading = escape(_("Line")), escape(_("Source text"))
    became_heading = escape(_("What it became"))
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>"
        "body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;text-align:left}"
        ".number{text-align:right;color:#666}.unused{background:#fde8e8}"
        ".meeting{background:#e8f4fd}.warning{color:#a30}"
        "</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n"
        f"<p>{recognized} {counts}</p>\n{missing}"
        f"<p>{lines_not_used}</p>\n"
        f"<table>\n<thead><tr><th>{line_heading}</th><th>{source_heading}</th>"
        f"<th>{became_heading}</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )
