"""Changes in the admin are audited too: edits with before and after, bulk deletions per row."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from comitia.web.access.models import AuditRecord
from comitia.web.plans import models as m


def test_an_admin_edit_is_recorded_and_raises_the_version(
    terms: tuple[m.Term, m.Term], admin_user: User
) -> None:
    here, _ = terms
    meeting = m.Meeting.objects.filter(term=here).order_by("date").first()
    assert meeting is not None
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    meeting.venue = {"en": "Hall of the Americas"}
    admin.site._registry[m.Meeting].save_model(request, meeting, None, True)
    record = AuditRecord.objects.get(action="admin edit")
    assert record.username == admin_user.username and record.term_slug == here.slug
    assert (record.after or {})["venue"] == {"en": "Hall of the Americas"}
    assert (record.before or {})["venue"] != (record.after or {})["venue"]
    assert m.Meeting.objects.get(pk=meeting.pk).version == 2


def test_a_bulk_deletion_in_the_admin_records_every_row(
    terms: tuple[m.Term, m.Term], admin_client: Client
) -> None:
    here, _ = terms
    officers = list(m.Officer.objects.filter(term=here).values_list("pk", flat=True))
    assert len(officers) >= 2
    response = admin_client.post(
        "/admin/plans/officer/",
        {"action": "delete_selected", "_selected_action": officers, "post": "yes"},
    )
    assert response.status_code == 302
    assert not m.Officer.objects.filter(pk__in=officers).exists()
    records = AuditRecord.objects.filter(action="admin delete", object_type="officer")
    assert records.count() == len(officers)
    assert all(r.after is None and r.before for r in records)
