"""The model plan file says what the model document says.

``examples/oas-csh-2019-2020.yaml`` is the model document (CP/CSH-1933/19 rev. 2) written as a
plan. These tests read the document itself with a small extractor written only for them (regular
expressions over French dates, independent of ``comitia.dates`` and of any importer) and compare
what it finds with the plan: every committee meeting of the annex calendar with its date, times,
provisional mark and earlier dates; every dated activity of other bodies; the activities to be
confirmed; the yearly reporting deadlines; the appropriations; and the printed wording.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from comitia.plan import Frequency, MeetingKind, Plan
from comitia.plan.files import dump_plan_json, dump_plan_yaml, parse_plan_text, read_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "examples" / "oas-csh-2019-2020.yaml"
DOCUMENT_NAME = "csh-workplan-2019-2020.fr.txt"
# The copy kept with the tests first, so they run without the shared folder.
DOCUMENT_CANDIDATES = (
    Path(__file__).resolve().parent / "data" / DOCUMENT_NAME,
    ROOT / ".." / "shared" / "documents" / DOCUMENT_NAME,
)

# What the calendar holds, counted by hand and stated here so that a change is deliberate.
COMMITTEE_MEETINGS = 20
DATED_ACTIVITIES = 35
ACTIVITIES_TO_BE_CONFIRMED = 3

MONTHS = {
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
}
MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi)"
# "10 h 00", "13 h00", "10 h 00" with no-break spaces: \s matches them all.
TIME = r"(?P<{0}_h>\d{{1,2}})\s*h\s*(?P<{0}_m>\d{{2}})"
TIMES = r"\(\s*" + TIME.format("start") + r"\s*[–-]\s*" + TIME.format("end") + r"\s*\)"
FOOTNOTE_REF = re.compile(r"\s*\[footnoteRef:(?P<number>\d+)\]/?")
FOOTNOTE_TEXT = re.compile(r"\[(?P<number>\d+):(?P<text>[^\]]*)\]")

MEETING_HEADING = re.compile(
    rf"^{WEEKDAY}\s+(?P<day>\d{{1,2}})\s+{MONTH}\s*{TIMES}(?P<rest>.*)$", re.IGNORECASE
)
MOVED_FROM = re.compile(
    rf"initialement programmée pour le (?P<day>\d{{1,2}})\s+{MONTH}(?:\s+(?P<year>\d{{4}}))?"
)
# The left part of a right-column line, before its colon; the year comes from the row markers.
ACTIVITY_DATES = [
    ("range", re.compile(rf"^Du (?P<first>\d{{1,2}}) au (?P<last>\d{{1,2}}) {MONTH}(?: \d{{4}})?")),
    ("pair", re.compile(rf"^(?P<first>\d{{1,2}}) et (?P<last>\d{{1,2}}) {MONTH}")),
    ("day", re.compile(rf"^(?P<day>\d{{1,2}}) {MONTH}(?P<provisional> \(provisoire\))?")),
    ("month", re.compile(rf"^{MONTH}(?P<provisional> \(prov\.\))?", re.IGNORECASE)),
    ("semester", re.compile(r"^(?P<semester>Premier|Deuxième) semestre")),
]
ACTIVITY_TIMES = re.compile(r"^" + TIMES + r"\s*")
YEARLY_DEADLINE = re.compile(rf"^(?P<day>1er|\d{{1,2}}) {MONTH} chaque année\s*:\s*(?P<title>.+)$")


@dataclass(frozen=True)
class PrintedMeeting:
    date: dt.date
    start: dt.time
    end: dt.time
    provisional: bool
    previous_dates: tuple[dt.date, ...]
    venue: str | None
    line: str


@dataclass(frozen=True)
class PrintedActivity:
    when: str  # EDTF, built here by hand from the French text
    title: str
    start: dt.time | None
    end: dt.time | None
    line: str


def squash(text: str) -> str:
    """Runs of spaces (ordinary, no-break, tabs, line ends) as one space, trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def without_footnotes(text: str) -> str:
    return FOOTNOTE_TEXT.sub("", FOOTNOTE_REF.sub("", text))


def between(text: str, start: str, end: str | None = None) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else len(text)]


@pytest.fixture(scope="module")
def document() -> str:
    for candidate in DOCUMENT_CANDIDATES:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    pytest.fail(f"the model document {DOCUMENT_NAME} is in none of {DOCUMENT_CANDIDATES}")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def calendar(document: str) -> str:
    return between(document, "ANNEXE – CALENDRIER", "RÉSUMÉ DES RÉUNIONS")


def calendar_lines(calendar: str) -> list[tuple[int, str]]:
    """(year, line) for each line of the calendar, the year set by the "2019"/"2020" rows."""
    year = 0
    lines = []
    for raw in calendar.splitlines():
        line = raw.strip()
        if re.fullmatch(r"20\d\d", line):
            year = int(line)
        elif line:
            lines.append((year, line))
    return lines


