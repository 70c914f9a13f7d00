"""Resolutions as data: the committee's adopted resolution and its draft for the next year.

A resolution has sections (each tied to one of the term's thematic areas, or to the preamble)
and numbered paragraphs. Last year's adopted resolution is where the mandates come from, so an
agenda item's citation names its paragraphs; this year's draft is what the committee negotiates,
paragraph by paragraph, each with its lead delegations and its status.

Pending passages. A passage of a draft's text that is not agreed yet (printed in square
brackets in OAS drafts) is written inside the text between double square brackets:
``"Encourage [[urges]] member states to [[consider]] ..."``. Brackets do not nest and every
``[[`` is closed by a ``]]``; single brackets are ordinary text. :func:`bracketed_runs` splits a
text into its plain and pending runs, for printing.

Only what a person decides is stored: which paragraphs a meeting addresses, whether a paragraph
is covered, how many are agreed, are derived by the code that needs them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Self

from pydantic import AfterValidator, ConfigDict, Field, model_validator

from comitia.plan.fields import Identifier, PlanModel, Text, field_error
from comitia.plan.states import StateCode

if TYPE_CHECKING:
    from comitia.plan.entities import Citation
    from comitia.plan.plan import Plan


OPEN, CLOSE = "[[", "]]"


class Run(NamedTuple):
    """A stretch of a text: ``pending`` when it was written between ``[[`` and ``]]``."""

    text: str
    pending: bool


class BracketError(ValueError):
    """A text whose pending passages are not well marked; the message says where."""


_MARK = re.compile(r"\[\[|\]\]")


def bracketed_runs(text: str) -> list[Run]:
    """``text`` as its plain and pending runs, in order, without the ``[[``/``]]`` marks.

    Empty runs are left out, so adjacent runs always alternate. Raise :class:`BracketError` for
    a ``[[`` inside a pending passage, a ``]]`` outside one, a passage left open, or an empty
    passage (``[[]]``).
    """
    runs: list[Run] = []
    pending = False
    start = 0
    for match in _MARK.finditer(text):
        mark = match[0]
        if mark == OPEN and pending:
            raise BracketError(f"a pending passage opens ([[) inside another at {match.start()}")
        if mark == CLOSE and not pending:
            raise BracketError(
                f"a pending passage closes (]]) that was not opened at {match.start()}"
            )
        piece = text[start : match.start()]
        if pending and not piece.strip():
            raise BracketError(
                f"an empty pending passage ([[]]) at {match.start() - len(piece) - 2}"
            )
        if piece:
            runs.append(Run(piece, pending))
        pending = mark == OPEN
        start = match.end()
    if pending:
        raise BracketError("a pending passage ([[) is not closed (]])")
    if start < len(text):
        runs.append(Run(text[start:], False))
    return runs


def has_pending(text: Text | None) -> bool:
    """Whether any language of ``text`` holds a pending (bracketed) passage."""
    return text is not None and any(OPEN in value for value in text.root.values())


def _well_bracketed(text: Text | None) -> Text | None:
    if text is not None:
        for lang, value in text.root.items():
            try:
                bracketed_runs(value)
            except BracketError as error:
                raise ValueError(f"the {lang.value!r} text: {error}") from None
    return text


BracketedText = Annotated[Text, AfterValidator(_well_bracketed)]


class ResolutionState(enum.StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"


class ParagraphKind(enum.StrEnum):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"


class ParagraphStatus(enum.StrEnum):
    """Where a draft's paragraph stands in the negotiation, in the order it moves through."""

    PROPOSED = "proposed"
    INFORMAL_CONSULTATIONS = "informal_consultations"
    AGREED_AD_REFERENDUM = "agreed_ad_referendum"
    AGREED = "agreed"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"


class ResolutionSection(PlanModel):
    """A part of a resolution: the preamble (no area) or the paragraphs of one thematic area."""

    id: Identifier
    area: Identifier | None = Field(
        default=None, description="The thematic area; none for the preamble."
    )
    title: Text | None = Field(default=None, description="The heading as printed, if any.")


class Subparagraph(PlanModel):
    """A lettered part of a paragraph: (a), (b) …"""

    letter: str = Field(min_length=1, max_length=8, description="As printed, such as a or i.")
    text: BracketedText


class Footnote(PlanModel):
    """A footnote of a paragraph, such as a delegation's reservation."""

    mark: str = Field(min_length=1, max_length=8, description="As printed, such as 1 or *.")
    text: BracketedText


class ParagraphReference(PlanModel):
    """A paragraph of another resolution, by its symbol and number (``from``)."""

    symbol: str = Field(min_length=1, description="Such as AG/RES. 2945 (XLIX-O/19).")
    number: str = Field(min_length=1, description="The paragraph's number, such as 25.")


