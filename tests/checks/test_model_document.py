"""The real contradictions of the model document, caught by the checks.

The model plan (examples/oas-csh-2019-2020.yaml) holds the document's calendar; the document's
own summary and the counts of its introduction are added by hand (tests/checks/
model_document.py) until the importer fills them in. Each test is one contradiction found by
reading the document.
"""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.checks import Finding, ObjectKind, Severity, run_checks
from comitia.plan import Plan
from tests.checks.conftest import APPROVED


@pytest.fixture(scope="module")
def findings(claimed_model_plan: Plan) -> list[Finding]:
    return run_checks(claimed_model_plan, today=APPROVED)


def of(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def meeting_ids(finding: Finding) -> set[str]:
    return {ref.id for ref in finding.objects if ref.kind is ObjectKind.MEETING}


def test_the_introduction_counts_13_regular_meetings_where_the_calendar_has_16(
    findings: list[Finding],
) -> None:
    (regular,) = [f for f in of(findings, "CLM006") if f.params["what"].value == "regular_meetings"]
    assert (regular.params["claimed"], regular.params["actual"]) == (13, 16)
    assert regular.severity is Severity.ERROR
    assert "13 réunions ordinaires, le calendrier en compte 16" in regular.message("fr")


def test_the_introduction_counts_5_meetings_requested_by_the_assembly_where_4_are_meetings(
    findings: list[Finding],
) -> None:
    (requested,) = [
        f for f in of(findings, "CLM006") if f.params["what"].value == "ga_requested_meetings"
    ]
    assert (requested.params["claimed"], requested.params["actual"]) == (5, 4)
    # MISPA VII, the fifth event, is an activity of other bodies: the hint says so.
    assert requested.hint("en").endswith(
        "Events the General Assembly requested: 5; held as activities of other bodies, "
        "not as meetings of the committee: 1."
    )


def test_the_half_and_full_day_sessions_of_may_add_up(findings: list[Finding]) -> None:
    whats = {f.params["what"].value for f in of(findings, "CLM006")}
    assert whats == {"regular_meetings", "ga_requested_meetings"}


def test_the_summary_lists_a_committee_meeting_on_21_november_2019_that_the_calendar_lacks(
    findings: list[Finding],
) -> None:
    dates = [f.dates for f in of(findings, "CLM001")]
    assert (dt.date(2019, 11, 21),) in dates


def test_the_summary_keeps_30_january_2020_although_the_meeting_moved_to_20_february(
    findings: list[Finding],
) -> None:
    (moved,) = [f for f in of(findings, "CLM001") if f.dates == (dt.date(2020, 1, 30),)]
    assert moved.params["variant"] == "moved"
    assert meeting_ids(moved) == {"csh-2020-02-20"}
    assert "20 février 2020 était initialement prévue ce jour-là" in moved.hint("fr")


def test_the_summary_lists_no_other_phantom_meeting_and_misses_none(
    findings: list[Finding],
) -> None:
    assert {f.dates for f in of(findings, "CLM001")} == {
        (dt.date(2019, 11, 21),),
        (dt.date(2020, 1, 30),),
    }
    assert of(findings, "CLM002") == []


def test_the_human_rights_seminar_is_in_november_in_the_calendar_and_december_in_the_summary(
    findings: list[Finding],
) -> None:
    (seminar,) = of(findings, "CLM003")
    assert {ref.id for ref in seminar.objects if ref.kind is ObjectKind.ACTIVITY} == {
        "cid-seminaire-droits-personne"
    }
    assert seminar.dates[0] == dt.date(2019, 12, 17)
    assert "du 17 au 20 décembre 2019, le calendrier du 17 au 20 novembre 2019" in seminar.message(
        "fr"
    )


def test_every_other_summary_entry_matches_the_calendar(findings: list[Finding]) -> None:
    assert of(findings, "CLM004") == []


def test_the_summary_drops_the_provisional_marks_of_26_march_and_14_april(
    findings: list[Finding],
) -> None:
    dropped = of(findings, "CLM005")
    assert {f.dates for f in dropped} == {(dt.date(2020, 3, 26),), (dt.date(2020, 4, 14),)}
    assert all("variant" not in f.params for f in dropped)


def test_the_caribbean_meeting_is_proposed_for_16_april_but_held_on_30_april(
    findings: list[Finding],
) -> None:
    (caribbean,) = of(findings, "REQ001")
    assert caribbean.dates == (dt.date(2020, 4, 16), dt.date(2020, 4, 30))
    assert caribbean.params["variant"] == "moved"
    assert caribbean.severity is Severity.ERROR


def test_12_march_was_moved_from_19_march_which_still_has_a_meeting(
    findings: list[Finding],
) -> None:
    (moved,) = of(findings, "DAT009")
    assert meeting_ids(moved) == {"csh-2020-03-12", "csh-2020-03-19"}


def test_may_is_for_the_formal_review_yet_takes_annual_reports_and_an_ssm_briefing(
    findings: list[Finding],
) -> None:
    assert {f.dates for f in of(findings, "NEG005")} == {
        (dt.date(2020, 5, 5),),
        (dt.date(2020, 5, 14),),
        (dt.date(2020, 5, 19),),
    }


def test_the_november_2020_cicad_session_is_after_the_term(findings: list[Finding]) -> None:
    (late,) = of(findings, "DAT002")
    assert [ref.id for ref in late.objects] == ["cicad-68"]


def test_smm_is_printed_for_ssm_as_the_presenter_on_23_january_and_19_may(
    findings: list[Finding],
) -> None:
    assert {f.dates for f in of(findings, "REF003")} == {
        (dt.date(2020, 1, 23),),
        (dt.date(2020, 5, 19),),
    }


def test_the_model_plan_alone_has_one_error_the_caribbean_meeting(
    model_plan: Plan,
) -> None:
    errors = [f for f in run_checks(model_plan, today=APPROVED) if f.severity is Severity.ERROR]
    assert [f.code for f in errors] == ["REQ001"]


def test_the_model_plan_warnings_are_each_explained(model_plan: Plan) -> None:
    codes = sorted(f.code for f in run_checks(model_plan, today=APPROVED))
    assert codes == sorted(
        [
            "REQ001",  # the Caribbean meeting, 16 vs 30 April
            "DAT002",  # CICAD session of November 2020, after the term
            "DAT006",  # 23 January 2020: the JID presents while its Council meets
            "DAT009",  # 12 March moved from 19 March, which still has a meeting
            "NEG005",  # 5 May: annual report of the CICTE during the formal review
            "NEG005",  # 14 May: annual reports of the JID and the CICAD
            "NEG005",  # 19 May: SSM briefing
            "REF003",  # "SMM" for SSM, 23 January
            "REF003",  # "SMM" for SSM, 19 May
            "COV001",  # standing mandates of CP/RES. 1061/16: no item cites them
            "COV001",  # mandates A, A/B, A/C of GT/VE-3/15: no item cites them
            "COV003",  # San Salvador biennial reports: no reference year, no date to remind of
            "RES001",  # paragraphs 9-14, 91, 93, 95, 115: cited by other bodies' activities only
            "COV004",  # CITAAC annual report: no list of states parties in the document
            "COV004",  # CITAAC national points of contact: the same
        ]
    )


def test_the_paragraphs_cited_only_by_other_bodies_activities_are_addressed_by_no_meeting(
    model_plan: Plan,
) -> None:
    (finding,) = [f for f in run_checks(model_plan, today=APPROVED) if f.code == "RES001"]
    assert finding.params["numbers"] == ["9", "10", "11", "12", "13", "14", "91", "93", "95", "115"]
    assert (finding.params["covered"], finding.params["total"]) == (58, 68)
    assert "58 of the 68 paragraphs the committee follows up are addressed" in finding.message()
