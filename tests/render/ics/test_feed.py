"""The iCalendar feed, parsed back with icalendar and expanded as calendar applications do."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.dates import Precision
from comitia.plan import Frequency, MeetingStatus, Move, Plan, Text
from comitia.plan.files import read_plan
from comitia.render import RenderError
from comitia.render.formats import output_format
from comitia.render.ics import build_feed, render
from comitia.render.ics.feed import activity_uid, deadline_uid, meeting_uid
from comitia.translations.texts import without_translations
from tests.factories import build_plan
from tests.strategies import plans

ROOT = Path(__file__).parents[3]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
DATA = Path(__file__).parent / "data"
NEW_YORK = ZoneInfo("America/New_York")
COMMAND = ("--format", "ics", "--lang", "fr")


@pytest.fixture(scope="module")
def model_plan() -> Plan:
    return read_plan(MODEL_PLAN)


def parse(feed: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(feed)


def events_by_uid(calendar: icalendar.Calendar, plan: Plan) -> dict[str, list[icalendar.Event]]:
    """Every occurrence over the term (and a year after, for deadlines), by UID."""
    occurrences = recurring_ical_events.of(calendar).between(
        plan.term.start, plan.term.end + dt.timedelta(days=366)
    )
    found: dict[str, list[icalendar.Event]] = {}
    for event in occurrences:
        found.setdefault(str(event["UID"]), []).append(event)
    return found


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_every_meeting_of_the_model_plan_is_at_its_local_time_with_its_status(
    model_plan: Plan, lang: str
) -> None:
    found = events_by_uid(parse(build_feed(model_plan, lang)), model_plan)
    assert len(model_plan.meetings) == 20
    for meeting in model_plan.meetings:
        (event,) = found[meeting_uid(model_plan, meeting.id)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == dt.datetime.combine(meeting.date, meeting.start, tzinfo=NEW_YORK)
        assert end == dt.datetime.combine(meeting.date, meeting.end, tzinfo=NEW_YORK)
        assert start.tzinfo is not None and str(event["DTSTART"].params["TZID"]) == (
            "America/New_York"
        )
        expected = (
            "CANCELLED"
            if meeting.status is MeetingStatus.CANCELLED
            else "TENTATIVE"
            if meeting.provisional
            else "CONFIRMED"
        )
        assert event["STATUS"] == expected
        assert int(event["SEQUENCE"]) == meeting.sequence


def test_the_feed_defines_the_headquarters_time_zone(model_plan: Plan) -> None:
    calendar = parse(render(model_plan, "fr"))
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/New_York"
    # Each meeting's offset from UTC is New York's on its day (-5 in winter, -4 in summer).
    found = events_by_uid(calendar, model_plan)
    for meeting in model_plan.meetings:
        (event,) = found[meeting_uid(model_plan, meeting.id)]
        offset = event.decoded("DTSTART").utcoffset()
        assert offset == NEW_YORK.utcoffset(dt.datetime.combine(meeting.date, meeting.start))


def test_every_dated_activity_of_the_model_plan_covers_its_days(model_plan: Plan) -> None:
    found = events_by_uid(parse(build_feed(model_plan, "en")), model_plan)
    checked = 0
    for activity in model_plan.activities:
        when = activity.when
        if when.first_day is None or when.last_day is None:
            assert not any(uid.startswith(f"activity-{activity.id}.") for uid in found)
            continue
        if when.precision is Precision.DAYS:
            days = {
                found[activity_uid(model_plan, activity.id, day)][0].decoded("DTSTART")
                for day in when.listed_days
            }
            assert days == set(when.listed_days)
            checked += 1
            continue
        (event,) = found[activity_uid(model_plan, activity.id)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, dt.datetime):
            assert activity.start is not None and when.first_day == when.last_day
            assert start == dt.datetime.combine(when.first_day, activity.start, tzinfo=NEW_YORK)
        else:
            # All day, with the exclusive end RFC 5545 asks for.
            assert (start, end) == (when.first_day, when.last_day + dt.timedelta(days=1))
        assert event["STATUS"] == ("TENTATIVE" if activity.provisional else "CONFIRMED")
        checked += 1
    assert checked >= 30


def test_an_activity_known_only_to_its_period_says_its_date_is_to_be_confirmed(
    model_plan: Plan,
) -> None:
    calendar = parse(build_feed(model_plan, "en"))
    periods = [
        a
        for a in model_plan.activities
        if a.when.precision in (Precision.MONTH, Precision.SEMESTER, Precision.YEAR)
    ]
    assert periods
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for activity in periods:
        event = by_uid[activity_uid(model_plan, activity.id)]
        assert f"(date to be confirmed: {activity.when.format('en')}" in str(event["SUMMARY"])
        assert event["TRANSP"] == "TRANSPARENT"


def test_the_delegations_feed_repeats_every_yearly_deadline_on_its_day(model_plan: Plan) -> None:
    calendar = parse(build_feed(model_plan, "fr", deadlines=True))
    found = events_by_uid(calendar, model_plan)
    yearly = [o for o in model_plan.obligations if o.frequency is Frequency.YEARLY]
    assert len(yearly) >= 3
    for obligation in yearly:
        assert obligation.due is not None
        month, day = int(obligation.due[2:4]), int(obligation.due[5:7])
        occurrences = found[deadline_uid(model_plan, obligation.id)]
        days = sorted(event.decoded("DTSTART") for event in occurrences)
        # Every year on its day: within the term and the year after, at least one each year.
        assert all((d.month, d.day) == (month, day) for d in days)
        assert len(days) >= 1 and all(not isinstance(d, dt.datetime) for d in days)
        assert len({d.year for d in days}) == len(days) >= 2
        (master,) = [
            e
            for e in calendar.walk("VEVENT")
            if str(e["UID"]) == deadline_uid(model_plan, obligation.id)
        ]
        rule = master["RRULE"]
        assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [month]
        assert rule["BYMONTHDAY"] == [day]
    public = {str(e["UID"]) for e in parse(build_feed(model_plan, "fr")).walk("VEVENT")}
    assert not any(uid.startswith("deadline-") for uid in public)


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled() -> None:
    plan = build_plan(3)
    meeting = plan.meetings[2].model_copy(update={"status": MeetingStatus.CANCELLED})
    plan = plan.model_copy(update={"meetings": [*plan.meetings[:2], meeting]})
    by_uid = {str(e["UID"]): e for e in parse(build_feed(plan, "en")).walk("VEVENT")}
    event = by_uid[meeting_uid(plan, meeting.id)]
    assert event["STATUS"] == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("CANCELLED: ")


def test_a_moved_meeting_says_its_earlier_date_and_why_in_every_language() -> None:
    plan = build_plan(3)
    moved = plan.meetings[1]
    assert moved.previous_dates and moved.moves
    descriptions = {
        lang: str(
            {str(e["UID"]): e for e in parse(build_feed(plan, lang)).walk("VEVENT")}[
                meeting_uid(plan, moved.id)
            ]["DESCRIPTION"]
        )
        for lang in ("en", "fr")
    }
    assert "September 30, 2019 (reason: Coïncide" in descriptions["en"]
    assert "30 septembre 2019 (motif : Coïncide" in descriptions["fr"]


def test_the_dtstamp_of_a_moved_meeting_is_when_the_move_was_recorded() -> None:
    plan = build_plan(3)
    moved = plan.meetings[1]
    recorded = dt.datetime(2020, 1, 15, 9, 45, tzinfo=NEW_YORK)
    moved.moves = [moved.moves[0].model_copy(update={"recorded_at": recorded})]
    by_uid = {str(e["UID"]): e for e in parse(build_feed(plan, "en")).walk("VEVENT")}
    assert by_uid[meeting_uid(plan, moved.id)].decoded("DTSTAMP") == recorded
    # Meetings that never moved carry the plan's approval day.
    assert by_uid[meeting_uid(plan, "m0")].decoded("DTSTAMP") == dt.datetime(
        2019, 11, 7, tzinfo=dt.UTC
    )


def test_a_text_missing_in_the_feed_language_is_marked_with_its_own_language(
    model_plan: Plan,
) -> None:
    model_plan = without_translations(model_plan)
    by_uid = {str(e["UID"]): e for e in parse(build_feed(model_plan, "en")).walk("VEVENT")}
    titled = next(m for m in model_plan.meetings if m.title is not None)
    summary = by_uid[meeting_uid(model_plan, titled.id)]["SUMMARY"]
    assert summary.params["LANGUAGE"] == "fr"


def test_meeting_events_link_back_to_their_page_when_given_an_address() -> None:
    plan = build_plan(2)
    feed = build_feed(plan, "en", meeting_url=lambda key: f"https://example.org/m/{key}/")
    event = {str(e["UID"]): e for e in parse(feed).walk("VEVENT")}[meeting_uid(plan, "m1")]
    assert str(event["URL"]) == "https://example.org/m/m1/"
    assert "https://example.org/m/m1/" in str(event["DESCRIPTION"])
    plain = {str(e["UID"]): e for e in parse(render(plan, "en")).walk("VEVENT")}
    assert "URL" not in plain[meeting_uid(plan, "m1")]


def test_rendering_the_same_plan_twice_gives_the_same_bytes(model_plan: Plan) -> None:
    assert build_feed(model_plan, "es", deadlines=True) == build_feed(
        model_plan, "es", deadlines=True
    )


def test_uids_do_not_change_with_the_language(model_plan: Plan) -> None:
    def uids(lang: str) -> set[str]:
        return {str(e["UID"]) for e in parse(build_feed(model_plan, lang)).walk("VEVENT")}

    assert uids("en") == uids("fr") == uids("pt")


def test_the_feed_of_a_tiny_plan_matches_its_reference_file() -> None:
    plan = build_plan(2)
    plan.meetings[1].moves = [
        Move(
            date=plan.meetings[1].previous_dates[-1],
            reason=Text.of("en", "Clash with the Permanent Council"),
            recorded_at=dt.datetime(2019, 9, 20, 15, 30, tzinfo=dt.UTC),
        )
    ]
    produced = build_feed(plan, "en", deadlines=True).decode()
    reference = (DATA / "tiny-plan.en.ics").read_text(encoding="utf-8")
    assert produced.replace("\r\n", "\n") == reference


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(RenderError, match="'de'"):
        render(build_plan(1), "de")


def test_the_table_of_formats_has_the_ics_format() -> None:
    assert output_format("ics").media_type == "text/calendar"


def test_comitia_render_writes_the_feed_of_a_plan_file(tmp_path: Path, model_plan: Plan) -> None:
    out = tmp_path / "csh.ics"
    result = subprocess.run(
        [sys.executable, "-m", "comitia", "render", str(MODEL_PLAN), *COMMAND, f"-o={out}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == render(model_plan, "fr")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), lang=st.sampled_from(["en", "es", "fr", "pt"]))
def test_any_plan_gives_a_feed_that_parses_back_with_every_meeting(plan: Plan, lang: str) -> None:
    calendar = parse(build_feed(plan, lang, deadlines=True))
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert {meeting_uid(plan, m.id) for m in plan.meetings} <= set(uids)
    dated = [a for a in plan.activities if a.when.first_day is not None]
    assert all(any(uid.startswith(f"activity-{a.id}") for uid in uids) for a in dated)