class Paragraph(PlanModel):
    """A numbered paragraph of a resolution.

    Its ``text`` is the resolution's own words; when they are not held, ``subject`` says what a
    document says the paragraph is about (and documents print "text not held" rather than pass
    the subject off as the text). The paragraphs of an adopted resolution have no status: they
    are adopted.
    """

    # `from` is a Python keyword: the attribute is ``from_``, the plan files' key is ``from``.
    model_config = ConfigDict(serialize_by_alias=True)

    number: str = Field(min_length=1, max_length=16, description="As printed, such as 25 or 3 bis.")
    kind: ParagraphKind = ParagraphKind.OPERATIVE
    section: Identifier | None = Field(
        default=None, description="The section of the resolution it sits in."
    )
    text: BracketedText | None = None
    subject: Text | None = Field(
        default=None, description="What a document says it is about, when the text is not held."
    )
    subparagraphs: list[Subparagraph] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    leads: list[StateCode] = Field(
        default_factory=list, description="Lead delegations (chefs de file), by ISO code."
    )
    status: ParagraphStatus | None = Field(
        default=None, description="For a draft's paragraph: where it stands."
    )
    assigned_to: Identifier | None = Field(
        default=None,
        description="The body that follows the paragraph up when it is not the committee.",
    )
    from_: ParagraphReference | None = Field(
        default=None, alias="from", description="The paragraph of an earlier resolution it updates."
    )

    @model_validator(mode="after")
    def _letters_once(self) -> Self:
        seen: set[str] = set()
        for index, sub in enumerate(self.subparagraphs):
            if sub.letter in seen:
                raise field_error(
                    "Paragraph",
                    ("subparagraphs", index, "letter"),
                    f"letter {sub.letter!r} is already used by another subparagraph",
                    sub.letter,
                )
            seen.add(sub.letter)
        return self

    def texts(self) -> Iterator[Text]:
        """Every text of the paragraph that holds the resolution's words."""
        if self.text is not None:
            yield self.text
        for sub in self.subparagraphs:
            yield sub.text

    @property
    def has_pending(self) -> bool:
        """Whether some passage of the paragraph is still in brackets."""
        return any(has_pending(text) for text in self.texts())


class Resolution(PlanModel):
    """A resolution of the General Assembly, adopted, or the committee's draft of one."""

    id: Identifier
    symbol: str | None = Field(
        default=None, description="The adopted resolution's symbol: AG/RES. 2945 (XLIX-O/19)."
    )
    document_symbol: str | None = Field(
        default=None, description="A draft's document symbol, such as CP/CSH-2020/20."
    )
    revision: int = Field(default=0, ge=0, description="A draft's revision number.")
    title: Text
    state: ResolutionState
    adopted_on: dt.date | None = None
    sections: list[ResolutionSection] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)

    @model_validator(mode="after")
    def _state_fits(self) -> Self:
        if self.state is ResolutionState.ADOPTED:
            if self.symbol is None:
                raise field_error(
                    "Resolution", "symbol", "an adopted resolution has its symbol", None
                )
            for index, paragraph in enumerate(self.paragraphs):
                if paragraph.status is not None:
                    raise field_error(
                        "Resolution",
                        ("paragraphs", index, "status"),
                        "the paragraphs of an adopted resolution have no status",
                        paragraph.status.value,
                    )
        else:
            if self.adopted_on is not None:
                raise field_error(
                    "Resolution",
                    "adopted_on",
                    "a draft has no adoption date",
                    self.adopted_on.isoformat(),
                )
            if self.symbol is not None:
                raise field_error(
                    "Resolution",
                    "symbol",
                    "a draft has no resolution symbol yet (document_symbol is its document's)",
                    self.symbol,
                )
        return self

    @property
    def label(self) -> str:
        """How the resolution is named in messages: its symbol, or its document symbol."""
        if self.symbol is not None:
            return self.symbol
        if self.document_symbol is not None:
            return (
                f"{self.document_symbol} rev. {self.revision}"
                if self.revision
                else self.document_symbol
            )
        return self.id

    def section(self, section_id: str) -> ResolutionSection | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def paragraph(
        self, number: str, kind: ParagraphKind = ParagraphKind.OPERATIVE
    ) -> Paragraph | None:
        """The paragraph of ``kind`` numbered ``number``, or None."""
        return next((p for p in self.paragraphs if p.kind is kind and p.number == number), None)

    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind is ParagraphKind.OPERATIVE]


Location = tuple[str | int, ...]
Problem = tuple[Location, str, Any]


