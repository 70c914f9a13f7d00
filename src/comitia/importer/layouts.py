"""Meetings written in layouts other than the model document's.

The calendar reader (``comitia.importer.calendar``) reads the model document's layout: a day
with a bracketed time range, its agenda below. Documents laid out by other hands write their
meetings otherwise, and this reader takes them when that reader found none:

- a table whose header row names its columns (date, time, subject, venue, in any order, with
  the header words of ``comitia.importer.vocab.layouts``): a DOCX table, with merged cells (a
  date cell merged down over the rows of one day), or the tab-separated rows of a text export,
  where an empty date cell continues the one above;
- a date heading ("Monday, 19 October 2020"), with the times and items on the lines below;
- a meeting announced in prose ("The Committee will hold a meeting on Monday, 19 October 2020,
  at 9:00 a.m., in the Simón Bolívar Room");
- month labels ("OCTOBER 2020") followed by lines that start with a day number ("19 – 10:00 to
  13:00 Regular meeting");
- several sessions on one line ("from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."): one
  meeting each.

Dates and times are read by ``comitia.dates.find``. Each meeting keeps the lines it came from
and a confidence: 1.0 when its day and both times are written where its layout puts them, less
for each thing inferred (the day from a heading or a month label above, the year from the term,
an end time not written, which is then taken as three hours after the start, with a warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from comitia.dates import Found, Precision, find
from comitia.importer.calendar import CalendarReader, _MeetingDraft, _Node
from comitia.importer.context import (
    Context,
    MeetingSource,
    contains_any,
    fold,
    starts_with_any,
)
from comitia.importer.sections import Section
from comitia.importer.source import Line, is_page_number
from comitia.importer.vocab.layouts import WORDS, LayoutWords
from comitia.plan import AgendaKind

# Words left between the dates and times taken out of a line, before its title.
_CONNECTORS = {
    *("and", "from", "to", "at", "on", "the"),
    *("et", "de", "des", "du", "le", "la", "a", "à", "entre"),
    *("y", "del", "el", "las", "los", "al"),
    *("e", "das", "dos", "do", "da", "às", "as", "na", "no"),
    "",
}
# A session whose end is not written lasts this long (a half-day session).
ASSUMED_LENGTH = timedelta(hours=3)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A line that starts with a day number: "19", "19 (lundi)", "Lunes 19", "19. –", not "10:00".
_DAY_FIRST = re.compile(
    r"^(?:([^\W\d_]+)[\s,.]+)?(\d{1,2})(?!\d)(?:er|º|°|o|ª)?(?![\d:.h]\s*\d)(?!\s*(?:h|a\.?m|p\.?m)\b)"
    r"(?:\s*\(([^)]*)\))?\s*[.:,–—-]?\s*(.*)$",
    re.IGNORECASE,
)


@dataclass
class _Session:
    day: date
    start: time
    end: time
    lines: list[Line]
    layout: str
    confidence: float
    title: str | None = None
    venue: str | None = None
    items: list[Line] = field(default_factory=list)


@dataclass
class _Cell:
    text: str
    lines: list[Line]
    span: int = 1
    merged: bool = False


class LayoutReader:
    """Reads meetings in other layouts from the lines the model's reader left."""

    def __init__(self, ctx: Context, calendar: CalendarReader) -> None:
        self.ctx = ctx
        self.calendar = calendar
        self.words: LayoutWords = WORDS[ctx.lang]
        self.sessions: list[_Session] = []
        self.year: int | None = None
        self.month: tuple[int, int] | None = None
        self.taken: set[int] = set()  # the lines this reader used

    # -- entry ----------------------------------------------------------------------------

    def read(self, lines: list[Line], tables: tuple[Any, ...] = ()) -> None:
        by_number = {line.number: line for line in lines}
        for table in tables:
            self._docx_table(table, by_number)
        self._tab_tables(lines)
        used, uses = self.ctx.used, self.ctx.report.uses
        self._lines(
            [
                line
                for line in lines
                if line.number not in used
                # A month label or a day under a heading in capitals, taken as the heading's
                # second line.
                or (
                    line.number not in uses
                    and line.number not in self.taken
                    and self._is_label_or_day(line.text)
                )
            ]
        )

    def period(self) -> tuple[date, date] | None:
        if self.year is not None:
            return (date(self.year, 1, 1), date(self.year, 12, 31))
        return self.ctx.period

    def add_to_calendar(self) -> None:
        """Hand the sessions to the calendar reader as meetings, and say where each came from."""
        ctx = self.ctx
        for session in sorted(self.sessions, key=lambda s: (s.day, s.start)):
            draft = _MeetingDraft(
                line=session.lines[0],
                day=session.day,
                start=session.start,
                end=session.end,
                provisional=False,
                venue=session.venue,
                title=session.title,
            )
            for item in session.items:
                draft.roots.append(_Node(AgendaKind.ITEM, title=item.text, line=item))
            # Hours possible but unlikely (a.m. and p.m. mixed up) are warned about as in the
            # model's layout.
            self.calendar._warn_if_implausible(session.lines[-1], session.start, session.end)
            self.calendar.meetings.append(draft)
            ctx.report.sources.append(
                MeetingSource(
                    meeting=len(self.calendar.meetings) - 1,
                    lines=tuple(sorted({line.number for line in session.lines})),
                    layout=session.layout,
                    confidence=round(session.confidence, 2),
                    day=session.day,
                    start=f"{session.start:%H:%M}",
                    end=f"{session.end:%H:%M}",
                    title=session.title,
                )
            )
            ctx.report.counts["meetings"] += 1

    # -- tables ---------------------------------------------------------------------------

    def _docx_table(self, table: Any, by_number: dict[int, Line]) -> None:
        rows: list[list[_Cell]] = []
        for row in table:
            cells = []
            for cell in row:
                cell_lines = [
                    by_number[n] for n in range(cell.first, cell.last + 1) if n in by_number
                ]
                text = " ".join(line.text for line in cell_lines if not line.blank)
                cells.append(_Cell(text, cell_lines, cell.span, cell.merged))
            rows.append(cells)
        self._table(rows, "DOCX table", merged_empty=True)

    def _tab_tables(self, lines: list[Line]) -> None:
        """Runs of tab-separated lines (a text export's table rows)."""
        run: list[list[_Cell]] = []
        for line in [*lines, None]:
            if line is not None and line.number in self.ctx.used:
                continue
            cells = line.raw.split("\t") if line is not None else []
            if line is not None and sum(1 for c in cells if c.strip()) >= 2:
                run.append([_Cell(" ".join(c.split()), [line]) for c in cells])
                continue
            if line is not None and line.blank:
                continue
            if run:
                self._table(run, "table (tab-separated)", merged_empty=True)
            run = []

    def _table(self, rows: list[list[_Cell]], layout: str, *, merged_empty: bool) -> None:
        columns: dict[int, str] | None = None
        above: dict[int, _Cell] = {}
        for row in rows:
            grid: dict[int, _Cell] = {}
            position = 0
            for cell in row:
                grid[position] = cell
                position += max(1, cell.span)
            if columns is None:
                columns = self._header(grid)
                if columns is not None:
                    for cell in row:
                        self._use(cell.lines, "table headers")
                continue
            texts = [c.text for c in row if c.text]
            if len(texts) == 1 and (len(row) == 1 or row[0].span > 1):
                # A row across the table: a month or year label.
                if self._label(texts[0]):
                    self._use(row[0].lines)
                continue
            for index, cell in grid.items():
                # A merged cell, or an empty date cell in a text export, continues the one above.
                empty_date = merged_empty and not cell.text and columns.get(index) == "date"
                if cell.merged or empty_date:
                    grid[index] = above.get(index, cell)
            self._table_row(grid, columns, layout)
            above = grid

    def _header(self, grid: dict[int, _Cell]) -> dict[int, str] | None:
        columns: dict[int, str] = {}
        for index, cell in grid.items():
            text = cell.text.strip(" :")
            if not text or len(text) > 40:
                continue
            for kind, words in self.words.columns.items():
                # "Date", "Date and time", "Time (EST)", "Agenda items".
                if kind not in columns.values() and starts_with_any(text, words):
                    columns[index] = kind
                    break
        if "date" in columns.values() and len(columns) >= 2:
            return columns
        return None

    def _table_row(self, grid: dict[int, _Cell], columns: dict[int, str], layout: str) -> None:
        cell_of = {kind: grid.get(index) for index, kind in columns.items()}
        date_cell = cell_of.get("date")
        if date_cell is None or not date_cell.text:
            return
        day, confidence = self._day_of(date_cell.text)
        if day is None:
            return
        time_cell = cell_of.get("time")
        time_text = time_cell.text if time_cell is not None else date_cell.text
        ranges = self._ranges(time_text)
        if not ranges:
            return
        subject = cell_of.get("subject")
        venue = cell_of.get("venue")
        lines = [line for cell in grid.values() for line in cell.lines]
        title_lines = [line for line in (subject.lines if subject else []) if not line.blank]
        title = subject.text if subject is not None and subject.text else None
        items: list[Line] = []
        docx_cell = bool(title_lines) and (len(title_lines) > 1 or "\t" not in title_lines[0].raw)
        if docx_cell and title_lines[0].text != title:
            # A DOCX cell: its first paragraph is the title, the others its items.
            title, items = title_lines[0].text, title_lines[1:]
        for start, end, sure in ranges:
            if sure < 1:
                self._warn_no_end(lines[0], day, start, end)
            self.sessions.append(
                _Session(
                    day,
                    start,
                    end,
                    lines,
                    layout,
                    confidence * sure,
                    title=title,
                    venue=venue.text if venue is not None and venue.text else None,
                    items=items,
                )
            )
        self._use(lines, None)

    # -- lines ----------------------------------------------------------------------------

    def _lines(self, lines: list[Line]) -> None:
        heading: tuple[date, Line, float] | None = None
        current: _Session | None = None
        for line in lines:
            text = line.text
            if line.blank or is_page_number(line):
                continue
            if re.fullmatch(r"(?:19|20)\d{2}", text):
                self.year, self.month = int(text), None
                self._use([line])
                continue
            if self._label(text):
                self._use([line])
                heading, current = None, None
                continue
            found = self._find(text)
            days = [f for f in found if f.date is not None and f.date.precision is Precision.DAY]
            ranges = self._ranges(text, found)
            if days:
                first = days[0]
                assert first.date is not None and first.date.first_day is not None
                day = first.date.first_day
                sure = 1.0 if _YEAR.search(first.text) else 0.9
                rest = (text[: first.start] + text[first.end :]).strip(" ,.:;–—-")
                if not ranges:
                    if len(rest.split()) <= 2:
                        # A date heading: the sessions are on the lines below.
                        heading, current = (day, line, sure), None
                    continue
                layout = "prose" if len(text.split()) > 12 else "dated line"
                current = self._add(day, ranges, [line], layout, sure, text, found)
                heading = None
                continue
            match = _DAY_FIRST.match(text) if self.month is not None else None
            # The times are read after the day number ("1 – 9:00 a.m." is no range of hours).
            rest = match[4] if match is not None else ""
            rest_found = self._find(rest) if match is not None else []
            rest_ranges = self._ranges(rest, rest_found)
            # "3 – 6 p.m." is a range of hours, not day 3 at 6 p.m.: the line's own range starts
            # with the number, and what follows it has no range of its own.
            leads = any(f.time is not None and f.start == 0 for f in found)
            full = any(certainty == 1.0 for _, _, certainty in rest_ranges)
            day_line = full or not ranges or (bool(rest_ranges) and not leads)
            if match is not None and 1 <= int(match[2]) <= 31 and day_line:
                # "9 – 10:00 to 13:00 ...", or "Tuesday 9" under a month label: a date heading
                # with its sessions below.
                year, month = self.month or (0, 0)
                try:
                    day = date(year, month, int(match[2]))
                except ValueError:
                    continue
                if rest_ranges:
                    current = self._add(
                        day, rest_ranges, [line], "month label and day", 0.9, rest, rest_found
                    )
                elif not re.search(r"\w", match[4] or ""):
                    heading, current = (day, line, 0.8), None
                continue
            if ranges and heading is not None:
                day, heading_line, sure = heading
                current = self._add(
                    day, ranges, [heading_line, line], "date heading", sure * 0.9, text, found
                )
                continue
            if current is not None and (line.bullet or line.numbered):
                current.items.append(line)
                self.ctx.use(line, "agenda items")
                continue
            if (
                current is not None
                and current.title is None
                and current.layout in ("date heading", "month label and day")
                and len(text) < 100
                and not text.endswith((".", ":"))
            ):
                # The subject written under the times (a table's cells, one after the other).
                # Every session under the same heading that has none takes it.
                for session in self.sessions:
                    if session.lines[0] is current.lines[0] and session.title is None:
                        session.title = text
                        if line not in session.lines:
                            session.lines.append(line)
                self._use([line], "meeting titles")
                continue
            current = None

    def _add(
        self,
        day: date,
        ranges: list[tuple[time, time, float]],
        lines: list[Line],
        layout: str,
        sure: float,
        text: str,
        found: list[Found],
    ) -> _Session:
        venue = self._venue(text)
        title = self._title(text, found, venue) if layout != "prose" else None
        ends = [f.end for f in found]
        if layout == "prose" and ends and re.match(r"\s*[:–—]\s*\w", text[max(ends) :]):
            # "..., from 10:00 to 13:00 hours: Regular meeting": the title after the colon.
            title = self._title(text[max(ends) :], [], venue)
        session: _Session | None = None
        for start, end, certainty in ranges:
            session = _Session(day, start, end, lines, layout, sure * certainty, title, venue)
            self.sessions.append(session)
            if certainty < 1:
                self._warn_no_end(lines[-1], day, start, end)
        self._use(lines, None)
        assert session is not None
        return session

    # -- pieces ---------------------------------------------------------------------------

    def _warn_no_end(self, line: Line, day: date, start: time, end: time) -> None:
        self.ctx.warn(
            line,
            f"no end time is written for the meeting of {day.isoformat()} at {start:%H:%M};"
            f" taken as {end:%H:%M}",
        )

    def _find(self, text: str) -> list[Found]:
        try:
            return find(text, self.ctx.lang, period=self.period())
        except ValueError:
            return []

    def _is_label_or_day(self, text: str) -> bool:
        if self._month_of(text) is not None:
            return True
        return len(text) < 60 and any(
            f.date is not None and f.date.precision is Precision.DAY for f in self._find(text)
        )

    def _month_of(self, text: str) -> date | None:
        stripped = text.strip(" :.–-")
        if len(stripped) > 30 or re.search(r"\d", _YEAR.sub("", stripped)):
            return None
        value = self.ctx.date(stripped, period=self.period())
        if value is None or value.precision is not Precision.MONTH or value.first_day is None:
            return None
        return value.first_day

    def _label(self, text: str) -> bool:
        """A month label ("OCTOBER 2020", "Octubre", "Mars 2021 :") sets the month."""
        stripped = text.strip(" :.–-")
        value = self._month_of(stripped)
        if value is None:
            return False
        self.month = (value.year, value.month)
        self.year = value.year if _YEAR.search(stripped) else self.year
        return True

    def _day_of(self, text: str) -> tuple[date | None, float]:
        for found in self._find(text):
            if found.date is not None and found.date.precision is Precision.DAY:
                assert found.date.first_day is not None
                return found.date.first_day, 1.0 if _YEAR.search(found.text) else 0.9
        match = _DAY_FIRST.match(text)
        if match is not None and self.month is not None:
            try:
                return date(self.month[0], self.month[1], int(match[2])), 0.9
            except ValueError:
                return None, 0
        return None, 0

    def _ranges(
        self, text: str, found: list[Found] | None = None
    ) -> list[tuple[time, time, float]]:
        """The time ranges of ``text``: (start, end, 1.0), or (start, start + 3 h, 0.6) when
        the end is not written."""
        result = []
        for expression in found if found is not None else self._find(text):
            times = expression.time
            if times is None:
                continue
            if times.end is not None and times.end > times.start:
                result.append((times.start, times.end, 1.0))
            elif times.end is None:
                end = (datetime.combine(date.min, times.start) + ASSUMED_LENGTH).time()
                if end > times.start:
                    result.append((times.start, end, 0.6))
        return result

    def _venue(self, text: str) -> str | None:
        words = self.words
        name = r"(?:[A-ZÀ-Ý][\w’'.-]*|de|del|da|do|des|du|la|le|of|the)"
        if words.rooms_before:
            # The noun in any case ("Salón", "salle"), the name in capitals.
            nouns = "|".join(re.escape(w) for w in words.rooms_before)
            last = r"(?:[A-ZÀ-Ý][\w’'.-]*|\d{1,3}[A-Z]?\b)"  # "Sala Simón Bolívar", "Sala 2"
            match = re.search(rf"(?<!\w)((?i:{nouns})\s+(?:{name}\s+)*{last})", text)
            if match:
                return match[1].rstrip(".")
        if words.rooms_after:
            nouns = "|".join(re.escape(w) for w in words.rooms_after)
            match = re.search(rf"((?:[A-ZÀ-Ý][\w’'-]*\s+)+(?:{nouns}))(?!\w)", text)
            if match:
                return re.sub(r"^(?:The|In|At)\s+", "", match[1])
        return None

    def _title(self, text: str, found: list[Found], venue: str | None) -> str | None:
        kept = text
        for expression in sorted(found, key=lambda f: f.start, reverse=True):
            kept = kept[: expression.start] + " " + kept[expression.end :]
        if venue:
            kept = kept.replace(venue, " ")
        kept = re.sub(r"\(\s*\)", " ", kept)
        # The words that joined the dates and times removed ("de ... y de ...", "das").
        words = kept.split()
        while words and (
            fold(words[0].strip(",.:;–—-()")) in _CONNECTORS or not re.search(r"\w", words[0])
        ):
            words.pop(0)
        kept = " ".join(words).strip(" ,.:;–—-()")
        if not kept or not re.search(r"[^\W\d_]{3}", kept):
            return None
        return kept

    def _use(self, lines: list[Line], kind: str | None = None) -> None:
        for line in lines:
            if not line.blank:
                self.ctx.use(line, kind)
                self.taken.add(line.number)


