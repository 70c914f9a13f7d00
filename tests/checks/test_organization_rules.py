"""Rooms and interpretation teams across the committees of one organization (ORG rules)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.checks import ObjectKind, ObjectRef, OtherCommittee, run_checks
from comitia.plan import Body, InterpretationTeam, Language, Organization, Plan, Room, Text
from comitia.plan.entities import Term
from tests.checks.plans import TODAY, findings, meeting, plan

ROOMS = [
    Room(
        id="bolivar", name=Text.of("en", "Simón Bolívar Room"), capacity=200, booths=list(Language)
    ),
    Room(
        id="vidal",
        name=Text.of("en", "Padilha Vidal Room"),
        capacity=40,
        booths=[Language.EN, Language.ES],
        unavailable=[dt.date(2020, 3, 3)],
    ),
]
TEAMS = [
    InterpretationTeam(
        id="a", name=Text.of("en", "Team A"), languages=list(Language), meetings_per_day=2
    ),
    InterpretationTeam(
        id="b",
        name=Text.of("en", "Team B"),
        languages=[Language.EN, Language.ES],
        unavailable=[dt.date(2020, 3, 4)],
    ),
]
ORGANIZATION = Organization(id="oas", name=Text.of("en", "OAS"), rooms=ROOMS, teams=TEAMS)


def other_plan(*meetings: Any, committee: str = "cajp") -> Plan:
    return Plan(
        language=Language.EN,
        term=Term(
            committee=committee,
            label="2019-2020",
            start=dt.date(2019, 10, 1),
            end=dt.date(2020, 9, 30),
        ),
        bodies=[
            Body(id=committee, acronym=Text.of("en", committee.upper()), name=Text.of("en", "X"))
        ],
        meetings=[m.model_copy(update={"agenda": []}) for m in meetings],
    )


def check(p: Plan, code: str, *others: Plan, hidden: set[str] | None = None) -> list[Any]:
    neighbours = [OtherCommittee.of_plan(o, hidden or set()) for o in others]
    return findings(p, code, organization=ORGANIZATION, others=neighbours)


def test_one_room_booked_by_two_committees_at_once_is_found_on_both_checks() -> None:
    csh = plan(meetings=[meeting("2019-11-07", room="bolivar")])
    cajp = other_plan(meeting("2019-11-07", id="c-1", start="11:00", end="12:30", room="bolivar"))
    (mine,) = check(csh, "ORG001", cajp)
    assert mine.objects == (
        ObjectRef(ObjectKind.MEETING, "m-2019-11-07"),
        ObjectRef(ObjectKind.OTHER_MEETING, "cajp-2019-2020/c-1"),
    )
    assert mine.message("en") == (
        "The Simón Bolívar Room is booked twice on November 7, 2019: this meeting "
        "(10:00–13:00) and a meeting of the CAJP (11:00–12:30)."
    )
    (theirs,) = check(cajp, "ORG001", csh)
    assert theirs.objects[0] == ObjectRef(ObjectKind.MEETING, "c-1")
    assert "CSH" in theirs.message("fr")


def test_meetings_that_only_touch_or_are_cancelled_do_not_clash() -> None:
    csh = plan(meetings=[meeting("2019-11-07", room="bolivar", team="a")])
    cajp = other_plan(
        meeting("2019-11-07", id="c-1", start="13:00", end="15:00", room="bolivar", team="a"),
        meeting("2019-11-07", id="c-2", room="bolivar", team="a", status="cancelled"),
        meeting("2019-11-08", id="c-3", room="bolivar", team="a"),
    )
    assert check(csh, "ORG001", cajp) == []
    assert check(csh, "ORG002", cajp) == []


def test_a_hidden_meeting_of_another_committee_clashes_without_being_named() -> None:
    csh = plan(meetings=[meeting("2019-11-07", team="a")])
    cajp = other_plan(meeting("2019-11-07", id="c-secret", team="a"))
    (finding,) = check(csh, "ORG002", cajp, hidden={"c-secret"})
    assert finding.objects == (ObjectRef(ObjectKind.MEETING, "m-2019-11-07"),)
    for lang in ("en", "fr", "es", "pt"):
        assert "CAJP" not in finding.message(lang) and "c-secret" not in finding.message(lang)
    assert "not yet published" in finding.message("en")


def test_two_meetings_of_the_same_committee_in_one_room() -> None:
    p = plan(
        meetings=[
            meeting("2019-11-07", room="bolivar"),
            meeting("2019-11-07", id="m-2", start="12:00", end="14:00", room="bolivar"),
        ]
    )
    (finding,) = findings(p, "ORG001", organization=ORGANIZATION)
    assert "a meeting of the CSH" in finding.message("en")


def test_a_team_booked_for_more_meetings_a_day_than_it_covers() -> None:
    csh = plan(meetings=[meeting("2019-11-07", team="a")])
    cajp = other_plan(
        meeting("2019-11-07", id="c-1", start="13:30", end="15:00", team="a"),
        meeting("2019-11-07", id="c-2", start="15:30", end="18:00", team="a"),
    )
    (finding,) = check(csh, "ORG003", cajp)
    assert finding.params["count"] == 3 and finding.params["limit"] == 2
    assert finding.objects == (ObjectRef(ObjectKind.MEETING, "m-2019-11-07"),)
    assert check(csh, "ORG003", other_plan(cajp.meetings[0])) == []


def test_a_room_without_the_booths_of_the_meetings_languages() -> None:
    p = plan(
        meetings=[
            meeting("2019-11-07", room="vidal"),  # the plan's four languages
            meeting("2019-11-14", room="vidal", languages=["en", "es"]),
            meeting("2019-11-21", room="vidal", languages=["fr"]),  # one language: no booth
        ]
    )
    (finding,) = findings(p, "ORG004", organization=ORGANIZATION)
    assert finding.dates == (dt.date(2019, 11, 7),)
    assert finding.message("en").endswith("which has no booth for French, Portuguese.")
    assert "le français, le portugais" in finding.message("fr")


def test_a_team_that_does_not_interpret_the_meetings_languages() -> None:
    p = plan(meetings=[meeting("2019-11-07", team="b", languages=["en", "fr"])])
    (finding,) = findings(p, "ORG005", organization=ORGANIZATION)
    assert finding.params["missing"] == [Language.FR]


def test_a_room_or_team_unavailable_that_day() -> None:
    p = plan(
        meetings=[
            meeting("2020-03-03", room="vidal", languages=["en"]),
            meeting("2020-03-04", team="b", languages=["en", "es"]),
        ]
    )
    found = findings(p, "ORG006", organization=ORGANIZATION)
    assert [f.dates for f in found] == [(dt.date(2020, 3, 3),), (dt.date(2020, 3, 4),)]
    assert "Team B" in found[1].message("en")


def test_a_room_or_team_the_organization_does_not_have() -> None:
    p = plan(meetings=[meeting("2019-11-07", room="nowhere", team="z")])
    found = findings(p, "ORG007", organization=ORGANIZATION)
    assert ["nowhere" in f.message("en") for f in found] == [True, False]
    assert findings(p, "ORG007") == []  # without the organization file: nothing to compare


def test_without_the_organization_file_rooms_are_still_compared_by_identifier() -> None:
    csh = plan(meetings=[meeting("2019-11-07", room="bolivar")])
    cajp = other_plan(meeting("2019-11-07", id="c-1", room="bolivar"))
    (finding,) = run_checks(
        csh, today=TODAY, codes=["ORG001"], others=[OtherCommittee.of_plan(cajp)]
    )
    assert "bolivar" in finding.message("en")


def test_a_meeting_in_a_room_has_no_venue() -> None:
    with pytest.raises(ValueError, match="has no venue"):
        meeting("2019-11-07", room="bolivar", venue=Text.of("en", "Quito"))


_slots = st.tuples(
    st.integers(0, 4),  # day
    st.integers(8, 17),  # start hour
    st.integers(1, 4),  # hours
    st.sampled_from(["bolivar", "vidal"]),
    st.booleans(),  # of the plan checked, or of the other committee
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_slots, max_size=14))
def test_the_sweep_finds_every_overlapping_pair_and_no_other(slots: list[Any]) -> None:
    own, theirs = [], []
    for index, (day, hour, hours, room, mine) in enumerate(slots):
        made = meeting(
            (dt.date(2019, 11, 4) + dt.timedelta(days=day)).isoformat(),
            id=f"m-{index}",
            start=f"{hour:02d}:00",
            end=f"{min(hour + hours, 23):02d}:00",
            room=room,
        )
        (own if mine else theirs).append(made)
    csh, cajp = plan(meetings=own), other_plan(*theirs)
    found = {
        tuple(sorted(ref.id.rsplit("/", 1)[-1] for ref in f.objects))
        for f in check(csh, "ORG001", cajp)
    }
    expected = set()
    for a, b in itertools.combinations([*own, *theirs], 2):
        same_room = a.room == b.room and a.date == b.date
        if (a in own or b in own) and same_room and a.start < b.end and b.start < a.end:
            expected.add(tuple(sorted((a.id, b.id))))
    assert found == expected
