"""Each rule stays silent on a plan that is right where the rule looks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from comitia.plan import (
    Citation,
    Frequency,
    Milestone,
    MilestoneKind,
    Negotiation,
    NonMeetingDay,
    Plan,
    PlanDocument,
    ReportingObligation,
    SummaryClaim,
)
from tests.checks.plans import activity, findings, item, meeting, plan, text


def summary_agrees() -> Plan:
    return plan(
        meetings=[
            meeting("2019-10-24"),
            meeting("2020-02-20", previous_dates=[dt.date(2020, 1, 30)]),
        ],
        summary_claims=[
            SummaryClaim(when="2019-10-24", title=text("Réunion de la CSH"), committee=True),
            SummaryClaim(when="2020-02-20", title=text("Réunion de la CSH"), committee=True),
        ],
    )


def within_term_on_working_days() -> Plan:
    return plan(
        meetings=[meeting("2019-10-24"), meeting("2020-09-30")],
        activities=[activity("a", "2020-09"), activity("b", "2019-10-01")],
        non_meeting_days=[NonMeetingDay(date=dt.date(2019, 11, 28), name=text("Action de grâces"))],
    )


def review_only_in_may() -> Plan:
    review = Milestone(
        id="review", kind=MilestoneKind.FORMAL_REVIEW, title=text("Examen"), when="2020-05"
    )
    return plan(
        meetings=[
            meeting("2020-04-30"),
            meeting("2020-05-21", end="17:30", agenda=[item("Examen du projet de résolution")]),
        ],
        negotiation=Negotiation(milestones=[review]),
    )


def well_cited() -> Plan:
    agenda = [
        item(
            "Exposé du SSM, mardi 5 mai 2020",
            presenters=["ssm"],
            citations=[Citation(mandate="res", paragraphs=["25", "9-14", "12 bis"])],
            documents=["CP/CSH-1933/19 rev. 2", "CP/CSH/INF. 499/19"],
        )
    ]
    return plan(
        document=PlanDocument(title=text("Plan"), symbol="CP/CSH-1933/19 rev. 2"),
        meetings=[meeting("2020-05-05", agenda=agenda, title=text("Mardi 5 mai : réunion"))],
        obligations=[
            ReportingObligation(
                id="mecs", title=text("MECS"), frequency=Frequency.YEARLY, due="--03-15",
                basis=["AG/RES. 2945 (XLIX-O/19)"],
            ),
            ReportingObligation(id="dsa", title=text("DSA"), frequency=Frequency.VOLUNTARY),
        ],
    )  # fmt: skip


CASES: list[tuple[str, Callable[[], Plan]]] = [
    ("CLM001", summary_agrees),
    ("CLM002", summary_agrees),
    ("CLM004", summary_agrees),
    ("CLM005", summary_agrees),
    ("DAT001", within_term_on_working_days),
    ("DAT002", within_term_on_working_days),
    ("DAT003", within_term_on_working_days),
    ("DAT004", within_term_on_working_days),
    ("NEG005", review_only_in_may),
    ("REF001", well_cited),
    ("REF002", well_cited),
    ("REF003", well_cited),
    ("REF004", well_cited),
    ("WDY001", well_cited),
    ("COV001", well_cited),
    ("COV003", well_cited),
]


@pytest.mark.parametrize(("code", "build"), CASES, ids=[code for code, _build in CASES])
def test_the_rule_is_silent_on_a_right_plan(code: str, build: Callable[[], Plan]) -> None:
    assert findings(build(), code) == []
