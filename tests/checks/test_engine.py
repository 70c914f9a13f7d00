"""The rule engine: registry, findings, wording in four languages, sweeps equal to pairs."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.checks import Severity, blocking_findings, iter_rules, run_checks
from comitia.checks.messages import missing_templates, render
from comitia.checks.text import SAME_EVENT, similarity, words
from tests.checks.model_document import with_document_claims
from tests.checks.plans import TODAY, activity, findings, meeting, plan

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_every_rule_has_a_stable_code_and_a_family() -> None:
    rules = list(iter_rules())
    assert len(rules) >= 27
    for r in rules:
        assert re.fullmatch(r"[A-Z]{3}\d{3}", r.code)
        assert r.family in {
            "budget",
            "claims",
            "coverage",
            "dates",
            "negotiation",
            "organization",
            "plausibility",
            "references",
            "resolutions",
            "weekdays",
        }


def test_every_rule_is_worded_in_the_four_languages() -> None:
    assert missing_templates() == []


def test_every_rule_is_listed_in_the_documentation() -> None:
    listed = set(re.findall(r"^\| `([A-Z]{3}\d{3})` ", DOCS.read_text(encoding="utf-8"), re.M))
    assert listed == {r.code for r in iter_rules()}


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        render("DAT001", "message", {}, "de")


def test_findings_come_errors_first_then_by_date(claimed_model_plan) -> None:
    found = run_checks(claimed_model_plan, today=TODAY)
    keys = [f.sort_key for f in found]
    assert keys == sorted(keys)
    assert found[0].severity is Severity.ERROR and found[-1].severity is not Severity.ERROR


def test_a_finding_as_json_data() -> None:
    (found,) = findings(plan(meetings=[meeting("2020-10-01")]), "DAT001")
    assert found.to_dict("fr") == {
        "code": "DAT001",
        "severity": "error",
        "message": "La réunion du 1er octobre 2020 est hors de la période "
        "(1er octobre 2019 – 30 septembre 2020).",
        "dates": ["2020-10-01"],
        "objects": [{"kind": "meeting", "id": "m-2020-10-01"}],
        "hint": "Déplacez la réunion dans la période ou corrigez les dates de la période.",
    }


def test_blocking_findings_are_the_errors(model_plan) -> None:
    blocking = blocking_findings(with_document_claims(model_plan), today=TODAY)
    assert blocking and all(f.severity is Severity.ERROR for f in blocking)
    assert blocking_findings(plan(meetings=[meeting("2019-10-24")]), today=TODAY) == []


def test_today_defaults_to_the_system_date() -> None:
    soon = dt.date.today() + dt.timedelta(days=3)
    if not dt.date(2019, 10, 1) <= soon <= dt.date(2020, 9, 30):
        p = plan(meetings=[meeting("2019-10-24", provisional=True)])
        assert run_checks(p, codes=["DAT010"]) == []  # long past
    assert run_checks(plan(), codes=["DAT010"]) == []


def test_similar_titles() -> None:
    short = words("Séminaire sur la cyberdéfense et la sécurité")
    assert similarity(short, words("Séminaire sur la cyberdéfense et la sécurité (CID)")) == 1
    assert similarity(short, words("Conférence sur la situation mondiale")) < SAME_EVENT
    assert similarity(frozenset(), short) == 0


hours = st.sampled_from(["09:00", "10:00", "11:30", "13:00", "14:30", "15:00", "17:30"])


@st.composite
def meetings_of_a_week(draw: st.DrawFn) -> list:
    result = []
    for index in range(draw(st.integers(0, 12))):
        start, end = sorted(draw(st.lists(hours, min_size=2, max_size=2, unique=True)))
        day = f"2019-10-{draw(st.integers(21, 23))}"
        result.append(meeting(day, id=f"m{index}", start=start, end=end))
    return result


@settings(max_examples=60, deadline=None)
@given(meetings_of_a_week())
def test_the_overlap_sweep_finds_a_clash_on_every_day_that_has_one(meetings: list) -> None:
    """The sweep reports each meeting that overlaps an earlier one, no pair twice."""
    found = findings(plan(meetings=meetings), "DAT005")
    clashing = {
        b.id
        for a, b in itertools.combinations(
            sorted(meetings, key=lambda m: (m.date, m.start, m.id)), 2
        )
        if a.date == b.date and a.start < b.end and b.start < a.end
    }
    assert {f.objects[1].id for f in found} == clashing
    for f in found:
        a, b = (next(m for m in meetings if m.id == ref.id) for ref in f.objects)
        assert a.date == b.date and a.start < b.end and b.start < a.end


TITLES = {"a": "Séminaire sur la cyberdéfense", "b": "Conférence sur la situation mondiale"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 20), st.integers(0, 3), st.sampled_from("ab")), max_size=10)
)
def test_the_duplicate_sweep_agrees_with_comparing_every_pair(entries: list) -> None:
    """Each activity that repeats an earlier one (by first day) is reported once."""
    activities = [
        activity(
            f"a{i}", f"2020-03-{day:02d}/2020-03-{day + length + 1:02d}", TITLES[key], body="jid"
        )
        for i, (day, length, key) in enumerate(entries)
    ]
    ordered = sorted(activities, key=lambda a: (a.when.sort_key, a.id))
    repeating = {
        b.id
        for a, b in itertools.combinations(ordered, 2)
        if a.title == b.title and a.when.overlaps(b.when)
    }
    found = findings(plan(activities=activities), "DAT007")
    assert sorted(f.objects[1].id for f in found) == sorted(repeating)
