"""NEG rules: the negotiation's steps in order, its sessions, and the formal review period."""

from __future__ import annotations

import datetime as dt

from comitia.plan import Citation, Milestone, MilestoneKind, Negotiation
from tests.checks.plans import findings, item, meeting, plan, text


def step(kind: MilestoneKind, when: str | None = None, **fields: object) -> Milestone:
    return Milestone(
        id=kind.value.replace("_", "-"), kind=kind, title=text(kind.value), when=when, **fields
    )


def negotiation(*milestones: Milestone) -> Negotiation:
    return Negotiation(milestones=list(milestones))


def test_a_first_draft_before_the_methodology_is_an_error() -> None:
    p = plan(
        negotiation=negotiation(
            step(MilestoneKind.METHODOLOGY, "2020-04-02"),
            step(MilestoneKind.FIRST_DRAFT, "2020-02-27"),
        )
    )
    (found,) = findings(p, "NEG001")
    assert found.dates == (dt.date(2020, 2, 27), dt.date(2020, 4, 2))


def test_a_milestone_is_dated_by_its_meeting() -> None:
    p = plan(
        meetings=[meeting("2020-02-20")],
        negotiation=negotiation(
            step(MilestoneKind.METHODOLOGY, "2020-02-27"),
            step(MilestoneKind.FIRST_DRAFT, meeting="m-2020-02-20"),
        ),
    )
    assert len(findings(p, "NEG001")) == 1


def test_steps_in_order_or_undated_are_silent() -> None:
    p = plan(
        negotiation=negotiation(
            step(MilestoneKind.METHODOLOGY, "2020-02-27"),
            step(MilestoneKind.FIRST_DRAFT, "2020-04"),
            step(MilestoneKind.INFORMAL_CONSULTATIONS),
            step(MilestoneKind.FORMAL_REVIEW, "2020-05"),
        )
    )
    assert findings(p, "NEG001") == findings(p, "NEG002") == []


def test_a_formal_review_starting_before_the_first_draft_is_an_error() -> None:
    p = plan(
        negotiation=negotiation(
            step(MilestoneKind.FIRST_DRAFT, "2020-04-02"),
            step(MilestoneKind.FORMAL_REVIEW, "2020-03"),
        )
    )
    (found,) = findings(p, "NEG002")
    assert (
        found.message()
        == "The formal review (March 2020) begins before the first draft is presented "
        "(April 2, 2020)."
    )


def review(**sessions: int) -> Milestone:
    return step(MilestoneKind.FORMAL_REVIEW, "2020-05", **sessions)


def test_fewer_review_sessions_than_announced_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2020-05-05"), meeting("2020-05-21", end="17:30")],
        negotiation=negotiation(review(half_day_sessions=3, full_day_sessions=1)),
    )
    (found,) = findings(p, "NEG003")
    assert (found.params["planned"], found.params["actual"]) == (3, 1)
    assert "3 demi" not in found.message("fr")
    assert "annonce 3 réunions d’une demi-journée" in found.message("fr")


def test_as_many_review_sessions_as_announced_or_more_is_silent() -> None:
    p = plan(
        meetings=[meeting("2020-05-05"), meeting("2020-05-14"), meeting("2020-05-21", end="17:30")],
        negotiation=negotiation(review(half_day_sessions=2, full_day_sessions=1)),
    )
    assert findings(p, "NEG003") == []


def test_a_milestone_dated_otherwise_than_its_meeting_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2020-04-02")],
        negotiation=negotiation(step(MilestoneKind.FIRST_DRAFT, "2020-03", meeting="m-2020-04-02")),
    )
    assert len(findings(p, "NEG004")) == 1
    p = plan(
        meetings=[meeting("2020-04-02")],
        negotiation=negotiation(step(MilestoneKind.FIRST_DRAFT, "2020-04", meeting="m-2020-04-02")),
    )
    assert findings(p, "NEG004") == []


def test_other_business_during_the_formal_review_is_a_warning() -> None:
    annual = [item("Rapports annuels", items=[item("CICTE", citations=[Citation(mandate="res")])])]
    p = plan(
        meetings=[
            meeting("2020-05-05", agenda=annual),
            meeting("2020-05-21", end="17:30", agenda=[item("Examen du projet de résolution")]),
            meeting("2020-04-30"),
        ],
        negotiation=negotiation(review()),
    )
    (found,) = findings(p, "NEG005")
    assert found.params["title"] == text("Rapports annuels")
    assert found.dates == (dt.date(2020, 5, 5),)
