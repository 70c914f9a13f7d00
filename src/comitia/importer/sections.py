"""Cut the document into its sections by their headings.

Main sections (introduction, bureau, mandates, methodology, considerations, calendar, summary,
reminders, and the list of texts awaiting translation in a document that Comitia wrote) open
with a heading in capitals; sub-sections of the methodology (events, follow-up, negotiation,
budget) and the list of activities to be confirmed open with a short line that starts with
their heading, in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from comitia.importer.context import Context, starts_with_any
from comitia.importer.source import Line
from comitia.importer.vocab.layouts import WORDS as LAYOUT_WORDS

MAIN = (
    "intro",
    "bureau",
    "mandates",
    "methodology",
    "considerations",
    "calendar",
    "summary",
    "reminders",
    # The annex of a document that Comitia wrote that lists content printed untranslated.
    "untranslated",
    # A budget section of its own, in documents that do not put it under the methodology.
    "budget",
)
SUBSECTIONS = {
    "methodology": ("requested", "followup", "negotiation", "budget"),
    "requested": ("followup", "negotiation", "budget"),
    "followup": ("negotiation", "budget"),
    "negotiation": ("budget",),
    "calendar": ("tbc",),
    "summary": ("tbc",),
}


@dataclass
class Section:
    name: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def split_sections(ctx: Context) -> list[Section]:
    sections = [Section("front", None)]
    previous: Line | None = None
    for line in ctx.lines:
        # The annex of untranslated texts ends a Comitia document; its rows name the sections
        # where the texts appear ("Introduction", "Bureau"), which must not open them again.
        closing = sections[-1].name == "untranslated"
        name = None if closing else _heading(ctx, line, sections[-1].name)
        if name is not None:
            ctx.use(line, "section headings")
            sections.append(Section(name, line))
        elif (
            previous is not None
            and previous is sections[-1].heading
            and sections[-1].name in MAIN
            and _is_capitals(line.text)
        ):
            # A heading printed on two lines.
            ctx.use(line)
            sections[-1].lines.append(line)
        else:
            sections[-1].lines.append(line)
        if not line.blank:
            previous = line
    return sections


def _heading(ctx: Context, line: Line, current: str) -> str | None:
    text = line.text.strip(" :.")
    if not text or len(text) > 110 or line.bullet:
        return None
    layout = LAYOUT_WORDS.get(ctx.lang)
    extra = layout.sections if layout else {}
    # A main heading is in capitals, or numbered and short ("1. Introduction").
    if _is_capitals(text) or (line.numbered and len(text) < 60):
        for name in MAIN:
            if name != current and starts_with_any(
                text, ctx.words.sections[name] + extra.get(name, ())
            ):
                return name
        # "ANNEX I: CALENDAR OF MEETINGS": the heading after the annex's number.
        annex = starts_with_any(text, layout.annex) if layout else None
        rest = re.sub(
            r"^\s*(?:[IVX]{1,4}|\d{1,2}|[A-Z])?\s*[:.–—-]?\s*", "", text[len(annex or "") :]
        )
        if annex and rest:
            for name in MAIN:
                if name != current and starts_with_any(
                    rest, ctx.words.sections[name] + extra.get(name, ())
                ):
                    return name
    for name in SUBSECTIONS.get(current, ()):
        if starts_with_any(text, ctx.words.sections[name] + extra.get(name, ())) and len(text) < 90:
            return name
    return None
