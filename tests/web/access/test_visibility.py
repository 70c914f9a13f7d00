"""The rules of ``comitia.web.publication.visibility``: who sees which level of term, meeting and
document. Expected outcomes are written out here, not derived from the module."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.web.documents.operations import approve_revision, set_revision_visibility
from comitia.web.documents.visibility import may_see_revision, visible_revisions
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.publication.operations import (
    publish_plan,
    set_document_visibility,
    set_meeting_visibility,
    set_term_visibility,
)
from comitia.web.publication.visibility import (
    may_see_document,
    may_see_meeting,
    may_see_term,
    viewer_level,
    visible_meetings,
    visible_plan,
    visible_terms,
)

from .conftest import ROLES, make_user

D, S, P = Visibility.DRAFT, Visibility.MEMBER_STATES, Visibility.PUBLIC
INSIDERS = {"secretariat", "bureau", "administrator"}
DELEGATIONS = {"delegation", "delegation_elsewhere"}

# (term level, object level) -> the roles that see the object.
SEEN_BY: dict[tuple[Visibility, Visibility], set[str]] = {
    (P, P): set(ROLES),
    (P, S): INSIDERS | DELEGATIONS,
    (S, P): INSIDERS | DELEGATIONS,
    (S, S): INSIDERS | DELEGATIONS,
    (P, D): INSIDERS,
    (D, P): INSIDERS,
    (S, D): INSIDERS,
    (D, S): INSIDERS,
    (D, D): INSIDERS,
}


@pytest.fixture
def people(terms: tuple[m.Term, m.Term]) -> dict[str, object]:
    here, elsewhere = terms
    return {role: make_user(role, here, elsewhere) for role in ROLES}


def test_a_term_without_a_publication_is_a_draft(
    terms: tuple[m.Term, m.Term], people: dict[str, object]
) -> None:
    here, _ = terms
    assert m.Meeting.objects.filter(term=here, visibility=D).count() == 3
    seen = {role for role, user in people.items() if may_see_term(user, here)}
    assert seen == INSIDERS


def test_viewer_levels_per_role(terms: tuple[m.Term, m.Term], people: dict[str, object]) -> None:
    here, _ = terms
    levels = {role: viewer_level(user, here) for role, user in people.items()}
    assert levels == {
        "anonymous": P,
        "no_role": P,
        "delegation": S,
        "delegation_elsewhere": S,
        "secretariat": D,
        "secretariat_elsewhere": P,
        "bureau": D,
        "bureau_elsewhere": P,
        "administrator": D,
    }


@pytest.mark.parametrize(("term_level", "meeting_level"), list(SEEN_BY))
def test_a_meeting_is_seen_at_the_lower_of_its_level_and_its_terms(
    terms: tuple[m.Term, m.Term],
    people: dict[str, object],
    term_level: Visibility,
    meeting_level: Visibility,
) -> None:
    here, _ = terms
    set_term_visibility(here, term_level, None)
    meeting = m.Meeting.objects.filter(term=here).order_by("date").first()
    assert meeting is not None
    set_meeting_visibility(meeting, meeting_level, None)
    meeting = m.Meeting.objects.select_related("term").get(pk=meeting.pk)
    for role, user in people.items():
        expected = role in SEEN_BY[(term_level, meeting_level)]
        fresh = m.Term.objects.get(pk=here.pk)
        assert may_see_meeting(user, meeting) is expected, role
        listed = visible_meetings(user, fresh).filter(pk=meeting.pk).exists()
        assert listed is expected, role
        plan = visible_plan(user, fresh, load_plan(fresh))
        assert (meeting.key in {x.id for x in plan.meetings}) is expected, role


@pytest.mark.parametrize(("term_level", "document_level"), list(SEEN_BY))
def test_documents_and_revisions_follow_the_same_rule(
    terms: tuple[m.Term, m.Term],
    people: dict[str, object],
    term_level: Visibility,
    document_level: Visibility,
) -> None:
    here, _ = terms
    revision = approve_revision(
        here,
        symbol="X rev. 1",
        approved_on=dt.date(2019, 11, 7),
        user=people["bureau"],
        override_reason="test plan",
    )
    assert revision.visibility == D
    set_term_visibility(here, term_level, None)
    set_document_visibility(here.document, document_level, None)
    set_revision_visibility(revision, document_level, None)
    for role, user in people.items():
        expected = role in SEEN_BY[(term_level, document_level)]
        fresh = m.Term.objects.get(pk=here.pk)
        assert may_see_document(user, fresh) is expected, role
        assert may_see_revision(user, revision) is expected, role
        assert visible_revisions(user, fresh).filter(pk=revision.pk).exists() is expected, role


def test_visible_terms_lists_a_shared_term_to_delegations_only(
    terms: tuple[m.Term, m.Term], people: dict[str, object]
) -> None:
    here, elsewhere = terms
    set_term_visibility(here, S, None)
    set_term_visibility(elsewhere, P, None)
    assert [t.slug for t in visible_terms(people["anonymous"])] == [elsewhere.slug]
    assert {t.slug for t in visible_terms(people["delegation"])} == {here.slug, elsewhere.slug}


def test_a_hidden_meeting_leaves_no_reference_in_the_visible_plan(
    terms: tuple[m.Term, m.Term], people: dict[str, object]
) -> None:
    here, _ = terms
    publish_plan(here, None)
    meeting = m.Meeting.objects.select_related("term").filter(term=here).order_by("date")[1]
    set_meeting_visibility(meeting, D, None)
    plan = visible_plan(people["anonymous"], here, load_plan(here))
    text = plan.model_dump_json()
    assert f'"{meeting.key}"' not in text
    assert len(plan.meetings) == 2


def test_publish_plan_raises_versions_and_records_each_change(
    terms: tuple[m.Term, m.Term],
) -> None:
    from comitia.web.access.models import AuditRecord

    here, _ = terms
    before = {x.pk: x.version for x in m.Meeting.objects.filter(term=here)}
    publish_plan(here, None)
    after = {x.pk: x.version for x in m.Meeting.objects.filter(term=here)}
    assert all(after[pk] == before[pk] + 1 for pk in before)
    assert set(m.Meeting.objects.filter(term=here).values_list("visibility", flat=True)) == {P}
    actions = list(
        AuditRecord.objects.filter(term_slug=here.slug).values_list("object_type", "action")
    )
    assert actions.count(("meeting", "publish")) == 3
    assert ("publication", "publish") in actions
    assert ("plandocument", "publish") in actions
