"""What the importer knows while it reads: the lines used, the bodies met, the report.

Helpers shared by the section readers live here: folding text for comparison, finding dates,
resolving bodies, paragraphs, citations and presenters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from babel import Locale

from comitia.dates import DateParseError, FuzzyDate, WeekdayMismatchError, find, parse
from comitia.importer.bodies import BY_ID, KNOWN_BODIES, KnownBody
from comitia.importer.source import Line
from comitia.importer.vocab import LANGUAGES, ImporterWords
from comitia.importer.vocab.mixed import mixed_words
from comitia.plan import Body, Citation, Language, Mandate, Text
from comitia.symbols import SYMBOL_PATTERN, Symbol, find_symbols, normalize


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case, no accents, ordinary apostrophes: for comparing words, never for display."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def starts_with_any(text: str, phrases: tuple[str, ...]) -> str | None:
    folded = fold(text)
    for phrase in sorted(phrases, key=len, reverse=True):
        p = fold(phrase)
        if not folded.startswith(p):
            continue
        if not p[-1].isalnum() or len(folded) == len(p) or not folded[len(p)].isalnum():
            return phrase
    return None


def contains_any(text: str, phrases: tuple[str, ...]) -> bool:
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(fold(p))}(?!\w)", folded) for p in phrases)


def slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit:
            break
        result = candidate
    return result or "x"


@dataclass(frozen=True)
class MeetingSource:
    """Where one imported meeting came from: its lines, the layout, and how sure the reader is
    (1.0: date and both times written where the layout puts them; less when one was inferred)."""

    meeting: int  # the meeting's index among the plan's meetings
    lines: tuple[int, ...]
    layout: str
    confidence: float
    day: date
    start: str
    end: str
    title: str | None = None

    def describe(self) -> str:
        where = ", ".join(str(n) for n in self.lines)
        return (
            f"{self.day.isoformat()} {self.start}-{self.end}: lines {where} ({self.layout},"
            f" confidence {self.confidence:.2f})"
        )


@dataclass
class Report:
    """What the importer recognized and what it did not use."""

    counts: Counter[str] = field(default_factory=Counter)
    unused: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    # Sections a work plan holds that the document has no heading (or shape) for.
    missing: list[str] = field(default_factory=list)
    # Where each meeting read in another layout came from: see ``comitia.importer.layouts``.
    sources: list[MeetingSource] = field(default_factory=list)
    # What each used line was read as (the kind of its first use that names one).
    uses: dict[int, str] = field(default_factory=dict)
    # The section each line was read in (for the review page).
    sections: dict[int, str] = field(default_factory=dict)

    def format(self) -> str:
        lines = ["recognized:"]
        lines += [f"  {kind}: {count}" for kind, count in sorted(self.counts.items())]
        lines.append(f"warnings: {len(self.warnings)}")
        lines += [f"  line {n}: {message}" for n, message in self.warnings]
        if self.missing:
            lines.append(f"sections not found: {', '.join(self.missing)}")
        if self.sources:
            lines.append(f"meetings read from other layouts: {len(self.sources)}")
            lines += [f"  {source.describe()}" for source in self.sources]
        lines.append(f"unused lines: {len(self.unused)}")
        lines += [f"  line {n}: {text}" for n, text in self.unused]
        return "\n".join(lines) + "\n"


# "52", "9-14", "57, 59, 60 et 62", "44, 45 y 46": numbers and ranges joined by , ; and, et, y, e.
_NUMBER_OR_RANGE = r"\d{1,3}(?:\s*(?:[-–]|\bà\b|\ba\b|\bto\b|\bal\b)\s*\d{1,3})?"
_PARAGRAPH_LIST = (
    _NUMBER_OR_RANGE + r"(?:\s*(?:,|;|\bet\b|\band\b|\by\b|\be\b)\s*" + _NUMBER_OR_RANGE + ")*"
)


class Context:
    """The state of one import."""

    def __init__(self, lines: list[Line], lang: str, content_lang: str | None = None) -> None:
        """``content_lang``: the language of content printed untranslated (a DOCX that Comitia
        wrote says it), whose words and country names are then read too."""
        self.lines = lines
        self.lang = lang
        # The language the content is written in: the plan's language, and its texts'.
        self.content_lang = content_lang or lang
        self.words: ImporterWords = (
            mixed_words(lang, content_lang)
            if content_lang is not None and content_lang != lang
            else LANGUAGES[lang]
        )
        # The words of the content's own language, for names kept as data (the Charter's).
        self.content_words: ImporterWords = LANGUAGES[content_lang or lang]
        self.report = Report()
        self.used: set[int] = set()
        self.used_footnotes: set[tuple[int, int]] = set()
        self.period: tuple[date, date] | None = None
        self.committee: str | None = None
        self.bodies: dict[str, Body] = {}
        self.mandates: list[Mandate] = []
        self.default_mandate: str | None = None
        self.symbol: str | None = None
        self.unresolved: list[str] = []
        self._bodies_cache: dict[str, list[tuple[int, KnownBody]]] = {}
        self.countries: dict[str, str] = {}
        names: dict[str, None] = {}  # ordered, without repeats
        for language in dict.fromkeys((lang, content_lang or lang)):
            territories = Locale.parse(language).territories
            # Babel writes "Antigua & Barbuda"; documents write "and".
            and_word = {"fr": "et", "en": "and", "es": "y", "pt": "e"}[language]
            for code, name in territories.items():
                if len(code) == 2 and code.isalpha():
                    self.countries.setdefault(fold(name.replace("&", and_word)), code)
                    names.setdefault(name)
        self.country_names = sorted(names, key=len, reverse=True)
        words = self.words
        self._paragraphs = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w) for w in sorted(words.paragraph_words, key=len, reverse=True))
            + r")\s+("
            + _PARAGRAPH_LIST
            + r")",
            re.IGNORECASE,
        )
        self._article = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w) for w in words.article_words)
            + r")\s+(\d{1,3})\s*\.?\s*([a-z])?\b",
            re.IGNORECASE,
        )

    # -- bookkeeping ------------------------------------------------------------------------

    def use(self, line: Line, kind: str | None = None) -> None:
        self.used.add(line.number)
        if kind:
            self.report.counts[kind] += 1
            self.report.uses.setdefault(line.number, kind)

    def use_footnote(self, line: Line, number: int) -> None:
        self.used_footnotes.add((line.number, number))

    def warn(self, line: Line, message: str) -> None:
        self.report.warnings.append((line.number, message))

    def text(self, value: str) -> Text:
        return Text.of(self.content_lang, value)

    # -- dates ------------------------------------------------------------------------------

    def date(
        self, text: str, line: Line | None = None, *, period: tuple[date, date] | None = None
    ) -> FuzzyDate | None:
        """The fuzzy date that is the whole of ``text``, or ``None``. A weekday mismatch is
        kept (the date as written) and warned about."""
        try:
            return parse(text, self.lang, period=period or self.period)
        except WeekdayMismatchError as error:
            if line is not None:
                self.warn(line, str(error))
            return error.value
        except DateParseError:
            return None

    def find_dates(self, text: str, *, months: bool = False) -> list[tuple[FuzzyDate, int, int]]:
        """Dates written inside ``text``, with their offsets, as ``comitia.dates.find`` reads
        them (a time written with a date is part of its expression).

        Only dates with a number (a day or a year) are kept, unless ``months`` allows a month
        name alone ("le mois de mai"), whose year the period gives."""
        found: list[tuple[FuzzyDate, int, int]] = []
        for expression in find(text, self.lang, period=self.period):
            value = expression.date
            if value is None or value.first_day is None:
                continue
            if not months and not any(c.isdigit() for c in expression.text):
                continue
            found.append((value, expression.start, expression.end))
        return found

    # -- bodies -----------------------------------------------------------------------------

    def body(self, body_id: str) -> str:
        """Add the known body ``body_id`` (and its parents) to the plan; return its id."""
        if body_id not in self.bodies:
            known = BY_ID[body_id]
            if known.parent:
                self.body(known.parent)
            acronym = known.acronyms.get(self.lang, "")
            self.bodies[body_id] = Body(
                id=body_id,
                acronym=self.text(acronym) if acronym else None,
                name=self.text(known.names[self.lang]),
                parent=known.parent,
            )
        return body_id

    def body_at_start(self, text: str) -> KnownBody | None:
        """The body that ``text`` starts with, by acronym or by name."""
        stripped = text.strip(" ,.;:")
        for known in KNOWN_BODIES:
            for acronym in set(known.acronyms.values()):
                if acronym and re.match(rf"{re.escape(acronym)}\b", stripped):
                    return known
        folded = fold(stripped)
        for known in KNOWN_BODIES:
            for name in (*known.names.values(), *known.aliases):
                if folded.startswith(fold(name)):
                    return known
        return None

    def bodies_in(self, text: str) -> list[tuple[int, KnownBody]]:
        """Bodies named in ``text`` (by acronym, or by name), with their offsets, in order."""
        cached = self._bodies_cache.get(text)
        if cached is not None:
            return cached
        found: dict[str, tuple[int, KnownBody]] = {}
        folded = fold(text)
        for known in KNOWN_BODIES:
            positions: list[int] = []
            for acronym in set(known.acronyms.values()):
                if acronym:
                    match = re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text)
                    if match:
                        positions.append(match.start())
            for name in (*known.names.values(), *known.aliases):
                index = folded.find(fold(name))
                if index >= 0:
                    positions.append(index)
            if positions:
                found[known.id] = (min(positions), known)
        result = sorted(found.values(), key=lambda item: item[0])
        self._bodies_cache[text] = result
        return result

    def presenters(self, title: str, line: Line | None = None) -> list[str]:
        """Bodies that present an item: "Exposé du SSM et de la JID sur ..." gives ssm, jid."""
        # A title is content: read it with its own language's words when they fit, as the
        # other language's phrases may cut it short (Spanish ", de " ends a list of presenters).
        words = self.content_words
        match = re.match(words.presenter_lead, title, re.IGNORECASE)
        if not match:
            words = self.words
            match = re.match(words.presenter_lead, title, re.IGNORECASE)
        if not match:
            return []
        rest = title[match.end() :]
        end = len(rest)
        for marker in words.presenter_ends:
            index = rest.find(marker)
            if 0 <= index < end:
                end = index
        phrase = rest[:end]
        conjunctions = "|".join(re.escape(c) for c in words.conjunctions)
        parts = re.split(rf",\s+|\s+(?:{conjunctions})\s+", phrase)
        result: list[str] = []
        for position, part in enumerate(parts):
            known = self._presenter(part)
            if known is None:
                if position == 0:
                    acronym = re.match(r"(?:\w+\s+)?([A-Z]{2,8})\b", part.strip())
                    if acronym and line is not None:
                        self.warn(line, f"the presenter {acronym[1]!r} is not a known body")
                    return []
                continue
            if known.id not in result:
                result.append(self.body(known.id))
        return result

    def _presenter(self, part: str) -> KnownBody | None:
        words = self.words
        text = part.strip()
        known = self.body_at_start(text)
        for _ in range(2):
            if known is not None:
                break
            article = starts_with_any(text, words.articles)
            if article:
                text = text[len(article) :].strip()
            known = self.body_at_start(text)
            office = starts_with_any(text, words.offices)
            if known is None and office:
                text = text[len(office) :].strip()
                known = self.body_at_start(text)
        if known is None and re.fullmatch(r"[A-Z]{2,8}", text.split(" ")[0] if text else ""):
            return None
        return known

    # -- references -------------------------------------------------------------------------

    @property
    def paragraph_reference(self) -> re.Pattern[str]:
        """A reference to paragraphs ("paragraphe 52", "paragraphes 9-14"); group 1 the numbers."""
        return self._paragraphs

    def cite(self, text: str, line: Line | None) -> tuple[list[Citation], list[str]]:
        """``citations`` of ``text``, warning on ``line`` about paragraphs of no resolution."""
        self.unresolved = []
        result = self.citations(text)
        if self.unresolved and line is not None:
            self.warn(line, f"{', '.join(self.unresolved)}: no resolution is named for them")
        return result

    def mandate_for(self, symbol: Symbol) -> str | None:
        for mandate in self.mandates:
            if normalize(mandate.source) == symbol.key:
                return mandate.id
        return None

    def citations(self, text: str) -> tuple[list[Citation], list[str]]:
        """Citations ("paragraphe 52", "paragraphes 9-14 AG/RES. 2945 (XLIX-O/19)") and the
        other document symbols of ``text``."""
        by_source: dict[tuple[str | None, str | None], list[str]] = {}
        cited_symbols: set[str] = set()
        for match in self._paragraphs.finditer(text):
            paragraphs = expand_paragraphs(match[1])
            after = text[match.end() : match.end() + 60]
            symbol = self._symbol_after(after)
            mandate: str | None
            key: tuple[str | None, str | None]
            if symbol is not None:
                cited_symbols.add(symbol.key)
                mandate = self.mandate_for(symbol)
                key = (mandate, None) if mandate else (None, symbol.original)
            else:
                key = (self.default_mandate, None)
            if key == (None, None):
                # Paragraphs of no resolution the document names: said in the report.
                self.unresolved.append(match.group(0))
                continue
            by_source.setdefault(key, [])
            for paragraph in paragraphs:
                if paragraph not in by_source[key]:
                    by_source[key].append(paragraph)
        citations = [
            Citation(mandate=mandate, symbol=symbol, paragraphs=paragraphs)
            for (mandate, symbol), paragraphs in by_source.items()
        ]
        documents = [s.original for s in find_symbols(text) if s.key not in cited_symbols]
        return citations, documents

    def _symbol_after(self, after: str) -> Symbol | None:
        lead = "|".join(re.escape(w) for w in self.words.resolution_words)
        match = re.match(rf"\s*(?:(?:{lead})\s+|[-–]\s*)?", after, re.IGNORECASE)
        start = match.end() if match else 0
        found = SYMBOL_PATTERN.match(after, start)
        if found is None:
            return None
        return find_symbols(found.group(0))[0]

    def article(self, text: str) -> str | None:
        match = self._article.search(text)
        if match is None or not contains_any(text, self.words.charter_names):
            return None
        return f"{match[1]} {match[2]}" if match[2] else match[1]

    def country(self, text: str) -> str | None:
        folded = fold(text)
        best: tuple[int, str] | None = None
        for name, code in self.countries.items():
            index = folded.find(name)
            if index >= 0 and (best is None or len(name) > len(self._name_of(best[1]))):
                best = (index, code)
        return best[1] if best else None

    def _name_of(self, code: str) -> str:
        return next(name for name, c in self.countries.items() if c == code)


def expand_paragraphs(text: str) -> list[str]:
    """ "9-14" gives 9..14; "57, 59, 60 et 62" gives the four numbers."""
    result: list[str] = []
    text = re.sub(r"\s*(?:[-–]|\bà\b|\ba\b|\bto\b|\bal\b)\s*", "-", text)
    for part in re.split(r"\s*(?:,|;|\s)\s*", text):
        if not part or not part[0].isdigit():
            continue
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[1]:
            first, last = int(bounds[0]), int(bounds[1])
            if first < last <= first + 50:
                result.extend(str(n) for n in range(first, last + 1))
                continue
        result.append(bounds[0])
    return result


def language(value: str) -> Language:
    return Language(value)
