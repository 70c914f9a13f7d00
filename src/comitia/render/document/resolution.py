"""A resolution, or the committee's draft of one, as a document of blocks (see ``blocks``).

The draft prints as OAS drafts are printed: its document symbol and revision, "DRAFT
RESOLUTION", the title, "THE GENERAL ASSEMBLY," and the preambular paragraphs, "RESOLVES:" and
the operative paragraphs under the headings of their sections, in the order the resolution
holds them. Each paragraph is its number, its text with the pending passages (``[[…]]`` in the
data) between square brackets, its footnotes, and its status in the reader's language; below
it, its lead delegations and the body that follows it up when it is not the committee. A
paragraph whose text is not held prints "Text not held" and its subject, never the subject as
if it were the text. Texts missing in the document's language are printed in their original
language, marked with it, as in the work plan.

With an ``earlier`` revision, the document is the comparison of the two: paragraphs are paired
by kind and number, and what changed is printed as deleted and inserted runs (``ChangeMark``),
which DOCX writes as Word tracked changes and HTML and PDF as marked text.

The words of the document (the statuses' wordings above all) come from the ``comitia_render``
catalog, in the four languages, for the secretariat to confirm.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from babel import Locale

from comitia.dates import format_day
from comitia.plan import Plan
from comitia.plan.entities import ThematicArea
from comitia.plan.fields import Text
from comitia.plan.resolutions import (
    Paragraph as ResolutionParagraph,
)
from comitia.plan.resolutions import (
    ParagraphKind,
    ParagraphStatus,
    Resolution,
    ResolutionSection,
    ResolutionState,
    bracketed_runs,
)
from comitia.plan.states import state_name
from comitia.render import RenderError
from comitia.render.document.blocks import (
    Block,
    ChangeMark,
    Document,
    Element,
    Heading,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Row,
    RowKind,
    Span,
    Table,
    TableKind,
)
from comitia.render.document.build import excerpt
from comitia.render.document.i18n import Wording
from comitia.revisions.words import PieceKind, diff_words

# What a pending passage is printed between.
OPEN_BRACKET, CLOSE_BRACKET = "[", "]"


def status_wording(status: ParagraphStatus, lang: str) -> str:
    """How a draft prints ``status`` after a paragraph, in ``lang``: "(Agreed ad referendum)"."""
    return _status_wordings(Wording(lang))[status]


def _status_wordings(w: Wording) -> dict[ParagraphStatus, str]:
    # The wordings of OAS drafts, kept in the catalog for the secretariat to confirm.
    return {
        ParagraphStatus.PROPOSED: w._("(Proposed)"),
        ParagraphStatus.INFORMAL_CONSULTATIONS: w._("(Under informal consultations)"),
        ParagraphStatus.AGREED_AD_REFERENDUM: w._("(Agreed ad referendum)"),
        ParagraphStatus.AGREED: w._("(Agreed)"),
        ParagraphStatus.PENDING: w._("(Pending)"),
        ParagraphStatus.WITHDRAWN: w._("(Withdrawn)"),
    }


def choose_resolution(plan: Plan, resolution_id: str | None = None) -> Resolution:
    """The resolution ``resolution_id`` of ``plan``; by default the term's draft when the plan
    holds one, otherwise the resolution its mandates come from. RenderError if there is none.
    """
    if resolution_id is not None:
        for resolution in plan.resolutions:
            if resolution.id == resolution_id:
                return resolution
        known = ", ".join(r.id for r in plan.resolutions) or "none"
        raise RenderError(f"the plan holds no resolution {resolution_id!r} (it holds: {known})")
    drafts = [r for r in plan.resolutions if r.state is ResolutionState.DRAFT]
    if drafts:
        return drafts[-1]
    sources = {m.resolution for m in plan.mandates if m.resolution is not None}
    for resolution in plan.resolutions:
        if resolution.id in sources:
            return resolution
    if plan.resolutions:
        return plan.resolutions[0]
    raise RenderError("the plan holds no resolution to print")


def build_resolution_document(
    plan: Plan, resolution: Resolution, lang: str, *, earlier: Resolution | None = None
) -> Document:
    """``resolution`` of ``plan`` as a document in ``lang``; with ``earlier``, the comparison
    of the two revisions. Raises ``UnknownLanguage`` (a ``RenderError``) for another language.
    """
    return _Builder(plan, resolution, lang).build(earlier)


def resolution_label(resolution: Resolution) -> str:
    """What a document prints as the resolution's symbol: its own, or its document's and
    revision (``CP/CSH-2020/20 rev. 2``)."""
    return resolution.label


@dataclass(frozen=True)
class _Printed:
    """A paragraph as printed, in parts that a comparison pairs one by one."""

    number: str
    text: tuple[Span, ...]
    notes: tuple[Span, ...]
    status: str
    subparagraphs: tuple[tuple[str, tuple[Span, ...]], ...]
    remarks: str


class _Builder:
    def __init__(self, plan: Plan, resolution: Resolution, lang: str) -> None:
        self.plan = plan
        self.resolution = resolution
        self.lang = lang
        self.w = Wording(lang)
        self.statuses = _status_wordings(self.w)
        self.bodies = {body.id: body for body in plan.bodies}
        self.areas = {area.id: area for area in plan.thematic_areas}
        self.sections = {section.id: section for section in resolution.sections}
        self.untranslated: dict[str, str] = {}
        # Where each untranslated text first appears: (part or heading, paragraph number).
        self.place: tuple[str, str] = (self.w._("Document title"), "")
        self.places: dict[str, tuple[str, str]] = {}
        self.elements: list[Element] = []

    # ------------------------------------------------------------------ helpers

    def text(self, value: Text) -> Span:
        """Content in the document's language, or in its original language, recorded."""
        printed, fallback = value.get(self.lang)
        if fallback:
            self.untranslated.setdefault(printed, value.original.value)
            self.places.setdefault(printed, self.place)
            return Span(printed, lang=value.original.value)
        return Span(printed)

    def bracketed(self, value: Text) -> tuple[Span, ...]:
        """A text with its pending passages between square brackets, in its own language."""
        span = self.text(value)
        return (Span(_brackets(span.text), lang=span.lang),)

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph((Span(text),), style)

    # ------------------------------------------------------------------ document

    def build(self, earlier: Resolution | None) -> Document:
        r, w = self.resolution, self.w
        self.elements.append(self.para(r.label, ParagraphStyle.SYMBOL))
        if r.state is ResolutionState.DRAFT:
            self.elements.append(self.para(w._("DRAFT RESOLUTION"), ParagraphStyle.TITLE))
        title = self.text(r.title)
        self.elements.append(Paragraph((title,), ParagraphStyle.TITLE))
        if r.adopted_on is not None:
            self.elements.append(
                self.para(
                    w._("(Adopted on {date})", date=format_day(r.adopted_on, self.lang)),
                    ParagraphStyle.SUBTITLE,
                )
            )
        if earlier is not None:
            self.elements.append(
                Paragraph(
                    (Span(w._("Changes from {revision}", revision=earlier.label), italic=True),),
                    ParagraphStyle.SUBTITLE,
                )
            )
        self.elements.append(self.para(w._("THE GENERAL ASSEMBLY,"), ParagraphStyle.BODY))
        pairs = _pair(earlier.paragraphs if earlier is not None else None, r.paragraphs)
        preamble = [p for p in pairs if _kind(p) is ParagraphKind.PREAMBULAR]
        operative = [p for p in pairs if _kind(p) is ParagraphKind.OPERATIVE]
        part = w._("THE GENERAL ASSEMBLY,")
        for old, new in preamble:
            self.place = (part, f"{_paragraph_of((old, new)).number}.")
            self.paragraph(old, new, compared=earlier is not None)
        part = w._("RESOLVES:")
        self.elements.append(self.para(part, ParagraphStyle.BODY))
        section: str | None = None
        for old, new in operative:
            current = _paragraph_of((old, new)).section
            if current != section and current is not None:
                self.place = (w._("RESOLVES:"), "")
                heading = self.section_heading(current)
                if heading:
                    self.elements.append(Heading(2, heading))
                    part = heading
            section = current
            self.place = (part, f"{_paragraph_of((old, new)).number}.")
            self.paragraph(old, new, compared=earlier is not None)
        self.awaiting_translation()
        return Document(
            lang=self.lang,
            title=title.text,
            symbol=r.label,
            elements=tuple(self.elements),
            untranslated=tuple((lang, text) for text, lang in self.untranslated.items()),
        )

    def awaiting_translation(self) -> None:
        """As in the work plan: the texts printed in their original language, listed at the
        end, one table per original language, a row per place, a line per text."""
        if not self.untranslated:
            return
        w, small = self.w, ParagraphStyle.LINE
        self.elements += [PageBreak(), Heading(1, w._("Texts awaiting translation"))]
        by_language: dict[str, dict[tuple[str, str], list[str]]] = {}
        for text, lang in self.untranslated.items():
            by_language.setdefault(lang, {}).setdefault(self.places[text], []).append(text)
        for lang, places in sorted(by_language.items()):
            count = sum(len(texts) for texts in places.values())
            sentence = w.n(
                "The following text has no {language} translation yet and is printed "
                "in its original language ({original}):",
                "The following {count} texts have no {language} translation yet and "
                "are printed in their original language ({original}):",
                count,
                language=Locale.parse(self.lang).get_language_name(self.lang),
                original=Locale.parse(lang).get_language_name(self.lang),
            )
            self.elements.append(self.para(sentence, ParagraphStyle.BODY))
            header = tuple(
                (Paragraph((Span(label, bold=True),), small),)
                for label in (w._("Place in the document"), w._("Text"))
            )
            rows = [Row(RowKind.HEADER, header)]
            shown = ""
            for (where, number), texts in places.items():
                # The part or section is written once, on the first row of its texts.
                place: list[Block] = []
                if where != shown:
                    place.append(Paragraph((Span(where, bold=True),), small))
                    shown = where
                if number:
                    place.append(self.para(number, small))
                lines = Span("\n".join(excerpt(t) for t in texts), lang=lang)
                rows.append(Row(RowKind.ENTRY, (tuple(place), (Paragraph((lines,), small),))))
            self.elements.append(Table(TableKind.UNTRANSLATED, tuple(rows)))

    def section_heading(self, section_id: str) -> str:
        section = self.sections.get(section_id)
        if section is None:
            return ""
        return section_heading(section, self.areas, lambda value: self.text(value).text)

    def printed(self, p: ResolutionParagraph) -> _Printed:
        w = self.w
        if p.text is not None:
            text = self.bracketed(p.text)
        elif p.subject is not None:
            subject = self.text(p.subject)
            text = (
                Span(w._("[Text not held.]"), italic=True),
                Span(" " + w._("Subject:") + " "),
                subject,
            )
        else:
            text = (Span(w._("[Text not held.]"), italic=True),) if not p.subparagraphs else ()
        notes = tuple(
            Span(_brackets(span.text), note=True, lang=span.lang)
            for span in (self.text(f.text) for f in p.footnotes)
        )
        subparagraphs = tuple((sub.letter, self.bracketed(sub.text)) for sub in p.subparagraphs)
        return _Printed(
            number=p.number,
            text=text,
            notes=notes,
            status=self.statuses[p.status] if p.status is not None else "",
            subparagraphs=subparagraphs,
            remarks=self.remarks(p),
        )

    def remarks(self, p: ResolutionParagraph) -> str:
        w = self.w
        parts = []
        if p.leads:
            names = [state_name(code, self.lang) for code in p.leads]
            parts.append(
                w.n(
                    "Lead delegation: {states}",
                    "Lead delegations: {states}",
                    len(names),
                    states=w.join(names),
                )
            )
        if p.assigned_to is not None and p.assigned_to in self.bodies:
            body = self.text(self.bodies[p.assigned_to].name).text
            parts.append(w._("Followed up by: {body}", body=body))
        return " — ".join(parts)

    def paragraph(
        self,
        old: ResolutionParagraph | None,
        new: ResolutionParagraph | None,
        *,
        compared: bool,
    ) -> None:
        before = self.printed(old) if old is not None else None
        after = self.printed(new) if new is not None else None
        if not compared:
            assert after is not None
            self.elements.extend(_blocks(after))
            return
        self.elements.extend(_compared_blocks(before, after))


