"""Several committees of one organization: stored rooms and teams, clashes on each
committee's checks panel, and the organization's calendar and feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan import Plan
from comitia.plan.files import read_organization, read_plan
from comitia.web.access.models import Membership, Role
from comitia.web.checks import pages as check_pages
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.organizations import organization_of, save_organization
from comitia.web.publication.operations import set_meeting_visibility
from tests.factories import build_plan
from tests.web.publishing import committed, store_published

EXAMPLES = Path(__file__).parents[3] / "examples"
ORGANIZATION = read_organization(EXAMPLES / "oas-organization-illustrative.yaml")
DRAFT = "MARKER-DRAFT-OTHER-COMMITTEE-71c3"

pytestmark = pytest.mark.django_db


def _csh_plan() -> Plan:
    """The factory's CSH plan in the organization: its first two meetings at the
    headquarters in the Simón Bolívar Room with team A, the third elsewhere."""
    plan = build_plan(3)
    meetings = [
        meeting.model_copy(update={"venue": None, "room": "simon-bolivar", "team": "team-a"})
        if meeting.id in {"m0", "m1"}
        else meeting
        for meeting in plan.meetings
    ]
    return plan.model_copy(update={"organization": ORGANIZATION.id, "meetings": meetings})


def _cajp_plan() -> Plan:
    """The illustrative second committee, with one meeting in the same room as the CSH's m1
    (2 October 2019, 10:00-13:00) and one draft at the same time as m0, with team A."""
    plan = read_plan(EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml")
    clash = plan.meetings[0].model_copy(
        update={"id": "cajp-clash", "date": dt.date(2019, 10, 2), "start": dt.time(11, 0)}
    )
    draft = plan.meetings[1].model_copy(
        update={
            "id": "cajp-draft",
            "date": dt.date(2019, 10, 1),
            "room": "ruben-dario",
            "team": "team-a",
        }
    )
    return plan.model_copy(update={"meetings": [clash, draft, *plan.meetings[2:]]})


@pytest.fixture
def scene(monkeypatch: pytest.MonkeyPatch) -> tuple[m.Term, m.Term]:
    monkeypatch.setattr(check_pages, "today_in", lambda term: dt.date(2019, 9, 1))
    save_organization(ORGANIZATION)
    csh = store_published(_csh_plan())
    cajp = store_published(_cajp_plan())
    draft = m.Meeting.objects.select_related("term").get(term=cajp, key="cajp-draft")
    m.Meeting.objects.filter(pk=draft.pk).update(title={"en": DRAFT})
    set_meeting_visibility(draft, Visibility.DRAFT, None)
    committed()
    return csh, cajp


def _secretariat_of(term: m.Term) -> Client:
    user = User.objects.create_user(f"secretariat-{term.slug}", password="x", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT, committee=term.committee)
    client = Client()
    client.force_login(user)
    return client


def test_rooms_and_teams_are_stored_and_read_back_equal() -> None:
    row = save_organization(ORGANIZATION)
    assert organization_of(row) == ORGANIZATION
    again = save_organization(ORGANIZATION)
    assert again.pk == row.pk and again.version > row.version
    assert m.Room.objects.filter(organization=row).count() == 3


def test_a_plan_of_an_organization_reads_back_with_its_rooms_teams_and_languages(
    scene: tuple[m.Term, m.Term],
) -> None:
    csh, cajp = scene
    assert load_plan(csh) == _csh_plan()
    stored = {meeting.id: meeting for meeting in load_plan(cajp).meetings}
    for meeting in _cajp_plan().meetings:
        assert (stored[meeting.id].room, stored[meeting.id].team) == (meeting.room, meeting.team)
        assert stored[meeting.id].languages == meeting.languages
    assert stored["cajp-2020-02-13"].languages == ["en", "es"]
    assert csh.organization is not None and csh.organization.key == "oas-cp"


def test_a_plan_naming_an_organization_not_stored_is_refused() -> None:
    from comitia.web.plans.convert import PlanLoadError, save_plan

    with pytest.raises(PlanLoadError, match="load its organization file first"):
        save_plan(_csh_plan())


def test_both_committees_checks_show_the_room_booked_twice(
    scene: tuple[m.Term, m.Term],
) -> None:
    csh, cajp = scene
    page = _secretariat_of(csh).get(f"/terms/{csh.slug}/checks/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "ORG001" in text
    assert "The Simón Bolívar Room is booked twice on October 2, 2019" in text
    assert "a meeting of the CAJP (example)" in text
    assert f'href="/calendar/{cajp.slug}/meetings/cajp-clash/"' in text
    other = _secretariat_of(cajp).get(f"/terms/{cajp.slug}/checks/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "La Salle Simón Bolívar est réservée deux fois le 2 octobre 2019" in (
        other.content.decode()
    )


def test_another_committees_draft_meeting_clashes_unnamed_on_the_checks_panel(
    scene: tuple[m.Term, m.Term],
) -> None:
    csh, cajp = scene
    text = _secretariat_of(csh).get(f"/terms/{csh.slug}/checks/").content.decode()
    assert "a meeting not yet published (10:00–12:00)" in text
    assert "cajp-draft" not in text and DRAFT not in text
    # Its own secretariat sees it named, from the other side.
    own = _secretariat_of(cajp).get(f"/terms/{cajp.slug}/checks/").content.decode()
    assert "team “Team A (four languages)” is booked twice on October 1, 2019" in own


def test_the_organizations_calendar_shows_every_committees_public_meetings(
    scene: tuple[m.Term, m.Term],
) -> None:
    csh, cajp = scene
    for client in (Client(), _secretariat_of(cajp)):
        text = client.get("/calendar/all/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert f'href="/calendar/{csh.slug}/meetings/m1/"' in text
        assert f'href="/calendar/{cajp.slug}/meetings/cajp-clash/"' in text
        assert "Simón Bolívar Room" in text and "CAJP (example)" in text
        assert DRAFT not in text and "cajp-draft" not in text


def test_the_calendar_filters_by_committee_room_and_language(
    scene: tuple[m.Term, m.Term],
) -> None:
    csh, _cajp = scene
    client = Client()

    def keys(query: str) -> set[str]:
        text = client.get(f"/calendar/all/?{query}").content.decode()
        return {
            key
            for key in ("m0", "m1", "m2", "cajp-clash", "cajp-2020-02-13")
            if f"/meetings/{key}/" in text
        }

    assert keys(f"committee={csh.slug}") == {"m0", "m1", "m2"}
    assert keys("room=simon-bolivar") == {"m0", "m1", "cajp-clash"}
    # The CSH's plan is in French, English and Spanish; the CAJP's 13 February in two.
    assert keys("language=pt") == {"cajp-clash"}
    assert "cajp-2020-02-13" not in keys("language=fr") and "m0" in keys("language=fr")


def test_the_organizations_feed_has_both_committees_with_status_and_time_zone(
    scene: tuple[m.Term, m.Term],
) -> None:
    response = Client().get("/calendar/all/feed.en.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"cajp-draft" not in response.content and DRAFT.encode() not in response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    m0 = events["meeting-m0.csh-2019-2020@comitia"]
    clash = events["meeting-cajp-clash.cajp-2019-2020-illustrative@comitia"]
    assert m0["STATUS"] == "TENTATIVE"  # provisional
    assert clash["STATUS"] == "CONFIRMED"
    assert str(clash["LOCATION"]) == "Simón Bolívar Room"
    assert clash["DTSTART"].dt == dt.datetime(2019, 10, 2, 11, 0, tzinfo=clash["DTSTART"].dt.tzinfo)
    assert clash["DTSTART"].params["TZID"] == "America/New_York"
    assert clash["DTSTART"].dt.utcoffset() == dt.timedelta(hours=-4)
    cancelled = events["meeting-cajp-2020-04-16.cajp-2019-2020-illustrative@comitia"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert {str(e["COLOR"]) for e in (m0, clash)} == {"olive", "teal"}
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    # Kept: the same bytes until a term changes.
    again = Client().get("/calendar/all/feed.en.ics", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_delegations_feed_adds_the_deadlines_its_state_owes(
    scene: tuple[m.Term, m.Term],
) -> None:
    def deadlines(state: str) -> list[str]:
        feed = icalendar.Calendar.from_ical(
            Client().get(f"/calendar/all/states/{state}.es.ics").content
        )
        return [str(e["UID"]) for e in feed.walk("VEVENT") if str(e["UID"]).startswith("deadline")]

    peru = icalendar.Calendar.from_ical(Client().get("/calendar/all/states/PE.es.ics").content)
    assert "Perú" in str(peru["X-WR-CALNAME"])
    # The CITAAC's yearly report is owed by its states parties (Peru, not Brazil).
    assert deadlines("PE") == ["deadline-citaac.csh-2019-2020@comitia"]
    assert deadlines("BR") == []
    assert (
        len(peru.walk("VEVENT"))
        == len(
            icalendar.Calendar.from_ical(Client().get("/calendar/all/feed.es.ics").content).walk(
                "VEVENT"
            )
        )
        + 1
    )
    assert Client().get("/calendar/all/states/XX.es.ics").status_code == 404
    assert Client().get("/calendar/all/states/pe.es.ics").status_code == 404


def test_the_feed_changes_when_a_committee_changes(scene: tuple[m.Term, m.Term]) -> None:
    csh, _cajp = scene
    first = Client().get("/calendar/all/feed.fr.ics")
    from comitia.web.calendar import operations

    meeting = m.Meeting.objects.select_related("term").get(term=csh, key="m1")
    operations.cancel_meeting(meeting, None, reason="no quorum")
    committed()
    second = Client().get("/calendar/all/feed.fr.ics")
    assert second["ETag"] != first["ETag"]
    event = next(
        e
        for e in icalendar.Calendar.from_ical(second.content).walk("VEVENT")
        if str(e["UID"]) == "meeting-m1.csh-2019-2020@comitia"
    )
    assert event["STATUS"] == "CANCELLED"
