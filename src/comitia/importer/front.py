"""The document's front sections: title, introduction, bureau, mandates, methodology, budget."""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal

from comitia.catalog import LANGUAGES, compiled_messages
from comitia.dates import FuzzyDate, Precision, find
from comitia.importer.context import Context, contains_any, fold, slug
from comitia.importer.source import Line, clean
from comitia.plan import (
    Appropriation,
    ClaimedCount,
    CountClaim,
    Mandate,
    MandateGroup,
    Officer,
    OfficerRole,
    RequestedEvent,
    ThematicArea,
)
from comitia.symbols import SYMBOL_PATTERN, find_symbols

_TERM = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})\b")


def read_front(ctx: Context, lines: list[Line]) -> tuple[str, date | None]:
    """The title (lines before the first heading) and the approval date; sets the term."""
    title_lines: list[str] = []
    approved_on: date | None = None
    for line in lines:
        if line.blank:
            continue
        if find_symbols(line.text) and find_symbols(line.text)[0].original == line.text:
            # The document's symbol printed above its title.
            ctx.report.counts["document symbol"] += 1
            ctx.symbol = line.text
            ctx.use(line)
            continue
        if len(title_lines) >= 4:
            # A title runs over a few lines; more is text the importer did not place.
            continue
        if contains_any(line.text, ctx.words.approved_marks):
            for value, _, _ in ctx.find_dates(line.text):
                if value.precision is Precision.DAY and value.first_day:
                    approved_on = value.first_day
                    ctx.use(line, "approval")
            continue
        if title_lines and _is_dated_session(ctx, line.text):
            # A day with a time, a day alone or a time that starts a line: a meeting of a
            # document with no heading, never its title.
            continue
        title_lines.append(line.text)
        ctx.use(line)
    title = " ".join(title_lines)
    match = _TERM.search(title)
    if match:
        first, last = int(match[1]), int(match[2])
        # An OAS term runs from October to the next September.
        ctx.period = (date(first, 10, 1), date(last, 9, 30))
    for _, known in ctx.bodies_in(title):
        if known.id not in ("ag", "cp"):
            ctx.committee = ctx.body(known.id)
            break
    return title, approved_on


def _is_dated_session(ctx: Context, text: str) -> bool:
    found = find(text, ctx.lang, period=ctx.period)
    days = [f for f in found if f.date is not None and f.date.precision is Precision.DAY]
    times = [f for f in found if f.time is not None]
    if days and times:
        return True
    if days and len(days[0].text) >= 0.7 * len(text.strip(" :.")):
        return True
    return bool(times) and times[0].start <= 3


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[a-zé)»\]])\.\s+(?=[A-ZÀ-Ý])", text) if s.strip()]