def section_heading(
    section: ResolutionSection, areas: Mapping[str, ThematicArea], text: Callable[[Text], str]
) -> str:
    """A section's heading: its own title, or its area's number in Roman numerals and title
    ("IV. Public security ..."); empty for a section of neither (the preamble)."""
    if section.title is not None:
        return text(section.title)
    area = areas.get(section.area or "")
    if area is None:
        return ""
    return f"{_roman(area.number)}. {text(area.title)}"


def _paragraph_of(
    pair: tuple[ResolutionParagraph | None, ResolutionParagraph | None],
) -> ResolutionParagraph:
    """The newer paragraph of a pair, or the older one if it was removed."""
    paragraph = pair[1] or pair[0]
    assert paragraph is not None
    return paragraph


def _kind(pair: tuple[ResolutionParagraph | None, ResolutionParagraph | None]) -> ParagraphKind:
    return _paragraph_of(pair).kind


def _brackets(text: str) -> str:
    return "".join(
        f"{OPEN_BRACKET}{run.text}{CLOSE_BRACKET}" if run.pending else run.text
        for run in bracketed_runs(text)
    )


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        out += letters * count
    return out


def _pair(
    old: Sequence[ResolutionParagraph] | None, new: Sequence[ResolutionParagraph]
) -> list[tuple[ResolutionParagraph | None, ResolutionParagraph | None]]:
    """The paragraphs of two revisions in the newer one's order, paired by kind and number.

    A paragraph of the newer revision only is paired with None. One of the older revision only
    is paired with None and stays in its section: after the paragraph of its section that came
    before it there, or first in its section, or at the end if the section is gone.
    """
    if old is None:
        return [(None, p) for p in new]

    def key(p: ResolutionParagraph) -> tuple[str, str]:
        return (p.kind.value, p.number)

    def place(p: ResolutionParagraph) -> tuple[str, str | None]:
        return (p.kind.value, p.section)

    kept = {key(p) for p in new}
    older = {key(p): p for p in old}
    after: dict[tuple[str, str], list[ResolutionParagraph]] = {}
    first: dict[tuple[str, str | None], list[ResolutionParagraph]] = {}
    previous: dict[tuple[str, str | None], tuple[str, str]] = {}
    for p in old:
        if key(p) in kept:
            previous[place(p)] = key(p)
        elif place(p) in previous:
            after.setdefault(previous[place(p)], []).append(p)
        else:
            first.setdefault(place(p), []).append(p)
    pairs: list[tuple[ResolutionParagraph | None, ResolutionParagraph | None]] = []
    for p in new:
        pairs.extend((gone, None) for gone in first.pop(place(p), []))
        pairs.append((older.get(key(p)), p))
        pairs.extend((gone, None) for gone in after.pop(key(p), []))
    # What is left sat after paragraphs that moved to another section, or in sections gone.
    for gone in [
        *(p for ps in after.values() for p in ps),
        *(p for ps in first.values() for p in ps),
    ]:
        pairs.append((gone, None))
    return pairs


