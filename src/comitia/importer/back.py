"""The back of the document: its month-by-month summary and the reminders of reports."""

from __future__ import annotations

import re
from datetime import date

from comitia.dates import FuzzyDate, Precision
from comitia.importer.context import Context, contains_any, fold, slug, starts_with_any
from comitia.importer.source import Line, is_page_number
from comitia.plan import (
    Frequency,
    NonMeetingDay,
    Parties,
    ReportingObligation,
    SummaryClaim,
)
from comitia.symbols import find_symbols

_DAY_ROW = re.compile(r"^(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)\s*(?:\((.*)\))?$")
# A day and its entry on one line: "21 – Regular meeting", "3-4: Seminar".
_DAY_AND_TITLE = re.compile(r"^(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)\s*[–—:-]\s+(\S.*)$")
# Word's file codes printed after some paragraphs: ".CPSC04188E04", "cp27822e01".
_FILE_CODE = re.compile(r"\s*\.?\b[A-Za-z]{2,4}\d{5}[A-Za-z]\d{2}\b\s*$")


def read_summary(ctx: Context, lines: list[Line]) -> tuple[list[SummaryClaim], list[NonMeetingDay]]:
    claims: list[SummaryClaim] = []
    holidays: list[NonMeetingDay] = []
    year: int | None = None
    month: str | None = None
    day: str | None = None
    last: SummaryClaim | None = None
    whole: FuzzyDate | None = None
    for line in lines:
        if line.blank or is_page_number(line):
            if is_page_number(line):
                ctx.use(line)
            continue
        text = line.text
        if re.fullmatch(r"(?:19|20)\d{2}", text):
            year, month, day = int(text), None, None
            ctx.use(line)
            continue
        if ctx.date(f"{text} 2000") is not None and not re.search(r"\d", text):
            month, day = text, None
            ctx.use(line)
            continue
        if (labelled := _month_and_year(ctx, text, month)) is not None:
            # "October 2021", "OCTUBRE DE 2021": the month and its year (under the month's
            # own label, "mars 2020" is an entry for the whole month).
            month, year, day = labelled[0], labelled[1], None
            ctx.use(line)
            continue
        if (match := _DAY_ROW.match(text)) is not None:
            day, whole = match[1] + (f" ({match[2]})" if match[2] else ""), None
            ctx.use(line)
            continue
        if month is not None and (inline := _DAY_AND_TITLE.match(text)) is not None:
            # "21 – Regular meeting of the CSH": the day and its entry on one line.
            day, whole, text = inline[1], None, inline[2]
        if year is not None and re.search(r"\b(?:19|20)\d{2}\b", text):
            value = ctx.date(text, line)
            if value is not None:
                whole, day = value, "whole"
                ctx.use(line)
                continue
        if text.startswith("(") and last is not None:
            claims[-1] = last = last.model_copy(update={"title": ctx.text(f"{last.title} {text}")})
            ctx.use(line)
            continue
        when: FuzzyDate | None = whole
        if whole is None:
            if day is None or month is None or year is None:
                continue
            number = day.split(" (")[0]
            when = ctx.date(f"{number.replace('–', '-')} {month} {year}", line)
        if when is None:
            continue
        title = text
        if contains_any(title, ctx.words.holidays) and when.precision is Precision.DAY:
            assert when.first_day is not None
            holidays.append(NonMeetingDay(date=when.first_day, name=ctx.text(title)))
            ctx.use(line, "non-meeting days")
            last = None
            continue
        if whole is None and day is not None and "(" in day:
            title = f"{title} {day[day.index('(') :].strip()}"
        mark = re.search(r"\s*\(([^()]*)\)\s*$", title)
        if (
            mark
            and ctx.date(f"{mark[1]} 2000") is not None
            and str(ctx.date(f"{mark[1]} 2000")) == "2000?"
        ):
            when = when.with_provisional(True)
        committee = _names_committee(ctx, title)
        last = SummaryClaim(when=when, title=ctx.text(title), committee=committee, line=line.number)
        claims.append(last)
        ctx.use(line, "summary claims")
    return claims, holidays


def _month_and_year(ctx: Context, text: str, current: str | None) -> tuple[str, int] | None:
    """The month's name and the year of a label such as "October 2021" for another month than
    ``current``, else ``None``."""
    years = re.findall(r"\b((?:19|20)\d{2})\b", text)
    if len(years) != 1 or re.search(r"\d", text.replace(years[0], "")) or len(text) > 30:
        return None
    value = ctx.date(text)
    if value is None or value.precision is not Precision.MONTH:
        return None
    name = re.sub(r"\s*(?:de\s+|of\s+)?" + years[0], "", text).strip(" ,")
    if current is not None:
        same = ctx.date(f"{current} 2000")
        if (
            same is not None
            and same.first_day
            and value.first_day
            and same.first_day.month == value.first_day.month
        ):
            return None
    return name, int(years[0])


