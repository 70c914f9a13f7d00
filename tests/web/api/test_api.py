"""The JSON API: reads what the pages show, writes through the pages' rules, refuses in JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from comitia.plan import Plan
from comitia.web.access.models import AuditRecord
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.publication.operations import publish_plan, set_publication
from tests.web.access.conftest import make_user

API = "/api/v1"


@pytest.fixture
def published(terms: tuple[m.Term, m.Term]) -> tuple[m.Term, m.Term]:
    here, elsewhere = terms
    for term in terms:
        publish_plan(term, None)
    return here, elsewhere


def _first_meeting(term: m.Term) -> m.Meeting:
    meeting = m.Meeting.objects.filter(term=term).order_by("date", "start").first()
    assert meeting is not None
    return meeting


def _client(role: str, terms: tuple[m.Term, m.Term], *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    user = make_user(role, *terms)
    if user is not None:
        client.force_login(user)
    return client


def _patch(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.patch(url, json.dumps(body), content_type="application/json")


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_public_reads_the_meetings_as_the_plan_holds_them(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    response = Client().get(f"{API}/terms/{here.slug}/meetings")
    assert response.status_code == 200
    got = response.json()
    plan = load_plan(here)
    assert [x["id"] for x in got] == [x.id for x in plan.meetings]
    first = got[0]
    stored = _first_meeting(here)
    assert first["date"] == stored.date.isoformat()
    assert first["start"] == stored.start.strftime("%H:%M")
    assert first["version"] == stored.version
    assert first["url"].endswith(f"/calendar/{here.slug}/meetings/{stored.key}/")
    one = Client().get(f"{API}/terms/{here.slug}/meetings/{stored.key}").json()
    assert one == first


def test_the_plan_reads_back_as_a_valid_plan_file(published: tuple[m.Term, m.Term]) -> None:
    here, _ = published
    response = Client().get(f"{API}/terms/{here.slug}/plan")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert Plan.model_validate(response.json()) == load_plan(here)


def test_the_terms_list_names_each_terms_plan_and_meetings(
    published: tuple[m.Term, m.Term],
) -> None:
    rows = Client().get(f"{API}/terms").json()
    assert {row["slug"] for row in rows} == {t.slug for t in published}
    for row in rows:
        assert Client().get(row["plan_url"]).status_code == 200
        assert Client().get(row["meetings_url"]).status_code == 200


def test_a_draft_term_is_not_found_by_those_who_may_not_see_drafts(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    set_publication(here, False, None)
    for role in ("anonymous", "no_role", "delegation", "secretariat_elsewhere"):
        client = _client(role, published)
        assert here.slug not in {row["slug"] for row in client.get(f"{API}/terms").json()}
        for path in ("plan", "meetings", f"meetings/{_first_meeting(here).key}"):
            response = client.get(f"{API}/terms/{here.slug}/{path}")
            assert response.status_code == 404, (role, path)
            assert response.json() == {"detail": "Not found."}
    staff = _client("secretariat", published)
    assert staff.get(f"{API}/terms/{here.slug}/meetings").status_code == 200


def test_each_role_reads_the_meetings_at_its_level_and_no_others(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    draft, shared, public = m.Meeting.objects.filter(term=here).order_by("date", "start")
    m.Meeting.objects.filter(pk=draft.pk).update(visibility=Visibility.DRAFT)
    m.Meeting.objects.filter(pk=shared.pk).update(visibility=Visibility.MEMBER_STATES)
    seen = {
        "anonymous": [public.key],
        "delegation": [shared.key, public.key],
        "secretariat": [draft.key, shared.key, public.key],
    }
    for role, keys in seen.items():
        client = _client(role, published)
        listed = client.get(f"{API}/terms/{here.slug}/meetings").json()
        assert [x["id"] for x in listed] == keys, role
        in_plan = client.get(f"{API}/terms/{here.slug}/plan").json()["meetings"]
        assert [x["id"] for x in in_plan] == keys, role
        for hidden in {draft.key, shared.key, public.key} - set(keys):
            response = client.get(f"{API}/terms/{here.slug}/meetings/{hidden}")
            assert response.status_code == 404, (role, hidden)


def test_the_secretariat_changes_a_meeting_based_on_its_version(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    body = {"version": stored.version, "end": "18:00", "venue": "Salón Simón Bolívar", "lang": "es"}
    response = _patch(client, f"{API}/terms/{here.slug}/meetings/{stored.key}", body)
    assert response.status_code == 200, response.content
    got = response.json()
    assert got["end"] == "18:00" and got["venue"]["es"] == "Salón Simón Bolívar"
    assert got["version"] == stored.version + 1 and got["sequence"] == stored.sequence + 1
    after = m.Meeting.objects.get(pk=stored.pk)
    assert after.start == stored.start and after.title == stored.title
    record = AuditRecord.objects.get(object_type="meeting", object_id=stored.key, action="edit")
    assert (record.before["end"], record.after["end"]) == (stored.end.isoformat(), "18:00:00")
    assert record.username == "secretariat" and record.action == "edit"


def test_a_change_based_on_an_old_version_is_refused_with_what_changed_and_the_input(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    assert _patch(client, url, {"version": stored.version, "venue": "Room A"}).status_code == 200
    mine = {"version": stored.version, "venue": "Room B"}
    response = _patch(client, url, mine)
    assert response.status_code == 409
    refusal = response.json()
    assert refusal["based_on"] == stored.version and refusal["current"] == stored.version + 1
    assert refusal["your_input"] == mine
    assert "venue" in refusal["changes"][0]["fields"]
    assert refusal["meeting"]["venue"] == {"en": "Room A"}
    assert m.Meeting.objects.get(pk=stored.pk).venue == {"en": "Room A"}
    assert AuditRecord.objects.filter(object_type="meeting", action="edit").count() == 1


def test_an_invalid_change_names_the_field_and_writes_nothing(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _patch(client, url, {"version": stored.version, "start": "15:00", "end": "14:00"})
    assert response.status_code == 422
    assert "end" in response.json()["errors"]
    response = _patch(client, url, {"version": stored.version, "kind": "picnic"})
    assert response.status_code == 422 and "kind" in response.json()["errors"]
    response = _patch(client, url, {"version": stored.version, "lang": "de", "venue": "x"})
    assert response.status_code == 422 and "lang" in response.json()["errors"]
    response = _patch(client, url, {"venue": "no version"})
    assert response.status_code == 422
    after = m.Meeting.objects.get(pk=stored.pk)
    assert (after.start, after.end, after.version) == (stored.start, stored.end, stored.version)


def test_moving_a_meeting_keeps_its_earlier_date_with_the_reason(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    new_date = stored.date + dt.timedelta(days=7)
    body = {"version": stored.version, "date": new_date.isoformat(), "reason": "Room taken"}
    response = _post(client, f"{API}/terms/{here.slug}/meetings/{stored.key}/move", body)
    assert response.status_code == 200, response.content
    got = response.json()
    assert got["date"] == new_date.isoformat()
    assert got["previous_dates"][-1] == stored.date.isoformat()
    previous = m.PreviousDate.objects.get(meeting=stored)
    assert previous.reason == {"en": "Room taken"}


def test_a_move_outside_the_term_is_refused(published: tuple[m.Term, m.Term]) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    body = {"version": stored.version, "date": "1999-01-01", "reason": "Too early"}
    response = _post(client, f"{API}/terms/{here.slug}/meetings/{stored.key}/move", body)
    assert response.status_code == 422 and "new_date" in response.json()["errors"]
    assert not m.PreviousDate.objects.filter(meeting=stored).exists()


def test_cancelling_keeps_the_meeting_marked_cancelled(published: tuple[m.Term, m.Term]) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}/cancel"
    stale = {"version": stored.version + 5, "reason": "No quorum"}
    assert _post(client, url, stale).status_code == 409
    response = _post(client, url, {"version": stored.version, "reason": "No quorum"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    record = AuditRecord.objects.get(action="cancel", object_id=stored.key)
    assert record.reason == "No quorum"


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "  "}], ids=str)
def test_cancelling_without_a_reason_is_refused_as_invalid(
    published: tuple[m.Term, m.Term], body: dict[str, Any]
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}/cancel"
    response = _post(client, url, {"version": stored.version, **body})
    assert response.status_code == 422 and "reason" in response.json()["errors"]
    assert m.Meeting.objects.get(pk=stored.pk).status == stored.status


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("no_role", 403), ("delegation", 403), ("secretariat_elsewhere", 403)],
)
def test_who_may_not_edit_the_calendar_is_refused_in_json(
    published: tuple[m.Term, m.Term], role: str, status: int
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client(role, published)
    base = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    responses = [
        _patch(client, base, {"version": stored.version, "venue": "Room X"}),
        _post(client, f"{base}/move", {"version": 1, "date": "2020-01-01", "reason": "x"}),
        _post(client, f"{base}/cancel", {"version": stored.version, "reason": "x"}),
    ]
    assert [r.status_code for r in responses] == [status] * 3
    assert all("detail" in r.json() for r in responses)
    assert m.Meeting.objects.get(pk=stored.pk).version == stored.version


def test_a_write_without_the_csrf_token_is_refused(published: tuple[m.Term, m.Term]) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published, csrf=True)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _patch(client, url, {"version": stored.version, "venue": "Room X"})
    assert response.status_code == 403
    assert m.Meeting.objects.get(pk=stored.pk).version == stored.version


def test_a_method_the_route_does_not_declare_is_not_allowed(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    client = _client("administrator", published)
    meeting = f"{API}/terms/{here.slug}/meetings/{_first_meeting(here).key}"
    response = client.delete(meeting)
    assert response.status_code == 405
    assert response["Allow"] == "GET, PATCH"
    assert response.json() == {"detail": "Not allowed on this address."}
    assert m.Meeting.objects.filter(term=here).count() == 3
    assert client.put(f"{API}/terms").status_code == 405
    assert client.put(f"{API}/terms")["Allow"] == "GET"
    assert client.get(f"{meeting}/move")["Allow"] == "POST"


def test_an_invalid_body_names_its_fields_without_pydantic_internals(
    published: tuple[m.Term, m.Term],
) -> None:
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _patch(client, url, {"version": "seven", "start": "10:00+01:00", "end": [1]})
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str)
    assert set(body["errors"]) == {"version", "start", "end"}
    assert all(isinstance(m, str) for messages in body["errors"].values() for m in messages)
    for internal in ('"input"', "input_value", "seven", '"loc"', "errors.pydantic.dev", '"type"'):
        assert internal not in response.content.decode(), internal
    not_json = client.patch(url, b"{'version': 1", content_type="application/json")
    assert not_json.status_code == 400
    assert not_json.json() == {"detail": "The body of the request is not valid JSON."}
    assert m.Meeting.objects.get(pk=stored.pk).version == stored.version


def test_a_refusal_by_the_database_does_not_repeat_its_words(
    published: tuple[m.Term, m.Term], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's words (here PostgreSQL's for a NUL character, which the forms refuse
    before it) stay in the log; the 422 says the database refused a value."""
    from django.db import DataError

    from comitia.web.calendar import operations

    def refused(*args: Any, **kwargs: Any) -> None:
        try:
            raise DataError("A string literal cannot contain NUL (0x00) characters.")
        except DataError as error:
            raise operations.OperationError(f"the database refused it ({error})") from error

    monkeypatch.setattr(operations, "update_meeting", refused)
    here, _ = published
    stored = _first_meeting(here)
    client = _client("secretariat", published)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _patch(client, url, {"version": stored.version, "title": "Informal"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "The change was not saved: the database refused a value.",
        "errors": {},
    }


def test_a_change_that_breaks_the_plan_names_the_field_without_its_value(
    published: tuple[m.Term, m.Term], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydantic import BaseModel

    from comitia.web.calendar import operations
    from comitia.web.plans.convert import PlanLoadError

    class Meeting(BaseModel):
        end: int

    def refused(*args: Any, **kwargs: Any) -> None:
        try:
            try:
                Meeting.model_validate({"end": "secret value"})
            except Exception as invalid:
                raise PlanLoadError(f"not a valid plan:\n{invalid}") from invalid
        except PlanLoadError as error:
            raise operations.OperationError(str(error)) from error

    monkeypatch.setattr(operations, "update_meeting", refused)
    here, _ = published
    stored = _first_meeting(here)
    url = f"{API}/terms/{here.slug}/meetings/{stored.key}"
    response = _patch(_client("secretariat", published), url, {"version": stored.version})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The change was not saved: the plan would no longer be valid."
    assert list(body["errors"]) == ["end"]
    assert "secret value" not in response.content.decode()


def test_the_openapi_description_lists_every_route(db: None) -> None:
    paths = Client().get(f"{API}/openapi.json").json()["paths"]
    assert set(paths) == {
        f"{API}/",
        f"{API}/terms",
        f"{API}/terms/{{slug}}/plan",
        f"{API}/terms/{{slug}}/meetings",
        f"{API}/terms/{{slug}}/meetings/{{key}}",
        f"{API}/terms/{{slug}}/meetings/{{key}}/move",
        f"{API}/terms/{{slug}}/meetings/{{key}}/cancel",
        f"{API}/terms/{{slug}}/meetings/{{key}}/other-dates",
        f"{API}/terms/{{slug}}/resolutions",
        f"{API}/terms/{{slug}}/resolutions/{{resolution}}",
        f"{API}/terms/{{slug}}/resolutions/{{resolution}}/paragraphs",
        f"{API}/terms/{{slug}}/submissions",
        f"{API}/terms/{{slug}}/contacts",
        f"{API}/terms/{{slug}}/resolutions/{{resolution}}/amendments",
        f"{API}/terms/{{slug}}/resolutions/{{resolution}}/amendments/{{amendment_id}}",
        f"{API}/terms/{{slug}}/resolutions/{{resolution}}/dashboard",
    }
    assert set(paths[f"{API}/terms/{{slug}}/meetings/{{key}}"]) == {"get", "patch"}