def printed_meetings(calendar: str) -> list[PrintedMeeting]:
    meetings = []
    for year, line in calendar_lines(calendar):
        match = MEETING_HEADING.match(line)
        if not match:
            continue
        assert year, f"a meeting before the first year row: {line!r}"
        footnotes = " ".join(m["text"] for m in FOOTNOTE_TEXT.finditer(line))
        previous = tuple(
            dt.date(int(moved["year"] or year), MONTHS[moved["month"]], int(moved["day"]))
            for moved in MOVED_FROM.finditer(footnotes)
        )
        rest = squash(FOOTNOTE_TEXT.sub("", FOOTNOTE_REF.sub("", match["rest"])))
        remarks = re.findall(r"\(([^)]*)\)", rest)
        meetings.append(
            PrintedMeeting(
                date=dt.date(year, MONTHS[match["month"]], int(match["day"])),
                start=dt.time(int(match["start_h"]), int(match["start_m"])),
                end=dt.time(int(match["end_h"]), int(match["end_m"])),
                provisional="Date provisoire" in remarks,
                previous_dates=previous,
                venue=next((r for r in remarks if r != "Date provisoire"), None),
                line=line,
            )
        )
    return meetings


def printed_activities(calendar: str) -> list[PrintedActivity]:
    activities = []
    for year, line in calendar_lines(calendar):
        if ":" not in line:
            continue
        left, text = (part.strip() for part in line.split(":", 1))
        shapes = [(s, m) for s, p in ACTIVITY_DATES if (m := p.fullmatch(left))]
        if not shapes:
            continue
        when = edtf(*shapes[0], year)
        start = end = None
        if times := ACTIVITY_TIMES.match(text):
            start = dt.time(int(times["start_h"]), int(times["start_m"]))
            end = dt.time(int(times["end_h"]), int(times["end_m"]))
            text = text[times.end() :]
        activities.append(PrintedActivity(when, squash(text), start, end, line))
    return activities


def edtf(shape: str, match: re.Match[str], year: int) -> str:
    """The EDTF text of a printed French date, built without comitia.dates."""
    month = MONTHS.get(match["month"].lower()) if "month" in match.groupdict() else None
    provisional = "?" if match.groupdict().get("provisional") else ""
    if shape in {"range", "pair"}:
        first = dt.date(year, month, int(match["first"]))
        last = dt.date(year, month, int(match["last"]))
        if shape == "pair" and (last - first).days != 1:
            return f"{{{first},{last}}}"
        return f"{first}/{last}"
    if shape == "day":
        return f"{dt.date(year, month, int(match['day']))}{provisional}"
    if shape == "month":
        return f"{year}-{month:02d}{provisional}"
    return f"{year}-{40 if match['semester'] == 'Premier' else 41}"


# --------------------------------------------------------------------------- the extractor


def test_extractor_finds_every_committee_meeting_heading(calendar: str) -> None:
    meetings = printed_meetings(calendar)
    headings = [
        line for _, line in calendar_lines(calendar) if re.match(WEEKDAY, line, re.IGNORECASE)
    ]
    assert len(meetings) == len(headings) == COMMITTEE_MEETINGS
    assert meetings[0].date == dt.date(2019, 10, 24)
    assert meetings[0].end == dt.time(13, 0)  # printed "13 h00"
    assert meetings[-1].date == dt.date(2020, 5, 26)


def test_extractor_finds_every_dated_activity(calendar: str) -> None:
    activities = printed_activities(calendar)
    assert len(activities) == DATED_ACTIVITIES
    whens = [activity.when for activity in activities]
    assert whens[:2] == ["2019-10-22", "2019-10-30/2019-10-31"]
    assert {"2020-03", "2020-40", "2020-04-02?", "2020-07?", "2020-08?", "2020-11"} <= set(whens)
    assert whens.count("2020-40") == 3


# --------------------------------------------------------------------------- meetings


def test_plan_has_exactly_the_committee_meetings_of_the_calendar(plan: Plan, calendar: str) -> None:
    printed = [meeting.date for meeting in printed_meetings(calendar)]
    assert len(plan.meetings) == COMMITTEE_MEETINGS
    assert sorted(meeting.date for meeting in plan.meetings) == sorted(printed)


def test_each_meeting_has_the_printed_times_status_earlier_dates_and_venue(
    plan: Plan, calendar: str
) -> None:
    by_date = {meeting.date: meeting for meeting in plan.meetings}
    for printed in printed_meetings(calendar):
        meeting = by_date[printed.date]
        found = (
            meeting.start,
            meeting.end,
            meeting.provisional,
            tuple(meeting.previous_dates),
            str(meeting.venue) if meeting.venue else None,
        )
        expected = (
            printed.start,
            printed.end,
            printed.provisional,
            printed.previous_dates,
            printed.venue,
        )
        assert found == expected, printed.line