def read_other_layouts(
    ctx: Context,
    calendar: CalendarReader,
    before: State,
    lines: list[Line],
    tables: tuple[Any, ...],
) -> LayoutReader | None:
    """Read ``lines`` in the other layouts, when the model's reader found no meeting in them.

    What that reader took since ``before`` (activities, in a layout it does not know: "10 –
    10h00 às 13h00 – Reunião ...") is set aside first, and given back only if no meeting is
    found here either."""
    if calendar.meetings:
        return None
    kept = State.of(ctx, calendar)
    before.restore(ctx, calendar)
    reader = LayoutReader(ctx, calendar)
    reader.read(lines, tables)
    if reader.sessions:
        reader.add_to_calendar()
        return reader
    kept.restore(ctx, calendar)
    return None


@dataclass
class State:
    """What the calendar reader changes in the context, to set it aside and give it back."""

    used: set[int]
    footnotes: set[tuple[int, int]]
    counts: dict[str, int]
    uses: dict[int, str]
    warnings: list[tuple[int, str]]
    bodies: dict[str, Any]
    activities: list[Any]
    activity_ids: set[str]
    areas: list[Any]

    @classmethod
    def of(cls, ctx: Context, calendar: CalendarReader) -> State:
        report = ctx.report
        return cls(
            set(ctx.used),
            set(ctx.used_footnotes),
            dict(report.counts),
            dict(report.uses),
            list(report.warnings),
            dict(ctx.bodies),
            list(calendar.activities),
            set(calendar.activity_ids),
            list(calendar.areas),
        )

    def restore(self, ctx: Context, calendar: CalendarReader) -> None:
        report = ctx.report
        ctx.used, ctx.used_footnotes = set(self.used), set(self.footnotes)
        report.counts.clear()
        report.counts.update(self.counts)
        report.uses, report.warnings = dict(self.uses), list(self.warnings)
        ctx.bodies = dict(self.bodies)
        calendar.activities, calendar.activity_ids = list(self.activities), set(self.activity_ids)
        calendar.areas = list(self.areas)