def read_counts(ctx: Context, line: Line) -> list[CountClaim]:
    """Counts of meetings stated in prose: "5 réunions ... et 13 réunions ordinaires"."""
    words = ctx.words
    numbers = "|".join(re.escape(w) for w in sorted(words.number_words, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(words.meeting_nouns, key=len, reverse=True))
    # English puts the qualifier before the noun ("4 regular meetings", "three half-day
    # meetings"); French, Spanish and Portuguese after it ("13 réunions ordinaires").
    pattern = re.compile(
        rf"(?<!\w)(\d{{1,3}}|{numbers})\s+((?:[\w-]+\s+){{0,2}}?)(?:{nouns})(?!\w)",
        re.IGNORECASE,
    )
    claims: list[CountClaim] = []
    for sentence in _sentences(line.text):
        matches = list(pattern.finditer(sentence))
        for i, match in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
            qualifier = match[2] + sentence[match.end() : end]
            counts = ClaimedCount.COMMITTEE_MEETINGS
            for kind, phrases in words.count_qualifiers.items():
                if contains_any(qualifier, phrases):
                    counts = ClaimedCount(kind)
                    break
            token = match[1]
            number = int(token) if token.isdigit() else words.number_words[token.lower()]
            claims.append(
                CountClaim(counts=counts, number=number, text=ctx.text(sentence), line=line.number)
            )
    return claims


def read_intro(ctx: Context, lines: list[Line]) -> tuple[date | None, str | None, list[CountClaim]]:
    installed_on: date | None = None
    installed_by: str | None = None
    claims: list[CountClaim] = []
    for line in lines:
        if line.blank:
            continue
        found = read_counts(ctx, line)
        if found:
            claims.extend(found)
            ctx.use(line)
            ctx.report.counts["count claims"] += len(found)
        if contains_any(line.text, ctx.words.installed_marks):
            for sentence in _sentences(line.text):
                if not contains_any(sentence, ctx.words.installed_marks):
                    continue
                days = [v for v, _, _ in ctx.find_dates(sentence) if v.precision is Precision.DAY]
                bodies = ctx.bodies_in(sentence)
                if days and bodies:
                    installed_on = days[0].first_day
                    installed_by = ctx.body(bodies[0][1].id)
                    ctx.use(line, "installation")
    return installed_on, installed_by, claims


_ROLE_ORDER = (
    OfficerRole.FIRST_VICE_CHAIR,
    OfficerRole.SECOND_VICE_CHAIR,
    OfficerRole.THIRD_VICE_CHAIR,
)


def read_bureau(ctx: Context, lines: list[Line]) -> list[Officer]:
    officers: list[Officer] = []
    for line in lines:
        if line.blank:
            continue
        found = _officers(ctx, line)
        if found:
            officers.extend(found)
            ctx.use(line)
            if line.bullet or line.numbered:
                _use_lead_in(ctx, lines, line)
    ctx.report.counts["officers"] += len(officers)
    return officers


def _officers(ctx: Context, line: Line) -> list[Officer]:
    words = ctx.words
    text = line.text
    days = [(v, s) for v, s, _ in ctx.find_dates(text) if v.precision is Precision.DAY]
    if not days:
        return []
    elected_on = days[0][0].first_day
    assert elected_on is not None
    # The elector: the committee itself, or the first body named.
    elected_by: str | None = None
    if contains_any(text, words.committee_self) and ctx.committee:
        self_at = min(
            (fold(text).find(fold(p)) for p in words.committee_self if fold(p) in fold(text)),
            default=-1,
        )
        bodies = ctx.bodies_in(text)
        if not bodies or (self_at >= 0 and self_at < bodies[0][0]):
            elected_by = ctx.committee
    if elected_by is None:
        # The first body named: the elector ("le Conseil permanent ... a élu Président de la
        # Commission"), or in a list "(élection du ..., Conseil permanent)".
        bodies = ctx.bodies_in(text)
        elected_by = ctx.body(bodies[0][1].id) if bodies else None
    if elected_by is None:
        return []
    roles = _roles(ctx, text)
    people = _people(ctx, text)
    if not roles or len(roles) != len(people):
        if people:
            ctx.warn(line, f"{len(people)} people but {len(roles)} roles in the bureau")
        return []
    officers = []
    for role, (honorific, person, position) in zip(roles, people, strict=True):
        state = ctx.country(position)
        if state is None:
            ctx.warn(line, f"no member state found in {position!r}")
            continue
        officers.append(
            Officer(
                role=role,
                person=person,
                honorific=ctx.text(honorific) if honorific else None,
                position=ctx.text(position),
                state=state,
                elected_on=elected_on,
                elected_by=elected_by,
            )
        )
    return officers


def _roles(ctx: Context, text: str) -> list[OfficerRole]:
    words = ctx.words
    ordinals = {fold(o): i for i, group in enumerate(words.role_ordinals) for o in group}
    ordinal = "|".join(re.escape(o) for o in sorted(ordinals, key=len, reverse=True))
    vice = "|".join(
        re.escape(fold(v)) for v in sorted(words.vice_chair_words, key=len, reverse=True)
    )
    chair = "|".join(re.escape(fold(c)) for c in words.chair_words)
    conj = "|".join(re.escape(c) for c in words.conjunctions)
    pattern = re.compile(
        rf"(?<![\w-])(?:((?:{ordinal})(?:\s*(?:,|{conj})\s*(?:{ordinal}))*)\s+(?:{vice})"
        rf"|(?<!vice-)(?<!vice )(?:{chair})|(?:{vice}))(?!\w)"
    )
    roles: list[OfficerRole] = []
    for match in pattern.finditer(fold(text)):
        if match[1]:
            for word in re.findall(rf"{ordinal}", match[1]):
                roles.append(_ROLE_ORDER[min(ordinals[word], 2)])
        elif not re.fullmatch(chair, match.group(0)):
            # A vice chair named without an ordinal: the first.
            roles.append(OfficerRole.FIRST_VICE_CHAIR)
        else:
            roles.append(OfficerRole.CHAIR)
    return roles


def _people(ctx: Context, text: str) -> list[tuple[str | None, str, str]]:
    """(honorific, name, position) of each person named "Honorific Name, Position"."""
    honorifics = sorted(ctx.words.honorifics, key=len, reverse=True)
    hon = "|".join(re.escape(h) for h in honorifics)
    # Names in capitals whatever the case of the words around them ("y al señor Luis Pérez").
    name = r"(?-i:[A-ZÀ-Ý][\w’'-]+(?:\s+(?:de |da |del |dos )?[A-ZÀ-Ý][\w’'-]+)+)(?!\.)"
    conj = "|".join(re.escape(c) for c in ctx.words.conjunctions)
    pattern = re.compile(
        rf"(?:(?<!\w)({hon})\s+|,?\s+(?:{conj})\s+)({name}),\s+(.+?)(?=\s\(|,\s+(?:{conj})\s|,?\s+\w+\s+(?:premier|first|primer|primeiro|deuxi|segund|second|troisi|third|terce)|,\s|\.\s*$|\.?$)",
        re.IGNORECASE,
    )
    people: list[tuple[str | None, str, str]] = []
    last_honorific: str | None = None
    for match in pattern.finditer(text):
        person = match[2]
        if not person[0].isupper():
            continue
        if match[1]:
            last_honorific = ctx.words.honorifics[match[1].lower()]
        elif last_honorific is None:
            continue
        position = match[3].strip().rstrip(".")
        if ctx.country(position) is None:
            continue
        people.append((last_honorific, person, position))
    return people


def read_mandates(ctx: Context, lines: list[Line]) -> list[Mandate]:
    words = ctx.words
    group: MandateGroup | None = None
    group_notes: list[str] = []
    lead_in: str | None = None
    article: str | None = None
    mandates: list[Mandate] = []
    ids: set[str] = set()
    for line in lines:
        if line.blank:
            continue
        text = line.text.strip()
        symbols = find_symbols(text)
        is_group = (
            not symbols
            # "Del Quincuagésimo tercero Período Ordinario de Sesiones de 2023" is 63 long.
            and len(text) < 80
            and any(contains_any(text, p) for p in words.mandate_groups.values())
        )
        is_lead_in = not symbols and ctx.article(text) is not None
        if (text.endswith(":") or is_group or is_lead_in) and (line.numbered or line.bullet):
            heading = text.rstrip(" :")
            matched = False
            if not symbols:
                for name, phrases in words.mandate_groups.items():
                    if contains_any(heading, phrases) and not ctx.article(heading):
                        group, lead_in, article = MandateGroup(name), None, None
                        group_notes = [f.text for f in line.footnotes]
                        for f in line.footnotes:
                            ctx.use_footnote(line, f.number)
                        matched = True
                        break
            if not matched:
                lead_in, article = heading, ctx.article(heading)
            ctx.use(line)
            continue
        if group is None or not (line.numbered or line.bullet):
            if text.endswith(":") and not (line.numbered or line.bullet):
                # "... a confié à la CSH le mandat suivant :" introduces the list.
                ctx.use(line)
            continue
        notes = [*group_notes]
        if lead_in:
            notes.append(lead_in)
        excluded: list[str] = []
        for footnote in line.footnotes:
            notes.append(footnote.text)
            ctx.use_footnote(line, footnote.number)
            if contains_any(footnote.text, words.assigned_elsewhere):
                citations, _ = ctx.citations(footnote.text)
                excluded = [p for c in citations for p in c.paragraphs]
                if not excluded:
                    excluded = [
                        p
                        for m in re.finditer(
                            r"\d{1,3}(?:\s*(?:,|et|and|y|e)\s*\d{1,3})+", footnote.text
                        )
                        for p in re.findall(r"\d{1,3}", m.group(0))
                    ]
        if article is not None:
            known = ctx.body_at_start(text) or next((b for _, b in ctx.bodies_in(text)), None)
            # The source is data, named in the content's language.
            source = next((n for n in ctx.content_words.charter_names if n[0].isupper()), "Charter")
            mandate_id = slug(
                f"{source.split()[0]}-{article.replace(' ', '')}-{known.id if known else text}"
            )
            mandate = Mandate(
                id=_unique(mandate_id, ids),
                group=group,
                title=ctx.text(text),
                source=source,
                article=article,
                body=ctx.body(known.id) if known else None,
                notes=[ctx.text(n) for n in notes],
            )
        elif symbols:
            source = symbols[0].original
            mandate = Mandate(
                id=_unique(slug(re.sub(r"/\d{2}$", "", source.split(" (")[0])), ids),
                group=group,
                title=ctx.text(text),
                source=source,
                excluded_paragraphs=excluded,
                notes=[ctx.text(n) for n in notes],
            )
            if group is MandateGroup.GENERAL_ASSEMBLY and ctx.default_mandate is None:
                ctx.default_mandate = mandate.id
        else:
            continue
        mandates.append(mandate)
        ctx.use(line, "mandates")
    ctx.mandates = mandates
    return mandates


def _unique(candidate: str, ids: set[str]) -> str:
    result, n = candidate, 2
    while result in ids:
        result, n = f"{candidate}-{n}", n + 1
    ids.add(result)
    return result


def read_requested(ctx: Context, lines: list[Line]) -> list[RequestedEvent]:
    """Events the General Assembly asked for: numbered lines that end with their date."""
    events: list[RequestedEvent] = []
    events_first: list[int] = []
    ids: set[str] = set()
    for line in lines:
        if line.blank or not (line.numbered or line.bullet):
            continue
        text = line.text.strip().rstrip(" ;.")
        parts = [p.strip() for p in re.split(r"\s*;\s*", text) if p.strip()]
        when: FuzzyDate | None = None
        venue: str | None = None
        if len(parts) >= 2:
            when = ctx.date(parts[-1], line)
            title = "; ".join(parts[:-1])
        if when is None:
            pieces = [p.strip() for p in text.split(",")]
            if len(pieces) >= 2:
                when = ctx.date(pieces[-1], line)
                title = ", ".join(pieces[:-1])
                if when is not None and len(pieces) >= 3 and ctx.country(pieces[-2]):
                    venue = pieces[-2]
                    title = ", ".join(pieces[:-2])
        if when is None:
            continue
        events_first.append(line.number)
        events.append(
            RequestedEvent(
                id=_unique(slug(title, 40), ids),
                title=ctx.text(title),
                when=when,
                venue=ctx.text(venue) if venue else None,
            )
        )
        ctx.use(line, "requested events")
    if events:
        first = next(line for line in lines if line.number == events_first[0])
        _use_lead_in(ctx, lines, first)
    return events


def _use_lead_in(ctx: Context, lines: list[Line], first: Line) -> None:
    """The line ending with ":" that introduces a list is part of it."""
    before = [line for line in lines if line.number < first.number and not line.blank]
    if before and before[-1].text.endswith(":"):
        ctx.use(before[-1])


def read_areas(ctx: Context, lines: list[Line]) -> list[ThematicArea]:
    """The thematic areas: the longest run of three or more numbered lines."""
    runs: list[list[Line]] = [[]]
    for line in lines:
        if (line.numbered or line.bullet) and not find_symbols(line.text):
            runs[-1].append(line)
        elif not line.blank:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 3:
        return []
    _use_lead_in(ctx, lines, best[0])
    areas = []
    for number, line in enumerate(best, start=1):
        title = line.text.rstrip(" ;.")
        areas.append(ThematicArea(id=f"area-{number}", number=number, title=ctx.text(title)))
        ctx.use(line, "thematic areas")
    return areas


_AMOUNT = re.compile(
    r"(?:US\s?\$|USD|U\$S|\$)\s?(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,](\d{2}))?(?!\d)"
)


# The sentence that opens the table of planned cost in a document that Comitia wrote (its
# renderer's message, comitia.render.document.build); the table after it is derived.
BUDGET_TABLE_LEAD_IN = (
    "The table below compares, for each budget period, the appropriation with the estimated "
    "cost of the meetings of the calendar, and gives the balance."
)
BUDGET_TABLE = "budget table (derived, not kept)"


@functools.cache
def _budget_table_lead_ins() -> frozenset[str]:
    """The lead-in of the budget table in each language of the renderer's catalog."""
    found = {clean(BUDGET_TABLE_LEAD_IN)}
    for lang in LANGUAGES:
        messages = compiled_messages(lang)
        message = messages.get(BUDGET_TABLE_LEAD_IN) if messages is not None else None
        if message is not None and isinstance(message.string, str) and message.string:
            found.add(clean(message.string))
    return frozenset(found)


def read_budget(ctx: Context, lines: list[Line]) -> list[Appropriation]:
    """The appropriations that the budget section states, with their basis and period.

    In a document that Comitia wrote, the section ends with a table of each period's
    appropriation, estimated cost and balance: derived figures, which are not read again.
    """
    appropriations: list[Appropriation] = []
    ids: set[str] = set()
    basis: tuple[str, str | None, str | None] | None = None
    in_table = False
    for line in lines:
        if line.blank:
            continue
        in_table = in_table or line.text in _budget_table_lead_ins()
        if in_table:
            ctx.use(line, BUDGET_TABLE)
            continue
        used = False
        for sentence in _sentences(line.text):
            for match in _AMOUNT.finditer(sentence):
                before = sentence[: match.start()]
                symbols = list(SYMBOL_PATTERN.finditer(before))
                if symbols:
                    last = symbols[-1]
                    symbol = find_symbols(last.group(0))[0]
                    title = quoted(before[last.end() :])
                    bodies = [b for b in ctx.bodies_in(before) if b[1].id != ctx.committee]
                    approved_by = ctx.body(bodies[0][1].id) if bodies else None
                    basis = (symbol.original, title, approved_by)
                after = sentence[match.end() : match.end() + 80]
                just_before = sentence[max(0, match.start() - 25) : match.start()]
                if contains_any(after, ctx.words.difference_marks) or contains_any(
                    just_before, ctx.words.difference_marks
                ):
                    ctx.report.counts["budget differences (derived, not kept)"] += 1
                    used = True
                    continue
                if basis is None:
                    continue
                period = _nearest_period(ctx, sentence, match.start(), match.end())
                if period is None:
                    ctx.warn(line, f"no period for the amount {match.group(0)!r}")
                    continue
                whole = re.sub(r"[.,\s]", "", match[1])
                amount = Decimal(whole) + (Decimal(match[2]) / 100 if match[2] else 0)
                for footnote in line.footnotes:
                    ctx.use_footnote(line, footnote.number)
                appropriations.append(
                    Appropriation(
                        id=_unique(f"budget-{slug(str(period))}", ids),
                        period=period,
                        amount=amount,
                        basis=basis[0],
                        basis_title=ctx.text(basis[1]) if basis[1] else None,
                        approved_by=basis[2],
                        notes=[ctx.text(f.text) for f in line.footnotes],
                    )
                )
                ctx.report.counts["appropriations"] += 1
                used = True
        if used:
            ctx.use(line)
    return appropriations


# Quotation marks: French « », and the “ ” that Comitia prints in English, Spanish, Portuguese.
_QUOTES = {"«": "»", "“": "”"}


def quoted(text: str) -> str | None:
    """The text between the first « (or “) and its closing mark, nested quotes kept (and
    closed)."""
    starts = [i for i in (text.find(mark) for mark in _QUOTES) if i >= 0]
    if not starts:
        return None
    start = min(starts)
    opening, closing = text[start], _QUOTES[text[start]]
    depth, i = 0, start
    for i in range(start, len(text)):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return text[start + 1 : i].strip()
    inner = text[start + 1 :]
    end = inner.find(closing)
    if end < 0:
        return None
    return inner[: end + 1].strip()


def _nearest_period(ctx: Context, sentence: str, start: int, end: int) -> FuzzyDate | None:
    best: tuple[int, FuzzyDate] | None = None
    quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»|“[^”]*”", sentence)]
    for value, s, e in ctx.find_dates(sentence):
        if any(a <= s < b for a, b in quoted):
            continue
        distance = s - end if s >= end else start - e
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
