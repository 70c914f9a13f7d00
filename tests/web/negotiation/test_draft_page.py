"""The draft resolution's page: text in the reader's language, status, leads, brackets,
filters, the agenda items citing what a paragraph updates; who sees it; constant queries."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comitia.web.access.models import Role
from comitia.web.levels import Visibility
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan

from .conftest import client_for, negotiation_plan, share, url


def test_a_draft_is_hidden_from_delegations_and_the_public_until_shared(
    draft: m.Resolution,
) -> None:
    secretariat = client_for(Role.SECRETARIAT)
    delegation = client_for(Role.DELEGATION, "BR")
    public = client_for(None)
    assert secretariat.get(url(draft)).status_code == 200
    assert delegation.get(url(draft)).status_code == 404
    assert public.get(url(draft)).status_code == 404
    share(draft, Visibility.MEMBER_STATES)
    assert delegation.get(url(draft)).status_code == 200
    assert public.get(url(draft)).status_code == 404
    share(draft, Visibility.PUBLIC)
    assert public.get(url(draft)).status_code == 200


def test_an_adopted_resolution_has_no_draft_page(term: m.Term) -> None:
    adopted = m.Resolution.objects.get(term=term, key="ag-res-2925")
    share(adopted, Visibility.PUBLIC)
    assert client_for(Role.SECRETARIAT).get(url(adopted)).status_code == 404


def test_the_page_shows_numbers_status_leads_and_pending_passages_in_brackets(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.PUBLIC)
    page = client_for(None).get(url(draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "3 bis." in page
    assert 'Encourage <span class="pending">[urge]</span>' in page
    assert "agreed ad referendum" in page
    assert "Peru, Canada" in page
    assert "AG/RES. 2925 (XLVIII-O/18), 29" in page


def test_a_missing_translation_is_shown_in_the_original_language_marked(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.PUBLIC)
    page = client_for(None).get(url(draft), HTTP_ACCEPT_LANGUAGE="pt").content.decode()
    # Paragraph 3 bis has no Portuguese text: its original (Spanish) is shown, marked.
    assert '<span lang="es">Alentar <span class="pending">[instar]</span> a</span>' in page
    assert '<abbr class="fallback"' in page
    assert "Peru, Canadá" in page  # the leads' names in the reader's language


def test_the_filters_keep_the_paragraphs_of_one_status_or_lead(draft: m.Resolution) -> None:
    share(draft, Visibility.PUBLIC)
    public = client_for(None)
    agreed = public.get(url(draft), {"status": "agreed_ad_referendum"}).content.decode()
    assert "3 bis." in agreed and "Request the General Secretariat" not in agreed
    mexico = public.get(url(draft), {"lead": "mx"}).content.decode()
    assert "3 bis." not in mexico and "Request the General Secretariat" in mexico
    nothing = public.get(url(draft), {"section": "nowhere"}).content.decode()
    assert "3 bis." not in nothing and "Request the General" not in nothing


def test_a_paragraph_links_to_the_agenda_items_citing_the_paragraph_it_updates(
    term: m.Term, draft: m.Resolution
) -> None:
    share(draft, Visibility.PUBLIC)
    first = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert first is not None
    page = client_for(None).get(url(draft)).content.decode()
    assert f'href="/calendar/{term.slug}/meetings/{first.key}/"' in page


def test_a_hidden_meeting_is_not_linked_from_the_page(term: m.Term, draft: m.Resolution) -> None:
    share(draft, Visibility.PUBLIC)
    first = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert first is not None
    m.Meeting.objects.filter(pk=first.pk).update(visibility=Visibility.DRAFT)
    page = client_for(None).get(url(draft)).content.decode()
    assert f"/meetings/{first.key}/" not in page


def _page_queries(meetings: int) -> int:
    term = save_plan(negotiation_plan(meetings, label=f"{2000 + meetings}-{2001 + meetings}"))
    draft = m.Resolution.objects.get(term=term, key="draft-2020")
    client = client_for(Role.SECRETARIAT, name=f"secretary-{meetings}")
    client.get(url(draft))  # the session and the user's memberships, read once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(draft)).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_the_page_takes_as_many_queries_for_three_or_thirty_meetings() -> None:
    assert _page_queries(3) == _page_queries(30)


def _queries_with_amendments(draft: m.Resolution, count: int) -> int:
    paragraph = m.Paragraph.objects.get(resolution=draft, number="3 bis")
    Amendment.objects.bulk_create(
        Amendment(
            paragraph=paragraph,
            member_state="BR",
            kind=Amendment.Kind.REWORD,
            language="en",
            text=f"Encourage {index}",
            justification="Why",
            based_on=1,
            base_text="Encourage [[urge]]",
            token=uuid.uuid4(),
        )
        for index in range(count)
    )
    client = client_for(Role.DELEGATION, "PE", name=f"peru-{count}")  # a lead: sees them all
    client.get(url(draft))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url(draft)).content.decode()
    assert page.count('class="amendment ') == Amendment.objects.count()
    return len(queries.captured_queries)


def test_the_page_takes_as_many_queries_for_two_or_twenty_amendments(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.MEMBER_STATES)
    two = _queries_with_amendments(draft, 2)
    Amendment.objects.all().delete()
    assert _queries_with_amendments(draft, 20) == two