def test_meetings_moved_from_an_earlier_date_are_the_five_of_the_footnotes(plan: Plan) -> None:
    moved = {
        m.id: [d.isoformat() for d in m.previous_dates] for m in plan.meetings if m.previous_dates
    }
    assert moved == {
        "csh-2020-02-20": ["2020-01-30"],
        "csh-2020-03-12": ["2020-03-19"],
        "csh-2020-04-14": ["2020-04-23"],
        "csh-2020-04-30": ["2020-04-16"],
        "csh-2020-05-05": ["2020-05-07"],
    }


def test_meeting_kinds_follow_the_events_the_general_assembly_requested(plan: Plan) -> None:
    kinds = {meeting.id: meeting.kind for meeting in plan.meetings}
    assert {i for i, k in kinds.items() if k is MeetingKind.SPECIAL} == {"csh-2019-12-05"}
    assert {i for i, k in kinds.items() if k is MeetingKind.GA_REQUESTED} == {
        "csh-2020-02-20",
        "csh-2020-03-26",
        "csh-2020-04-30",
    }
    held_by = {event.meeting or event.activity for event in plan.requested_events}
    assert held_by == {
        "mispa-vii",
        "csh-2019-12-05",
        "csh-2020-02-20",
        "csh-2020-03-26",
        "csh-2020-04-30",
    }


# --------------------------------------------------------------------------- activities


def test_each_dated_activity_is_in_the_plan_with_its_dates_and_times(
    plan: Plan, calendar: str
) -> None:
    planned = {(str(a.when), squash(str(a.title))): a for a in plan.activities}
    for printed in printed_activities(calendar):
        activity = planned.get((printed.when, printed.title))
        assert activity is not None, f"not in the plan as {printed.when}: {printed.line!r}"
        assert (activity.start, activity.end) == (printed.start, printed.end), printed.line
        assert activity.provisional == printed.when.endswith("?"), printed.line


def test_activities_to_be_confirmed_are_dated_by_their_year_only(plan: Plan, document: str) -> None:
    section = between(document, "Activités dont la date doit être confirmée", "RAPPELS")
    year = re.search(r"^\s*(20\d\d)\s*$", section, re.MULTILINE)
    assert year is not None
    titles = []
    for line in section[year.end() :].strip().splitlines():
        if not line.startswith("·"):
            break
        titles.append(squash(re.sub(r"\[bookmark:[^\]]*\]", "", line.lstrip("· "))))
    assert len(titles) == ACTIVITIES_TO_BE_CONFIRMED
    to_confirm = {squash(str(a.title)) for a in plan.activities if str(a.when) == year[1]}
    assert to_confirm == set(titles)
    assert len(plan.activities) == DATED_ACTIVITIES + ACTIVITIES_TO_BE_CONFIRMED


# --------------------------------------------------------------------------- obligations, budget


def test_yearly_obligations_fall_due_on_the_printed_days(plan: Plan, document: str) -> None:
    printed = set()
    for line in between(document, "RAPPELS DES RAPPORTS").splitlines():
        if match := YEARLY_DEADLINE.match(line.strip()):
            day = 1 if match["day"] == "1er" else int(match["day"])
            printed.add((f"--{MONTHS[match['month']]:02d}-{day:02d}", squash(match["title"])))
    assert len(printed) == 6
    yearly = {
        (o.due, squash(str(o.title))) for o in plan.obligations if o.frequency is Frequency.YEARLY
    }
    assert yearly == printed


def test_appropriations_are_the_printed_amounts_and_their_difference_is_derived(
    plan: Plan, document: str
) -> None:
    budget = between(document, "Budget pour la période 2019-2020", "CONSIDÉRATIONS GÉNÉRALES")
    # French thousands separators: US$ 126.200 is 126200 dollars.
    amounts = [
        Decimal(a.replace(".", "")) for a in re.findall(r"US\s*\$\s*(\d{1,3}(?:\.\d{3})+)", budget)
    ]
    year_2019, autumn_2019, year_2020, printed_difference = amounts
    planned = {str(a.period): (a.amount, a.basis) for a in plan.appropriations}
    assert planned == {
        "2019": (year_2019, "AG/RES. 1 (LIII-E/18) rev. 1"),
        "2019-10/2019-12": (autumn_2019, "AG/RES. 1 (LIII-E/18) rev. 1"),
        "2020": (year_2020, "CP/RES. 1138/19"),
    }
    assert planned["2019"][0] - planned["2020"][0] == printed_difference
    for appropriation in plan.appropriations:
        assert appropriation.basis in squash(budget)


# --------------------------------------------------------------------------- wording