def calendar_by_structure(ctx: Context, sections: list[Section]) -> list[Section]:
    """Without a calendar heading the reader knows, a short heading (numbered, or in capitals)
    followed by dated lines (a day with a time, on its line or the next) opens the calendar.

    Between the heading and the first dated line may come the table's column headers and a
    year row, in capitals too: the heading is the first of that run."""
    result: list[Section] = []
    for section in sections:
        if section.name in ("summary", "reminders", "untranslated", "tbc"):
            result.append(section)
            continue
        lines = section.lines
        texts = [line for line in lines if not line.blank]
        cut = None
        for index in range(1, len(texts)):
            if not _dated_with_time(ctx, texts[index : index + 2]):
                continue
            start = index
            while start > 0 and index - start < 6 and _heading_or_year(texts[start - 1]):
                start -= 1
            if start < index and _looks_like_heading(texts[start]):
                cut = texts[start]
            break
        if cut is None:
            result.append(section)
            continue
        at = lines.index(cut)
        result.append(Section(section.name, section.heading, lines[:at]))
        ctx.use(cut, "section headings")
        result.append(Section("calendar", cut, lines[at + 1 :]))
    return result


def _heading_or_year(line: Line) -> bool:
    return _looks_like_heading(line) or bool(re.fullmatch(r"(?:19|20)\d{2}", line.text))


