"""Publishing from the pages: the levels set on the term's, meeting's and document's pages, the
badges shown to those who see drafts, and 404 for those who may not see."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from comitia.web.access.models import AuditRecord
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import approve_revision
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.models import Publication
from comitia.web.publication.operations import publish_plan, set_meeting_visibility

from .conftest import make_user


def _client(user: object) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def _first_meeting(term: m.Term) -> m.Meeting:
    return m.Meeting.objects.select_related("term").filter(term=term).order_by("date")[0]


def test_a_draft_meeting_of_a_published_term_answers_404_not_a_sign_in(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_plan(here, None)
    meeting = _first_meeting(here)
    set_meeting_visibility(meeting, Visibility.DRAFT, None)
    url = f"/calendar/{here.slug}/meetings/{meeting.key}/"
    for role in ("anonymous", "no_role", "delegation"):
        assert _client(make_user(role, here, elsewhere)).get(url).status_code == 404, role
    page = _client(make_user("secretariat", here, elsewhere)).get(url).content.decode()
    assert 'class="badge visibility draft"' in page


def test_a_draft_terms_pages_answer_404_to_the_public(terms: tuple[m.Term, m.Term]) -> None:
    here, _ = terms
    for url in (f"/calendar/{here.slug}/", f"/terms/{here.slug}/", f"/terms/{here.slug}/document/"):
        assert Client().get(url).status_code == 404, url


def test_the_secretariat_shares_a_meeting_with_member_states_from_its_page(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_plan(here, None)
    meeting = _first_meeting(here)
    secretariat = _client(make_user("secretariat", here, elsewhere))
    page = secretariat.get(f"/calendar/{here.slug}/meetings/{meeting.key}/").content.decode()
    assert f'action="/terms/{here.slug}/publication/meetings/{meeting.key}/"' in page
    version = m.Meeting.objects.get(pk=meeting.pk).version
    response = secretariat.post(
        f"/terms/{here.slug}/publication/meetings/{meeting.key}/",
        {"visibility": "member_states", "version": version},
    )
    assert response.status_code == 302
    stored = m.Meeting.objects.get(pk=meeting.pk)
    assert (stored.visibility, stored.version) == ("member_states", version + 1)
    record = AuditRecord.objects.filter(object_type="meeting", object_id=meeting.key).last()
    assert record is not None and record.action == "share with member states"
    assert record.username == "secretariat"
    url = f"/calendar/{here.slug}/meetings/{meeting.key}/"
    assert Client().get(url).status_code == 404
    delegation = _client(make_user("delegation", here, elsewhere))
    shown = delegation.get(url).content.decode()
    assert 'class="badge visibility shared"' in shown
    # A form opened before the change is refused, and changes nothing.
    secretariat.post(
        f"/terms/{here.slug}/publication/meetings/{meeting.key}/",
        {"visibility": "draft", "version": version},
    )
    assert m.Meeting.objects.get(pk=meeting.pk).visibility == "member_states"


def test_publishing_the_term_with_its_contents_publishes_draft_meetings(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    assert set(m.Meeting.objects.filter(term=here).values_list("visibility", flat=True)) == {
        "draft"
    }
    secretariat = _client(make_user("secretariat", here, elsewhere))
    term_page = secretariat.get(f"/terms/{here.slug}/").content.decode()
    assert 'name="with_contents"' in term_page
    secretariat.post(
        f"/terms/{here.slug}/publication/", {"visibility": "public", "with_contents": "1"}
    )
    assert Publication.objects.get(term=here).visibility == "public"
    assert set(m.Meeting.objects.filter(term=here).values_list("visibility", flat=True)) == {
        "public"
    }
    assert Client().get(f"/calendar/{here.slug}/meetings/m0/").status_code == 200


def test_publishing_the_term_alone_leaves_its_draft_meetings_hidden(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    secretariat = _client(make_user("secretariat", here, elsewhere))
    secretariat.post(f"/terms/{here.slug}/publication/", {"visibility": "public"})
    assert Client().get(f"/calendar/{here.slug}/").status_code == 200
    assert Client().get(f"/calendar/{here.slug}/meetings/m0/").status_code == 404


def test_the_secretariat_publishes_an_approved_revision_from_the_document_page(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_plan(here, None)
    revision = approve_revision(
        here,
        symbol="X rev. 9",
        approved_on=dt.date(2019, 11, 7),
        user=make_user("bureau", here, elsewhere),
        override_reason="test plan",
    )
    url = f"/terms/{here.slug}/document/rev{revision.number}.html"
    assert Client().get(url).status_code == 404
    assert "X rev. 9" not in Client().get(f"/terms/{here.slug}/document/").content.decode()
    secretariat = _client(make_user("secretariat", here, elsewhere))
    secretariat.post(
        f"/terms/{here.slug}/publication/document/",
        {"visibility": "public", "revision": revision.number},
    )
    assert Revision.objects.get(pk=revision.pk).visibility == "public"
    assert Client().get(url).status_code == 200
    record = AuditRecord.objects.filter(object_type="revision").last()
    assert record is not None and record.action == "publish"


def test_a_draft_document_hides_its_downloads_but_not_the_published_calendar(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_plan(here, None)
    secretariat = _client(make_user("secretariat", here, elsewhere))
    secretariat.post(f"/terms/{here.slug}/publication/document/", {"visibility": "draft"})
    assert m.PlanDocument.objects.get(term=here).visibility == "draft"
    assert Client().get(f"/terms/{here.slug}/document/download.html").status_code == 404
    page = Client().get(f"/terms/{here.slug}/document/").content.decode()
    assert "The current document is not published." in page
    assert Client().get(f"/calendar/{here.slug}/meetings/m0/").status_code == 200
