"""Find every date and time expression in running text, in French, English, Spanish or Portuguese.

``find`` reads prose, headings and table cells as secretariats write them and returns each
expression with its offsets in the original text, its fuzzy date and its time. The grammar of
a date is ``comitia.dates.parsing``'s, applied to the words of the text; the words are each
language's vocabulary (``comitia.dates.vocab``), so four languages are one algorithm. Besides
what ``parse`` reads ("du 17 au 20 novembre", "October 24, 2019", "entre el 3 y el 5 de
marzo", "second semestre 2020", "mi-mars", "Juillet (prov.)"), running text brings:

- articles and words for days before a list or range, and connectors between days: "los días
  3 y 4 de marzo", "nos dias 10 e 11 de novembro", "del lunes 3 al miércoles 5 de marzo";
- ordinals written with a degree sign or a suffix: "1° de julio", "1er juillet", "1º de julho";
- dates in numbers with a four-digit year, in the language's order ("15/03/2021",
  "15.03.2021"; United States English "03/15/2021"), alone or in ranges ("15/03/2021 -
  17/03/2021");
- a week: "la semaine du 12 au 16 octobre" is those days; "the week of 12 October", one day,
  is the week (Monday to Sunday) that holds it;
- a part of a period: "début mars", "mid-March", "a mediados de marzo" (days 1-10, 11-20 and
  21 to the end of the month, as ``parse`` reads them); "durante el segundo semestre" (the
  half-year whose year the period gives); a part of a year ("fin 2020", "early 2021") has no
  agreed span and reads as the year that holds it;
- a time after a date, joined by a comma or a word such as "at", "à", "a las", "de": one
  expression with both ("Monday, 19 October 2020, at 9:00 a.m."); a time with no date before
  it is an expression of its own, whose ``date`` is ``None``;
- prose around them: place names ("Geneva, 4-15 May 2015"), numbers that are not dates
  (paragraphs, symbols such as "AG/RES. 2941 (XLIX-O/19)", amounts).

What is not an expression: a bare month with nothing that makes it one (English "may", Spanish
"mar"): it counts after a word that introduces a period ("in March", "en mai", "durante
octubre", see ``period_leads``), in a range, with a mark or a part word. A year is a number
from 1900 to 2099 that is not part of a symbol or an amount ("AG/RES. 2941 (XLIX-O/19)",
"2,000"); a number is a day only next to a month.
A date with no year takes it from ``period`` as ``parse`` does; without a period, or outside
it, such an expression is not returned (its value cannot be known). A weekday that does not
fall on its date keeps the date as written.

Contract: ``find`` returns a list, empty when the text holds no expression, in text order and
never overlapping; it raises ``DateParseError`` (a ``FuzzyDateError``, itself a
``ValueError``) when ``text`` is not a string or ``period`` is not two dates in order, and
``FuzzyDateError`` for a language other than "fr", "en", "es" and "pt". It never raises for
any string. Offsets are those of the original text, whether it is composed (NFC) or
decomposed (NFD) Unicode, and whatever its dashes, spaces and apostrophes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from comitia.dates.folding import fold, unaccent
from comitia.dates.fuzzy import FuzzyDate, Precision
from comitia.dates.parsing import (
    Period,
    WeekdayMismatchError,
    _part_of_month,
    _read,
    _table,
    _Tok,
)
from comitia.dates.times import DateParseError, TimeRange, times_in_folded
from comitia.dates.vocab import vocabulary


@dataclass(frozen=True)
class Found:
    """One expression: ``text[start:end]`` of the original text, its date and its time.

    ``date`` is ``None`` only for a time written without a date; ``time`` is ``None`` when no
    time is written with the date.
    """

    start: int
    end: int
    text: str
    date: FuzzyDate | None
    time: TimeRange | None


# Token kinds besides those of ``parsing``: filler (dropped), range opener, time opener,
# part of a period, week word, provisional and unknown marks, a time, a bracket, a breaker.
_FILLER, _OPEN, _TOPEN, _PART, _WEEK = "_", "OPEN", "TOPEN", "PART", "WEEK"
_PROV, _UNK, _TIME, _PAREN, _BREAK, _COLON = "PROV", "UNK", "T", "PAREN", "X", "COLON"
_BREAKS = frozenset({_BREAK, _COLON})
_STARTS = frozenset({"D", "Y", "M", "W", "O", "BETWEEN", _OPEN, _PART, _WEEK, _UNK, _TIME})
_ENDS = frozenset({"D", "Y", "M", "Q", "S", _PROV, _UNK, _TIME})
_SUBSTANCE = frozenset({"M", "Y", "Q", "S", _PART, _WEEK, _UNK, _TIME})
_CORE = frozenset({"D", "Y", "M", "W", "O", "Q", "S", "AND", "TO", "BETWEEN", "COMMA"})
# Between a date and its time: "19 October 2020, at 9:00", "el 3 de marzo, de 10:00 a ...".
_GLUE = frozenset({_FILLER, _OPEN, _TOPEN, "COMMA", _PAREN, "TO"})
# Years read in running text; other four-digit numbers are amounts or symbols.
_YEARS = range(1900, 2100)
# The longest expression, in tokens ("del lunes 30 de noviembre al miércoles 2 de diciembre
# de 2020, de las 10:00 a las 13:00 horas" is 14).
_LONGEST = 24


@dataclass(frozen=True)
class _Word:
    kind: str
    value: int
    # A word that introduces a bare month or year ("in", "en", "durante").
    lead: bool
    # For an unknown mark: whether it starts with the word "date" and so stands alone.
    dated: bool = False


@dataclass(frozen=True)
class _Words:
    # Single words and phrases (tuples of words), folded and lower case.
    phrases: dict[tuple[str, ...], _Word]
    longest: int
    # First words of phrases of two words or more.
    openings: frozenset[str]
    # The phrases of one word, by that word.
    single: dict[str, _Word]
    # The beginnings of phrases of several words, shorter than the phrase.
    prefixes: frozenset[tuple[str, ...]]
    suffixes: frozenset[str]
    capitalized: bool
    numeric_order: str


def _words_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the tokenizer cuts it: folded, lower case, dots dropped, at hyphens too."""
    text = unaccent(phrase.lower())
    return tuple(w for w in re.findall(r"[^\W\d_]+'?|\d+|[()]", text) if w)


