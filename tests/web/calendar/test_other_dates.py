"""Find another date: the rescheduling assistant's page and API route, with the rooms and teams
of the organization and another committee's bookings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.checks import Severity, run_checks
from comitia.plan import Plan
from comitia.plan.files import read_organization, read_plan
from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.calendar import rescheduling
from comitia.web.calendar.other_committees import organization_and_others
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.organizations import save_organization
from tests.web.publishing import committed, store_published

EXAMPLES = Path(__file__).parents[3] / "examples"
ORGANIZATION = read_organization(EXAMPLES / "oas-organization-illustrative.yaml")
SLUG = "csh-2019-2020"
# The CAJP's illustrative plan books the Rubén Darío Room and team A on the morning of
# 5 March 2020, the day of this meeting of the CSH.
KEY = "csh-2020-03-05"
PAGE = f"/calendar/{SLUG}/meetings/{KEY}/other-dates/"
API = f"/api/v1/terms/{SLUG}/meetings/{KEY}/other-dates"
TODAY = dt.date(2019, 9, 1)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(monkeypatch: pytest.MonkeyPatch) -> tuple[m.Term, m.Term]:
    monkeypatch.setattr(rescheduling, "today_in", lambda term: TODAY)
    save_organization(ORGANIZATION)
    csh = read_plan(EXAMPLES / "oas-csh-2019-2020.yaml")
    term = store_published(csh.model_copy(update={"organization": ORGANIZATION.id}))
    cajp = store_published(read_plan(EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml"))
    committed()
    return term, cajp


def _client(role: Role | None, **membership: Any) -> Client:
    client = Client()
    if role is not None:
        name = f"{role}-{User.objects.count()}"
        user = User.objects.create_user(name, password="x", is_staff=role == Role.SECRETARIAT)
        Membership.objects.create(user=user, role=role, **membership)
        client.force_login(user)
    return client


def _errors(plan: Plan, term: m.Term) -> Counter[tuple[str, tuple[Any, ...]]]:
    organization, others = organization_and_others(term, None)
    found = run_checks(plan, today=TODAY, organization=organization, others=others)
    return Counter((f.code, f.objects) for f in found if f.severity is Severity.ERROR)


# Without the CAJP's bookings, 7 November 2019 would be offered 14 November in the Rubén Darío
# Room with team A, which the CAJP holds that morning.
@pytest.mark.parametrize("key", [KEY, "csh-2019-11-07"])
def test_every_proposed_date_brings_no_new_error_to_the_checks(
    scene: tuple[m.Term, m.Term], key: str
) -> None:
    term, cajp = scene
    meeting = m.Meeting.objects.select_related("term").get(term=term, key=key)
    proposals = rescheduling.proposals_for(meeting, "en")
    assert len(proposals) == 5
    plan = load_plan(term)
    before = _errors(plan, term)
    rows = m.Meeting.objects.filter(term=cajp).exclude(status="cancelled")
    booked = {(row.date, row.room, row.start < dt.time(13, 0)) for row in rows}
    booked |= {(row.date, row.team, row.start < dt.time(13, 0)) for row in rows}
    for date in proposals:
        assert date.day != meeting.date
        assert date.room and date.team  # at the headquarters, in four languages
        assert (date.day, date.room, date.start < dt.time(13, 0)) not in booked
        assert (date.day, date.team, date.start < dt.time(13, 0)) not in booked
        update = {"date": date.day, "start": date.start, "end": date.end}
        moved = [
            x.model_copy(update=update | {"room": date.room, "team": date.team})
            if x.id == key
            else x
            for x in plan.meetings
        ]
        after = _errors(plan.model_copy(update={"meetings": moved}), term)
        assert after - before == Counter(), (date.day, after - before)


def test_the_page_says_why_for_each_date(scene: tuple[m.Term, m.Term]) -> None:
    page = _client(Role.SECRETARIAT).get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('class="other-date"') == 5
    assert "Room: Rubén Darío Room; interpretation: Team A (four languages)" in text
    assert "No clash: no meeting of the committee that day" in text
    assert "than its current date (soft cost" in text
    assert "Nothing else moves: the other meetings stay where they are." in text
    assert "Budget" in text


def test_the_meeting_page_links_to_the_assistant_for_the_secretariat_only(
    scene: tuple[m.Term, m.Term],
) -> None:
    meeting = f"/calendar/{SLUG}/meetings/{KEY}/"
    assert "Find another date" in _client(Role.SECRETARIAT).get(meeting).content.decode()
    assert "Find another date" not in Client().get(meeting).content.decode()


def test_choosing_a_date_moves_the_meeting_as_a_move_by_hand(
    scene: tuple[m.Term, m.Term],
) -> None:
    term, _cajp = scene
    client = _client(Role.SECRETARIAT)
    stored = m.Meeting.objects.get(term=term, key=KEY)
    output_version = m.Term.objects.get(pk=term.pk).output_version
    first = rescheduling.proposals_for(
        m.Meeting.objects.select_related("term").get(pk=stored.pk), "en"
    )[0]
    reason = "The room is needed by the Permanent Council"
    # No reason: refused beside the field, nothing moved.
    empty = client.post(PAGE, {"day": first.day.isoformat(), "version": stored.version})
    assert empty.status_code == 400
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date
    answer = client.post(
        PAGE, {"day": first.day.isoformat(), "version": stored.version, "reason": reason}
    )
    assert answer.status_code == 302 and answer["Location"] == f"/calendar/{SLUG}/meetings/{KEY}/"
    moved = m.Meeting.objects.get(pk=stored.pk)
    assert (moved.date, moved.start, moved.end) == (first.day, first.start, first.end)
    assert (moved.room, moved.team) == (first.room, first.team)
    assert moved.sequence == stored.sequence + 1 and moved.version > stored.version
    earlier = list(moved.previous_dates.values_list("date", "reason"))
    assert earlier == [(dt.date(2020, 3, 5), {"en": reason})]
    record = AuditRecord.objects.filter(object_id=KEY, action="move").get()
    assert record.reason == reason
    assert m.Term.objects.get(pk=term.pk).output_version > output_version
    page = client.get(f"/calendar/{SLUG}/meetings/{KEY}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "March 5, 2020" in page.content.decode()
    # The plan reads back with the earlier date and its reason, as after a move by hand.
    plan_meeting = next(x for x in load_plan(term).meetings if x.id == KEY)
    assert plan_meeting.previous_dates == [dt.date(2020, 3, 5)]


def test_a_date_no_longer_proposed_is_refused(scene: tuple[m.Term, m.Term]) -> None:
    term, _cajp = scene
    stored = m.Meeting.objects.get(term=term, key=KEY)
    answer = _client(Role.SECRETARIAT).post(
        PAGE, {"day": "2020-03-05", "version": stored.version, "reason": "x"}
    )
    assert answer.status_code == 409
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date


def test_a_reload_is_served_from_the_cache_until_the_term_changes(
    scene: tuple[m.Term, m.Term], monkeypatch: pytest.MonkeyPatch
) -> None:
    term, _cajp = scene
    calls = []
    real = rescheduling.other_dates

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(rescheduling, "other_dates", counted)
    client = _client(Role.SECRETARIAT)
    first = client.get(PAGE).content
    assert client.get(PAGE).content.count(b'class="other-date"') == 5
    assert calls == [KEY]
    m.Meeting.objects.filter(term=term, key="csh-2020-01-23").update(end=dt.time(12, 30))
    from comitia.web.plans.output_version import raise_output_version

    raise_output_version(term.pk)
    client.get(PAGE)
    assert calls == [KEY, KEY]
    assert first


@pytest.mark.parametrize("status", ["held", "cancelled"])
def test_a_meeting_held_or_cancelled_gets_a_message_and_no_date(
    scene: tuple[m.Term, m.Term], status: str
) -> None:
    term, _cajp = scene
    m.Meeting.objects.filter(term=term, key=KEY).update(status=status)
    page = _client(Role.SECRETARIAT).get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert f"This meeting {'was held' if status == 'held' else 'is cancelled'}" in text
    assert 'class="other-date"' not in text and 'name="day"' not in text
    api = _client(Role.SECRETARIAT).get(API, HTTP_ACCEPT_LANGUAGE="en").json()
    assert api["dates"] == [] and api["detail"].startswith("This meeting")


def test_the_public_and_delegations_may_not_see_or_use_the_assistant(
    scene: tuple[m.Term, m.Term],
) -> None:
    term, _cajp = scene
    public = Client()
    assert public.get(PAGE).status_code == 302  # to the login page
    assert public.get(API).status_code == 401
    delegation = _client(Role.DELEGATION, member_state="BR")
    assert delegation.get(PAGE).status_code == 403
    assert delegation.get(API).status_code == 403
    stored = m.Meeting.objects.get(term=term, key=KEY)
    posted = delegation.post(PAGE, {"day": "2020-02-06", "version": stored.version, "reason": "x"})
    assert posted.status_code == 403
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date
    missing = _client(Role.SECRETARIAT).get(
        f"/calendar/{SLUG}/meetings/no-such-meeting/other-dates/"
    )
    assert missing.status_code == 404


def test_the_api_gives_the_dates_with_their_reasons(scene: tuple[m.Term, m.Term]) -> None:
    answer = _client(Role.SECRETARIAT).get(API, HTTP_ACCEPT_LANGUAGE="fr")
    assert answer.status_code == 200
    data = answer.json()
    assert data["meeting"] == KEY and len(data["dates"]) == 5
    assert data["move_url"].endswith(f"/api/v1/terms/{SLUG}/meetings/{KEY}/move")
    first = data["dates"][0]
    assert set(first) >= {"date", "start", "end", "room", "team", "soft_change", "budget"}
    assert first["room_name"] == "Salle Rubén Darío"
    assert any("Rien d’autre ne bouge" in reason for reason in first["reasons"])
    page = _client(Role.SECRETARIAT).get(PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'name="day" value="{first["date"]}"' in page


def test_a_date_the_checks_warn_about_moves_only_once_confirmed(
    scene: tuple[m.Term, m.Term], monkeypatch: pytest.MonkeyPatch
) -> None:
    from comitia.web.calendar import preview, rescheduling_views

    term, _cajp = scene
    warning = next(
        f for f in run_checks(load_plan(term), today=TODAY) if f.severity is Severity.WARNING
    )
    monkeypatch.setattr(
        rescheduling_views,
        "meeting_preview",
        lambda *args, **kwargs: preview.Preview([warning], 0.0),
    )
    client = _client(Role.SECRETARIAT)
    stored = m.Meeting.objects.get(term=term, key=KEY)
    day = rescheduling.proposals_for(
        m.Meeting.objects.select_related("term").get(pk=stored.pk), "en"
    )[1].day
    sent = {"day": day.isoformat(), "version": stored.version, "reason": "The room is taken"}
    warned = client.post(PAGE, sent, HTTP_ACCEPT_LANGUAGE="en")
    assert warned.status_code == 200
    text = warned.content.decode()
    assert "Not saved yet" in text and warning.message("en") in text
    assert "The room is taken" in text  # the reason typed is kept, beside the date chosen
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date
    confirmed = client.post(PAGE, sent | {"confirm": preview.fingerprint([warning])})
    assert confirmed.status_code == 302
    assert m.Meeting.objects.get(pk=stored.pk).date == day


def test_a_draft_term_answers_the_public_and_delegations_as_missing(
    scene: tuple[m.Term, m.Term],
) -> None:
    from comitia.web.levels import Visibility
    from comitia.web.publication.operations import set_term_visibility

    term, _cajp = scene
    set_term_visibility(term, Visibility.DRAFT, None)
    committed()
    delegation = _client(Role.DELEGATION, member_state="BR")
    for client in (Client(), delegation):
        assert client.get(PAGE).status_code == 404
        assert client.get(API).status_code == 404
    assert _client(Role.SECRETARIAT).get(API).status_code == 200


def _move_api(client: Client, key: str, body: dict[str, Any]) -> Any:
    url = f"/api/v1/terms/{SLUG}/meetings/{key}/move"
    return client.post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


def test_the_apis_move_books_the_room_and_team_of_a_date_as_the_page_does(
    scene: tuple[m.Term, m.Term],
) -> None:
    term, _cajp = scene
    client = _client(Role.SECRETARIAT)
    stored = m.Meeting.objects.get(term=term, key=KEY)
    first = _client(Role.SECRETARIAT).get(API).json()["dates"][0]
    body = {
        "date": first["date"],
        "start": first["start"],
        "end": first["end"],
        "room": first["room"],
        "team": first["team"],
        "reason": "The room is needed by the Permanent Council",
        "version": stored.version,
    }
    answer = _move_api(client, KEY, body)
    assert answer.status_code == 200, answer.content
    moved = m.Meeting.objects.get(pk=stored.pk)
    assert moved.date.isoformat() == first["date"]
    assert (moved.room, moved.team) == (first["room"], first["team"])


def test_the_apis_move_refuses_a_room_the_organization_does_not_have(
    scene: tuple[m.Term, m.Term],
) -> None:
    term, _cajp = scene
    stored = m.Meeting.objects.get(term=term, key=KEY)
    body = {"date": "2020-03-12", "room": "no-such-room", "reason": "A test", "version": 1}
    answer = _move_api(_client(Role.SECRETARIAT), KEY, body | {"version": stored.version})
    assert answer.status_code == 422
    assert "no-such-room" in answer.content.decode()
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date


def test_the_apis_move_into_a_room_another_committee_holds_is_an_error_to_confirm(
    scene: tuple[m.Term, m.Term],
) -> None:
    # The CAJP holds the Rubén Darío Room with team A on the afternoon of 14 November 2019.
    term, _cajp = scene
    key = "csh-2019-11-07"
    stored = m.Meeting.objects.get(term=term, key=key)
    body = {
        "date": "2019-11-14",
        "start": "15:00",
        "end": "18:00",
        "room": "ruben-dario",
        "team": "team-a",
        "reason": "A test",
        "version": stored.version,
    }
    answer = _move_api(_client(Role.SECRETARIAT), key, body)
    assert answer.status_code == 422, answer.content
    findings = answer.json()["findings"]
    assert any(f["code"].startswith("ORG") for f in findings), findings
    assert m.Meeting.objects.get(pk=stored.pk).date == stored.date
    # The morning, when the room is free, moves at once.
    free = _move_api(_client(Role.SECRETARIAT), key, body | {"start": "10:00", "end": "13:00"})
    assert free.status_code == 200, free.content
    assert m.Meeting.objects.get(pk=stored.pk).room == "ruben-dario"
