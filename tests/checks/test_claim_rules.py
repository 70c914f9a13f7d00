"""CLM rules: the calendar against a document's own summary and counts."""

from __future__ import annotations

import datetime as dt

from comitia.checks import run_checks
from comitia.plan import (
    ClaimedCount,
    CountClaim,
    MeetingKind,
    Milestone,
    MilestoneKind,
    Negotiation,
    NonMeetingDay,
    RequestedEvent,
    SummaryClaim,
)
from tests.checks.plans import TODAY, activity, findings, meeting, plan, text


def claim(
    when: str, title: str = "Réunion ordinaire de la CSH", committee: bool = True
) -> SummaryClaim:
    return SummaryClaim(when=when, title=text(title), committee=committee)


def test_plans_without_claims_get_no_claim_findings() -> None:
    p = plan(meetings=[meeting("2019-10-24")], activities=[activity("a", "2019-10-22")])
    codes = {f.code for f in run_checks(p, today=TODAY)}
    assert not any(code.startswith("CLM") for code in codes)


def test_a_committee_meeting_of_the_summary_missing_from_the_calendar_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2019-10-24")], summary_claims=[claim("2019-10-24"), claim("2019-11-21")]
    )
    (found,) = findings(p, "CLM001")
    assert found.dates == (dt.date(2019, 11, 21),)
    assert "variant" not in found.params


def test_a_summary_keeping_the_date_a_meeting_moved_from_says_so() -> None:
    p = plan(
        meetings=[meeting("2020-02-20", previous_dates=[dt.date(2020, 1, 30)])],
        summary_claims=[claim("2020-01-30"), claim("2020-02-20")],
    )
    (found,) = findings(p, "CLM001")
    assert found.hint().startswith(
        "The meeting of February 20, 2020 was first planned for that day"
    )


def test_a_calendar_meeting_the_summary_does_not_list_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2019-10-24"), meeting("2019-11-07")],
        summary_claims=[claim("2019-10-24")],
    )
    (found,) = findings(p, "CLM002")
    assert found.dates == (dt.date(2019, 11, 7),)


def test_an_unmarked_summary_entry_on_a_meeting_day_stands_for_the_meeting() -> None:
    p = plan(
        meetings=[meeting("2020-03-26")],
        summary_claims=[
            claim("2020-03-26", "Préoccupations de l’Amérique centrale", committee=False)
        ],
    )
    assert findings(p, "CLM002") == []
    assert findings(p, "CLM004") == []


def test_an_activity_dated_otherwise_in_the_summary_is_an_error() -> None:
    title = "Séminaire sur les droits de la personne (CID)"
    p = plan(
        activities=[activity("sem", "2019-11-17/2019-11-20", title)],
        summary_claims=[claim("2019-12-17/2019-12-20", title, committee=False)],
    )
    (found,) = findings(p, "CLM003")
    assert "December 17 to 20, 2019, the calendar November 17 to 20, 2019" in found.message()
    assert findings(p, "CLM004") == []


def test_a_shortened_title_on_the_same_dates_matches_its_activity() -> None:
    p = plan(
        activities=[
            activity(
                "cyber",
                "2019-11-06/2019-11-07",
                "Séminaire sur la cyberdéfense et la sécurité (CID)",
            )
        ],
        summary_claims=[
            claim(
                "2019-11-06/2019-11-07",
                "Séminaire sur la cyberdéfense et la sécurité",
                committee=False,
            )
        ],
    )
    assert findings(p, "CLM003") == findings(p, "CLM004") == []


def test_a_summary_entry_matching_nothing_is_a_warning_holidays_match_their_day() -> None:
    p = plan(
        non_meeting_days=[NonMeetingDay(date=dt.date(2019, 11, 28), name=text("Action de grâces"))],
        summary_claims=[
            claim("2019-11-28", "Jour de l’Action de grâces", committee=False),
            claim("2019-12-03", "Conférence sur les catastrophes", committee=False),
        ],
    )
    (found,) = findings(p, "CLM004")
    assert found.dates == (dt.date(2019, 12, 3),)


def test_a_provisional_mark_dropped_by_the_summary_is_a_warning() -> None:
    p = plan(
        meetings=[meeting("2020-03-26", provisional=True)], summary_claims=[claim("2020-03-26")]
    )
    (found,) = findings(p, "CLM005")
    assert found.message() == (
        "“Réunion ordinaire de la CSH” on March 26, 2020 is provisional in the calendar "
        "but not in the summary."
    )