@functools.cache
def _vocabulary(lang: str) -> _Words:
    r = vocabulary(lang).reading
    base = _table(lang)
    leads = {_words_of(w) for w in r.period_leads}
    phrases: dict[tuple[str, ...], _Word] = {}

    def add(phrase: tuple[str, ...], kind: str, value: int = 0, dated: bool = False) -> None:
        if phrase and phrase not in phrases:
            phrases[phrase] = _Word(kind, value, phrase in leads, dated)

    # The date words of ``parse`` first ("between" is BETWEEN before it is a range opener),
    # then phrases, which win over the single words they start with.
    for word, (kind, value) in base.words.items():
        if kind != _FILLER:
            add(_words_of(word), kind, value)
    dates = {unaccent(w.lower()) for w in r.date_words}
    for mark in r.unknown_marks:
        words = _words_of(mark)
        add(words, _UNK, dated=bool(words) and words[0] in dates)
    for mark in r.provisional_marks:
        add(_words_of(mark), _PROV)
    for part, phrases_of_part in enumerate(r.month_parts, start=1):
        for phrase in phrases_of_part:
            add(_words_of(phrase), _PART, part)
    for word in r.week_words:
        add(_words_of(word), _WEEK)
    for word in r.time_openers:
        words = _words_of(word)
        if len(words) > 1:
            add(words, _TOPEN)
    for phrase in r.range_closers:
        if len(_words_of(phrase)) > 1:
            add(_words_of(phrase), "TO")
    for phrase in r.range_openers:
        words = _words_of(phrase)
        add(words, _OPEN if len(words) == 1 else _FILLER)
    for word in (*base.words, *r.day_words, *r.time_openers, *r.period_leads, *r.fillers):
        add(_words_of(word), _FILLER)
    # Leads that are also other words ("de" opens a range) keep their kind and are leads too.
    for key, known in list(phrases.items()):
        if key in leads and not known.lead:
            phrases[key] = _Word(known.kind, known.value, True, known.dated)
    longest = max(len(p) for p in phrases)
    return _Words(
        phrases=phrases,
        longest=longest,
        openings=frozenset(p[0] for p in phrases if len(p) > 1),
        single={p[0]: w for p, w in phrases.items() if len(p) == 1},
        prefixes=frozenset(p[:n] for p in phrases for n in range(1, len(p))),
        suffixes=frozenset({*base.suffixes, "°", "º"}),
        capitalized=r.months_capitalized,
        numeric_order=r.numeric_order,
    )


