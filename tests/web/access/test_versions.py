"""No lost edits: a write based on an old version is refused, says what changed, keeps input."""

from __future__ import annotations

import pytest
from django.test import Client

from comitia.web.access.models import AuditRecord
from comitia.web.calendar import operations
from comitia.web.plans import models as m

from .conftest import make_user


def _meeting(term: m.Term) -> m.Meeting:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    return meeting


def test_a_write_based_on_an_old_version_is_refused_and_names_what_changed(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    first, second = _meeting(here), _meeting(here)
    operations.update_meeting(first, {"venue": "Room A"}, "en", user, version=1)
    with pytest.raises(operations.EditConflict) as conflict:
        operations.update_meeting(second, {"venue": "Room B"}, "en", user, version=1)
    assert conflict.value.stale.current == 2 and conflict.value.stale.based_on == 1
    assert "venue" in conflict.value.stale.changes[0].fields
    stored = m.Meeting.objects.get(pk=first.pk)
    assert stored.venue == {"en": "Room A"} and stored.version == 2
    assert AuditRecord.objects.count() == 1


def test_each_accepted_write_raises_the_version_by_one(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    user = make_user("secretariat", here, elsewhere)
    meeting = _meeting(here)
    for n in range(1, 4):
        operations.update_meeting(meeting, {"venue": f"Room {n}"}, "en", user, version=n)
    assert m.Meeting.objects.get(pk=meeting.pk).version == 4


def _edit_data(meeting: m.Meeting, venue: str, version: int) -> dict[str, str]:
    return {
        "version": str(version),
        "start": meeting.start.strftime("%H:%M"),
        "end": meeting.end.strftime("%H:%M"),
        "kind": meeting.kind,
        "status": meeting.status,
        "title": "",
        "venue": venue,
    }


def test_a_stale_edit_form_is_refused_with_the_users_input_kept_to_reapply(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    meeting = _meeting(here)
    url = f"/calendar/{here.slug}/meetings/{meeting.key}/edit/"
    alice, bob = Client(), Client()
    alice.force_login(make_user("secretariat", here, elsewhere))  # type: ignore[arg-type]
    bob.force_login(make_user("administrator", here, elsewhere))  # type: ignore[arg-type]
    assert 'name="version" value="1"' in alice.get(url).content.decode()
    assert bob.post(url, _edit_data(meeting, "Bob's room", 1)).status_code == 302
    refused = alice.post(url, _edit_data(meeting, "Alice's room", 1))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "someone saved this after you opened it" in page
    assert "administrator" in page and "venue" in page
    assert "Alice&#x27;s room" in page
    assert 'name="version" value="2"' in page
    assert m.Meeting.objects.get(pk=meeting.pk).venue == {"en": "Bob's room"}
    again = alice.post(url, _edit_data(meeting, "Alice's room", 2))
    assert again.status_code == 302
    assert m.Meeting.objects.get(pk=meeting.pk).venue == {"en": "Alice's room"}


def test_a_double_submitted_approval_approves_once(terms: tuple[m.Term, m.Term]) -> None:
    here, elsewhere = terms
    client = Client()
    client.force_login(make_user("bureau", here, elsewhere))  # type: ignore[arg-type]
    page = client.get(f"/terms/{here.slug}/document/").content.decode()
    assert 'name="number" value="' in page
    number = page.split('name="number" value="')[1].split('"')[0]
    data = {"symbol": "X", "date": "2019-11-07", "override_reason": "test", "number": number}
    first = client.post(f"/terms/{here.slug}/document/approve/", data)
    second = client.post(f"/terms/{here.slug}/document/approve/", data)
    assert first.status_code == 302 and second.status_code == 409
    from comitia.web.documents.models import Revision

    assert Revision.objects.filter(term_slug=here.slug).count() == 1
