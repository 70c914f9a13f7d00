"""Each paragraph's history on the draft page (every change of its status or text, where, who,
when), the page's filters, and the links to the mandate a paragraph updates."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User

from comitia.dates import format_day
from comitia.web.access.models import Role
from comitia.web.levels import Visibility
from comitia.web.negotiation import consultations, operations
from comitia.web.negotiation.models import ParagraphEvent
from comitia.web.plans import models as m

from .conftest import client_for, share, url


@pytest.fixture
def paragraph(draft: m.Resolution) -> m.Paragraph:
    share(draft, Visibility.PUBLIC)
    return m.Paragraph.objects.select_related("resolution__term").get(resolution=draft, number="4")


def _incorporated(paragraph: m.Paragraph, state: str = "BR") -> None:
    amendment = operations.propose_amendment(
        paragraph,
        state,
        {
            "kind": "reword",
            "language": "en",
            "text": "Request the General Secretariat to report twice.",
            "justification": "More often (illustrative).",
        },
        None,
        token=uuid.uuid4(),
    )
    operations.incorporate_amendment(amendment, User.objects.create_user("sec-h", password="x"))


def test_incorporating_an_amendment_writes_the_paragraph_history(paragraph: m.Paragraph) -> None:
    _incorporated(paragraph)
    event = ParagraphEvent.objects.get()
    assert event.amendment is not None and event.amendment.member_state == "BR"
    assert (event.from_status, event.to_status, event.made_version) == (
        "informal_consultations",
        "informal_consultations",
        2,
    )
    assert event.recorded_by is not None and event.recorded_by.username == "sec-h"


def test_a_deletion_incorporated_withdraws_the_paragraph_in_its_history(
    paragraph: m.Paragraph,
) -> None:
    amendment = operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "delete", "language": "en", "justification": "Done already (illustrative)."},
        None,
        token=uuid.uuid4(),
    )
    operations.incorporate_amendment(amendment, None)
    event = ParagraphEvent.objects.get()
    assert (event.from_status, event.to_status) == ("informal_consultations", "withdrawn")


def test_the_history_shows_who_recorded_what_where_to_those_who_may_know(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    _incorporated(paragraph)
    consultations.record_consultation(
        m.Paragraph.objects.select_related("resolution__term").get(pk=paragraph.pk),
        "MX",
        {
            "held_on": draft.term.start,
            "status": "agreed_ad_referendum",
            "version": 2,
            "from_status": "informal_consultations",
        },
        None,
        token=uuid.uuid4(),
    )
    secretariat = client_for(Role.SECRETARIAT).get(url(draft)).content.decode()
    assert "History: 2 changes" in secretariat
    assert "amendment of Brazil incorporated" in secretariat
    assert "recorded by sec-h" in secretariat
    day = format_day(draft.term.start, "en")
    assert f"informal consultation of {day} led by Mexico" in secretariat
    # Brazil's amendment was never shared: Chile learns a text was amended, not by whom.
    chile = client_for(Role.DELEGATION, "CL").get(url(draft)).content.decode()
    assert "an amendment incorporated" in chile and "amendment of Brazil" not in chile
    public = client_for(None).get(url(draft)).content.decode()
    assert "History: 2 changes" in public
    assert "recorded by" not in public


def test_the_filters_keep_the_paragraphs_of_a_status_a_lead_or_none(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    reader = client_for(Role.SECRETARIAT)

    def shown(query: str) -> list[str]:
        page = reader.get(url(draft) + query).content.decode()
        return [n for n in ("3-bis", "4") if f'id="p-{n}"' in page]

    assert shown("") == ["3-bis", "4"]
    assert shown("?status=informal_consultations") == ["4"]
    assert shown("?lead=PE") == ["3-bis"]
    assert shown("?lead=mx&section=security") == ["4"]
    assert shown("?lead=none") == []
    m.Paragraph.objects.filter(pk=paragraph.pk).update(leads=[])
    assert shown("?lead=NONE") == ["4"]
    assert "Show every paragraph" in reader.get(url(draft) + "?lead=NONE").content.decode()


def test_a_paragraph_links_to_the_mandate_it_updates_and_the_items_that_discussed_it(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    page = client_for(None).get(url(draft)).content.decode()
    coverage = f"/terms/{draft.term.slug}/coverage/"
    assert f'href="{coverage}#ag-res-2925-29"' in page
    assert f'href="{coverage}#res-2925"' in page
    # The first meeting's first agenda item cites paragraph 29, which paragraph 3 bis updates.
    assert f'href="/calendar/{draft.term.slug}/meetings/m0/"' in page


def test_the_history_follows_its_paragraph_and_meeting_when_the_plan_is_replaced(
    db: None,
) -> None:
    from comitia.web.negotiation.sheet import record_decision
    from comitia.web.plans.convert import save_plan

    from .review import review_plan

    term = save_plan(review_plan())
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=term, number="4"
    )
    meeting = m.Meeting.objects.get(term=term, key="review-05-12")
    record_decision(
        paragraph,
        meeting,
        "agreed",
        None,
        version=1,
        from_status="informal_consultations",
        language="en",
    )
    replaced = save_plan(review_plan(), replace=True)
    event = ParagraphEvent.objects.select_related("paragraph__resolution", "meeting").get()
    assert event.paragraph.resolution.term_id == replaced.pk
    assert event.paragraph.number == "4"
    assert event.meeting is not None
    assert (event.meeting.term_id, event.meeting.key) == (replaced.pk, "review-05-12")