@dataclass(slots=True)
class _Token:
    kind: str
    value: int
    start: int
    end: int
    lead: bool = False
    dated: bool = False
    capital: bool = True
    time: TimeRange | None = None


_PIECE = re.compile(
    # Words first: most pieces are words, and a word never starts with a digit.
    r"(?P<word>[^\W\d_]+'?)"
    # A date in numbers, with one separator and a four-digit year: "15/03/2021", "15.03.2021".
    r"|(?P<numeric>(?<![\w/.])(?P<n1>\d{1,2})(?P<nsep>[/.])(?P<n2>\d{1,2})(?P=nsep)"
    r"(?P<ny>\d{4})(?![\w/]|\.\d))"
    # A day with its ordinal suffix: "1er", "1°", "1º", "3rd", and with a dot, "1.º", "1.er".
    r"|(?P<num>\d+)(?P<suffix>[^\W\d_]+|\.?[°º]|\.(?:er|o)(?![^\W\d_]))?"
    r"|(?P<dash>-)"
    r"|(?P<comma>,)"
    r"|(?P<paren>[()])"
    r"|(?P<dot>\.)"
    r"|(?P<colon>:)"
    r"|(?P<other>\S)"
)


def _tokens(text: str, lang: str) -> list[_Token]:
    """The tokens of folded ``text``: times first, then words, numbers and punctuation."""
    words = _vocabulary(lang)
    tokens: list[_Token] = []
    position = 0
    for found, start, end in (*times_in_folded(text, lang), (None, len(text), len(text))):
        _pieces(text, position, start, words, tokens)
        if found is not None:
            tokens.append(_Token(_TIME, 0, start, end, time=found))
        position = end
    return tokens


def _pieces(text: str, start: int, end: int, words: _Words, tokens: list[_Token]) -> None:
    raw = list(_PIECE.finditer(text, start, end))
    single = words.single
    i = 0
    while i < len(raw):
        match = raw[i]
        i += 1
        group = match.lastgroup
        if group == "word":
            piece = match.group()
            lowered = piece.lower()
            if lowered in words.openings:
                # Phrases of several words ("a mediados", "to be confirmed"), longest first.
                phrase_end = _phrase(raw, i - 1, words)
                if phrase_end is not None:
                    last, hit = phrase_end
                    tokens.append(
                        _Token(
                            hit.kind, hit.value, match.start(), raw[last].end(), hit.lead, hit.dated
                        )
                    )
                    i = last + 1
                    continue
            found = single.get(lowered)
            if found is None and lowered[-1] == "'":
                found = single.get(lowered[:-1])
            if found is None:
                if not tokens or tokens[-1].kind != _BREAK:
                    tokens.append(_Token(_BREAK, 0, match.start(), match.end()))
            else:
                tokens.append(
                    _Token(
                        found.kind,
                        found.value,
                        match.start(),
                        match.end(),
                        found.lead,
                        found.dated,
                        piece[0].isupper(),
                    )
                )
        elif match["numeric"] is not None:
            tokens.extend(_numeric(match, words))
        elif group == "num" or group == "suffix":
            tokens.append(_number(text, match, words))
        elif group == "dash":
            a = match.start()
            previous = tokens[-1] if tokens else None
            # "mid-March", "mi-2020": the hyphen of a part word joins nothing.
            if previous is not None and previous.kind == _PART and previous.end == a:
                continue
            tokens.append(_Token("TO", 0, a, match.end()))
        elif group == "comma":
            tokens.append(_Token("COMMA", 0, match.start(), match.end()))
        elif group == "paren":
            tokens.append(_Token(_PAREN, 0, match.start(), match.end()))
        elif group == "colon":
            tokens.append(_Token(_COLON, 0, match.start(), match.end()))
        elif group == "dot":
            a = match.start()
            previous = tokens[-1] if tokens else None
            # The dot of an abbreviation ("Sept.", "prov.") belongs to its word.
            if previous is None or previous.end != a or previous.kind in ("D", "Y", _BREAK):
                tokens.append(_Token(_BREAK, 0, a, match.end()))
        elif not tokens or tokens[-1].kind != _BREAK:
            tokens.append(_Token(_BREAK, 0, match.start(), match.end()))


