"""Organization files: rooms and interpretation teams, read, checked and written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.plan import Language
from comitia.plan.files import (
    PlanFileError,
    dump_organization_yaml,
    parse_organization_text,
    read_organization,
    read_plan,
)
from comitia.plan.schema import organization_json_schema_text

EXAMPLES = Path(__file__).parents[2] / "examples"
PUBLISHED = Path(__file__).parents[2] / "docs" / "organization.schema.json"


def test_the_example_organization_is_marked_illustrative_and_reads_back_equal() -> None:
    organization = read_organization(EXAMPLES / "oas-organization-illustrative.yaml")
    assert organization.illustrative
    assert [room.id for room in organization.rooms] == [
        "simon-bolivar",
        "ruben-dario",
        "padilha-vidal",
    ]
    assert organization.room("padilha-vidal").booths == [Language.EN, Language.ES]
    assert parse_organization_text(dump_organization_yaml(organization)) == organization


def test_the_second_committee_of_the_demo_names_its_rooms_and_is_illustrative() -> None:
    plan = read_plan(EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml")
    organization = read_organization(EXAMPLES / "oas-organization-illustrative.yaml")
    assert plan.organization == organization.id
    assert "illustrative" in plan.term.label
    assert plan.document is None  # no symbol: not presented as a document
    named = {m.room for m in plan.meetings if m.room} | {m.team for m in plan.meetings if m.team}
    known = {r.id for r in organization.rooms} | {t.id for t in organization.teams}
    assert named <= known


def test_a_room_listed_twice_is_named_at_its_place() -> None:
    text = """
id: org
name: {en: Org}
rooms:
  - {id: a, name: {en: A}, capacity: 10}
  - {id: a, name: {en: B}, capacity: 10}
"""
    with pytest.raises(PlanFileError) as error:
        parse_organization_text(text, "org.yaml")
    assert error.value.problems == [
        "org.yaml:6: rooms.1.id: id 'a' is already used by entry 1 of rooms"
    ]


def test_a_team_interprets_two_languages_at_least() -> None:
    text = "id: org\nname: {en: Org}\nteams:\n  - {id: t, name: {en: T}, languages: [en]}\n"
    with pytest.raises(PlanFileError, match=r"teams\.0\.languages"):
        parse_organization_text(text, "org.yaml")


def test_the_published_organization_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == organization_json_schema_text(), (
        "docs/organization.schema.json is stale: run `make schema`"
    )