def resolution_problems(plan: Plan) -> Iterator[Problem]:
    """Every broken rule of the plan's resolutions that needs the rest of the plan.

    Section ids are unique in a resolution, paragraph numbers unique per kind; the sections,
    thematic areas and bodies they name exist; a preambular paragraph sits in the preamble; a
    mandate's excluded paragraphs are paragraphs of its resolution assigned to another body.
    """
    bodies = {body.id for body in plan.bodies}
    areas = {area.id for area in plan.thematic_areas}
    for r, resolution in enumerate(plan.resolutions):
        here: Location = ("resolutions", r)
        yield from _once((*here, "sections"), "id", (section.id for section in resolution.sections))
        sections = {section.id: section for section in resolution.sections}
        for s, section in enumerate(resolution.sections):
            if section.area is not None and section.area not in areas:
                yield (
                    (*here, "sections", s, "area"),
                    f"no thematic area has the id {section.area!r}",
                    section.area,
                )
        for kind in ParagraphKind:
            yield from _once(
                (*here, "paragraphs"),
                "number",
                (p.number if p.kind is kind else None for p in resolution.paragraphs),
                what=f"{kind.value} paragraph",
            )
        for p, paragraph in enumerate(resolution.paragraphs):
            at = (*here, "paragraphs", p)
            if paragraph.section is not None:
                held = sections.get(paragraph.section)
                if held is None:
                    yield (
                        (*at, "section"),
                        f"no section of {resolution.label} has the id {paragraph.section!r}",
                        paragraph.section,
                    )
                elif paragraph.kind is ParagraphKind.PREAMBULAR and held.area is not None:
                    yield (
                        (*at, "section"),
                        f"a preambular paragraph sits in the preamble, not in section "
                        f"{held.id!r} of an area",
                        paragraph.section,
                    )
            if paragraph.assigned_to is not None and paragraph.assigned_to not in bodies:
                yield (
                    (*at, "assigned_to"),
                    f"no body has the id {paragraph.assigned_to!r}",
                    paragraph.assigned_to,
                )

    by_id = {resolution.id: resolution for resolution in plan.resolutions}
    for m, mandate in enumerate(plan.mandates):
        source = by_id.get(mandate.resolution or "")
        if source is None:
            continue
        for n, number in enumerate(mandate.excluded_paragraphs):
            excluded = source.paragraph(number)
            if excluded is None or excluded.assigned_to is None:
                yield (
                    ("mandates", m, "excluded_paragraphs", n),
                    f"paragraph {number!r} of {source.label} is excluded but not held as "
                    "assigned to another body (assigned_to)",
                    number,
                )


def _once(
    prefix: Location, field: str, keys: Iterable[str | None], *, what: str | None = None
) -> Iterator[Problem]:
    """Repeated keys (None ones skipped), as ``plan._unique`` words them."""
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            also = f" (another {what})" if what else ""
            yield (
                (*prefix, index, field),
                f"{field} {key!r} is already used by entry {seen[key] + 1} of {prefix[-1]}{also}",
                key,
            )
        else:
            seen[key] = index


def held_resolution(plan: Plan, mandate_id: str | None) -> Resolution | None:
    """The resolution of the plan that mandate ``mandate_id`` comes from, if the plan holds it."""
    if mandate_id is None:
        return None
    mandate = next((m for m in plan.mandates if m.id == mandate_id), None)
    if mandate is None or mandate.resolution is None:
        return None
    return next((r for r in plan.resolutions if r.id == mandate.resolution), None)


def citation_problems(plan: Plan, citation: Citation, *location: str | int) -> Iterator[Problem]:
    """What is wrong with ``citation`` at ``location`` if its mandate comes from a held resolution.

    Such a citation names at least one paragraph, and every paragraph it names is an operative
    paragraph of that resolution. Citations by symbol, and of mandates whose resolution the plan
    does not hold, are not checked here.
    """
    resolution = held_resolution(plan, citation.mandate)
    if resolution is None:
        return
    if not citation.paragraphs:
        yield (
            (*location, "paragraphs"),
            f"a citation of mandate {citation.mandate!r} names paragraphs of {resolution.label}",
            [],
        )
    for n, number in enumerate(citation.paragraphs):
        if resolution.paragraph(number) is None:
            yield (
                (*location, "paragraphs", n),
                f"{resolution.label} has no operative paragraph {number!r}",
                number,
            )


__all__ = [
    "BracketError",
    "BracketedText",
    "Footnote",
    "Paragraph",
    "ParagraphKind",
    "ParagraphReference",
    "ParagraphStatus",
    "Resolution",
    "ResolutionSection",
    "ResolutionState",
    "Run",
    "Subparagraph",
    "bracketed_runs",
    "has_pending",
]