def _looks_like_heading(line: Line) -> bool:
    text = line.text.strip(" :.")
    # A year or a term may be part of it ("ANNEX I – CALENDAR 2021-2022"), not a day or time.
    if not text or len(text) > 60 or line.bullet or re.search(r"\d", _YEAR.sub("", text)):
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return line.numbered or capitals


def _dated_with_time(ctx: Context, lines: list[Line]) -> bool:
    """The first line holds a day and a time, or a day alone and the next line a time; or
    the first line is a table's row."""
    if not lines:
        return False
    if "\t" in lines[0].raw.strip("\t"):
        return True
    found = _find_in(ctx, lines[0].text)
    day = any(f.date is not None and f.date.precision is Precision.DAY for f in found)
    if day and any(f.time is not None for f in found):
        return True
    if day and len(lines) > 1:
        return any(f.time is not None for f in _find_in(ctx, lines[1].text))
    return False


def _find_in(ctx: Context, text: str) -> list[Found]:
    try:
        return find(text, ctx.lang, period=ctx.period)
    except ValueError:
        return []


def elected_lines(ctx: Context, lines: list[Line]) -> list[Line]:
    """The unused lines that tell of an election in prose ("the Committee elected ...")."""
    words = WORDS[ctx.lang].elected
    return [
        line
        for line in lines
        if not line.blank and line.number not in ctx.used and contains_any(line.text, words)
    ]


def budget_lines(ctx: Context, lines: list[Line]) -> list[Line]:
    """The unused lines that hold an amount and a resolution symbol: appropriations."""
    from comitia.importer.front import _AMOUNT
    from comitia.symbols import find_symbols

    return [
        line
        for line in lines
        if not line.blank
        and line.number not in ctx.used
        and _AMOUNT.search(line.text)
        and find_symbols(line.text)
    ]