def test_printed_texts_of_the_plan_are_found_word_for_word_in_the_document(
    plan: Plan, document: str
) -> None:
    printed = squash(without_footnotes(document))
    footnotes = squash(" ".join(m["text"] for m in FOOTNOTE_TEXT.finditer(document)))
    texts: list[tuple[str, object]] = []
    for meeting in plan.meetings:
        texts += [(meeting.id, meeting.title)]
        for node in meeting.agenda_nodes():
            texts += [(meeting.id, node.title)] + [(meeting.id, note) for note in node.notes]
    for activity in plan.activities:
        texts += [(activity.id, activity.title), (activity.id, activity.venue)]
    for mandate in plan.mandates:
        texts += [(mandate.id, mandate.title)] + [(mandate.id, n) for n in mandate.notes]
    for event in plan.requested_events:
        texts += [(event.id, event.title)]
    for area in plan.thematic_areas:
        texts += [(area.id, area.title)]
    for obligation in plan.obligations:
        texts += [(obligation.id, obligation.title)] + [
            (obligation.id, r) for r in obligation.request
        ]
    missing = [
        (where, squash(str(text)))
        for where, text in texts
        if text is not None
        and squash(str(text)) not in printed
        and squash(str(text)) not in footnotes
    ]
    assert missing == []


def test_each_meeting_has_one_agenda_node_per_printed_line(plan: Plan, calendar: str) -> None:
    """Bullets (and the one numbered line) are topics or items; the other lines are areas."""
    by_date = {meeting.date: meeting for meeting in plan.meetings}
    headings = {squash(str(area.title)) for area in plan.thematic_areas} | {
        squash(str(node.title))
        for meeting in plan.meetings
        for node in meeting.agenda_nodes()
        if node.kind == "area" and node.title is not None
    }
    printed: dict[dt.date, Counter[str]] = {}
    current = None
    meetings = iter(printed_meetings(calendar))
    for _, line in calendar_lines(calendar):
        if MEETING_HEADING.match(line):
            current = printed.setdefault(next(meetings).date, Counter())
        elif current is not None and re.match(r"^(?:·|\d+\.\s)", line):
            current["topic or item"] += 1
        elif current is not None and squash(line) in headings:
            current["area"] += 1
    for date, counts in printed.items():
        nodes = Counter(
            "area" if node.kind == "area" else "topic or item"
            for node in by_date[date].agenda_nodes()
        )
        assert nodes == counts, date


def test_agenda_nodes_are_counted(plan: Plan) -> None:
    nodes = [node for meeting in plan.meetings for node in meeting.agenda_nodes()]
    counts = {kind: sum(1 for n in nodes if n.kind == kind) for kind in ("area", "topic", "item")}
    assert counts == {"area": 30, "topic": 42, "item": 95}


# --------------------------------------------------------------------------- negotiation


def test_may_holds_the_half_and_full_day_meetings_the_methodology_announces(
    plan: Plan, document: str
) -> None:
    words = {"une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
    announced = re.search(
        r"(\w+) réunions d’une demi-journée et (\w+) réunions de toute la journée",
        squash(document),
    )
    assert announced is not None
    half, full = words[announced[1]], words[announced[2]]
    may = [m for m in plan.meetings if (m.date.year, m.date.month) == (2020, 5)]
    hours = [
        (dt.datetime.combine(m.date, m.end) - dt.datetime.combine(m.date, m.start)).seconds / 3600
        for m in may
    ]
    assert (sum(h <= 4 for h in hours), sum(h > 4 for h in hours)) == (half, full)
    assert plan.negotiation is not None
    review = next(m for m in plan.negotiation.milestones if m.kind == "formal_review")
    assert (review.half_day_sessions, review.full_day_sessions) == (half, full)


def test_milestones_sit_at_the_meetings_the_methodology_names(plan: Plan) -> None:
    assert plan.negotiation is not None
    assert str(plan.negotiation.starts) == "2020-04"
    at = {m.kind.value: m.meeting for m in plan.negotiation.milestones}
    dates = sorted(m.date for m in plan.meetings)
    first_of = {
        month: next(d for d in dates if (d.year, d.month) == (2020, month)) for month in (4, 5)
    }
    assert at["methodology"] == "csh-2020-02-27"  # "à la réunion de 27 février 2020"
    assert at["first_draft"] == f"csh-{first_of[4]}"  # "à la première réunion d’avril 2020"
    assert at["final_reports"] == f"csh-{first_of[5]}"  # "à la première réunion de mai 2020"


# --------------------------------------------------------------------------- the file itself


def test_model_plan_reads_back_equal_after_writing_yaml_and_json(plan: Plan) -> None:
    assert parse_plan_text(dump_plan_yaml(plan)) == plan
    assert parse_plan_text(dump_plan_json(plan)) == plan
