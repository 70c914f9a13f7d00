"""The secretariat assigns lead delegations; a lead delegation records its informal
consultations: the day, the text agreed and where the paragraph stands, in its history."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client

from comitia.web.access.models import AuditRecord, Role
from comitia.web.calendar.models import DelegationVersion
from comitia.web.levels import Visibility
from comitia.web.negotiation import consultations
from comitia.web.negotiation.models import Consultation, ParagraphEvent
from comitia.web.plans import models as m

from .conftest import client_for, share, url


@pytest.fixture
def paragraph(draft: m.Resolution) -> m.Paragraph:
    share(draft, Visibility.MEMBER_STATES)
    return m.Paragraph.objects.select_related("resolution__term").get(resolution=draft, number="4")


def _stored(paragraph: m.Paragraph) -> m.Paragraph:
    return m.Paragraph.objects.get(pk=paragraph.pk)


def _consultation(paragraph: m.Paragraph, **extra: Any) -> dict[str, Any]:
    return {
        "held_on": "2020-04-20",
        "status": "agreed_ad_referendum",
        "language": "en",
        "text": "Request the General Secretariat to report by May.",
        "version": str(paragraph.version),
        "from_status": paragraph.status or "",
        "token": str(uuid.uuid4()),
        **extra,
    }


def _consult(
    client: Client, draft: m.Resolution, paragraph: m.Paragraph, form: dict[str, Any]
) -> Any:
    return client.post(url(draft, f"paragraphs/{paragraph.pk}/consult/"), form)


def test_the_secretariat_assigns_the_leads_and_the_change_is_audited(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    secretariat = client_for(Role.SECRETARIAT)
    form = {"leads": ["BR", "CL"], "was": "MX"}
    answer = secretariat.post(url(draft, f"paragraphs/{paragraph.pk}/leads/"), form)
    assert answer.status_code == 302
    assert _stored(paragraph).leads == ["BR", "CL"]
    record = AuditRecord.objects.get(action="assign leads")
    assert (record.before["leads"], record.after["leads"]) == (["MX"], ["BR", "CL"])
    # Those who lose or gain the lead see other amendments: their counters are raised.
    assert set(DelegationVersion.objects.values_list("state", flat=True)) >= {
        "BR",
        "CL",
        "MX",
    }


def test_the_form_of_the_leads_opens_for_one_paragraph_at_a_time(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    secretariat = client_for(Role.SECRETARIAT)
    assert 'name="leads"' not in secretariat.get(url(draft)).content.decode()
    page = secretariat.get(url(draft) + f"?status=informal_consultations&leads={paragraph.pk}")
    html = page.content.decode()
    assert html.count('name="leads"') == 35  # a box per member state
    assert f'action="{url(draft)}paragraphs/{paragraph.pk}/leads/"' in html
    assert 'value="MX" checked' in html
    assert "?status=informal_consultations&amp;#p-4" in html  # Cancel keeps the filters


def test_leads_changed_since_the_form_was_opened_are_a_conflict(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    consultations.assign_leads(paragraph, ["PE"], None, based_on=["MX"])
    secretariat = client_for(Role.SECRETARIAT)
    answer = secretariat.post(
        url(draft, f"paragraphs/{paragraph.pk}/leads/"), {"leads": ["BR"], "was": "MX"}
    )
    assert answer.status_code == 409
    assert "Someone changed the lead delegations" in answer.content.decode()
    assert _stored(paragraph).leads == ["PE"]


def test_a_delegation_may_not_assign_leads(draft: m.Resolution, paragraph: m.Paragraph) -> None:
    mexico = client_for(Role.DELEGATION, "MX")
    answer = mexico.post(url(draft, f"paragraphs/{paragraph.pk}/leads/"), {"leads": ["MX", "BR"]})
    assert answer.status_code == 403
    assert _stored(paragraph).leads == ["MX"]


def test_the_lead_records_a_consultation_with_the_text_agreed(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    mexico = client_for(Role.DELEGATION, "MX", name="mx")
    page = mexico.get(url(draft)).content.decode()
    assert "Record an informal consultation" in page
    assert _consult(mexico, draft, paragraph, _consultation(paragraph)).status_code == 302
    stored = _stored(paragraph)
    assert stored.status == "agreed_ad_referendum"
    assert stored.text["en"] == "Request the General Secretariat to report by May."
    assert stored.version == 2
    consultation = Consultation.objects.get()
    assert (consultation.member_state, consultation.held_on.isoformat()) == ("MX", "2020-04-20")
    assert consultation.made_version == 2
    event = ParagraphEvent.objects.get()
    assert event.consultation == consultation and event.meeting is None
    assert (event.from_status, event.to_status, event.made_version) == (
        "informal_consultations",
        "agreed_ad_referendum",
        2,
    )
    assert AuditRecord.objects.filter(action="record consultation").count() == 1
    history = client_for(Role.DELEGATION, "BR").get(url(draft)).content.decode()
    assert "informal consultation of April 20, 2020 led by Mexico" in history
    assert "recorded by mx" in history


def test_a_consultation_without_a_new_text_changes_the_status_only(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    mexico = client_for(Role.DELEGATION, "MX")
    form = _consultation(
        paragraph,
        status="informal_consultations",
        text="Request the General Secretariat to report.",
    )
    assert _consult(mexico, draft, paragraph, form).status_code == 302
    stored = _stored(paragraph)
    assert (stored.status, stored.version) == ("informal_consultations", 1)
    assert Consultation.objects.get().made_version is None
    assert not ParagraphEvent.objects.exists()  # nothing of the paragraph changed
    page = client_for(Role.SECRETARIAT).get(url(draft)).content.decode()
    assert "still in informal consultations" in page
    assert "informal consultation of April 20, 2020 led by Mexico" in page


def test_only_a_lead_delegation_records_a_consultation(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    brazil = client_for(Role.DELEGATION, "BR")
    assert "Record an informal consultation" not in brazil.get(url(draft)).content.decode()
    assert _consult(brazil, draft, paragraph, _consultation(paragraph)).status_code == 403
    assert (
        _consult(
            client_for(Role.SECRETARIAT), draft, paragraph, _consultation(paragraph)
        ).status_code
        == 403
    )
    assert not Consultation.objects.exists()
    assert _stored(paragraph).status == "informal_consultations"


def test_a_paragraph_changed_since_the_form_was_opened_is_a_conflict(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    mexico = client_for(Role.DELEGATION, "MX")
    opened = _consultation(paragraph)
    first = _consultation(paragraph, text="Request a report.", status="informal_consultations")
    assert _consult(mexico, draft, paragraph, first).status_code == 302
    answer = _consult(mexico, draft, paragraph, opened)
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "The paragraph changed since you opened the page" in page
    assert "Request a report." in page and "report by May" in page
    assert _stored(paragraph).text["en"] == "Request a report."
    assert Consultation.objects.count() == 1


def test_an_agreed_text_has_no_passage_in_brackets(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    mexico = client_for(Role.DELEGATION, "MX")
    form = _consultation(paragraph, text="Request [[a report]].")
    answer = _consult(mexico, draft, paragraph, form)
    assert answer.status_code == 400
    assert not Consultation.objects.exists()
    still_open = _consultation(
        paragraph, text="Request [[a report]].", status="informal_consultations"
    )
    assert _consult(mexico, draft, paragraph, still_open).status_code == 302


def test_a_paragraph_agreed_in_the_room_is_past_its_consultations(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    m.Paragraph.objects.filter(pk=paragraph.pk).update(status="agreed")
    with pytest.raises(consultations.ConsultationError):
        consultations.record_consultation(
            _stored(paragraph),
            "MX",
            {
                **_consultation(_stored(paragraph)),
                "held_on": _stored(paragraph).resolution.term.start,
            },
            None,
            token=uuid.uuid4(),
        )


def test_the_same_form_sent_twice_records_once(draft: m.Resolution, paragraph: m.Paragraph) -> None:
    mexico = client_for(Role.DELEGATION, "MX")
    form = _consultation(paragraph)
    assert _consult(mexico, draft, paragraph, form).status_code == 302
    assert _consult(mexico, draft, paragraph, form).status_code == 302
    assert Consultation.objects.count() == 1