def _names_committee(ctx: Context, title: str) -> bool:
    if ctx.committee is None:
        return False
    return any(known.id == ctx.committee for _, known in ctx.bodies_in(title))


def read_reminders(ctx: Context, lines: list[Line]) -> list[ReportingObligation]:
    words = ctx.words
    drafts: list[dict[str, object]] = []
    voluntary = False
    mode: Frequency | None = None
    headings = {
        Frequency.VOLUNTARY: words.voluntary_headings,
        Frequency.BIENNIAL: words.biennial_headings,
        Frequency.STANDING: words.standing_headings,
    }
    ids: set[str] = set()
    for line in lines:
        if line.blank:
            continue
        text = line.text
        code = _FILE_CODE.search(text)
        if code is not None:
            text = text[: code.start()].rstrip()
            ctx.report.counts["file codes (Word debris)"] += 1
            if not text:
                ctx.use(line)
                continue
        if starts_with_any(text, words.legend):
            continue
        heading = next(
            (f for f, names in headings.items() if fold(text.strip(" :")) in map(fold, names)),
            None,
        )
        if heading is not None:
            voluntary, mode = True, heading
            ctx.use(line)
            continue
        if line.bullet or (drafts and text.startswith(("«", "“", '"'))):
            if not drafts:
                continue
            request, basis = _request(text)
            current = drafts[-1]
            requests = current["request"]
            assert isinstance(requests, list)
            requests.append(request)
            bases = current["basis"]
            assert isinstance(bases, list)
            bases.extend(b for b in basis if b not in bases)
            ctx.use(line)
            continue
        due: str | None = None
        title = text
        if contains_any(text, words.yearly_marks) and ":" in text:
            head, _, title = text.partition(":")
            for mark in words.yearly_marks:
                head = re.sub(re.escape(mark), "", head, flags=re.IGNORECASE)
            value = ctx.date(head.strip(), period=(date(2000, 1, 1), date(2000, 12, 31)))
            if value is None or value.first_day is None or value.precision is not Precision.DAY:
                continue
            due = f"--{value.first_day:%m-%d}"
            title = title.strip()
        elif not voluntary:
            continue
        parties_mark = re.search(r"\s*\(([^()]*)\)$", title)
        states_parties = False
        if parties_mark and fold(parties_mark[1]) in map(fold, words.states_parties_marks):
            # "(États parties)" after a title says who reports.
            title, states_parties = title[: parties_mark.start()], True
        drafts.append(
            {
                "title": title,
                "due": due,
                "request": [],
                "basis": [],
                "line": line,
                "mode": mode,
                "states_parties": states_parties,
            }
        )
        ctx.use(line)
    obligations = []
    for draft in drafts:
        title = str(draft["title"])
        requests = [str(r) for r in draft["request"]]  # type: ignore[attr-defined]
        everything = " ".join([title, *requests])
        if draft["due"] is not None:
            frequency = Frequency.YEARLY
        elif draft["mode"] in (Frequency.BIENNIAL, Frequency.STANDING):
            frequency = Frequency(str(draft["mode"]))
        elif contains_any(title, words.standing_marks):
            frequency = Frequency.STANDING
        elif contains_any(everything, words.biennial_marks):
            frequency = Frequency.BIENNIAL
        else:
            frequency = Frequency.VOLUNTARY
        parties = (
            Parties.STATES_PARTIES
            if draft["states_parties"] or contains_any(everything, words.states_parties_marks)
            else Parties.MEMBER_STATES
        )
        channel = next(
            (
                m.group(0).rstrip(".")
                for r in requests
                for m in [re.search(r"https?://\S+", r)]
                if m
            ),
            None,
        )
        obligation_id = slug(title, 40)
        n = 2
        while obligation_id in ids:
            obligation_id, n = f"{slug(title, 40)}-{n}", n + 1
        ids.add(obligation_id)
        obligations.append(
            ReportingObligation(
                id=obligation_id,
                title=ctx.text(title),
                frequency=frequency,
                due=str(draft["due"]) if draft["due"] else None,
                parties=parties,
                request=[ctx.text(r) for r in requests if r],
                basis=[str(b) for b in draft["basis"]],  # type: ignore[attr-defined]
                channel=channel,
            )
        )
    ctx.report.counts["obligations"] += len(obligations)
    return obligations


def _request(text: str) -> tuple[str, list[str]]:
    """The request as worded and the symbols of its basis (bracketed, else in brackets)."""
    basis: list[str] = []
    kept = text
    for group in re.findall(r"\[([^\]]*)\]", text):
        symbols = find_symbols(group)
        if symbols:
            basis.extend(s.original for s in symbols)
            kept = kept.replace(f"[{group}]", "")
    if not basis:
        for group in re.findall(r"\(([^()]*)\)", text):
            symbols = find_symbols(group)
            if symbols and len(group.strip()) == len(symbols[0].original):
                basis.extend(s.original for s in symbols)
    return " ".join(kept.split()).strip(), basis