def _blocks(p: _Printed) -> Iterator[Paragraph]:
    head: list[Span] = [Span(f"{p.number}.\t"), *p.text, *p.notes]
    if p.status:
        head.append(Span(" "))
        head.append(Span(p.status, italic=True))
    yield Paragraph(tuple(head), ParagraphStyle.CLAUSE)
    for letter, spans in p.subparagraphs:
        yield Paragraph((Span(f"({letter})\t"), *spans), ParagraphStyle.SUBCLAUSE)
    if p.remarks:
        yield Paragraph((Span(p.remarks),), ParagraphStyle.CLAUSE_NOTE)


def _marked(spans: Sequence[Span], change: ChangeMark) -> list[Span]:
    return [
        Span(s.text, s.bold, s.italic, s.note, s.lang, None if s.note else change) for s in spans
    ]


def _diff(old: Sequence[Span], new: Sequence[Span]) -> list[Span]:
    """The spans of ``new`` with what changed from ``old`` marked, word by word.

    The texts are compared as printed; the marks of the newer spans (italics, language) carry
    over to the pieces, and a deleted piece keeps those of the older ones.
    """
    before, after = "".join(s.text for s in old), "".join(s.text for s in new)
    if before == after:
        return list(new)
    old_style = old[0] if old else Span("")
    new_style = new[0] if new else Span("")
    spans = []
    for piece in diff_words(before, after):
        style = old_style if piece.kind is PieceKind.DELETED else new_style
        change = {
            PieceKind.KEPT: None,
            PieceKind.DELETED: ChangeMark.DELETED,
            PieceKind.INSERTED: ChangeMark.INSERTED,
        }[piece.kind]
        spans.append(Span(piece.text, style.bold, style.italic, False, style.lang, change))
    return spans


