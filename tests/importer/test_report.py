"""The report: counts per kind, warnings, then every unused line with its number."""

from __future__ import annotations

from pathlib import Path

from comitia.importer import import_text

FIXTURE = (
    Path(__file__).resolve().parents[1] / "data" / "importer" / "csh-workplan-2021-2022.en.txt"
)


def test_a_weekday_that_contradicts_its_date_is_kept_and_reported() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "Thursday, October 28, 2021", "Friday, October 28, 2021"
    )
    result = import_text(text, "en")
    assert [m.date.isoformat() for m in result.plan.meetings][1] == "2021-10-28"
    ((number, message),) = result.report.warnings
    assert "weekday" in message and "2021-10-28" in message
    assert text.splitlines()[number - 1].strip().startswith("Friday, October 28")


def test_lines_that_fit_no_rule_are_listed_with_their_numbers() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    at = lines.index("II. OFFICERS")
    lines.insert(at, "The weather in Washington was pleasant.")
    result = import_text("\n".join(lines), "en")
    assert result.report.unused == [(at + 1, "The weather in Washington was pleasant.")]
    report = result.report.format()
    assert (
        report.index("recognized:")
        < report.index("  meetings: 6")
        < report.index("unused lines: 1")
    )
    assert report.endswith(f"  line {at + 1}: The weather in Washington was pleasant.\n")


def test_the_language_is_guessed_when_not_given() -> None:
    assert import_text(FIXTURE.read_text(encoding="utf-8")).plan.language.value == "en"


def test_a_meeting_that_ends_before_it_starts_is_reported_not_imported() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "Thursday, October 28, 2021 (10:00 a.m. - 1:00 p.m.)",
        "Thursday, October 28, 2021 (1:00 p.m. - 10:00 a.m.)",
    )
    result = import_text(text, "en")
    assert "2021-10-28" not in [m.date.isoformat() for m in result.plan.meetings]
    assert any("ends (10:00) before it starts" in m for _, m in result.report.warnings)
    assert any(t.startswith("Thursday, October 28") for _, t in result.report.unused)


def test_without_a_list_of_areas_the_agenda_headings_become_the_areas() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index("The items are organized")
    end = text.index("0. Budget")
    result = import_text(text[:start] + text[end:], "en")
    assert [str(a.title) for a in result.plan.thematic_areas] == [
        "Public security and violence prevention",
        "Transnational organized crime",
        "Peace, disarmament, and nonproliferation",
        "Multidimensional security",
    ]