def _phrase(raw: list[re.Match[str]], first: int, words: _Words) -> tuple[int, _Word] | None:
    """The longest phrase of several words starting at ``raw[first]``: its last piece."""
    parts: list[str] = []
    best: tuple[int, _Word] | None = None
    for index in range(first, min(len(raw), first + 2 * words.longest)):
        match = raw[index]
        piece = match.group(0).lower()
        group = match.lastgroup
        if group == "dot" or group == "dash":
            continue  # "prov.", "mi-", "meio-dia": dots and hyphens inside a phrase
        if group not in ("word", "paren", "num", "suffix"):
            break
        parts.append(piece)
        key = tuple(parts)
        found = words.phrases.get(key)
        if found is not None and len(parts) > 1:
            best = (index, found)
        if key not in words.prefixes:
            break
    return best


def _numeric(match: re.Match[str], words: _Words) -> list[_Token]:
    """A date in numbers as day, month and year tokens in the text's order, or a breaker.

    The language's order decides ("dmy", "mdy"); when its month would be above 12 and its day
    is not, the two are read the other way round ("25/12/2020" in an English text)."""
    first, second, year = int(match["n1"]), int(match["n2"]), int(match["ny"])
    order = words.numeric_order
    if order == "mdy" and first > 12 >= second:
        order = "dmy"
    elif order == "dmy" and second > 12 >= first:
        order = "mdy"
    day, month = (first, second) if order == "dmy" else (second, first)
    if not (1 <= day <= 31 and 1 <= month <= 12 and year in _YEARS):
        return [_Token(_BREAK, 0, *match.span())]
    spans = (match.span("n1"), match.span("n2"))
    first_kind, second_kind = ("D", "M") if order == "dmy" else ("M", "D")
    return [
        _Token(first_kind, first, *spans[0]),
        _Token(second_kind, second, *spans[1]),
        _Token("Y", year, *match.span("ny")),
    ]


def _number(text: str, match: re.Match[str], words: _Words) -> _Token:
    a, b = match.span()
    digits, suffix = match["num"], match["suffix"]
    before = text[a - 1] if a > 0 else " "
    after = text[b : b + 2]
    # Not inside a symbol, a decimal or an amount: "A/75/1", "XLIX-O/19", "12.5", "2,000".
    glued = before.isalnum() or before in "/." or after[:1] == "/"
    glued = glued or (after[:1] in ".," and after[1:2].isdigit())
    if not glued and suffix is None and len(digits) == 4 and int(digits) in _YEARS:
        return _Token("Y", int(digits), a, b)
    suffix_ok = suffix is None or suffix.lower().lstrip(".") in words.suffixes
    if not glued and suffix_ok and len(digits) <= 2 and 1 <= int(digits) <= 31:
        return _Token("D", int(digits), a, b)
    return _Token(_BREAK, 0, a, b)


def find(text: str, lang: str, *, period: Period | None = None) -> list[Found]:
    """Every date and time expression in ``text``, written in ``lang``.

    ``period`` (first and last day) supplies a missing year, as in ``parse``. See the module's
    docstring for what counts as an expression and for the contract.
    """
    if not isinstance(text, str):
        raise DateParseError(f"expected text, got {text!r}")
    if period is not None and not (
        isinstance(period, tuple)
        and len(period) == 2
        and all(isinstance(d, date) for d in period)
        and period[0] <= period[1]
    ):
        raise DateParseError(f"a period is two dates, the first not after the last: {period!r}")
    words = _vocabulary(lang)
    folded = fold(text)
    tokens = _tokens(folded.text, lang)
    found: list[Found] = []
    # Where the run of tokens from each token stops (at a breaker or the end).
    stops = [len(tokens)] * (len(tokens) + 1)
    # Where the next token that can make a date is: a month, a year, a quarter or half year,
    # a part or week word, an unknown mark, a time. A run without one holds no expression
    # ("1, 2, 3 ..." is read in linear time).
    substance = [len(tokens)] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        stops[k] = k if tokens[k].kind in _BREAKS else stops[k + 1]
        substance[k] = k if tokens[k].kind in _SUBSTANCE else substance[k + 1]
    i = 0
    while i < len(tokens):
        if tokens[i].kind not in _STARTS:
            i += 1
            continue
        run_end = min(stops[i], i + _LONGEST)
        if substance[i] >= run_end:
            i += 1
            continue
        lead = i > 0 and tokens[i - 1].lead
        # A mark as a label before the date: "Tentative date: 4 March 2021".
        labelled = i > 1 and tokens[i - 1].kind == _COLON and tokens[i - 2].kind == _PROV
        for j in range(run_end, i, -1):
            if tokens[j - 1].kind not in _ENDS:
                continue
            reading = _interpret(tokens[i:j], lead, labelled, period, words)
            if reading is None:
                continue
            last = tokens[j - 1].end
            # A bracket opened inside the expression closes it: "November (tentative)".
            opened = sum(folded.text[t.start] == "(" for t in tokens[i:j] if t.kind == _PAREN)
            closed = sum(1 for t in tokens[i:j] if t.kind == _PAREN) - opened
            if opened > closed and j < len(tokens) and folded.text[tokens[j].start] == ")":
                last = tokens[j].end
            start, end = folded.span(tokens[i].start, last)
            found.append(Found(start, end, text[start:end], *reading))
            i = j - 1
            break
        i += 1
    return found


