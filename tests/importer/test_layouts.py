"""Documents in other layouts than the model document's import with their meetings.

The documents (tests/importer/data/layouts/, and the DOCX built by ``layout_docx``) were written
for these tests, as secretariats and parliaments write them: a calendar as a table (a DOCX table
with merged and nested cells, or a text export's tab-separated rows), a date heading with the
times below, meetings announced in prose, month labels followed by day numbers, two sessions
on one day; elections told in prose, an appropriation in a paragraph, a summary of meetings.
The expected values are read from the documents by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from comitia.checks import run_checks
from comitia.cli import main
from comitia.importer import ImportResult, import_document, import_text
from comitia.importer.review import review_html
from tests.importer.layout_docx import SAMPLES, build, build_headerless

DATA = Path(__file__).resolve().parent / "data" / "layouts"

# (date, start, end) of every meeting, in the document's order.
PROSE = [
    ("2020-10-19", "10:00", "13:00"),  # "at 10:00 a.m.": no end written, three hours taken
    ("2020-11-05", "10:00", "13:00"),
    ("2020-11-05", "15:00", "18:00"),
    ("2020-12-01", "15:00", "18:00"),
]
HEADING = {
    "en": [
        ("2021-10-21", "10:00", "13:00"),
        ("2021-11-16", "10:00", "13:00"),
        ("2021-11-16", "14:30", "17:30"),
        ("2022-01-27", "15:00", "18:00"),
    ],
    **{
        lang: [
            ("2020-10-19", "10:00", "13:00"),
            ("2020-11-12", "10:00", "13:00"),
            ("2020-11-12", "15:00", "18:00"),
            ("2021-02-02", "15:00", "18:00"),
        ]
        for lang in ("fr", "es", "pt")
    },
}
MONTH = {
    "en": [
        ("2022-02-14", "10:00", "13:00"),
        ("2022-02-15", "10:00", "13:00"),
        ("2022-02-15", "15:00", "18:00"),
        ("2022-03-04", "15:00", "18:00"),
    ],
    "fr": [
        ("2021-01-13", "09:30", "12:30"),
        ("2021-01-20", "09:30", "12:30"),
        ("2021-01-20", "16:30", "19:00"),
        ("2021-02-02", "17:00", "19:00"),
    ],
    "es": [
        ("2021-03-09", "10:00", "13:00"),
        ("2021-03-17", "09:00", "12:00"),
        ("2021-03-17", "15:00", "18:00"),
        ("2021-04-06", "16:00", "18:00"),
    ],
    "pt": [
        ("2021-08-10", "10:00", "13:00"),
        ("2021-08-17", "14:30", "18:00"),
        ("2021-09-01", "10:00", "12:00"),
        ("2021-09-01", "14:00", "17:00"),
        ("2021-09-21", "09:30", "12:30"),
    ],
}
TABLE = [
    ("2021-10-18", "10:00", "13:00"),
    ("2021-10-18", "15:00", "18:00"),  # the date cell left empty: the day above
    ("2021-10-19", "10:00", "13:00"),
    ("2021-12-02", "15:00", "18:00"),
]
DOCX = [
    ("2020-10-22", "10:00", "13:00"),
    ("2020-10-22", "15:00", "18:00"),  # the date cell merged down
    ("2020-11-17", "10:00", "13:00"),
]
LANGS = ("en", "fr", "es", "pt")
# The committee of documents whose title names none.
COMMITTEE = {"prose.es": "CAJP", "month": "CREDN", "table": "COPUOS"}

CASES = [
    *[(f"prose.{lang}.txt", PROSE) for lang in LANGS],
    *[(f"heading.{lang}.txt", HEADING[lang]) for lang in LANGS],
    *[(f"month.{lang}.txt", MONTH[lang]) for lang in LANGS],
    *[(f"table.{lang}.txt", TABLE) for lang in LANGS],
]


def _committee(name: str) -> str | None:
    return COMMITTEE.get(name.rsplit(".", 1)[0]) or COMMITTEE.get(name.split(".")[0])


def _meetings(result: ImportResult) -> list[tuple[str, str, str]]:
    return [
        (m.date.isoformat(), m.start.strftime("%H:%M"), m.end.strftime("%H:%M"))
        for m in result.plan.meetings
    ]


def _label_lines(result: ImportResult) -> list[int]:
    """The lines that say the document was written for the tests."""
    return [line.number for line in result.lines if line.text.startswith("[")]


@pytest.fixture(scope="module")
def docx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layouts")
    for lang, sample in SAMPLES.items():
        build(sample, out / f"table.{lang}.docx")
    return out


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_meeting_is_read_with_its_date_and_times(
    name: str, expected: list[tuple[str, str, str]]
) -> None:
    result = import_document(DATA / name, committee=_committee(name))
    assert _meetings(result) == expected
    # The only unused line is the one that says the document was written for the tests,
    # or the prose that holds no data of the plan (a deadline for suggestions).
    unused = [number for number, _ in result.report.unused]
    assert set(_label_lines(result)) <= set(unused)
    for _number, text in result.report.unused:
        assert text.startswith("[") or re.search(r"\b(?:by|avant|hasta|até)\b", text), text


@pytest.mark.parametrize("lang", LANGS)
def test_docx_tables_with_merged_and_nested_cells_give_every_meeting(
    docx_dir: Path, lang: str, tmp_path: Path
) -> None:
    path = docx_dir / f"table.{lang}.docx"
    result = import_document(path)
    assert _meetings(result) == DOCX
    first, second, third = result.plan.meetings
    sample = SAMPLES[lang]
    rows = [row for row in sample.rows if isinstance(row, dict)]
    assert [str(m.title) for m in result.plan.meetings] == [str(r["subject"]) for r in rows]
    assert [str(m.venue) for m in result.plan.meetings] == [str(r["venue"]) for r in rows]
    # The nested table's rows are the first meeting's items, read once each.
    assert [str(n.title) for n in first.agenda] == list(rows[0]["items"])  # type: ignore[call-overload]
    assert second.agenda == [] and third.agenda == []
    assert [text for _, text in result.report.unused] == [sample.label]
    (officer,) = result.plan.officers
    assert (officer.role.value, officer.elected_on.isoformat()) == ("chair", "2020-10-08")
    assert main(["import", str(path), "-o", str(tmp_path / "plan.yaml")]) == 0


OFFICERS = {
    "prose.en.txt": ("María Fernanda López", "CO", "2020-09-24"),
    "prose.fr.txt": ("Anne-Marie Dupont", "CA", "2020-10-08"),
    "prose.es.txt": ("Jorge Skinner-Klée", "GT", "2020-10-08"),
    "prose.pt.txt": ("Ana Paula Ferreira", "BR", "2020-10-08"),
    "heading.en.txt": ("Ronald Sanders", "AG", "2021-10-07"),
    "heading.fr.txt": ("Hugo de Zela", "PE", "2020-10-01"),
    "heading.es.txt": ("Luz Elena Baños", "MX", "2020-10-01"),
    "heading.pt.txt": ("Fernando Simas Magalhães", "BR", "2020-10-01"),
}


@pytest.mark.parametrize(("name", "expected"), OFFICERS.items(), ids=list(OFFICERS))
def test_an_election_told_in_prose_gives_the_chair(
    name: str, expected: tuple[str, str, str]
) -> None:
    result = import_document(DATA / name, committee=_committee(name))
    (officer,) = result.plan.officers
    assert (officer.person, officer.state, officer.elected_on.isoformat()) == expected
    assert officer.role.value == "chair"
    assert officer.elected_by == result.plan.term.committee


APPROPRIATIONS = {
    "prose.en.txt": ("98400", "2021", "AG/RES. 1 (LI-E/20)"),
    "heading.en.txt": ("112000", "2022", "AG/RES. 2967 (LI-O/21)"),
    "heading.fr.txt": ("98400", "2021", "AG/RES. 1 (LI-E/20)"),
    "heading.es.txt": ("98400", "2021", "AG/RES. 1 (LI-E/20)"),
    "heading.pt.txt": ("98400", "2021", "AG/RES. 1 (LI-E/20)"),
}


@pytest.mark.parametrize(("name", "expected"), APPROPRIATIONS.items(), ids=list(APPROPRIATIONS))
def test_an_amount_with_a_resolution_symbol_is_an_appropriation(
    name: str, expected: tuple[str, str, str]
) -> None:
    (appropriation,) = import_document(DATA / name).plan.appropriations
    assert (str(appropriation.amount), str(appropriation.period), appropriation.basis) == expected


# The summary lists the last meeting on another day than the calendar: (listed, held).
CONTRADICTIONS = {
    **{f"heading.{lang}.txt": ("2021-02-04", "2021-02-02") for lang in ("fr", "es", "pt")},
    "heading.en.txt": ("2022-01-20", "2022-01-27"),
    # A summary whose lines hold the day and the entry: "8 – Regular meeting of the CSH".
    **{f"prose.{lang}.txt": ("2020-12-08", "2020-12-01") for lang in LANGS},
}


@pytest.mark.parametrize("name", CONTRADICTIONS)
def test_the_checks_find_the_summary_contradicting_the_calendar(name: str) -> None:
    plan = import_document(DATA / name, committee=_committee(name)).plan
    assert len(plan.summary_claims) == 3
    found = {(f.code, tuple(d.isoformat() for d in f.dates)) for f in run_checks(plan)}
    listed, held = CONTRADICTIONS[name]
    assert ("CLM001", (listed,)) in found
    assert ("CLM002", (held,)) in found
    assert not {code for code, _ in found if code.startswith("CLM")} - {"CLM001", "CLM002"}


def test_each_meeting_says_its_lines_and_how_sure_the_reader_is() -> None:
    result = import_document(DATA / "heading.en.txt")
    sources = result.report.sources
    assert [s.lines for s in sources] == [(21, 22), (26, 27), (26, 27), (30, 31)]
    assert {s.layout for s in sources} == {"date heading"}
    prose = import_document(DATA / "prose.en.txt").report
    assert [s.confidence for s in prose.sources] == [0.6, 1.0, 1.0, 1.0]
    assert prose.warnings == [
        (16, "no end time is written for the meeting of 2020-10-19 at 10:00; taken as 13:00")
    ]
    assert "meetings read from other layouts: 4" in prose.format()


def test_a_title_that_names_no_committee_imports_with_a_warning() -> None:
    result = import_document(DATA / "prose.es.txt")
    assert result.plan.term.committee == "committee"
    assert result.report.warnings[0] == (
        1,
        "no committee is named in the document's title; say which with --committee",
    )
    assert len(result.plan.meetings) == 4
    named = import_document(DATA / "prose.es.txt", committee="CAJP")
    assert named.plan.term.committee == "cajp"
    assert not any("no committee" in m for _, m in named.report.warnings)


def test_sections_not_found_are_reported_not_fatal() -> None:
    report = import_document(DATA / "month.en.txt", committee="C-34").report
    assert report.missing == ["intro", "bureau", "mandates", "summary"]
    assert "sections not found: intro, bureau, mandates, summary" in report.format()


def test_the_command_takes_the_committee_and_keeps_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(DATA / "prose.es.txt")
    out = tmp_path / "plan.yaml"
    assert main(["import", source, "-o", str(out), "--committee", "CAJP"]) == 0
    assert "committee: cajp" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    # Two lines hold no data of the plan: --strict refuses them, as for any document.
    assert main(["import", source, "-o", str(tmp_path / "b.yaml"), "--strict"]) == 1
    assert "--strict refuses them" in capsys.readouterr().err
    assert not (tmp_path / "b.yaml").exists()


def test_the_review_page_shows_each_line_beside_what_it_became(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    source = DATA / "heading.fr.txt"
    args = ["import", str(source), "-o", str(tmp_path / "p.yaml"), "--review", str(page)]
    assert main([*args, "--lang", "fr"]) == 0
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Revue de l’importation" in html
    row = re.search(
        r'<tr class="meeting"><td class="number">22</td><td>(.*?)</td><td>(.*?)</td>', html
    )
    assert row is not None
    assert row[1] == "De 10 heures à 13 heures"
    assert row[2].startswith("réunion du 2020-10-19, 10:00–13:00 (date en intertitre")
    assert '<tr class="unused"><td class="number">9</td>' in html


def test_the_review_page_escapes_the_document() -> None:
    text = (DATA / "prose.en.txt").read_text(encoding="utf-8")
    text = text.replace("[Illustrative", "<script>alert(1)</script> [Illustrative")
    html = review_html(import_text(text, "en"), "en")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_headings_worded_otherwise_give_the_same_plan() -> None:
    """tests/data/importer/csh-workplan-2021-2022.en.txt (written for the tests) with its
    headings worded as other secretariats word them: "ELECTION OF OFFICERS", "Financial
    resources", "ANNEX I: CALENDAR OF MEETINGS", "SUMMARY OF THE MEETINGS", "REPORTING
    REMINDERS"."""
    reworded = import_document(DATA / "model-layout-headings.en.txt")
    original = import_document(
        DATA.parents[2] / "data" / "importer" / "csh-workplan-2021-2022.en.txt"
    )
    assert reworded.plan == original.plan
    assert reworded.report.unused == [] and reworded.report.missing == []


