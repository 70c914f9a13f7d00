"""The session sheet of a formal review meeting: the decisions taken in the room, one paragraph
per post, never overwriting a decision recorded since the sheet was opened; each audited and
written to the paragraph's history with the meeting."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client

from comitia.plan import ParagraphStatus
from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.negotiation.models import Amendment, ParagraphEvent
from comitia.web.negotiation.sheet import review_meetings
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from tests.web.publishing import store_published

from .conftest import DRAFT_KEY, client_for, share, url
from .review import review_plan

SHEET = "sessions/review-05-12/"


@pytest.fixture
def draft(db: None) -> m.Resolution:
    term = store_published(review_plan())
    resolution = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    share(resolution, Visibility.MEMBER_STATES)
    return resolution


def _paragraph(draft: m.Resolution, number: str = "4") -> m.Paragraph:
    return m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number=number
    )


def _decide(
    draft: m.Resolution, paragraph: m.Paragraph, decision: str, **extra: str
) -> dict[str, str]:
    return {
        "decision": decision,
        "language": "en",
        "text": str(paragraph.text.get("en", "")),
        "version": str(paragraph.version),
        "from_status": paragraph.status or "",
        **extra,
    }


def _post(
    draft: m.Resolution, paragraph: m.Paragraph, form: dict[str, str], client: Client | None = None
) -> HttpResponse:
    if client is None:
        user = User.objects.filter(username="sec").first()
        client = Client() if user is not None else client_for(Role.SECRETARIAT, name="sec")
        if user is not None:
            client.force_login(user)
    return client.post(url(draft, f"{SHEET}paragraphs/{paragraph.pk}/"), form)


def test_the_formal_review_meetings_are_those_within_the_milestone_dates(
    draft: m.Resolution,
) -> None:
    plan = load_plan(draft.term)
    found = [x.id for x in review_meetings(plan, plan.term.start)]
    assert found == ["review-05-05", "review-05-12", "review-05-19"]


def test_a_meeting_the_milestone_names_is_one_of_the_formal_review_too(
    draft: m.Resolution,
) -> None:
    plan = load_plan(draft.term)
    assert plan.negotiation is not None
    review = next(x for x in plan.negotiation.milestones if x.id == "review")
    named = review.model_copy(update={"meeting": "m1"})
    steps = [named if x.id == "review" else x for x in plan.negotiation.milestones]
    plan = plan.model_copy(
        update={"negotiation": plan.negotiation.model_copy(update={"milestones": steps})}
    )
    found = [x.id for x in review_meetings(plan, plan.term.start)]
    assert found == ["m1", "review-05-05", "review-05-12", "review-05-19"]


def test_a_meeting_outside_the_formal_review_has_no_sheet(draft: m.Resolution) -> None:
    secretariat = client_for(Role.SECRETARIAT)
    assert secretariat.get(url(draft, "sessions/review-05-05/")).status_code == 200
    assert secretariat.get(url(draft, "sessions/m0/")).status_code == 404


def test_the_sheet_lists_the_paragraphs_in_order_with_a_form_each(draft: m.Resolution) -> None:
    page = client_for(Role.SECRETARIAT).get(url(draft, SHEET)).content.decode()
    assert page.index('id="p-3-bis"') < page.index('id="p-4"')
    assert page.count('name="decision"') == 2 * 4
    assert "Session 2 of 3 of the formal review" in page


def test_who_opens_and_who_keeps_the_sheet(draft: m.Resolution) -> None:
    paragraph = _paragraph(draft)
    user = User.objects.create_user("bureau", password="x")
    Membership.objects.create(user=user, role=Role.BUREAU, term=draft.term)
    bureau = Client()
    bureau.force_login(user)
    assert bureau.get(url(draft, SHEET)).status_code == 200
    assert "Record the decision" not in bureau.get(url(draft, SHEET)).content.decode()
    assert _post(draft, paragraph, _decide(draft, paragraph, "agreed"), bureau).status_code == 403
    mexico = client_for(Role.DELEGATION, "MX")
    assert mexico.get(url(draft, SHEET)).status_code == 403
    assert _post(draft, paragraph, _decide(draft, paragraph, "agreed"), mexico).status_code == 403
    assert "login/" in client_for(None).get(url(draft, SHEET))["Location"]
    assert _paragraph(draft).status == "informal_consultations"


def test_a_decision_is_saved_audited_and_written_to_the_history_with_the_meeting(
    draft: m.Resolution,
) -> None:
    paragraph = _paragraph(draft)
    answer = _post(draft, paragraph, _decide(draft, paragraph, "agreed"))
    assert answer.status_code == 302
    assert answer["Location"].endswith(f"{SHEET}#p-4")
    stored = _paragraph(draft)
    assert (stored.status, stored.version) == ("agreed", 1)
    event = ParagraphEvent.objects.get(paragraph=stored)
    assert (event.from_status, event.to_status, event.made_version) == (
        "informal_consultations",
        "agreed",
        None,
    )
    assert event.meeting is not None and event.meeting.key == "review-05-12"
    assert event.recorded_by is not None and event.recorded_by.username == "sec"
    record = AuditRecord.objects.get(action="record session decision")
    assert record.before["status"] == "informal_consultations"
    assert record.after["status"] == "agreed" and record.after["meeting"] == "review-05-12"
    page = client_for(Role.SECRETARIAT).get(url(draft, SHEET)).content.decode()
    assert "Recorded at this session:" in page


def test_pending_with_the_bracketed_text_raises_the_version(draft: m.Resolution) -> None:
    paragraph = _paragraph(draft)
    text = "Request the General Secretariat to [[report yearly]]."
    assert (
        _post(draft, paragraph, _decide(draft, paragraph, "pending", text=text)).status_code == 302
    )
    stored = _paragraph(draft)
    assert (stored.status, stored.version, stored.text["en"]) == ("pending", 2, text)
    assert stored.text["fr"] == "Demander."  # the other languages keep their words
    assert ParagraphEvent.objects.get(paragraph=stored).made_version == 2


def test_a_decision_that_does_not_fit_its_text_is_refused_with_nothing_changed(
    draft: m.Resolution,
) -> None:
    paragraph = _paragraph(draft)
    pending = _post(draft, paragraph, _decide(draft, paragraph, "pending"))
    assert pending.status_code == 400
    assert "double brackets" in pending.content.decode() or "brackets" in pending.content.decode()
    agreed = _post(
        draft, paragraph, _decide(draft, paragraph, "agreed", text="Request [[still open]].")
    )
    assert agreed.status_code == 400
    stored = _paragraph(draft)
    assert (stored.status, stored.version) == ("informal_consultations", 1)
    assert not ParagraphEvent.objects.exists()


def test_a_decision_recorded_since_the_sheet_was_opened_is_a_conflict_showing_both(
    draft: m.Resolution,
) -> None:
    paragraph = _paragraph(draft)
    opened = _decide(draft, paragraph, "agreed")  # the sheet as a first secretary opened it
    later = _decide(draft, paragraph, "withdrawn")  # a second one, from the same sheet
    assert _post(draft, paragraph, later).status_code == 302
    answer = _post(draft, paragraph, opened)
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "changed since you opened the sheet" in page
    assert "Nothing was overwritten." in page
    assert _paragraph(draft).status == "withdrawn"
    assert ParagraphEvent.objects.count() == 1
    # The form now holds the paragraph as it is, with the decision sent: sent again, it goes.
    again = {**opened, "version": "1", "from_status": "withdrawn"}
    assert _post(draft, paragraph, again).status_code == 302
    assert _paragraph(draft).status == "agreed"


def test_the_same_form_sent_twice_records_once(draft: m.Resolution) -> None:
    paragraph = _paragraph(draft)
    form = _decide(draft, paragraph, "agreed")
    assert _post(draft, paragraph, form).status_code == 302
    assert _post(draft, paragraph, form).status_code == 302
    assert ParagraphEvent.objects.count() == 1
    assert AuditRecord.objects.filter(action="record session decision").count() == 1


def test_an_amendment_incorporated_from_the_sheet_makes_the_paragraph_agreed_ad_referendum(
    draft: m.Resolution,
) -> None:
    paragraph = _paragraph(draft)
    amendment = operations.propose_amendment(
        paragraph,
        "MX",
        {
            "kind": "reword",
            "language": "en",
            "text": "Request the General Secretariat to report by May.",
            "justification": "A date (illustrative).",
        },
        None,
        token=uuid.uuid4(),
    )
    form = _decide(draft, paragraph, "agreed_ad_referendum", amendment=str(amendment.pk))
    assert _post(draft, paragraph, form).status_code == 302
    stored = _paragraph(draft)
    assert stored.status == ParagraphStatus.AGREED_AD_REFERENDUM.value
    assert stored.text["en"] == "Request the General Secretariat to report by May."
    assert stored.version == 2
    amendment.refresh_from_db()
    assert (amendment.status, amendment.made_version) == (Amendment.Status.INCORPORATED, 2)
    event = ParagraphEvent.objects.get(paragraph=stored)
    assert event.amendment == amendment
    assert event.meeting is not None and event.meeting.key == "review-05-12"
    assert (event.from_status, event.to_status, event.made_version) == (
        "informal_consultations",
        "agreed_ad_referendum",
        2,
    )
    assert AuditRecord.objects.filter(action="incorporate amendment").count() == 1


def test_an_amendment_written_against_an_older_text_is_a_conflict_on_the_sheet(
    draft: m.Resolution,
) -> None:
    paragraph = _paragraph(draft)
    amendment = operations.propose_amendment(
        paragraph,
        "MX",
        {"kind": "reword", "language": "en", "text": "Report.", "justification": "Shorter."},
        None,
        token=uuid.uuid4(),
    )
    text = "Request the General Secretariat to [[report]]."
    assert (
        _post(draft, paragraph, _decide(draft, paragraph, "pending", text=text)).status_code == 302
    )
    moved = _paragraph(draft)
    form = _decide(draft, moved, "agreed_ad_referendum", amendment=str(amendment.pk))
    answer = _post(draft, moved, form)
    assert answer.status_code == 409
    assert "changed since this amendment was written" in answer.content.decode()
    assert _paragraph(draft).text["en"] == text
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.SUBMITTED
