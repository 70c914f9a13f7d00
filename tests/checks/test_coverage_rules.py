"""COV rules: mandates no meeting addresses, Charter reports, reminders of obligations."""

from __future__ import annotations

from comitia.plan import (
    Citation,
    Convention,
    Frequency,
    Mandate,
    MandateGroup,
    MeetingStatus,
    Parties,
    ReportingObligation,
)
from tests.checks.plans import findings, item, meeting, plan, text

CHARTER = Mandate(
    id="charte-jid",
    group=MandateGroup.CHARTER,
    title=text("JID"),
    source="Charte",
    article="91 f",
    body="jid",
)


def test_a_mandate_no_meeting_cites_is_a_warning() -> None:
    p = plan(meetings=[meeting("2019-10-24", agenda=[item("Point sans citation")])])
    (found,) = findings(p, "COV001")
    assert found.message() == "No meeting addresses the mandate “Suivi de la résolution”."


def test_a_mandate_cited_only_by_a_cancelled_meeting_is_not_addressed() -> None:
    p = plan(meetings=[meeting("2019-10-24", status=MeetingStatus.CANCELLED)])
    assert len(findings(p, "COV001")) == 1


def test_a_cited_mandate_is_addressed() -> None:
    assert findings(plan(meetings=[meeting("2019-10-24")]), "COV001") == []


def test_an_annual_report_due_under_the_charter_with_no_meeting_is_an_error() -> None:
    p = plan(mandates=[CHARTER], meetings=[meeting("2019-10-24", agenda=[])])
    (found,) = findings(p, "COV002")
    assert found.message("fr") == (
        "Aucune réunion ne présente le rapport annuel de la JID dû en vertu de la Charte "
        "(Charte, article 91 f)."
    )
    assert findings(p, "COV001") == []  # reported once, as COV002


def test_an_annual_report_on_an_agenda_is_silent() -> None:
    agenda = [
        item("Rapport annuel de la JID", citations=[Citation(mandate="charte-jid", article="91 f")])
    ]
    assert (
        findings(
            plan(mandates=[CHARTER], meetings=[meeting("2020-05-14", agenda=agenda)]), "COV002"
        )
        == []
    )


def obligation(id: str, frequency: Frequency, due: str | None = None) -> ReportingObligation:
    return ReportingObligation(id=id, title=text(id), frequency=frequency, due=due)


def test_a_biennial_obligation_without_a_reference_year_has_no_date_to_remind_of() -> None:
    p = plan(
        obligations=[
            obligation("san-salvador", Frequency.BIENNIAL),
            obligation("mecs", Frequency.YEARLY, "--03-15"),
            obligation("dsa", Frequency.VOLUNTARY),
            obligation("point-contact", Frequency.STANDING),
        ]
    )
    (found,) = findings(p, "COV003")
    assert [ref.id for ref in found.objects] == ["san-salvador"]
    assert "Une obligation biennale est due tous les deux ans" in found.hint("fr")


def test_a_biennial_obligation_with_its_reference_year_is_reminded_of() -> None:
    biennial = ReportingObligation(
        id="san-salvador", title=text("S"), frequency=Frequency.BIENNIAL, reference_year=2012
    )
    assert findings(plan(obligations=[biennial]), "COV003") == []


def test_an_obligation_of_states_parties_without_their_list_is_reported() -> None:
    parties = {"frequency": Frequency.YEARLY, "due": "--06-15", "parties": Parties.STATES_PARTIES}
    p = plan(
        conventions=[
            Convention(id="known", title=text("K"), states_parties=["PE"], illustrative=True),
            Convention(id="unknown", title=text("U")),
        ],
        obligations=[
            ReportingObligation(id="a", title=text("a"), convention="known", **parties),
            ReportingObligation(id="b", title=text("b"), convention="unknown", **parties),
            ReportingObligation(id="c", title=text("c"), **parties),
        ],
    )
    assert [ref.id for f in findings(p, "COV004") for ref in f.objects] == ["b", "c"]