def test_a_heading_followed_by_dated_lines_is_the_calendar() -> None:
    """The same work plan whose calendar heading names no calendar: its structure (a heading,
    the column headers and the year above lines with a day and a time) says it is one."""
    source = DATA.parents[2] / "data" / "importer" / "csh-workplan-2021-2022.en.txt"
    text = source.read_text(encoding="utf-8")
    heading = "ANNEX – CALENDAR OF ACTIVITIES 2021-2022"
    assert heading in text
    unknown = import_text(text.replace(heading, "ANNEX – ACTIVITIES FOR THE PERIOD 2021-2022"))
    assert unknown.plan == import_document(source).plan
    assert unknown.report.unused == [] and unknown.report.missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_vice_chair_elected_without_an_ordinal_is_the_first(lang: str) -> None:
    # An election by acclamation of a chair and of a vice chair named without an ordinal, and
    # a dated line whose title follows a colon.
    result = import_document(DATA / f"election.{lang}.txt")
    roles = [(o.role.value, o.elected_on.isoformat()) for o in result.plan.officers]
    assert roles == [("chair", "2020-10-08"), ("first_vice_chair", "2020-10-08")]
    (meeting,) = result.plan.meetings
    assert (meeting.date.isoformat(), f"{meeting.start:%H:%M}", f"{meeting.end:%H:%M}") == (
        "2020-10-22",
        "10:00",
        "13:00",
    )
    assert str(meeting.title).startswith(("Regular", "Reunión", "Reunião", "Réunion"))
    assert [n for n, _ in result.report.unused] == _label_lines(result)
    assert result.report.warnings == []


