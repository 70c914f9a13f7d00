"""DAT and REQ rules: term, working days, clashes, moves, provisional dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from comitia.plan import AgendaNode, Citation, MeetingStatus, NonMeetingDay, RequestedEvent
from tests.checks.plans import activity, findings, item, meeting, plan, text


def test_a_meeting_after_the_term_is_an_error() -> None:
    (found,) = findings(plan(meetings=[meeting("2020-10-01")]), "DAT001")
    assert found.dates == (dt.date(2020, 10, 1),)
    assert "outside the term (October 1, 2019 to September 30, 2020)" in found.message()


def test_meetings_on_the_first_and_last_day_of_the_term_are_within_it() -> None:
    p = plan(meetings=[meeting("2019-10-01"), meeting("2020-09-30")])
    assert findings(p, "DAT001") == []


def test_an_activity_entirely_after_the_term_is_a_warning_one_overlapping_it_is_not() -> None:
    p = plan(activities=[activity("late", "2020-11"), activity("across", "2020-09/2020-10")])
    (found,) = findings(p, "DAT002")
    assert [ref.id for ref in found.objects] == ["late"]


def test_a_meeting_on_a_non_meeting_day_is_an_error() -> None:
    holiday = NonMeetingDay(date=dt.date(2019, 11, 28), name=text("Jour de l’Action de grâces"))
    p = plan(meetings=[meeting("2019-11-28"), meeting("2019-11-21")], non_meeting_days=[holiday])
    (found,) = findings(p, "DAT003")
    assert "Jour de l’Action de grâces" in found.message("fr")
    assert found.dates == (dt.date(2019, 11, 28),)


def test_a_meeting_on_a_saturday_is_a_warning_worded_with_its_weekday() -> None:
    p = plan(meetings=[meeting("2019-10-26"), meeting("2019-10-24")])
    (found,) = findings(p, "DAT004")
    assert "samedi 26 octobre 2019" in found.message("fr")


def test_overlapping_meetings_the_same_day_are_an_error() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24", id="morning", end="13:00"),
            meeting("2019-10-24", id="noon", start="12:00", end="14:00"),
        ]
    )
    (found,) = findings(p, "DAT005")
    assert {ref.id for ref in found.objects} == {"morning", "noon"}
    assert "10:00–13:00 and 12:00–14:00" in found.message()


def test_a_meeting_inside_a_long_one_overlaps_it_even_after_a_short_one_ended() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24", id="all-day", start="09:00", end="18:00"),
            meeting("2019-10-24", id="short", start="10:00", end="11:00"),
            meeting("2019-10-24", id="later", start="15:00", end="16:00"),
        ]
    )
    pairs = {frozenset(ref.id for ref in f.objects) for f in findings(p, "DAT005")}
    assert pairs == {frozenset({"all-day", "short"}), frozenset({"all-day", "later"})}


def test_back_to_back_meetings_and_cancelled_ones_do_not_overlap() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24", id="morning", end="13:00"),
            meeting("2019-10-24", id="afternoon", start="13:00", end="16:00"),
            meeting("2019-10-24", id="gone", status=MeetingStatus.CANCELLED),
            meeting("2019-10-25", id="next-day"),
        ]
    )
    assert findings(p, "DAT005") == []


def presenting(body: str) -> AgendaNode:
    return item(f"Exposé {body}", presenters=[body])


def test_a_meeting_the_same_day_as_an_activity_of_a_presenter_is_a_warning() -> None:
    p = plan(
        meetings=[meeting("2020-01-23", agenda=[presenting("jid")])],
        activities=[activity("conseil", "2020-01-23", "Conseil des délégués", body="jid")],
    )
    (found,) = findings(p, "DAT006")
    assert found.message() == (
        "The meeting on January 23, 2020 needs the JID, "
        "which holds “Conseil des délégués” the same day."
    )


def test_an_activity_range_covering_the_meeting_day_counts() -> None:
    p = plan(
        meetings=[meeting("2020-01-15", agenda=[presenting("jid")])],
        activities=[activity("conf", "2020-01-14/2020-01-17", body="jid")],
    )
    assert len(findings(p, "DAT006")) == 1


def test_no_clash_with_another_body_a_vague_date_or_other_hours() -> None:
    p = plan(
        meetings=[meeting("2020-01-23", agenda=[presenting("jid")])],
        activities=[
            activity("other-body", "2020-01-23", body="cicte"),
            activity("month", "2020-01", body="jid"),
            activity("evening", "2020-01-23", body="jid", start="15:00", end="17:00"),
            activity("long-course", "2020-01-01/2020-03-31", body="jid"),
        ],
    )
    assert findings(p, "DAT006") == []


def test_the_same_activity_listed_twice_is_a_warning() -> None:
    p = plan(
        activities=[
            activity(
                "a",
                "2020-02-11/2020-02-14",
                "Séminaire sur les urgences complexes (CID)",
                body="jid",
            ),
            activity("b", "2020-02-12", "Séminaire sur les urgences complexes", body="jid"),
        ]
    )
    (found,) = findings(p, "DAT007")
    assert [ref.id for ref in found.objects] == ["a", "b"]


def test_alike_activities_on_other_days_of_other_bodies_or_other_titles_are_distinct() -> None:
    p = plan(
        activities=[
            activity(
                "jan", "2020-01-14/2020-01-17", "Conférence sur la situation mondiale", body="jid"
            ),
            activity(
                "apr", "2020-04-14/2020-04-17", "Conférence sur la situation mondiale", body="jid"
            ),
            activity("other", "2020-01-15", "Conférence sur la situation mondiale", body="cicte"),
            activity("title", "2020-01-15", "Atelier de formation", body="jid"),
        ]
    )
    assert findings(p, "DAT007") == []


def test_an_earlier_date_equal_to_the_date_is_an_error() -> None:
    p = plan(meetings=[meeting("2020-03-12", previous_dates=[dt.date(2020, 3, 12)])])
    (found,) = findings(p, "DAT008")
    assert found.dates == (dt.date(2020, 3, 12),)


def test_an_earlier_date_listed_twice_is_an_error() -> None:
    twice = [dt.date(2020, 3, 1), dt.date(2020, 3, 1)]
    assert (
        len(findings(plan(meetings=[meeting("2020-03-12", previous_dates=twice)]), "DAT008")) == 1
    )


def test_a_meeting_brought_forward_or_postponed_is_legitimate() -> None:
    p = plan(
        meetings=[
            meeting("2020-04-14", previous_dates=[dt.date(2020, 4, 23)]),  # brought forward
            meeting("2020-02-20", previous_dates=[dt.date(2020, 1, 30)]),  # postponed
        ]
    )
    assert findings(p, "DAT008") == []


def test_a_meeting_moved_from_a_day_that_still_has_a_meeting_is_a_warning() -> None:
    p = plan(
        meetings=[
            meeting("2020-03-12", previous_dates=[dt.date(2020, 3, 19)]),
            meeting("2020-03-19"),
        ]
    )
    (found,) = findings(p, "DAT009")
    assert found.dates == (dt.date(2020, 3, 12), dt.date(2020, 3, 19))


def test_a_meeting_moved_from_a_free_day_is_not_reported() -> None:
    p = plan(meetings=[meeting("2020-03-12", previous_dates=[dt.date(2020, 3, 19)])])
    assert findings(p, "DAT009") == []


def test_a_provisional_meeting_less_than_four_weeks_ahead_is_a_warning() -> None:
    p = plan(meetings=[meeting("2020-03-26", provisional=True)])
    (found,) = findings(p, "DAT010", today=dt.date(2020, 3, 1))
    assert "25 days ahead (less than 4 weeks)" in found.message()


def test_the_number_of_weeks_is_a_setting() -> None:
    p = plan(meetings=[meeting("2020-03-26", provisional=True)])
    assert findings(p, "DAT010", today=dt.date(2020, 3, 1), provisional_weeks=3) == []
    assert len(findings(p, "DAT010", today=dt.date(2020, 3, 1), provisional_weeks=6)) == 1


def test_far_past_or_confirmed_meetings_are_not_reported_as_provisional() -> None:
    p = plan(
        meetings=[
            meeting("2020-03-26", id="far", provisional=True),
            meeting("2020-02-19", id="past", provisional=True),
            meeting("2020-03-05", id="confirmed"),
        ]
    )
    assert findings(p, "DAT010", today=dt.date(2020, 2, 20)) == []


def requested(when: str, **fields: object) -> RequestedEvent:
    return RequestedEvent(id="caraibe", title=text("Réunion sur la Caraïbe"), when=when, **fields)


def test_a_requested_event_held_on_another_day_than_stated_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2020-04-30", previous_dates=[dt.date(2020, 4, 16)])],
        requested_events=[requested("2020-04-16?", meeting="m-2020-04-30")],
    )
    (found,) = findings(p, "REQ001")
    assert found.hint() == (
        "The meeting was moved from April 16, 2020 (provisional): "
        "update the date stated in the methodology."
    )


def test_a_requested_event_held_as_an_activity_outside_its_stated_dates_is_an_error() -> None:
    p = plan(
        activities=[activity("mispa", "2019-11-30/2019-12-01")],
        requested_events=[requested("2019-10-30/2019-10-31", activity="mispa")],
    )
    (found,) = findings(p, "REQ001")
    assert "variant" not in found.params
    assert found.message().endswith("but is held November 30 and December 1, 2019.")


def test_a_requested_event_held_when_stated_is_silent() -> None:
    p = plan(
        meetings=[meeting("2020-03-26")],
        activities=[activity("mispa", "2019-10-30/2019-10-31")],
        requested_events=[
            requested("2020-03?", meeting="m-2020-03-26"),
            RequestedEvent(
                id="mispa", title=text("MISPA"), when="2019-10-30/2019-10-31", activity="mispa"
            ),
        ],
    )
    assert findings(p, "REQ001") == []


def _ordered(first_day: str, second_day: str, **second: Any) -> Any:
    """A plan where the item of the meeting on ``second_day`` must follow that of ``first_day``."""
    received = item("Rapport reçu", id="report-received", citations=[Citation(mandate="res")])
    considered = item(
        "Rapport examiné",
        id="report-considered",
        after=["report-received"],
        citations=[Citation(mandate="res")],
    )
    return plan(
        meetings=[
            meeting(first_day, agenda=[received]),
            meeting(second_day, agenda=[considered], **second),
        ]
    )


def test_an_item_held_after_the_item_it_follows_is_fine() -> None:
    assert findings(_ordered("2019-10-24", "2019-10-31"), "DAT011") == []


def test_an_item_held_before_the_item_it_follows_is_an_error_naming_both() -> None:
    (found,) = findings(_ordered("2019-10-31", "2019-10-24"), "DAT011")
    assert [ref.id for ref in found.objects] == ["m-2019-10-24", "m-2019-10-31"]
    message = found.message("en")
    assert "“Rapport examiné” of the meeting on October 24, 2019" in message
    assert "“Rapport reçu”, which the meeting on October 31, 2019 holds" in message
    assert "Le point «\u00a0Rapport examiné\u00a0» de la réunion du 24 octobre" in found.message(
        "fr"
    )


def test_an_item_on_the_same_day_as_the_item_it_follows_is_an_error() -> None:
    p = _ordered("2019-10-24", "2019-10-24", id="m-afternoon", start="15:00", end="18:00")
    assert len(findings(p, "DAT011")) == 1


def test_an_item_following_one_of_a_cancelled_meeting_is_not_checked() -> None:
    p = _ordered("2019-10-31", "2019-10-24")
    cancelled = p.meetings[0].model_copy(update={"status": MeetingStatus.CANCELLED})
    p = p.model_copy(update={"meetings": [cancelled, p.meetings[1]]})
    assert findings(p, "DAT011") == []