def test_a_provisional_mark_only_the_summary_has_is_a_warning_too() -> None:
    p = plan(
        activities=[activity("cifta", "2020-04-02", "Réunion préparatoire de la CIFTA")],
        summary_claims=[claim("2020-04-02?", "Réunion préparatoire de la CIFTA", committee=False)],
    )
    (found,) = findings(p, "CLM005")
    assert found.params["variant"] == "added"


def test_the_same_provisional_marks_are_silent() -> None:
    p = plan(
        meetings=[meeting("2020-03-26", provisional=True)],
        activities=[activity("cifta", "2020-04-02?", "Réunion préparatoire de la CIFTA")],
        summary_claims=[
            claim("2020-03-26?"),
            claim("2020-04-02?", "Réunion préparatoire de la CIFTA", committee=False),
        ],
    )
    assert findings(p, "CLM005") == []


def count(counts: ClaimedCount, number: int) -> CountClaim:
    return CountClaim(counts=counts, number=number, text=text(f"{number} réunions"))


def test_counts_that_do_not_add_up_are_errors_and_those_that_do_are_silent() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24"),
            meeting("2019-11-07"),
            meeting("2019-12-05", kind=MeetingKind.SPECIAL),
            meeting("2020-02-20", kind=MeetingKind.GA_REQUESTED),
        ],
        requested_events=[
            RequestedEvent(
                id="cyber", title=text("Cyber"), when="2019-12-05", meeting="m-2019-12-05"
            ),
            RequestedEvent(id="mispa", title=text("MISPA"), when="2019-10-30", activity="mispa"),
        ],
        activities=[activity("mispa", "2019-10-30")],
        count_claims=[
            count(ClaimedCount.COMMITTEE_MEETINGS, 4),
            count(ClaimedCount.REGULAR_MEETINGS, 2),
            count(ClaimedCount.GA_REQUESTED_MEETINGS, 3),
        ],
    )
    (found,) = findings(p, "CLM006")
    assert (found.params["claimed"], found.params["actual"]) == (3, 2)
    assert found.message("pt") == (
        "O documento indica 3 reuniões solicitadas pela Assembleia Geral, o calendário tem 2."
    )
    assert found.hint().endswith("not as meetings of the committee: 1.")


def test_half_and_full_day_sessions_are_counted_within_the_formal_review() -> None:
    review = Milestone(
        id="review", kind=MilestoneKind.FORMAL_REVIEW, title=text("Examen"), when="2020-05"
    )
    p = plan(
        meetings=[
            meeting("2020-04-30", end="17:30"),
            meeting("2020-05-05"),
            meeting("2020-05-21", end="17:30"),
        ],
        negotiation=Negotiation(milestones=[review]),
        count_claims=[
            count(ClaimedCount.HALF_DAY_SESSIONS, 1),
            count(ClaimedCount.FULL_DAY_SESSIONS, 2),
        ],
    )
    (found,) = findings(p, "CLM006")
    assert found.params["what"] is ClaimedCount.FULL_DAY_SESSIONS
    assert found.params["actual"] == 1


def test_half_and_full_day_sessions_are_not_counted_without_a_dated_formal_review() -> None:
    p = plan(
        meetings=[meeting("2020-05-05"), meeting("2020-05-21", end="17:30")],
        count_claims=[count(ClaimedCount.HALF_DAY_SESSIONS, 3)],
    )
    assert findings(p, "CLM006") == []


def test_a_longer_summary_title_finds_its_activity_by_the_words_they_share() -> None:
    p = plan(
        activities=[
            activity("mispa", "2019-10-30/2019-10-31", "MISPA VII, Quito (Équateur)"),
            activity("remja", "2020-02-03", "Réunion des ministres de la justice"),
        ],
        summary_claims=[
            claim(
                "2019-11-30",
                "Septième Réunion des ministres responsables de la sécurité publique "
                "(MISPA VII), Quito (Équateur)",
                committee=False,
            )
        ],
    )
    (found,) = findings(p, "CLM003")
    assert [ref.id for ref in found.objects][1] == "mispa"
