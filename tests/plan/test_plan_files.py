"""Plan files: valid ones round-trip; bad ones are refused with the line and the field."""

from __future__ import annotations

import json
import textwrap
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from comitia.plan import Plan, Term
from comitia.plan.files import (
    PlanFileError,
    dump_plan_json,
    dump_plan_yaml,
    parse_plan_text,
    read_plan,
    write_plan,
)

VALID = textwrap.dedent(
    """\
    comitia: 1
    language: fr
    term:
      committee: csh
      label: 2019-2020
      start: 2019-10-01
      end: 2020-09-30
    bodies:
      - id: csh
        acronym: {fr: CSH}
        name: {fr: Commission sur la sécurité continentale, en: Committee on Hemispheric Security}
      - id: jid
        name: {fr: Organisation interaméricaine de défense}
    officers:
      - role: chair
        person: José Manuel Boza Orozco
        state: PE
        elected_on: 2019-09-27
        elected_by: csh
    meetings:
      - id: csh-2019-10-24
        date: 2019-10-24
        start: 10:00
        end: 13:00
        previous_dates: [2019-10-17]
        agenda:
          - title: {fr: Élection des vice-présidences}
    activities:
      - id: jid-1416
        title: {fr: Réunion ordinaire nº 1416 du Conseil des délégués de la JID}
        body: jid
        when: 2019-10-22
      - id: cifta-cc
        title: {fr: Vingtième réunion ordinaire du Comité consultatif de la CIFTA}
        when: 2020-40
        provisional: true
    obligations:
      - id: mines
        title: {fr: Registre des mines terrestres antipersonnel}
        frequency: yearly
        due: --04-15
    """
)


def _error_for(text: str) -> str:
    with pytest.raises(PlanFileError) as caught:
        parse_plan_text(text, "plan.yaml")
    return str(caught.value)


