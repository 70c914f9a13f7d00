"""A meeting's agenda as a numbered outline in one language: the display types that every
page and format shares, in no format's package.

Top-level nodes are numbered 1, 2, 3; their children 1.1, 1.2; and so on (``child_number``). A
node shows its own title, or else its thematic area's title (``heading``). ``agenda_outline``
gives the outline as objects (the meeting page, read from a one-meeting plan); the calendar
feed, which prints thousands of nodes, writes its lines straight from the nodes with the same
two rules. Plain Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import overload

from comitia.plan import AgendaKind, AgendaNode, Citation, Meeting, Plan, Text, ThematicArea


@dataclass(frozen=True)
class Shown:
    """Text as shown in one language; ``fallback_lang`` is set when it is the original's.

    The web pages use the same type (as ``comitia.web.home.overview.LocalText``), so every
    page marks a missing translation the same way.
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


def child_number(parent: str | None, index: int) -> str:
    """The number of the ``index``-th node (from 1) under the node numbered ``parent``, or at
    the top of the agenda for None: "2", "2.1", "2.1.3"."""
    return str(index) if parent is None else f"{parent}.{index}"


def heading(node: AgendaNode, areas: Mapping[str, ThematicArea]) -> Text | None:
    """What an agenda node is called: its own title, or else the title of its thematic area
    (``areas`` by id); None if it has neither."""
    if node.title is not None:
        return node.title
    if node.area is not None and node.area in areas:
        return areas[node.area].title
    return None


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
        return AgendaLine(
            number=number,
            depth=depth,
            kind=node.kind,
            area_id=node.area,
            title=Shown.of(heading(node, areas), lang),
            presenters=[
                Shown.of(bodies[key].acronym or bodies[key].name, lang)
                for key in node.presenters
                if key in bodies
            ],
            citations=[citation(c) for c in node.citations],
            documents=list(node.documents),
            notes=[Shown.of(note, lang) for note in node.notes],
            children=[
                line(child, child_number(number, index), depth + 1)
                for index, child in enumerate(node.items, start=1)
            ],
        )

    return [
        line(node, child_number(None, index), 0)
        for index, node in enumerate(meeting.agenda, start=1)
    ]
