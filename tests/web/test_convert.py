"""Plans go into the database and come back out unchanged."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, RootModel

from comitia.plan import InterpretationTeam, Language, Organization, Plan, Room, Text
from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, find_term, load_plan, save_plan
from comitia.web.plans.organizations import save_organization
from tests.factories import with_resolutions

from .conftest import build_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2019-2020.yaml"


def complete_plan() -> Plan:
    """A plan in which every field of the plan model differs from its default somewhere; its
    organization is ``ORGANIZATION`` (stored first)."""
    plan = with_resolutions(build_plan(6))
    first = plan.meetings[0]
    assert first.venue is None
    booked = first.model_copy(
        update={"room": "room-1", "team": "team-1", "languages": [Language.EN, Language.FR]}
    )
    # The last item of the second meeting follows the last item of the first.
    first_item = booked.agenda[-1].model_copy(update={"id": "other-business-1"})
    booked = booked.model_copy(update={"agenda": [*booked.agenda[:-1], first_item]})
    second = plan.meetings[1]
    second_item = second.agenda[-1].model_copy(update={"after": ["other-business-1"]})
    second = second.model_copy(update={"agenda": [*second.agenda[:-1], second_item]})
    return Plan.model_validate(
        plan.model_copy(
            update={
                "term": plan.term.model_copy(update={"timezone": "America/Lima"}),
                "organization": ORGANIZATION.id,
                "meetings": [booked, second, *plan.meetings[2:]],
            }
        ).model_dump()
    )


ORGANIZATION = Organization(
    id="org-test",
    name=Text.of("en", "Organization"),
    rooms=[Room(id="room-1", name=Text.of("en", "Room 1"), capacity=10)],
    teams=[InterpretationTeam(id="team-1", name=Text.of("en", "Team 1"), languages=list(Language))],
)


def assert_same_plan(loaded: Plan, original: Plan) -> None:
    # JSON text, not dicts: the order of a text's languages (original first) must survive.
    assert loaded.model_dump_json() == original.model_dump_json()
    assert loaded.model_dump(mode="json") == original.model_dump(mode="json")


@pytest.mark.django_db
def test_a_stored_plan_reads_back_identical(plan: Plan) -> None:
    assert_same_plan(load_plan(save_plan(plan)), plan)


@pytest.mark.django_db
def test_a_plan_that_sets_every_field_reads_back_identical() -> None:
    save_organization(ORGANIZATION)
    plan = complete_plan()
    assert_same_plan(load_plan(save_plan(plan)), plan)


@pytest.mark.django_db
def test_a_plan_read_back_stores_and_reads_back_identical_again(plan: Plan) -> None:
    first = load_plan(save_plan(plan))
    assert_same_plan(load_plan(save_plan(first, replace=True)), plan)


@pytest.mark.django_db
def test_a_plan_without_meetings_or_options_reads_back_identical() -> None:
    plan = build_plan(0)
    plan = plan.model_copy(update={"document": None, "negotiation": None})
    assert_same_plan(load_plan(save_plan(plan)), plan)


@pytest.mark.django_db
def test_the_model_plan_reads_back_identical() -> None:
    plan = read_plan(EXAMPLE)
    assert_same_plan(load_plan(save_plan(plan)), plan)


@pytest.mark.django_db
def test_the_original_language_of_a_text_stays_first(term: m.Term) -> None:
    # Spanish is the original and sorts after English: jsonb would reorder an object's keys.
    meeting = m.Meeting.objects.get(term=term, key="m1")
    assert list(meeting.venue) == ["es", "en"]
    assert load_plan(term).meetings[1].venue.original == "es"


@pytest.mark.django_db
def test_a_term_is_named_by_committee_and_label(term: m.Term) -> None:
    assert term.slug == "csh-2019-2020"
    assert find_term("CSH-2019-2020 ") == term


@pytest.mark.django_db
def test_an_unknown_term_lists_the_known_ones(term: m.Term) -> None:
    save_plan(build_plan(1, label="2020-2021"))
    with pytest.raises(PlanLoadError, match="csh-2019-2020, csh-2020-2021"):
        find_term("csh-2018-2019")


@pytest.mark.django_db
def test_an_unknown_term_in_an_empty_database_says_so() -> None:
    with pytest.raises(PlanLoadError, match="no term yet"):
        find_term("csh-2019-2020")


@pytest.mark.django_db
def test_loading_a_term_again_is_refused_and_keeps_the_stored_one(term: m.Term) -> None:
    with pytest.raises(PlanLoadError, match="already in the database"):
        save_plan(build_plan(5))
    assert m.Meeting.objects.filter(term=term).count() == 3


@pytest.mark.django_db
def test_replacing_a_term_stores_the_new_plan_in_its_place() -> None:
    # A draft term: a published one has a publication row, which load_plan_file removes
    # before replacing (save_plan deletes the plan's own tables only).
    save_plan(build_plan(3))
    new = build_plan(5)
    replaced = save_plan(new, replace=True)
    assert list(m.Term.objects.values_list("slug", flat=True)) == ["csh-2019-2020"]
    assert m.Meeting.objects.count() == 5
    assert_same_plan(load_plan(replaced), new)


def _fields_set_apart_from_defaults(value: object, found: set[tuple[str, str]]) -> None:
    if isinstance(value, list):
        for item in value:
            _fields_set_apart_from_defaults(item, found)
    elif isinstance(value, BaseModel) and not isinstance(value, RootModel):
        for name, field in type(value).model_fields.items():
            current = getattr(value, name)
            if current != field.get_default(call_default_factory=True):
                found.add((type(value).__name__, name))
            _fields_set_apart_from_defaults(current, found)


def test_the_round_trip_plan_sets_every_field_of_the_plan_model() -> None:
    # A field added to the plan model fails here until the plan factory, and so the round trip
    # tests, and so convert.py, cover it.
    found: set[tuple[str, str]] = set()
    _fields_set_apart_from_defaults(complete_plan(), found)
    models: list[type[BaseModel]] = [Plan]
    every: set[tuple[str, str]] = set()
    while models:
        model = models.pop()
        for name, field in model.model_fields.items():
            every.add((model.__name__, name))
            for inner in typing.get_args(field.annotation) or (field.annotation,):
                for candidate in typing.get_args(inner) or (inner,):
                    if (
                        isinstance(candidate, type)
                        and issubclass(candidate, BaseModel)
                        and not issubclass(candidate, RootModel)
                        and (candidate.__name__, next(iter(candidate.model_fields))) not in every
                    ):
                        models.append(candidate)
    assert every - found - {("Plan", "comitia")} == set()
