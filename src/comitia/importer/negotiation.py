"""The plan for negotiating the draft resolution: when it starts and its milestones.

Documents state it in prose ("la Présidence propose de lancer en avril 2020 l’examen ...; à la
réunion de 27 février 2020, une proposition de méthodologie ...") or as a list ("Présentation
des rapports finals : mardi 5 mai 2020"). A milestone is found by its words (per language); its
date is the one written before it in the same sentence, or after its colon in a list; "the
first meeting of April 2020" is the committee's first meeting that month. Counts of half and
full days stated with the formal review are kept on it.
"""

from __future__ import annotations

import re

from comitia.dates import FuzzyDate, Precision
from comitia.importer.context import Context, fold, slug
from comitia.importer.front import read_counts
from comitia.importer.source import Line
from comitia.plan import ClaimedCount, Meeting, Milestone, MilestoneKind, Negotiation


def read_negotiation(
    ctx: Context, heading: Line | None, lines: list[Line], meetings: list[Meeting]
) -> Negotiation | None:
    words = ctx.words
    starts: FuzzyDate | None = None
    found: dict[MilestoneKind, dict[str, object]] = {}
    for line in lines:
        if line.blank:
            continue
        used = False
        texts = [line.text, *(f.text for f in line.footnotes)]
        for index, text in enumerate(texts):
            if starts is None and any(fold(m) in fold(text) for m in words.launch_marks):
                dates = ctx.find_dates(text, months=True)
                if dates:
                    starts, used = dates[0][0], True
            for kind, title, when in _milestones(ctx, text, line, meetings):
                entry = found.setdefault(kind, {"title": title, "when": None})
                if entry["when"] is None and when is not None:
                    # The mention that dates a milestone names it best.
                    entry["when"], entry["title"] = when, title
                if kind is MilestoneKind.FORMAL_REVIEW:
                    for claim in read_counts(ctx, line) if index == 0 else []:
                        if claim.counts is ClaimedCount.HALF_DAY_SESSIONS:
                            entry["half"] = claim.number
                        if claim.counts is ClaimedCount.FULL_DAY_SESSIONS:
                            entry["full"] = claim.number
                used = True
                if index > 0:
                    ctx.use_footnote(line, line.footnotes[index - 1].number)
        if used:
            ctx.use(line)
    if not found and starts is None:
        return None
    milestones = []
    for kind, entry in found.items():
        dated = entry["when"] if isinstance(entry["when"], FuzzyDate) else None
        meeting = next(
            (
                m.id
                for m in meetings
                if dated is not None
                and dated.precision is Precision.DAY
                and m.date == dated.first_day
            ),
            None,
        )
        half, full = entry.get("half"), entry.get("full")
        milestones.append(
            Milestone(
                id=slug(kind.value.replace("_", "-")),
                kind=kind,
                title=ctx.text(str(entry["title"])),
                when=dated,
                meeting=meeting,
                half_day_sessions=half if isinstance(half, int) else None,
                full_day_sessions=full if isinstance(full, int) else None,
            )
        )
    ctx.report.counts["negotiation milestones"] += len(milestones)
    heading_text = heading.text.strip(" :") if heading is not None else ""
    return Negotiation(
        title=ctx.text(heading_text) if heading_text else None,
        starts=starts,
        milestones=milestones,
    )


def _milestones(
    ctx: Context, text: str, line: Line, meetings: list[Meeting]
) -> list[tuple[MilestoneKind, str, FuzzyDate | None]]:
    words = ctx.words
    folded = fold(text)
    hits: list[tuple[int, MilestoneKind, str]] = []
    for kind, phrases in words.milestones.items():
        for phrase in phrases:
            index = folded.find(fold(phrase))
            if index >= 0:
                hits.append((index, MilestoneKind(kind), phrase))
                break
    hits.sort(key=lambda hit: hit[0])
    if not hits:
        return []
    # A list entry: "Title : date".
    head, colon, tail = text.rpartition(" : ")
    if colon and len(hits) == 1:
        when = ctx.date(tail.strip(" ."), line)
        if when is not None:
            return [(hits[0][1], head.strip(), when)]
    dates = ctx.find_dates(text, months=True)
    result = []
    for index, kind, _ in hits:
        before = [d for d in dates if d[2] <= index]
        after = [d for d in dates if d[1] > index]
        when = None
        chosen = before[-1] if before else after[0] if after else None
        if chosen is not None:
            value, start, _end = chosen
            lead = fold(text[max(0, start - 40) : start])
            if any(fold(p) in lead for p in words.first_meeting_of):
                value = _first_meeting(value, meetings) or value
            when = value
        result.append((kind, _clause(text, index), when))
    return result


def _first_meeting(month: FuzzyDate, meetings: list[Meeting]) -> FuzzyDate | None:
    days = sorted(m.date for m in meetings if month.contains(m.date))
    return FuzzyDate.day(days[0]) if days else None


def _clause(text: str, index: int) -> str:
    start = max(text.rfind(",", 0, index), text.rfind(".", 0, index), text.rfind(";", 0, index))
    ends = [
        i for i in (text.find(",", index), text.find(".", index), text.find(";", index)) if i > 0
    ]
    clause = text[start + 1 : min(ends) if ends else len(text)].strip()
    clause = re.sub(r"\s+(?:et|and|y|e)$", "", clause)
    return clause[:1].upper() + clause[1:]