BARE = {
    # A date heading in capitals under the calendar's heading, its sessions below.
    "en": [
        ("2015-05-04", "10:00", "13:00"),
        ("2015-05-04", "15:00", "18:00"),
        ("2015-05-05", "10:00", "13:00"),
    ],
    # No heading at all: the dated lines follow the title; only the start is written.
    "pt": [("2021-08-10", "10:00", "13:00"), ("2021-08-11", "14:30", "17:30")],
    "fr": [("2021-01-13", "09:30", "12:30"), ("2021-01-13", "16:30", "19:30")],
    "es": [
        ("2021-03-09", "10:00", "13:00"),
        ("2021-03-16", "10:00", "12:00"),
        ("2021-03-16", "16:00", "18:00"),
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_dated_lines_under_the_title_are_meetings_not_the_title(lang: str) -> None:
    result = import_document(DATA / f"bare.{lang}.txt", committee="X")
    assert _meetings(result) == BARE[lang]
    # The label may be read as the end of a title that no heading closes; nothing else is.
    assert {n for n, _ in result.report.unused} <= set(_label_lines(result))


def test_a_table_with_no_header_is_read_as_date_headings(tmp_path: Path) -> None:
    result = import_document(build_headerless(tmp_path / "headerless.en.docx"))
    assert [
        (*m, str(t))
        for m, t in zip(_meetings(result), (x.title for x in result.plan.meetings), strict=True)
    ] == [
        ("2021-03-09", "10:00", "13:00", "Regular meeting"),
        ("2021-03-18", "15:00", "18:00", "Special meeting on small island states"),
        ("2021-04-09", "10:00", "13:00", "Hearings on the draft resolution"),
        ("2021-04-09", "15:00", "18:00", "Hearings on the draft resolution"),
    ]
    assert [text for _, text in result.report.unused] == [SAMPLES["en"].label]
    assert result.report.warnings == []


def test_the_model_document_is_read_by_the_model_layout_alone() -> None:
    result = import_document(DATA.parents[2] / "data" / "csh-workplan-2019-2020.fr.txt")
    assert result.report.sources == [] and result.report.missing == []
    report = result.report.format()
    assert "sections not found" not in report and "other layouts" not in report
