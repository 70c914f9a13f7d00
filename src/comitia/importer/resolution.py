"""Read a resolution or a draft resolution (text export or DOCX) into the plan's resolution data.

``import_resolution(path, lang=None)`` returns a ``ResolutionImport``: the ``Resolution`` and the
same ``Report`` as the work-plan importer's (what was recognized, warnings, and every non-blank
line and footnote that no rule used, with its line number). Unreadable input raises
``UnreadableDocument``; a document with no numbered paragraph, or one that yields an invalid
resolution, raises ``ImportFailure``, each with a one-line message.

The layout read is the Organization's, in its four languages, as Comitia also prints it:

- before the opening formula ("THE GENERAL ASSEMBLY,"): the symbol (``AG/RES. 2945
  (XLIX-O/19)`` for an adopted resolution; a document symbol and revision, ``CP/CSH-2030/20
  rev. 2``, for a draft), "DRAFT RESOLUTION", the title (the line after them);
- the preambular paragraphs, numbered or not (OAS resolutions often leave them unnumbered: they
  are then numbered in order);
- after "RESOLVES:", the operative paragraphs ("3 bis. To …"), their sub-paragraphs ("(a) …"),
  the section headings ("I. …", or a line in capitals);
- in a paragraph: its status at the end ("(Agreed ad referendum)"), its pending passages in
  square brackets (written ``[[…]]`` in the data), its footnotes, "[Text not held.] Subject: …"
  for a paragraph known by its subject only; on the line after it, its lead delegations
  ("Lead delegations: Mexico and Colombia", names of member states in any of the four
  languages) and the body that follows it up;
- after "Texts awaiting translation", the annex of a document that Comitia wrote, which lists
  again texts printed above: used, not read.

The fixed wording is the renderer's catalog's (``comitia.importer.vocab.resolution``), with
what other documents write. Sections are kept with their printed heading and no thematic area:
which area a heading is, the plan it is merged into says.

Plain Python: never imports Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from pydantic import ValidationError

from comitia.importer import ImportFailure, guess_language
from comitia.importer.context import Context, Report, fold, slug
from comitia.importer.source import (
    Line,
    is_page_number,
    lines_from_text,
    numbered_text,
    read_source,
    split_footnotes,
)
from comitia.importer.vocab import LANGUAGES
from comitia.importer.vocab.resolution import Vocabulary, vocabulary
from comitia.plan import Resolution
from comitia.plan.resolutions import BracketError, bracketed_runs
from comitia.plan.states import OAS_MEMBER_STATES, state_name
from comitia.symbols import find_symbols

# "25.", "3 bis.", "104)": an operative or preambular paragraph's number.
_NUMBER = re.compile(
    r"^(\d{1,3}(?:\s?(?:bis|ter|quater|quinquies|sexies))?)\s?[.)]\s+(?=\S)", re.IGNORECASE
)
# "(a) ", "a) ", "(iv) ", "a. ": a sub-paragraph's letter.
_LETTER = re.compile(r"^(?:\(([a-z]{1,4})\)|([a-z]{1,4})\)|([a-z])\.)\s+(?=\S)")
# "I. ", "IV. ": a section heading numbered in Roman numerals.
_ROMAN = re.compile(r"^[IVXL]{1,6}\.\s+(?=\S)")
_REVISION = re.compile(r"\s*rev\.\s*(\d+)\s*$", re.IGNORECASE)
_SEPARATOR = " — "
PREAMBLE = "preamble"  # the id of the preamble's section

KINDS = {
    "paragraph": "paragraphs",
    "subparagraph": "sub-paragraphs",
    "section": "section headings",
    "status": "paragraph statuses",
    "leads": "lead delegations",
    "footnote": "footnotes",
}


@dataclass
class ResolutionImport:
    resolution: Resolution
    report: Report


@dataclass
class _Paragraph:
    """A paragraph as read, before it becomes plan data."""

    kind: str
    number: str
    section: str | None
    text: str | None = None
    subject: str | None = None
    status: str | None = None
    leads: list[str] = field(default_factory=list)
    assigned_to: str | None = None
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    subparagraphs: list[tuple[str, str]] = field(default_factory=list)


def import_resolution(path: Path | str, lang: str | None = None) -> ResolutionImport:
    """Import the resolution in the document at ``path`` (a ``.docx`` or a UTF-8 text export)."""
    lines, origin = read_source(Path(path))
    return import_resolution_lines(lines, lang or origin.lang)


def import_resolution_text(text: str, lang: str | None = None) -> ResolutionImport:
    """Import a resolution given as the text of its export."""
    return import_resolution_lines(lines_from_text(text), lang)


def import_resolution_lines(lines: list[Line], lang: str | None = None) -> ResolutionImport:
    """Import numbered lines; ``ImportFailure`` says why they are not a resolution."""
    if lang is None:
        lang = guess_language(lines)
    if lang not in LANGUAGES:
        raise ImportFailure(f"unsupported language {lang!r}; expected one of fr, en, es, pt")
    reader = _Reader(Context(lines, lang), vocabulary(lang))
    data = reader.read()
    try:
        resolution = Resolution.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ImportFailure(
            f"the document yields an invalid resolution ({where}: {first['msg']})"
        ) from None
    reader.report_unused()
    return ResolutionImport(resolution, reader.ctx.report)


def _is(text: str, wordings: tuple[str, ...]) -> bool:
    folded = fold(text).rstrip(" ,:;.")
    return any(folded == fold(w).rstrip(" ,:;.") for w in wordings)


def _starts(text: str, label: str) -> str | None:
    """What follows ``label`` at the start of ``text`` (colons and spaces loose), or None."""
    core = fold(label).rstrip(" :")
    folded = fold(text)
    if not folded.startswith(core):
        return None
    rest = text[len(core) :]
    if rest and rest[0].isalnum():
        return None
    return rest.lstrip(" \u00a0:").strip()


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


class _Reader:
    def __init__(self, ctx: Context, words: Vocabulary) -> None:
        self.ctx = ctx
        self.words = words
        self.lang = ctx.lang
        self.paragraphs: list[_Paragraph] = []
        self.sections: list[tuple[str, str]] = []  # (id, heading) of the operative part
        self.symbol: str | None = None
        self.title: str | None = None
        self.draft = False
        self.adopted_on: date | None = None
        self.states = _state_names()

    # ------------------------------------------------------------------ the document

    def read(self) -> dict[str, Any]:
        part = "front"
        section: str | None = None
        for line in self.ctx.lines:
            if line.blank or is_page_number(line):
                continue
            text = numbered_text(line)
            if part == "annex":
                # Texts printed elsewhere in the document, listed again as untranslated.
                self.ctx.use(line, "texts awaiting translation (listed again)")
                continue
            if _is(text, (self.words.awaiting,)):
                part = "annex"
                self.ctx.use(line)
                continue
            if part == "front":
                if _is(text, self.words.openings):
                    part, section = "preamble", PREAMBLE
                    self.ctx.use(line)
                else:
                    self.front(line, text)
                continue
            if part == "preamble" and _is(text, self.words.resolves):
                part, section = "operative", None
                self.ctx.use(line)
                continue
            if self.remarks(line, text):
                continue
            if self.subparagraph(line, text):
                continue
            kind = "preambular" if part == "preamble" else "operative"
            numbered = _NUMBER.match(text)
            if numbered is not None:
                self.paragraph(line, kind, numbered[1], text[numbered.end() :], section)
            elif part == "operative" and (_ROMAN.match(text) or _capitals(text)):
                section = f"s{len(self.sections) + 1}"
                self.sections.append((section, text))
                self.ctx.use(line, KINDS["section"])
            elif part == "preamble" or line.bullet or line.numbered:
                # An unnumbered preambular paragraph (OAS style), or a paragraph numbered by
                # Word's list numbering, which a text export does not carry: numbered in order.
                self.paragraph(line, kind, self.next_number(kind), text, section)
        if not self.paragraphs:
            raise ImportFailure("no numbered paragraph found: the document is not a resolution")
        return self.data()

    def next_number(self, kind: str) -> str:
        numbers = [p.number for p in self.paragraphs if p.kind == kind]
        whole = [int(m[1]) for n in numbers if (m := re.match(r"(\d+)", n))]
        return str(max(whole, default=0) + 1)

    def front(self, line: Line, text: str) -> None:
        ctx, words = self.ctx, self.words
        if _is(text, words.drafts):
            self.draft = True
            ctx.use(line, "draft resolution")
            return
        if _starts(text, words.changes) is not None:
            ctx.use(line, "comparison of revisions")
            return
        symbols = find_symbols(text)
        if self.symbol is None and symbols and len(symbols[0].original) >= 0.6 * len(text):
            self.symbol = clean_symbol(text)
            ctx.use(line, "symbol")
            return
        adopted = self.adoption(text, line)
        if adopted is not None:
            self.adopted_on = adopted
            ctx.use(line, "adoption date")
            return
        if self.title is None and (self.symbol is not None or self.draft):
            self.title = text
            ctx.use(line, "title")

    def adoption(self, text: str, line: Line) -> date | None:
        before, _, after = self.words.adopted.partition("{date}")
        if not (fold(text).startswith(fold(before)) and fold(text).endswith(fold(after))):
            return None
        inner = text[len(before) : len(text) - len(after)]
        found = self.ctx.date(inner, line)
        return found.first_day if found is not None else None

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, line: Line, kind: str, number: str, body: str, section: str | None) -> None:
        number = " ".join(number.split())
        if any(p.kind == kind and p.number == number for p in self.paragraphs):
            self.ctx.warn(line, f"{kind} paragraph {number} appears twice; the first is kept")
            return
        paragraph = _Paragraph(kind, number, section)
        body, paragraph.status = self.status(body)
        if paragraph.status is not None:
            self.ctx.report.counts[KINDS["status"]] += 1
        rest = _starts(body, self.words.not_held)
        if rest is not None:
            subject = _starts(rest, self.words.subject)
            paragraph.subject = subject or None
        else:
            paragraph.text = self.pending(body, line)
        paragraph.footnotes = self.footnotes(line)
        self.paragraphs.append(paragraph)
        self.ctx.use(line, KINDS["paragraph"])

    def subparagraph(self, line: Line, text: str) -> bool:
        lettered = _LETTER.match(text)
        if lettered is None or not self.paragraphs:
            return False
        letter = next(group for group in lettered.groups() if group)
        paragraph = self.paragraphs[-1]
        if any(existing == letter for existing, _ in paragraph.subparagraphs):
            return False
        body, status = self.status(text[lettered.end() :])
        if status is not None and paragraph.status is None:
            paragraph.status = status
        paragraph.subparagraphs.append((letter, self.pending(body, line)))
        paragraph.footnotes += self.footnotes(line)
        self.ctx.use(line, KINDS["subparagraph"])
        return True

    def remarks(self, line: Line, text: str) -> bool:
        """A line of lead delegations and of the body that follows a paragraph up."""
        parts = text.split(_SEPARATOR)
        leads: list[str] | None = None
        body: str | None = None
        for part in parts:
            for label in self.words.leads:
                rest = _starts(part, label)
                if rest is not None:
                    leads = self.lead_codes(rest, line)
                    break
            else:
                rest = _starts(part, self.words.followed)
                if rest is None:
                    return False
                known = self.ctx.body_at_start(rest)
                if known is None:
                    self.ctx.warn(line, f"no known body is named {rest!r}")
                else:
                    body = known.id
        if not self.paragraphs:
            return False
        paragraph = self.paragraphs[-1]
        if leads is not None:
            paragraph.leads = leads
            self.ctx.report.counts[KINDS["leads"]] += len(leads)
        if body is not None:
            paragraph.assigned_to = body
        self.ctx.use(line)
        return True

    def lead_codes(self, text: str, line: Line) -> list[str]:
        """The member states named in ``text``, in order; a warning for anything else."""
        folded = fold(text)
        found: list[tuple[int, str]] = []
        for name, code in self.states:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
                found.append((match.start(), code))
                folded = folded[: match.start()] + " " * len(name) + folded[match.end() :]
        left = re.sub(r"\b(?:and|et|y|e)\b|[,;.\s]", "", folded)
        if left:
            self.ctx.warn(line, f"not a member state among the lead delegations: {text!r}")
        codes: list[str] = []
        for _, code in sorted(found):
            if code not in codes:
                codes.append(code)
        return codes

    def status(self, body: str) -> tuple[str, str | None]:
        folded = fold(body).rstrip()
        for wording, status in self.words.statuses:
            if folded.endswith(fold(wording)):
                return body[: len(body.rstrip()) - len(wording)].rstrip(), status
        return body, None

    def pending(self, text: str, line: Line) -> str:
        """Square brackets as the data's pending passages ``[[…]]``; a text whose brackets do
        not pair is kept as printed, with a warning."""
        marked = text.replace("[", "[[").replace("]", "]]")
        try:
            bracketed_runs(marked)
        except BracketError:
            if "[" in text or "]" in text:
                self.ctx.warn(line, "square brackets that do not pair are kept as text")
            return text
        return marked

    def footnotes(self, line: Line) -> list[tuple[str, str]]:
        notes = []
        # Read again from the raw line: the line's own footnotes end at the first "]", and a
        # draft's notes may hold pending passages in brackets.
        for footnote in split_footnotes(line.raw)[1]:
            if footnote.text:
                notes.append((str(footnote.number), self.pending(footnote.text, line)))
                self.ctx.use_footnote(line, footnote.number)
                self.ctx.report.counts[KINDS["footnote"]] += 1
        return notes

    # ------------------------------------------------------------------ output

    def data(self) -> dict[str, Any]:
        lang = self.lang
        adopted = not self.draft and self.symbol is not None and "RES" in self.symbol.upper()
        # A draft keeps one id across its revisions: its document symbol without "rev. N".
        identifier = slug(_REVISION.sub("", self.symbol or "") or self.title or "resolution")
        data: dict[str, Any] = {
            "id": identifier,
            "title": {lang: self.title or self.symbol or identifier},
            "state": "adopted" if adopted else "draft",
            "sections": [
                *(
                    [{"id": PREAMBLE}]
                    if any(p.section == PREAMBLE for p in self.paragraphs)
                    else []
                ),
                *({"id": s, "title": {lang: heading}} for s, heading in self.sections),
            ],
            "paragraphs": [],
        }
        if adopted:
            data["symbol"] = self.symbol
            if self.adopted_on is not None:
                data["adopted_on"] = self.adopted_on.isoformat()
        elif self.symbol is not None:
            revision = _REVISION.search(self.symbol)
            data["document_symbol"] = _REVISION.sub("", self.symbol)
            data["revision"] = int(revision[1]) if revision else 0
        for p in self.paragraphs:
            item: dict[str, Any] = {"number": p.number, "kind": p.kind}
            if p.section is not None:
                item["section"] = p.section
            if p.text:
                item["text"] = {lang: p.text}
            if p.subject:
                item["subject"] = {lang: p.subject}
            if p.subparagraphs:
                item["subparagraphs"] = [
                    {"letter": letter, "text": {lang: text}} for letter, text in p.subparagraphs
                ]
            if p.footnotes:
                item["footnotes"] = [
                    {"mark": mark, "text": {lang: text}} for mark, text in p.footnotes
                ]
            if p.leads:
                item["leads"] = p.leads
            if p.status is not None and not adopted:
                item["status"] = p.status
            if p.assigned_to is not None:
                item["assigned_to"] = p.assigned_to
            data["paragraphs"].append(item)
        return data

    def report_unused(self) -> None:
        ctx = self.ctx
        for line in ctx.lines:
            if not line.blank and line.number not in ctx.used and not is_page_number(line):
                ctx.report.unused.append((line.number, line.text))
            for footnote in line.footnotes:
                if (line.number, footnote.number) not in ctx.used_footnotes:
                    ctx.report.unused.append(
                        (line.number, f"footnote {footnote.number}: {footnote.text}")
                    )


def resolutions_yaml(resolutions: list[Resolution]) -> str:
    """``resolutions`` as the ``resolutions:`` part of a plan file, to merge into one: fields
    in the model's order, defaults left out."""
    data = {
        "resolutions": [
            r.model_dump(mode="json", by_alias=True, exclude_defaults=True) for r in resolutions
        ]
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def clean_symbol(text: str) -> str:
    """A symbol line as the resolution's symbol: its spacing kept, its ends trimmed."""
    return " ".join(text.split())


def _state_names() -> list[tuple[str, str]]:
    """(folded name, ISO code) of every member state in the four languages, longest first.

    The names are the ones the renderer prints (``state_name``, from CLDR), with "and" for
    CLDR's "&", so a document's lead delegations are read in any of the languages.
    """
    names: dict[str, str] = {}
    for lang, and_word in (("fr", "et"), ("en", "and"), ("es", "y"), ("pt", "e")):
        Locale.parse(lang)  # the same CLDR data as state_name
        for code in OAS_MEMBER_STATES:
            name = state_name(code, lang)
            names.setdefault(fold(name), code)
            names.setdefault(fold(name.replace("&", and_word)), code)
    return sorted(names.items(), key=lambda item: -len(item[0]))
