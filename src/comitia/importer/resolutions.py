"""The resolution a work plan follows up, as far as the document shows it.

A work plan does not print its resolution's text, but its agenda items cite the resolution's
paragraphs by number ("paragraphe 52") under the thematic area they belong to, and a footnote
says which paragraphs other bodies follow up. From these the importer builds the resolution
with the paragraphs cited: each with its ``subject`` as the document states it (the citing
item's words, less the reference), in the section of its thematic area, and ``assigned_to`` the
body a footnote names. The resolution's own text is not invented.

Sections come from where paragraphs are cited. A resolution's paragraphs run area by area in
the areas' order, so a paragraph cited under an area that breaks that order (a footnote of an
item of another area), or cited only by another body's activity, takes the area its
neighbours agree on; when they do not agree it has no section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from comitia.importer.context import Context
from comitia.importer.front import quoted
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Citation,
    Mandate,
    MandateGroup,
    Meeting,
    Paragraph,
    RequestedEvent,
    Resolution,
    ResolutionSection,
    ResolutionState,
    ThematicArea,
)

# What a reference may follow for the words before it to be a subject of their own:
# "Suivi et rapports, paragraphe 146", "… MISPA VII, (paragraphe 25)", "… libre de mines
# (paragraphes 9-14 …", "… de l’OEA. Paragraphe 118". After any other word ("le mandat établi
# au paragraphe 40, concernant …") the reference belongs to the sentence, kept whole.
_DETACHED = ",(.;–-”»"


class _Cited:
    """What the document says about one cited paragraph."""

    def __init__(self) -> None:
        self.subject: str | None = None
        self.areas: list[str] = []  # where agenda items cite it, in document order


def cited_resolutions(
    ctx: Context,
    mandates: list[Mandate],
    areas: list[ThematicArea],
    meetings: list[Meeting],
    activities: list[Activity],
    requested: list[RequestedEvent],
) -> tuple[list[Mandate], list[Resolution]]:
    """The General Assembly resolutions whose paragraphs the document cites, and the mandates
    pointing to them (``resolution``); mandates without cited paragraphs are left as they are.
    """
    by_mandate: dict[str, dict[str, _Cited]] = {}

    def note(citations: Iterable[Citation], text: str, notes: list[str], area: str | None) -> None:
        for citation in citations:
            if citation.mandate is None:
                continue
            cited = by_mandate.setdefault(citation.mandate, {})
            for number in citation.paragraphs:
                entry = cited.setdefault(number, _Cited())
                if entry.subject is None:
                    entry.subject = _subject(ctx, _citing_text(ctx, number, text, notes))
                # A paragraph a note adds ("répond également au mandat établi au paragraphe
                # 92") is not about the item's area.
                if area is not None and not _in_notes(ctx, number, notes):
                    entry.areas.append(area)

    def walk(node: AgendaNode, area: str | None) -> None:
        here = node.area if node.kind is AgendaKind.AREA else area
        title = str(node.title) if node.title is not None else ""
        note(node.citations, title, [str(n) for n in node.notes], here)
        for child in node.items:
            walk(child, here)

    for meeting in meetings:
        for root in meeting.agenda:
            walk(root, None)
    for activity in activities:
        note(activity.citations, str(activity.title), [], None)
    for event in requested:
        note(event.citations, str(event.title), [], None)

    order = {area.id: area.number for area in sorted(areas, key=lambda a: a.number)}
    resolutions: list[Resolution] = []
    updated: list[Mandate] = []
    for mandate in mandates:
        cited = by_mandate.get(mandate.id, {})
        assigned = _assigned(ctx, mandate)
        if mandate.group is not MandateGroup.GENERAL_ASSEMBLY or not (cited or assigned):
            updated.append(mandate)
            continue
        for number in assigned:
            cited.setdefault(number, _Cited())
        numbers = sorted(cited, key=_sort_key)
        placed = _sections(numbers, {n: cited[n].areas for n in numbers}, order)
        used = sorted({a for a in placed.values() if a is not None}, key=order.__getitem__)
        title = quoted(str(mandate.title)) or str(mandate.title)
        resolution = Resolution(
            id=mandate.id,
            symbol=mandate.source,
            title=ctx.text(title),
            state=ResolutionState.ADOPTED,
            sections=[ResolutionSection(id=area, area=area) for area in used],
            paragraphs=[
                Paragraph(
                    number=number,
                    section=placed[number],
                    subject=ctx.text(s) if (s := cited[number].subject) else None,
                    assigned_to=assigned.get(number),
                )
                for number in numbers
            ],
        )
        resolutions.append(resolution)
        updated.append(mandate.model_copy(update={"resolution": resolution.id}))
    return updated, resolutions


def _sort_key(number: str) -> tuple[int, str]:
    match = re.match(r"\d+", number)
    return (int(match[0]) if match else 10**6, number)


def _in_notes(ctx: Context, number: str, notes: list[str]) -> bool:
    return any(number in c.paragraphs for n in notes for c in ctx.citations(n)[0])


def _citing_text(ctx: Context, number: str, title: str, notes: list[str]) -> str:
    for text in notes:
        if any(number in c.paragraphs for c in ctx.citations(text)[0]):
            return text
    return title


def _subject(ctx: Context, text: str) -> str | None:
    """The citing words less a detached reference to the paragraph (see ``_DETACHED``)."""
    match = ctx.paragraph_reference.search(text)
    if match is not None:
        before = text[: match.start()].rstrip()
        if before and before[-1] in _DETACHED:
            text = before.rstrip(" ,(.;–-")
    return text.strip() or None


def _assigned(ctx: Context, mandate: Mandate) -> dict[str, str]:
    """The excluded paragraphs of ``mandate`` and the body each is assigned to, when a note
    names as many bodies as paragraphs (in the same order) or one body for them all."""
    numbers = mandate.excluded_paragraphs
    for text in (str(n) for n in mandate.notes):
        phrases = [text.find(w) for w in ctx.words.assigned_elsewhere if w in text]
        if not numbers or not phrases or not any(p in text for p in numbers):
            continue
        # The bodies named after "a été confié" ("… AG/RES. 2945" before it is no body).
        after = min(phrases)
        bodies = [ctx.body(known.id) for at, known in ctx.bodies_in(text) if at > after]
        if len(bodies) == len(numbers):
            return dict(zip(numbers, bodies, strict=True))
        if len(bodies) == 1:
            return dict.fromkeys(numbers, bodies[0])
    return {}


def _sections(
    numbers: list[str], areas: dict[str, list[str]], order: dict[str, int]
) -> dict[str, str | None]:
    """Each paragraph's area: the most paragraphs kept whose areas follow the areas' order
    (each paragraph taking one of the areas it is cited under), then each other paragraph placed
    between two neighbours of one area."""
    # kept[r]: the most paragraphs kept so far with the last kept one of rank r (0: none), and
    # the path that keeps them, as (number, area) pairs.
    kept: dict[int, tuple[int, tuple[tuple[str, str], ...]]] = {0: (0, ())}
    for number in numbers:
        step = dict(kept)  # skipping this paragraph
        for area in dict.fromkeys(areas[number]):  # first-cited area first
            rank = order.get(area)
            if rank is None:
                continue
            count, path = max((value for r, value in kept.items() if r <= rank), key=lambda v: v[0])
            if rank not in step or step[rank][0] < count + 1:
                step[rank] = (count + 1, (*path, (number, area)))
        kept = step
    _, path = max(kept.values(), key=lambda v: v[0])
    placed: dict[str, str | None] = dict.fromkeys(numbers)
    placed.update(dict(path))
    index = {number: i for i, number in enumerate(numbers)}
    for (first, before), (last, after) in itertools.pairwise(path):
        if before == after:
            for k in range(index[first] + 1, index[last]):
                placed[numbers[k]] = before
    return placed