def _interpret(
    tokens: list[_Token], lead: bool, labelled: bool, period: Period | None, words: _Words
) -> tuple[FuzzyDate | None, TimeRange | None] | None:
    """The date and time of ``tokens`` read as one expression, or ``None``."""
    times = [k for k, t in enumerate(tokens) if t.kind == _TIME]
    moment: TimeRange | None = None
    if times:
        if len(times) > 1 or times[0] != len(tokens) - 1:
            return None
        moment = tokens[-1].time
        if len(tokens) == 1:
            return None, moment
        tokens = tokens[:-1]
        # What joins the date to its time: a comma, "at", "de", a bracket.
        while tokens and tokens[-1].kind in _GLUE:
            tokens = tokens[:-1]
        if not tokens or tokens[-1].kind not in _ENDS:
            return None
    value = _date(tokens, lead, period, words)
    if value is not None and labelled and value.precision is not Precision.UNKNOWN:
        value = value.with_provisional(True)
    return None if value is None else (value, moment)


def _date(
    tokens: list[_Token], lead: bool, period: Period | None, words: _Words
) -> FuzzyDate | None:
    provisional = unknown = dated = False
    core: list[_Tok] = []
    part = 0
    week = False
    for index, token in enumerate(tokens):
        kind = token.kind
        if kind == _PROV:
            provisional = True
        elif kind == _UNK:
            unknown, dated = True, token.dated
        elif kind == _PART:
            if core or part or week:
                return None
            part = token.value
        elif kind == _WEEK:
            if core or part or week:
                return None
            week = True
        elif kind in _CORE:
            if provisional or unknown:
                return None  # a mark stands after its date
            if kind in ("M", "W") and words.capitalized and not token.capital:
                return None  # English "may", "sun"
            core.append(_Tok(kind, token.value, ""))
        elif kind == _OPEN and index == 0 and not any(t.kind == "TO" for t in tokens):
            return None  # "du", "from" open a range only
    if not core:
        return FuzzyDate.unknown() if unknown and dated and not provisional else None
    kinds = {t.kind for t in core}
    if not kinds & {"M", "Y", "Q", "S"}:
        return None  # days without a month ("3, 5 et 7"), weekdays, ordinals: never a date
    bare = not kinds & {"D", "Q", "S", "Y"} and not part and not week
    # A bare month: introduced by a word ("in March", "en mai"), a range or a mark.
    if bare and not lead and "TO" not in kinds and not (provisional or unknown):
        return None
    try:
        value = _read(core, period)
    except WeekdayMismatchError as error:
        value = error.value
    except ValueError:  # DateParseError and FuzzyDateError from building the value
        return None
    try:
        if part:
            if value.precision is Precision.MONTH:
                value = _part_of_month(value, part)
            elif value.precision is not Precision.YEAR:
                return None
        if week and value.precision is Precision.DAY:
            assert value.first_day is not None
            monday = value.first_day - timedelta(days=value.first_day.weekday())
            value = FuzzyDate.range(monday, monday + timedelta(days=6))
        marked = provisional or unknown
        return value.with_provisional(True) if marked and not value.provisional else value
    except ValueError:
        return None


__all__ = ["Found", "find"]
