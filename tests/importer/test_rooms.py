"""Venues of an imported document that name a room of the organization become rooms."""

from __future__ import annotations

from pathlib import Path

from comitia.importer.rooms import place_in_rooms
from comitia.plan import Text
from comitia.plan.files import read_organization
from tests.checks.plans import meeting, plan

ORGANIZATION = read_organization(
    Path(__file__).parents[2] / "examples" / "oas-organization-illustrative.yaml"
)


def test_a_venue_naming_one_room_becomes_the_meetings_room() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24", venue=Text.of("fr", "Salle Simon Bolivar, siège de l’OEA")),
            meeting("2019-10-31", venue=Text.of("es", "SALA RUBÉN DARÍO")),
            meeting("2019-11-07", venue=Text.of("fr", "Quito (Équateur)")),
            meeting("2019-11-14"),
        ]
    )
    placed, ids = place_in_rooms(p, ORGANIZATION)
    assert ids == ["m-2019-10-24", "m-2019-10-31"]
    assert [m.room for m in placed.meetings] == ["simon-bolivar", "ruben-dario", None, None]
    assert placed.meetings[0].venue is None and placed.meetings[2].venue is not None
    assert placed.organization == "oas-cp"


def test_a_plan_whose_venues_name_no_room_is_left_as_it_was() -> None:
    p = plan(meetings=[meeting("2019-11-07", venue=Text.of("fr", "Washington DC"))])
    assert place_in_rooms(p, ORGANIZATION) == (p, [])
