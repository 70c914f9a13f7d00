"""Changes in the admin are audited too: edits with before and after, bulk deletions per row."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

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


def _bound_formset(model_admin: Any, request: Any, parent: Any, inline_model: Any) -> Any:
    """The inline's formset of ``parent`` bound to data that resubmits what it shows."""
    inline = next(
        i for i in model_admin.get_inline_instances(request, parent) if i.model is inline_model
    )
    formset_class = inline.get_formset(request, parent)
    shown = formset_class(instance=parent, prefix=formset_class.get_default_prefix())
    data: dict[str, Any] = {
        f"{shown.prefix}-TOTAL_FORMS": len(shown.forms),
        f"{shown.prefix}-INITIAL_FORMS": len(shown.initial_forms),
    }
    for form in shown.forms:
        for name in form.fields:
            value = form[name].value()  # as the page shows it (JSON as text)
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    return formset_class, data


def test_a_row_edited_inline_is_recorded_and_raises_its_version(
    terms: tuple[m.Term, m.Term], admin_user: User
) -> None:
    here, _ = terms
    meeting = m.Meeting.objects.select_related("term").filter(term=here).order_by("date")[0]
    model_admin = admin.site._registry[m.Meeting]
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    formset_class, data = _bound_formset(model_admin, request, meeting, m.AgendaNode)
    node = m.AgendaNode.objects.filter(meeting=meeting).order_by("depth", "parent_id", "position")[
        0
    ]
    data["agenda_nodes-0-title"] = '{"en": "Changed inline"}'
    formset = formset_class(data, instance=meeting, prefix="agenda_nodes")
    assert formset.is_valid(), formset.errors
    model_admin.save_formset(request, SimpleNamespace(instance=meeting), formset, True)
    stored = m.AgendaNode.objects.get(pk=node.pk)
    assert stored.title == {"en": "Changed inline"} and stored.version == node.version + 1
    record = AuditRecord.objects.get(object_type="agendanode", action="admin edit")
    assert record.term_slug == here.slug
    assert (record.after or {})["title"] == {"en": "Changed inline"}


def test_the_document_edited_inline_in_the_term_is_recorded_and_raises_its_version(
    terms: tuple[m.Term, m.Term], admin_user: User
) -> None:
    here, _ = terms
    document = m.PlanDocument.objects.get(term=here)
    model_admin = admin.site._registry[m.Term]
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    formset_class, data = _bound_formset(model_admin, request, here, m.PlanDocument)
    data["document-0-symbol"] = "CP/CSH-1933/19 rev. 3"
    formset = formset_class(data, instance=here, prefix="document")
    assert formset.is_valid(), formset.errors
    model_admin.save_formset(request, SimpleNamespace(instance=here), formset, True)
    stored = m.PlanDocument.objects.get(pk=document.pk)
    assert stored.symbol == "CP/CSH-1933/19 rev. 3" and stored.version == document.version + 1
    assert AuditRecord.objects.filter(object_type="plandocument", action="admin edit").exists()