def _compared_blocks(before: _Printed | None, after: _Printed | None) -> Iterator[Paragraph]:
    if before is None or after is None:
        whole = after if after is not None else before
        assert whole is not None
        change = ChangeMark.INSERTED if after is not None else ChangeMark.DELETED
        for block in _blocks(whole):
            yield Paragraph(tuple(_marked(block.spans, change)), block.style)
        return
    head: list[Span] = [Span(f"{after.number}.\t")]
    head += _diff(before.text, after.text)
    head += after.notes
    if before.status or after.status:
        head.append(Span(" "))
        # A status is one wording: replaced whole, never word by word.
        if before.status == after.status:
            head.append(Span(after.status, italic=True))
        else:
            if before.status:
                head.append(Span(before.status, italic=True, change=ChangeMark.DELETED))
            if after.status:
                head.append(Span(after.status, italic=True, change=ChangeMark.INSERTED))
    yield Paragraph(tuple(head), ParagraphStyle.CLAUSE)
    old_subs = dict(before.subparagraphs)
    new_letters = {letter for letter, _ in after.subparagraphs}
    for letter, spans in after.subparagraphs:
        number = Span(f"({letter})\t")
        if letter in old_subs:
            body = _diff(old_subs[letter], spans)
            yield Paragraph((number, *body), ParagraphStyle.SUBCLAUSE)
        else:
            yield Paragraph(
                tuple(_marked((number, *spans), ChangeMark.INSERTED)), ParagraphStyle.SUBCLAUSE
            )
    for letter, spans in before.subparagraphs:
        if letter not in new_letters:
            yield Paragraph(
                tuple(_marked((Span(f"({letter})\t"), *spans), ChangeMark.DELETED)),
                ParagraphStyle.SUBCLAUSE,
            )
    if before.remarks or after.remarks:
        yield Paragraph(
            tuple(
                _diff(
                    [Span(before.remarks)] if before.remarks else [],
                    [Span(after.remarks)] if after.remarks else [],
                )
            ),
            ParagraphStyle.CLAUSE_NOTE,
        )
