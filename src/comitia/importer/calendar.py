"""The annex calendar: the committee's meetings with their agendas, and other bodies' activities.

Each line of the calendar is one of:

- a year row ("2020"), which sets the year of the lines after it;
- a meeting of the committee: a day with its time range, and perhaps a venue or a provisional
  mark in brackets ("Jeudi 2 avril (10 h 00 – 13 h 00) (Siège de la JID)"); a footnote on it
  that says when it was "initialement programmée" gives an earlier date;
- an activity of another body: a date, a colon and its title ("22 octobre : Réunion ...");
- a line of the current meeting's agenda: a thematic area's heading (a line without a bullet),
  the meeting's own title ("Réunion spéciale ..."), or a bulleted topic or item.

Agenda shape, as documents print it: bullets before any area are items of the meeting (or a
topic when a bullet that names no action is followed at once by others); under an area, a bullet
that names an action ("Exposé", "Dialogue", ...) is an item, one that does not is a topic,
except that the first children of a topic set the kind of its next ones (a list of bodies under
"Rapports annuels" are items); a bullet ending with ":" opens a list of sub-items, and so does a
run of bullets ending with ";"; after a blank line, an item that follows a topic or an area with
items goes back to the top of the agenda ("Examen du projet de résolution").

A DOCX that Comitia wrote needs none of these guesses: each agenda paragraph says its kind and
its depth in the tree (``Line.agenda`` and ``Line.level``), and is placed under the last node one
level up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from comitia.dates import FuzzyDate, Precision, find
from comitia.dates.folding import fold as fold_with_offsets
from comitia.dates.folding import unaccent
from comitia.dates.parsing import find_time_range
from comitia.dates.times import EARLIEST_START, LATEST_START, WORKING_DAY, duration
from comitia.importer.context import Context, contains_any, fold, slug, starts_with_any
from comitia.importer.source import Line, is_page_number
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Citation,
    Meeting,
    MeetingKind,
    ThematicArea,
)
from comitia.symbols import find_symbols


@dataclass
class _Node:
    kind: AgendaKind
    title: str | None = None
    area: str | None = None
    line: Line | None = None
    notes: list[str] = field(default_factory=list)
    extra_paragraphs: list[tuple[str, list[str]]] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    child_mode: str | None = None


@dataclass
class _MeetingDraft:
    line: Line
    day: date
    start: time
    end: time
    provisional: bool
    venue: str | None
    previous: list[date] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    special: bool = False
    roots: list[_Node] = field(default_factory=list)
    area: _Node | None = None
    topic: _Node | None = None
    sublist: _Node | None = None
    last: _Node | None = None
    # For DOCX lists that carry their levels: the last node at each level.
    at_level: dict[int, _Node] = field(default_factory=dict)


class CalendarReader:
    def __init__(self, ctx: Context, areas: list[ThematicArea]) -> None:
        self.ctx = ctx
        self.areas = areas
        self.meetings: list[_MeetingDraft] = []
        self.activities: list[Activity] = []
        self.activity_ids: set[str] = set()
        self.year_period: tuple[date, date] | None = None
        # Without the methodology's list of areas, agenda headings become the areas.
        self.areas_listed = bool(areas)
        self.next_text: Line | None = None
        self.places = sorted((*ctx.words.places, *ctx.country_names), key=len, reverse=True)

    # -- the calendar -----------------------------------------------------------------------

    def read(self, lines: list[Line]) -> None:
        ctx = self.ctx
        current: _MeetingDraft | None = None
        blank_seen = False
        skip_blank = False
        for index, line in enumerate(lines):
            if line.blank:
                if skip_blank:
                    skip_blank = False
                else:
                    blank_seen = True
                continue
            skip_blank = bool(line.footnotes)
            text = line.text
            if re.fullmatch(r"(?:19|20)\d{2}", text):
                year = int(text)
                self.year_period = (date(year, 1, 1), date(year, 12, 31))
                ctx.use(line)
            elif is_page_number(line) or starts_with_any(text, ctx.words.column_headers):
                ctx.use(line)
            elif (meeting := self._meeting(line)) is not None:
                current = meeting
                self.meetings.append(meeting)
                ctx.use(line, "meetings")
            elif self._activity(line):
                pass
            elif current is not None:
                following = lines[index + 1] if index + 1 < len(lines) else None
                self.next_text = next((n for n in lines[index + 1 :] if not n.blank), None)
                self._agenda_line(current, line, blank_seen, following)
            blank_seen = False

    def period(self) -> tuple[date, date] | None:
        return self.year_period or self.ctx.period

    def _meeting(self, line: Line) -> _MeetingDraft | None:
        found = find_time_range(line.text)
        if found is None:
            return None
        times, start, end = found
        if times.end is None:
            return None
        if times.end <= times.start:
            self.ctx.warn(line, f"the meeting ends ({times.end:%H:%M}) before it starts")
            return None
        self._warn_if_implausible(line, times.start, times.end)
        text = line.text[:start] + " " + line.text[end:]
        venue: str | None = None
        provisional = False
        for group in re.findall(r"\(([^()]*)\)", text):
            inner = group.strip()
            if not inner:
                continue
            if self._is_provisional_mark(inner):
                provisional = True
            else:
                venue = inner
        text = re.sub(r"\([^()]*\)", " ", text).strip(" :–-")
        value = self.ctx.date(text, line, period=self.period())
        if value is None or value.precision is not Precision.DAY or value.first_day is None:
            return None
        meeting = _MeetingDraft(
            line=line,
            day=value.first_day,
            start=times.start,
            end=times.end,
            provisional=provisional or value.provisional,
            venue=venue,
        )
        for footnote in line.footnotes:
            earlier = self._earlier_date(footnote.text)
            if earlier is not None:
                meeting.previous.append(earlier)
            else:
                meeting.notes.append(footnote.text)
            self.ctx.use_footnote(line, footnote.number)
        return meeting

    def _warn_if_implausible(self, line: Line, start: time, end: time) -> None:
        """Warn of hours that are possible but unlikely (checks PLS001 and PLS002)."""
        if duration(start, end) > WORKING_DAY:
            self.ctx.warn(
                line,
                f"the meeting lasts from {start:%H:%M} to {end:%H:%M}, longer than a working"
                " day: check the times",
            )
        if start < EARLIEST_START or start > LATEST_START:
            self.ctx.warn(
                line,
                f"the meeting starts at {start:%H:%M}, before 07:00 or after 21:00:"
                " a.m. and p.m. may be mixed up",
            )

    def _is_provisional_mark(self, text: str) -> bool:
        value = self.ctx.date(f"{text} 2000")
        return value is not None and value.provisional and str(value) == "2000?"

    def _earlier_date(self, text: str) -> date | None:
        """The day written after an earlier-date mark ("initially scheduled for"), if any.

        The mark is looked for in the folded text (no accents, any case) and the date read
        after it in the original: the fold keeps the way back to the original's offsets,
        which differ from the folded text's in decomposed Unicode (NFD)."""
        folded = fold_with_offsets(text)
        for mark in self.ctx.words.earlier_date_marks:
            found = re.search(re.escape(unaccent(mark)), folded.text, re.IGNORECASE)
            if found is None:
                continue
            _, end = folded.span(found.start(), found.end())
            rest = text[end:].strip().rstrip(" .")
            for expression in find(rest, self.ctx.lang, period=self.period()):
                value = expression.date
                if value is not None and value.precision is Precision.DAY:
                    assert value.first_day is not None
                    return value.first_day
        return None

    # -- activities -------------------------------------------------------------------------

    def _activity(self, line: Line) -> bool:
        text = line.text
        for separator in (":", " – ", " — ", " - "):
            if separator == ":":
                # Not the colon of a time ("8 April 2020 (9:00 a.m. – 12:00 noon): ...").
                parts = re.split(r"(?<!\d):|:(?!\d)", text, maxsplit=1)
                head, found, rest = parts[0], ":" if len(parts) > 1 else "", parts[-1]
            else:
                head, found, rest = text.partition(separator)
            if not found or not rest.strip() or len(head) > 80:
                continue
            # A time may follow the date ("8 avril 2020 (9 h 00 – 12 h 00) : ...").
            times = find_time_range(head)
            if times is not None:
                rest = head[times[1] : times[2]] + " " + rest
                head = head[: times[1]] + head[times[2] :]
                head = re.sub(r"\(\s*\)", " ", head)
            when = self.ctx.date(head.strip(), line, period=self.period())
            if when is None or when.precision is Precision.UNKNOWN:
                continue
            title = rest
            while (found_time := find_time_range(title)) is not None:
                title = title[: found_time[1]] + title[found_time[2] :]
            if not re.search(r"\w", title):
                # Only times after the date: a meeting's line, not an activity.
                continue
            self.activities.append(self._build_activity(line, rest.strip(), when))
            return True
        return False

    def _build_activity(self, line: Line, text: str, when: FuzzyDate) -> Activity:
        ctx = self.ctx
        start = end = None
        found = find_time_range(text)
        if found is not None and found[1] <= 1 and found[0].end is not None:
            times, _, stop = found
            start, end = times.start, times.end
            text = text[stop:].lstrip(" )").strip()
        title = text
        bodies = ctx.bodies_in(title)
        body = ctx.body(bodies[0][1].id) if bodies else None
        citations, _ = ctx.cite(title, line)
        for footnote in line.footnotes:
            ctx.use_footnote(line, footnote.number)
        activity = Activity(
            id=self._activity_id(title),
            title=ctx.text(title),
            body=body,
            when=when,
            start=start,
            end=end,
            venue=ctx.text(venue) if (venue := self._venue(title)) else None,
            citations=citations,
            notes=[ctx.text(f.text) for f in line.footnotes],
        )
        ctx.use(line, "activities")
        return activity

    def add_to_be_confirmed(self, lines: list[Line]) -> None:
        """The list of activities whose date is to be confirmed, under a year or not."""
        ctx = self.ctx
        year: int | None = None
        for line in lines:
            if line.blank:
                continue
            if re.fullmatch(r"(?:19|20)\d{2}", line.text):
                year = int(line.text)
                ctx.use(line)
                continue
            if is_page_number(line):
                ctx.use(line)
                continue
            if contains_any(line.text, ctx.words.legend):
                ctx.use(line, "legends")
                continue
            if not line.bullet:
                continue
            when = FuzzyDate.year(year) if year else FuzzyDate.unknown()
            self.activities.append(self._build_activity(line, line.text, when))

    def _activity_id(self, title: str) -> str:
        base = slug(title, 40)
        result, n = base, 2
        while result in self.activity_ids:
            result, n = f"{base}-{n}", n + 1
        self.activity_ids.add(result)
        return result

    def _venue(self, title: str) -> str | None:
        ctx = self.ctx
        # Drop trailing references: ", paragraphe 93", "paragraphe 115 AG/RES. 2945 (XLIX-O/19)".
        words = "|".join(re.escape(w) for w in ctx.words.paragraph_words)
        core = re.split(rf"[,.]?\s*\(?(?:{words})\s+\d", title, flags=re.IGNORECASE)[0]
        core = core.rstrip(" ,.")
        places = self.places
        # "... à Washington, D.C.", "... en République dominicaine", "... – République ...".
        for place in places:
            place = place.rstrip(".")
            if fold(core).endswith(fold(place)):
                before = core[: len(core) - len(place)]
                if before.endswith((*ctx.words.place_prepositions, ". ", ", ")) or any(
                    fold(before).endswith(fold(p)) for p in ctx.words.place_prepositions
                ):
                    venue = core[len(before) :]
                    return (
                        title[len(before) : len(before) + len(venue) + 1].rstrip(" ,")
                        if (title[len(before) + len(venue) : len(before) + len(venue) + 1] == ".")
                        else venue
                    )
        # "MISPA VII, Quito (Équateur)", "..., Washington DC".
        segments = [s.strip() for s in core.split(",")]
        if len(segments) > 1:
            last = segments[-1]
            if len(last) < 40 and (
                any(fold(last).startswith(fold(p)) for p in places) or ctx.country(last)
            ):
                return last
        # "(Casa del Soldado)".
        for found in re.finditer(r"\(([^()]+)\)", core):
            group = found.group(1).strip()
            if any(fold(group) == fold(p) for p in places):
                return group
        return None

    # -- agendas ----------------------------------------------------------------------------

    def _agenda_line(
        self, meeting: _MeetingDraft, line: Line, blank_seen: bool, following: Line | None
    ) -> None:
        ctx = self.ctx
        text = line.text
        if line.agenda is not None:
            self._placed(meeting, line)
            return
        if not line.bullet and not line.numbered:
            if text.startswith("(") and meeting.last is not None and meeting.last.title:
                meeting.last.title += " " + text
                ctx.use(line)
                return
            if starts_with_any(text, ctx.words.meeting_title_leads) and meeting.title is None:
                meeting.title = text
                meeting.special = contains_any(text, ctx.words.special_words)
                ctx.use(line, "meeting titles")
                return
            area = self._match_area(text)
            if area is not None:
                node = _Node(AgendaKind.AREA, area=area.id, line=line)
                if text != str(area.title):
                    node.title = text
                meeting.roots.append(node)
                meeting.area, meeting.topic, meeting.sublist = node, None, None
                meeting.at_level = {}
                ctx.use(line, "agenda areas")
            return
        node = _Node(AgendaKind.ITEM, title=text, line=line)
        self._footnotes(node, line)
        item_like = starts_with_any(text, ctx.words.item_leads) is not None
        if line.level is not None:
            self._leveled(meeting, node, line.level, item_like)
            ctx.use(line, "agenda items")
            return
        container = meeting.topic or meeting.area
        if meeting.sublist is not None and blank_seen:
            meeting.sublist = None
        if blank_seen and item_like and container is not None and container.children:
            meeting.area = meeting.topic = meeting.sublist = None
            container = None
        if meeting.sublist is not None:
            meeting.sublist.children.append(node)
            if not text.rstrip().endswith(
                (";", "; et", "; and", "; y", "; e", ":")
            ) and not re.search(r";\s*\w{1,3}$", text):
                meeting.sublist = None
        elif (
            (text.endswith(";") or re.search(r";\s*\w{1,3}$", text))
            and meeting.last is not None
            and meeting.last.kind is AgendaKind.ITEM
            and not ((meeting.last.title or "").endswith(";"))
        ):
            meeting.last.children.append(node)
            meeting.sublist = meeting.last
        elif container is None:
            if not item_like and following is not None and following.bullet:
                node.kind = AgendaKind.TOPIC
                meeting.topic = node
            meeting.roots.append(node)
        elif meeting.topic is None:
            assert meeting.area is not None
            if not item_like:
                node.kind = AgendaKind.TOPIC
                meeting.topic = node
            meeting.area.children.append(node)
        else:
            topic = meeting.topic
            mode = "item" if item_like else "topic"
            if item_like or (
                topic.child_mode in (None, "topic")
                and (not topic.children or topic.child_mode == "topic")
            ):
                if topic.child_mode is None:
                    topic.child_mode = mode
                topic.children.append(node)
            else:
                node.kind = AgendaKind.TOPIC
                meeting.topic = node
                if meeting.area is not None:
                    meeting.area.children.append(node)
                else:
                    meeting.roots.append(node)
        if node.kind is AgendaKind.ITEM or node.kind is AgendaKind.TOPIC:
            meeting.last = node
        if text.endswith(":") and node.kind is AgendaKind.ITEM:
            meeting.sublist = node
        ctx.use(line, "agenda topics" if node.kind is AgendaKind.TOPIC else "agenda items")

    def _placed(self, meeting: _MeetingDraft, line: Line) -> None:
        """An agenda paragraph whose kind and depth the document gives: no guess is needed."""
        ctx = self.ctx
        if line.agenda == "area":
            area = self._match_area(line.text) or self._own_area(line.text)
            node = _Node(AgendaKind.AREA, area=area.id, line=line)
            if line.text != str(area.title):
                node.title = line.text
            self._footnotes(node, line)
            meeting.roots.append(node)
            meeting.area, meeting.topic, meeting.sublist = node, None, None
            meeting.at_level = {0: node}
            ctx.use(line, "agenda areas")
            return
        kind = AgendaKind.TOPIC if line.agenda == "topic" else AgendaKind.ITEM
        node = _Node(kind, title=line.text, line=line)
        self._footnotes(node, line)
        depth = line.level or 0
        parent = meeting.at_level.get(depth - 1) if depth > 0 else None
        if parent is not None:
            parent.children.append(node)
        else:
            # A top-level node: it belongs to no area, even one printed just before it.
            meeting.roots.append(node)
            meeting.area = None
        meeting.at_level = {k: v for k, v in meeting.at_level.items() if k < depth}
        meeting.at_level[depth] = node
        meeting.last = node
        ctx.use(line, "agenda topics" if kind is AgendaKind.TOPIC else "agenda items")

    def _leveled(self, meeting: _MeetingDraft, node: _Node, level: int, item_like: bool) -> None:
        """A list paragraph whose level the DOCX gives: its parent is the last one above it."""
        parent = meeting.at_level.get(level - 1) if level > 0 else None
        if parent is not None:
            if (
                parent.kind is AgendaKind.ITEM
                and level - 1 == 0
                and (meeting.area is not None or not parent.children)
            ):
                # A first-level paragraph with children under it is a topic.
                parent.kind = AgendaKind.TOPIC
            parent.children.append(node)
        elif meeting.area is not None:
            if not item_like:
                node.kind = AgendaKind.TOPIC
            meeting.area.children.append(node)
        else:
            meeting.roots.append(node)
        meeting.at_level = {k: v for k, v in meeting.at_level.items() if k < level}
        meeting.at_level[level] = node
        meeting.last = node

    def _footnotes(self, node: _Node, line: Line) -> None:
        for footnote in line.footnotes:
            node.notes.append(footnote.text)
            citations, _ = self.ctx.citations(footnote.text)
            for citation in citations:
                # Only a footnote that names the mandate's resolution adds to its paragraphs.
                if citation.mandate is not None and find_symbols(footnote.text):
                    node.extra_paragraphs.append((citation.mandate, citation.paragraphs))
            self.ctx.use_footnote(line, footnote.number)

    def _match_area(self, text: str) -> ThematicArea | None:
        words = _content_words(text)
        best: tuple[int, ThematicArea] | None = None
        for area in self.areas:
            common = len(words & _content_words(str(area.title)))
            if common >= 2 and (best is None or common > best[0]):
                best = (common, area)
        if (
            best is None
            and not self.areas_listed
            and len(text) < 100
            and ":" not in text
            # A heading introduces the bullets that follow it.
            and self.next_text is not None
            and self.next_text.bullet
            and not text.endswith((".", ";", ":"))
        ):
            return self._own_area(text)
        return best[1] if best else None

    def _own_area(self, text: str) -> ThematicArea:
        """A heading that names no known area: the document's own area."""
        number = len(self.areas) + 1
        area = ThematicArea(id=f"area-{number}", number=number, title=self.ctx.text(text))
        self.areas.append(area)
        return area

    # -- results ----------------------------------------------------------------------------

    def build_meetings(self) -> list[Meeting]:
        meetings = []
        ids: set[str] = set()
        for draft in self.meetings:
            base = f"{self.ctx.committee or 'meeting'}-{draft.day.isoformat()}"
            meeting_id, n = base, 2
            while meeting_id in ids:
                meeting_id, n = f"{base}-{n}", n + 1
            ids.add(meeting_id)
            meetings.append(
                Meeting(
                    id=meeting_id,
                    date=draft.day,
                    start=draft.start,
                    end=draft.end,
                    kind=MeetingKind.SPECIAL if draft.special else MeetingKind.REGULAR,
                    provisional=draft.provisional,
                    previous_dates=sorted(draft.previous),
                    title=self.ctx.text(draft.title) if draft.title else None,
                    venue=self.ctx.text(draft.venue) if draft.venue else None,
                    agenda=[self._node(n, None) for n in draft.roots],
                    notes=[self.ctx.text(note) for note in draft.notes],
                )
            )
        return meetings

    def _node(self, node: _Node, charter_article: str | None) -> AgendaNode:
        ctx = self.ctx
        citations: list[Citation] = []
        documents: list[str] = []
        presenters: list[str] = []
        article = None
        if node.title is not None and node.kind is not AgendaKind.AREA:
            article = ctx.article(node.title)
            if article is None:
                citations, documents = ctx.cite(node.title, node.line)
                presenters = ctx.presenters(node.title, node.line)
            if charter_article is not None:
                known = ctx.body_at_start(node.title)
                mandate = next(
                    (
                        m
                        for m in ctx.mandates
                        if m.article == charter_article and known and m.body == known.id
                    ),
                    None,
                )
                if mandate is not None:
                    citations = [Citation(mandate=mandate.id, article=charter_article)]
        for mandate_id, paragraphs in node.extra_paragraphs:
            for citation in citations:
                if citation.mandate == mandate_id:
                    citation.paragraphs.extend(
                        p for p in paragraphs if p not in citation.paragraphs
                    )
        return AgendaNode(
            kind=node.kind,
            area=node.area,
            title=ctx.text(node.title) if node.title else None,
            presenters=presenters,
            citations=citations,
            documents=documents,
            notes=[ctx.text(n) for n in node.notes],
            items=[self._node(child, article or None) for child in node.children],
        )


_STOP = {"dans", "pour", "avec", "sobre", "para", "with", "from", "that", "their", "des", "les"}


def _content_words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]+", fold(text)):
        if len(word) > 3 and word not in _STOP:
            words.add(word.rstrip("sx"))
    return words
