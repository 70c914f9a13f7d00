"""Mandate coverage: which meetings and agenda items address each mandate, by thematic area.

An agenda item addresses a mandate when it cites it. Each mandate is shown once per thematic
area in which items address it (the area of the agenda that holds the item, else the
mandate's own area), or once under its own area when nothing addresses it yet.

When the plan holds the resolution a mandate comes from, coverage goes down to its paragraphs:
an agenda item addresses a paragraph when its citation of the mandate names it. Paragraphs
assigned to another body than the committee are not the committee's to cover.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from dataclasses import dataclass

from comitia.checks.engine import Context
from comitia.plan import (
    AgendaNode,
    Mandate,
    Meeting,
    MeetingStatus,
    Paragraph,
    ParagraphKind,
    Plan,
    Resolution,
    ThematicArea,
)


class CoverageState(enum.StrEnum):
    NOT_SCHEDULED = "not_scheduled"
    SCHEDULED = "scheduled"
    PRESENTED = "presented"


@dataclass(frozen=True)
class Address:
    """An agenda item of a meeting that cites a mandate, and the paragraphs it cites."""

    meeting: Meeting
    node: AgendaNode
    paragraphs: tuple[str, ...]


def meetings_of(addresses: tuple[Address, ...]) -> list[Meeting]:
    """The meetings of ``addresses``, in date order, each once."""
    seen: dict[str, Meeting] = {}
    for address in addresses:
        seen.setdefault(address.meeting.id, address.meeting)
    return sorted(seen.values(), key=lambda m: (m.date, m.start))


@dataclass(frozen=True)
class MandateCoverage:
    mandate: Mandate
    addresses: tuple[Address, ...]
    state: CoverageState

    @property
    def meetings(self) -> list[Meeting]:
        """The meetings that address the mandate, in date order, each once."""
        return meetings_of(self.addresses)


@dataclass(frozen=True)
class AreaCoverage:
    """The mandates addressed in one thematic area (``area`` None: in none)."""

    area: ThematicArea | None
    mandates: tuple[MandateCoverage, ...]


def is_presented(meeting: Meeting, today: dt.date) -> bool:
    """A meeting held, or (not cancelled and) dated before ``today``."""
    return meeting.status is MeetingStatus.HELD or meeting.date < today


def state_of(addresses: tuple[Address, ...], today: dt.date) -> CoverageState:
    if not addresses:
        return CoverageState.NOT_SCHEDULED
    if any(is_presented(a.meeting, today) for a in addresses):
        return CoverageState.PRESENTED
    return CoverageState.SCHEDULED


def mandate_coverage(plan: Plan, *, today: dt.date | None = None) -> list[AreaCoverage]:
    """Every mandate of ``plan`` with what addresses it, grouped by thematic area in order.

    Cancelled meetings address nothing. ``today`` (the system's date by default) decides which
    mandates were already presented.
    """
    context = Context(plan, today or dt.date.today())
    areas = {area.id: area for area in plan.thematic_areas}
    rows: dict[str | None, dict[str, list[Address]]] = defaultdict(dict)
    for mandate in plan.mandates:
        placed_nodes = [
            p
            for p in context.citing_nodes.get(mandate.id, [])
            if p.meeting.status is not MeetingStatus.CANCELLED
        ]
        if not placed_nodes:
            rows[mandate.area][mandate.id] = []
        for placed in placed_nodes:
            area = placed.area or mandate.area
            paragraphs = tuple(
                paragraph
                for citation in placed.node.citations
                if citation.mandate == mandate.id
                for paragraph in citation.paragraphs
            )
            address = Address(placed.meeting, placed.node, paragraphs)
            rows[area].setdefault(mandate.id, []).append(address)
    mandates = {m.id: m for m in plan.mandates}
    order = {m.id: i for i, m in enumerate(plan.mandates)}
    result = []
    for area_id in sorted(rows, key=lambda a: (a is None, areas[a].number if a else 0)):
        entries = []
        for mandate_id in sorted(rows[area_id], key=order.__getitem__):
            addresses = tuple(
                sorted(rows[area_id][mandate_id], key=lambda a: (a.meeting.date, a.meeting.start))
            )
            state = state_of(addresses, context.today)
            entries.append(MandateCoverage(mandates[mandate_id], addresses, state))
        result.append(AreaCoverage(areas[area_id] if area_id else None, tuple(entries)))
    return result


@dataclass(frozen=True)
class ParagraphCoverage:
    """One operative paragraph the committee follows up, and the agenda items that cite it."""

    resolution: Resolution
    mandate: Mandate
    paragraph: Paragraph
    area: ThematicArea | None  # the area of the paragraph's section
    addresses: tuple[Address, ...]
    state: CoverageState

    @property
    def meetings(self) -> list[Meeting]:
        """The meetings that address the paragraph, in date order, each once."""
        return meetings_of(self.addresses)


def followed_paragraphs(plan: Plan) -> list[tuple[Mandate, Resolution, Paragraph]]:
    """The operative paragraphs of the held resolutions mandates come from that the committee
    follows up (assigned to no other body), mandate by mandate, in the resolution's order."""
    resolutions = {r.id: r for r in plan.resolutions}
    committee = plan.term.committee
    found = []
    for mandate in plan.mandates:
        resolution = resolutions.get(mandate.resolution or "")
        if resolution is None:
            continue
        for paragraph in resolution.paragraphs:
            if paragraph.kind is ParagraphKind.OPERATIVE and paragraph.assigned_to in (
                None,
                committee,
            ):
                found.append((mandate, resolution, paragraph))
    return found


def context_paragraph_coverage(context: Context) -> list[ParagraphCoverage]:
    """``paragraph_coverage`` over a checks context (its meetings, its ``today``)."""
    plan = context.plan
    areas = {area.id: area for area in plan.thematic_areas}
    cited: dict[tuple[str, str], list[Address]] = defaultdict(list)
    for mandate_id, placed_nodes in context.citing_nodes.items():
        for placed in placed_nodes:
            if placed.meeting.status is MeetingStatus.CANCELLED:
                continue
            paragraphs = tuple(
                n for c in placed.node.citations if c.mandate == mandate_id for n in c.paragraphs
            )
            for number in dict.fromkeys(paragraphs):
                cited[(mandate_id, number)].append(Address(placed.meeting, placed.node, paragraphs))
    result = []
    for mandate, resolution, paragraph in followed_paragraphs(plan):
        addresses = tuple(
            sorted(
                cited.get((mandate.id, paragraph.number), []),
                key=lambda a: (a.meeting.date, a.meeting.start),
            )
        )
        section = resolution.section(paragraph.section) if paragraph.section else None
        area = areas.get(section.area) if section is not None and section.area else None
        result.append(
            ParagraphCoverage(
                resolution,
                mandate,
                paragraph,
                area,
                addresses,
                state_of(addresses, context.today),
            )
        )
    return result


def paragraph_coverage(plan: Plan, *, today: dt.date | None = None) -> list[ParagraphCoverage]:
    """Every paragraph the committee follows up (see ``followed_paragraphs``) with the meetings
    and agenda items that address it and its state, in the resolutions' order.

    Cancelled meetings address nothing; ``today`` (the system's date by default) decides which
    paragraphs were already presented.
    """
    return context_paragraph_coverage(Context(plan, today or dt.date.today()))
