"""A meeting's agenda as a numbered outline in one language, for feeds and pages alike.

Top-level nodes are numbered 1, 2, 3; their children 1.1, 1.2; and so on. A thematic area's
node shows its heading as worded in the agenda, or else the area's title. Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import overload

from comitia.plan import AgendaKind, AgendaNode, Citation, Meeting, Plan, Text


@dataclass(frozen=True)
class Shown:
    """Text as shown in one language; ``fallback_lang`` is set when it is the original's.

    The web pages use the same type (as ``comitia.web.home.overview.LocalText``), so feeds and
    pages mark a missing translation the same way.
    """

    text: str
    fallback_lang: str | None = None

    @overload
    @classmethod
    def of(cls, value: Text, lang: str) -> Shown: ...

    @overload
    @classmethod
    def of(cls, value: None, lang: str) -> None: ...

    @overload
    @classmethod
    def of(cls, value: Text | None, lang: str) -> Shown | None: ...

    @classmethod
    def of(cls, value: Text | None, lang: str) -> Shown | None:
        """``value`` in ``lang``, or in its original language marked so; None for None."""
        if value is None:
            return None
        text, fallback = value.get(lang)
        return cls(text, value.original.value if fallback else None)


@dataclass(frozen=True)
class CitationLine:
    """A citation as printed: the source (mandate title or symbol), article and paragraphs."""

    mandate: str | None
    source: Shown | None
    symbol: str | None
    article: str | None
    paragraphs: list[str]


@dataclass(frozen=True)
class AgendaLine:
    number: str
    depth: int
    kind: AgendaKind
    area_id: str | None
    title: Shown | None
    presenters: list[Shown] = field(default_factory=list)
    citations: list[CitationLine] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    notes: list[Shown] = field(default_factory=list)
    children: list[AgendaLine] = field(default_factory=list)

    def walk(self) -> list[AgendaLine]:
        lines = [self]
        for child in self.children:
            lines.extend(child.walk())
        return lines


def agenda_outline(meeting: Meeting, plan: Plan, lang: str) -> list[AgendaLine]:
    """The numbered agenda tree of ``meeting`` with its texts in ``lang``."""
    areas = {area.id: area for area in plan.thematic_areas}
    bodies = {body.id: body for body in plan.bodies}
    mandates = {mandate.id: mandate for mandate in plan.mandates}

    def citation(item: Citation) -> CitationLine:
        mandate = mandates.get(item.mandate) if item.mandate else None
        return CitationLine(
            mandate=item.mandate,
            source=Shown.of(mandate.title, lang) if mandate else None,
            symbol=item.symbol or (mandate.source if mandate else None),
            article=item.article,
            paragraphs=list(item.paragraphs),
        )

    def line(node: AgendaNode, number: str, depth: int) -> AgendaLine:
        title: Shown | None = None
        if node.title is not None:
            title = Shown.of(node.title, lang)
        elif node.area is not None and node.area in areas:
            title = Shown.of(areas[node.area].title, lang)
        return AgendaLine(
            number=number,
            depth=depth,
            kind=node.kind,
            area_id=node.area,
            title=title,
            presenters=[
                Shown.of(bodies[key].acronym or bodies[key].name, lang)
                for key in node.presenters
                if key in bodies
            ],
            citations=[citation(c) for c in node.citations],
            documents=list(node.documents),
            notes=[Shown.of(note, lang) for note in node.notes],
            children=[
                line(child, f"{number}.{index}", depth + 1)
                for index, child in enumerate(node.items, start=1)
            ],
        )

    return [line(node, str(index), 0) for index, node in enumerate(meeting.agenda, start=1)]


def area_ids(meeting: Meeting) -> list[str]:
    """The thematic areas the agenda addresses, each once, in agenda order."""
    found = [node.area for node in meeting.agenda_nodes() if node.area is not None]
    return list(dict.fromkeys(found))