def _replace_line(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_valid_plan_file_reads_with_unquoted_times_as_hours_and_minutes() -> None:
    plan = parse_plan_text(VALID)
    meeting = plan.meetings[0]
    assert (meeting.start.hour, meeting.start.minute) == (10, 0)
    assert meeting.end.strftime("%H:%M") == "13:00"


def test_a_provisional_flag_on_an_activity_marks_its_date_provisional() -> None:
    activity = parse_plan_text(VALID).activities[1]
    assert activity.provisional
    assert str(activity.when) == "2020-40?"


def test_a_provisional_date_makes_the_activity_provisional() -> None:
    text = _replace_line(VALID, "when: 2019-10-22", "when: 2019-10-22?")
    assert parse_plan_text(text).activities[0].provisional


def test_a_provisional_date_contradicted_by_the_flag_is_refused() -> None:
    text = _replace_line(VALID, "when: 2020-40\n", "when: 2020-40?\n")
    text = _replace_line(text, "provisional: true", "provisional: false")
    message = _error_for(text)
    assert f"plan.yaml:{_line_of(text, 'provisional: false')}: activities.1.provisional:" in message


def test_a_wrong_date_names_its_line_and_field() -> None:
    text = _replace_line(VALID, "date: 2019-10-24", "date: 2019-10-34")
    message = _error_for(text)
    assert message.count("\n") == 0
    assert message.startswith(f"plan.yaml:{_line_of(text, '2019-10-34')}: meetings.0.date: ")


def test_an_unknown_field_names_its_line_and_field() -> None:
    text = _replace_line(VALID, "    start: 10:00", "    start: 10:00\n    colour: red")
    assert _error_for(text) == (
        f"plan.yaml:{_line_of(text, 'colour')}: meetings.0.colour: unknown field"
    )


def test_an_end_before_the_start_names_the_end_line() -> None:
    text = _replace_line(VALID, "end: 13:00", "end: 09:30")
    assert _error_for(text) == (
        f"plan.yaml:{_line_of(text, 'end: 09:30')}: meetings.0.end: "
        "the meeting ends (09:30) before it starts (10:00)"
    )


def test_a_second_chair_is_refused_at_its_role() -> None:
    second_chair = textwrap.indent(
        "- role: chair\n  person: Another\n  state: US\n"
        "  elected_on: 2019-09-27\n  elected_by: csh\n",
        "  ",
    )
    text = _replace_line(VALID, "meetings:\n", second_chair + "meetings:\n")
    message = _error_for(text)
    line = _line_of(text, "person: Another") - 1
    assert message == (
        f"plan.yaml:{line}: officers.1.role: role 'chair' is already used by entry 1 of officers"
    )


def test_a_reference_to_an_unknown_body_is_refused() -> None:
    text = _replace_line(VALID, "body: jid", "body: cicad")
    assert _error_for(text) == (
        f"plan.yaml:{_line_of(text, 'body: cicad')}: activities.0.body: no body has the id 'cicad'"
    )


def test_a_bad_fuzzy_date_says_what_was_expected() -> None:
    text = _replace_line(VALID, "when: 2020-40", "when: first half")
    message = _error_for(text)
    assert message.startswith(f"plan.yaml:{_line_of(text, 'first half')}: activities.1.when: ")
    assert "first half" in message


def test_a_yearly_obligation_needs_a_day_of_the_year() -> None:
    text = _replace_line(VALID, "due: --04-15", "due: --04-31")
    message = _error_for(text)
    assert f"plan.yaml:{_line_of(text, '--04-31')}: obligations.0.due:" in message


def test_a_key_repeated_in_a_mapping_is_refused() -> None:
    text = _replace_line(VALID, "    start: 10:00", "    start: 10:00\n    start: 11:00")
    assert _error_for(text).startswith(
        f"plan.yaml:{_line_of(text, 'start: 11:00')}: not valid YAML"
    )


def test_broken_yaml_is_reported_with_its_line() -> None:
    text = _replace_line(VALID, "  label: 2019-2020", "  label: [2019-2020")
    message = _error_for(text)
    assert message.startswith("plan.yaml:") and "not valid YAML" in message


@pytest.mark.parametrize("text", ["", "just text\n", "- a\n- list\n"])
def test_a_file_that_is_not_a_mapping_is_refused(text: str) -> None:
    assert "a plan file holds a mapping" in _error_for(text)


def test_a_missing_file_is_a_plan_file_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such file"):
        read_plan(tmp_path / "absent.yaml")


def test_a_file_that_is_not_utf8_is_a_plan_file_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: sécurité".encode("latin-1"))
    with pytest.raises(PlanFileError, match="not UTF-8"):
        read_plan(path)


def test_yaml_written_reads_back_to_an_equal_plan(tmp_path: Path) -> None:
    plan = parse_plan_text(VALID)
    path = tmp_path / "plan.yaml"
    write_plan(plan, path)
    assert read_plan(path) == plan
    assert parse_plan_text(dump_plan_yaml(plan)) == plan


def test_json_written_reads_back_to_an_equal_plan(tmp_path: Path) -> None:
    plan = parse_plan_text(VALID)
    path = tmp_path / "plan.json"
    write_plan(plan, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["activities"][1]["when"] == "2020-40?"
    assert data["activities"][1]["provisional"] is True
    assert data["meetings"][0]["start"] == "10:00"
    assert data["meetings"][0]["previous_dates"] == ["2019-10-17"]
    assert Plan.model_validate(data) == plan
    assert read_plan(path) == plan


def test_json_export_lists_every_field_even_when_default() -> None:
    data = json.loads(dump_plan_json(parse_plan_text(VALID)))
    meeting = data["meetings"][0]
    assert meeting["provisional"] is False
    assert meeting["kind"] == "regular"
    assert meeting["venue"] is None


# Hostile values: whatever a file holds, the reader answers with one line per problem.

_NUMBER_PLACES = [
    ("label: 2019-2020", "label: {}", "term.label"),
    ("elected_on: 2019-09-27", "elected_on: {}", "officers.0.elected_on"),
    ("start: 10:00", "start: {}", "meetings.0.start"),
    ("when: 2020-40\n", "when: {}\n", "activities.1.when"),
    ("previous_dates: [2019-10-17]", "previous_dates: [{}]", "meetings.0.previous_dates.0"),
]


@given(
    place=st.sampled_from(_NUMBER_PLACES),
    digits=st.integers(4301, 20000),
    sign=st.sampled_from(["", "-", "+"]),
)
@settings(max_examples=30)
def test_a_number_too_long_for_python_is_refused_in_one_line_at_its_field(
    place: tuple[str, str, str], digits: int, sign: str
) -> None:
    old, new, field = place
    text = _replace_line(VALID, old, new.format(sign + "7" * digits))
    message = _error_for(text)
    assert "\n" not in message
    assert message.startswith(f"plan.yaml:{_line_of(text, '7' * 20)}: {field}: ")
    assert f"{digits} digits" in message


@pytest.mark.parametrize(
    "number",
    ["1e999999", "1.0e+999999", "-1.5e-999999", "9" * 5000 + ".5", ".inf", ".nan", "!!float ten"],
)
def test_huge_or_strange_floats_are_refused_in_one_line(number: str) -> None:
    text = _replace_line(VALID, "start: 10:00", f"start: {number}")
    message = _error_for(text)
    assert "\n" not in message
    assert message.startswith(f"plan.yaml:{_line_of(text, number)}: meetings.0.start: ")


def test_a_number_too_long_in_a_json_plan_file_is_refused_in_one_line() -> None:
    text = dump_plan_json(parse_plan_text(VALID)).replace(
        '"sequence": 0', '"sequence": 1' + "0" * 5000
    )
    message = _error_for(text)
    assert "\n" not in message
    assert ": meetings.0.sequence: a number of 5001 digits" in message


def test_a_malformed_number_with_an_explicit_tag_is_refused() -> None:
    text = _replace_line(VALID, "label: 2019-2020", "label: !!int ten")
    assert _error_for(text) == (
        f"plan.yaml:{_line_of(text, 'label:')}: term.label: 'ten' is not a whole number"
    )


@pytest.mark.parametrize(
    "zone",
    [
        "../../../../etc/passwd",
        "/etc/passwd",
        "America/../Europe/Paris",
        "zone.tab",
        "tzdata.zi",
        "America/Nowhere",
        "america/new_york",
        "",
        "Europe/Paris\ud800",
    ],
)
def test_a_time_zone_outside_the_iana_database_is_refused_at_its_field(zone: str) -> None:
    text = _replace_line(
        VALID, "  end: 2020-09-30", f"  end: 2020-09-30\n  timezone: {json.dumps(zone)}"
    )
    message = _error_for(text)
    assert "\n" not in message
    assert message.startswith(f"plan.yaml:{_line_of(text, 'timezone')}: ")


@given(st.sampled_from(sorted(zoneinfo.available_timezones())))
def test_every_zone_of_the_iana_database_is_accepted(zone: str) -> None:
    text = _replace_line(VALID, "  end: 2020-09-30", f"  end: 2020-09-30\n  timezone: {zone}")
    assert parse_plan_text(text).term.timezone == zone


@given(st.text(st.characters(codec=None), max_size=30))
def test_any_other_time_zone_name_is_refused(zone: str) -> None:
    assume(zone not in zoneinfo.available_timezones())
    with pytest.raises(ValidationError, match="not a time zone"):
        Term(
            committee="csh", label="2019-2020", start="2019-10-01", end="2020-09-30", timezone=zone
        )


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\u0085", "\\u007f", "\\u0001"])
def test_an_escaped_unfit_character_in_a_plan_file_is_refused_in_one_line(escape: str) -> None:
    text = _replace_line(VALID, "person: José Manuel Boza Orozco", f'person: "Boza {escape}"')
    message = _error_for(text)
    assert "\n" not in message
    assert message.startswith(f"plan.yaml:{_line_of(text, 'person:')}")
