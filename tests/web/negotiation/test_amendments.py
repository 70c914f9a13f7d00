"""Delegations propose amendments to a draft's paragraphs; the secretariat shares them and
records their outcome; two amendments against one version never overwrite each other."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User

from comitia.web.access.models import AuditRecord, Role
from comitia.web.calendar.models import DelegationVersion
from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from tests.web.publishing import store_published

from .conftest import client_for, negotiation_plan, share, url

MARKER = "MARKER-AMENDMENT-BR-91c2"


@pytest.fixture
def paragraph(draft: m.Resolution) -> m.Paragraph:
    share(draft, Visibility.MEMBER_STATES)
    return m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number="3 bis"
    )


def _form(text: str = f"Encourage {MARKER} member states", **extra: str) -> dict[str, str]:
    return {
        "kind": "reword",
        "language": "en",
        "text": text,
        "justification": "Clearer wording (illustrative).",
        "token": str(uuid.uuid4()),
        **extra,
    }


def _amend(paragraph: m.Paragraph, state: str, text: str) -> Amendment:
    return operations.propose_amendment(paragraph, state, _form(text), None, token=uuid.uuid4())


def test_a_delegation_proposes_an_amendment_once_even_when_the_form_is_sent_twice(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    brazil = client_for(Role.DELEGATION, "BR")
    form = _form()
    address = url(draft, f"paragraphs/{paragraph.pk}/amend/")
    assert brazil.post(address, form).status_code == 302
    assert brazil.post(address, form).status_code == 302
    amendment = Amendment.objects.get()
    assert (amendment.member_state, amendment.based_on) == ("BR", 1)
    assert amendment.base_text == "Encourage [[urge]]"
    assert AuditRecord.objects.filter(action="propose", object_type="amendment").count() == 1


def test_an_amendment_without_text_is_refused_with_the_input_kept(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    brazil = client_for(Role.DELEGATION, "BR")
    answer = brazil.post(
        url(draft, f"paragraphs/{paragraph.pk}/amend/"), _form(text="", justification="Why")
    )
    assert answer.status_code == 400
    assert not Amendment.objects.exists()


def test_an_amendment_is_shown_as_a_word_difference_against_the_text_it_amends(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    _amend(paragraph, "BR", "Encourage strongly [[urge]]")
    page = client_for(Role.DELEGATION, "BR").get(url(draft)).content.decode()
    # The pending passage as the paragraph prints it, in brackets, not the data's [[…]].
    assert 'Encourage <ins>strongly </ins><span class="pending">[urge]</span>' in page


def test_an_unshared_amendment_is_seen_by_its_delegation_the_leads_and_the_secretariat_only(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    amendment = _amend(paragraph, "BR", f"Encourage {MARKER}")
    readers = {
        "BR": client_for(Role.DELEGATION, "BR"),
        "PE (lead)": client_for(Role.DELEGATION, "PE"),
        "MX": client_for(Role.DELEGATION, "MX"),
        "secretariat": client_for(Role.SECRETARIAT),
        "public": client_for(None),
    }

    def who_sees() -> set[str]:
        return {name for name, c in readers.items() if MARKER in c.get(url(draft)).content.decode()}

    assert who_sees() == {"BR", "PE (lead)", "secretariat"}
    operations.share_amendment(amendment, None)
    assert who_sees() == {"BR", "PE (lead)", "MX", "secretariat"}
    share(draft, Visibility.PUBLIC)
    assert "public" not in who_sees()  # amendments are never public


def test_another_delegation_cannot_act_on_an_amendment_it_does_not_see(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    amendment = _amend(paragraph, "BR", "Encourage")
    mexico = client_for(Role.DELEGATION, "MX")
    assert mexico.post(url(draft, f"amendments/{amendment.pk}/withdraw/")).status_code == 404
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.SUBMITTED


def test_an_unshared_amendment_raises_the_delegations_counters_not_the_terms(
    term: m.Term, paragraph: m.Paragraph
) -> None:
    before = m.Term.objects.get(pk=term.pk).output_version
    amendment = _amend(paragraph, "BR", "Encourage")
    assert m.Term.objects.get(pk=term.pk).output_version == before
    states = set(DelegationVersion.objects.filter(term=term).values_list("state", flat=True))
    assert {"BR", "PE", "CA"} <= states
    operations.share_amendment(amendment, None)
    assert m.Term.objects.get(pk=term.pk).output_version > before


def test_incorporating_makes_the_amendment_the_text_and_raises_the_version(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    amendment = _amend(paragraph, "BR", "Encourage member states")
    secretariat = client_for(Role.SECRETARIAT)
    answer = secretariat.post(
        url(draft, f"amendments/{amendment.pk}/decide/"), {"outcome": "incorporated"}
    )
    assert answer.status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.version == 2
    assert paragraph.text == {"es": "Alentar [[instar]] a", "en": "Encourage member states"}
    amendment.refresh_from_db()
    assert (amendment.status, amendment.made_version) == (Amendment.Status.INCORPORATED, 2)
    # Read in Spanish, the paragraph's text is now an outdated translation.
    spanish = secretariat.get(url(draft), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'class="outdated"' in spanish
    english = secretariat.get(url(draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="outdated"' not in english


def test_a_second_amendment_against_the_same_version_is_a_conflict_showing_both(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    first = _amend(paragraph, "BR", "Encourage FIRST-WORDING")
    second = _amend(paragraph, "MX", "Encourage SECOND-WORDING")
    operations.incorporate_amendment(first, None)
    secretariat = client_for(Role.SECRETARIAT)
    answer = secretariat.post(
        url(draft, f"amendments/{second.pk}/decide/"), {"outcome": "incorporated"}
    )
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "FIRST-WORDING" in page and "SECOND-WORDING" in page
    paragraph.refresh_from_db()
    assert paragraph.text is not None and paragraph.text["en"] == "Encourage FIRST-WORDING"
    second.refresh_from_db()
    assert second.status == Amendment.Status.SUBMITTED
    with pytest.raises(operations.AmendmentConflict) as conflict:
        operations.incorporate_amendment(second, None)
    assert [a.pk for a in conflict.value.since] == [first.pk]


def test_the_secretariat_records_an_outcome_once(paragraph: m.Paragraph) -> None:
    amendment = _amend(paragraph, "BR", "Encourage")
    operations.record_outcome(amendment, Amendment.Status.NOT_RETAINED, None)
    with pytest.raises(operations.AmendmentError):
        operations.record_outcome(amendment, Amendment.Status.MERGED, None)
    with pytest.raises(operations.AmendmentError):
        operations.incorporate_amendment(amendment, None)
    paragraph.refresh_from_db()
    assert paragraph.version == 1


def test_a_deletion_incorporated_withdraws_the_paragraph(paragraph: m.Paragraph) -> None:
    amendment = operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "delete", "language": "en", "justification": "Covered elsewhere."},
        None,
        token=uuid.uuid4(),
    )
    operations.incorporate_amendment(amendment, None)
    paragraph.refresh_from_db()
    assert paragraph.status == "withdrawn"


def test_a_delegation_withdraws_its_own_amendment(
    draft: m.Resolution, paragraph: m.Paragraph
) -> None:
    amendment = _amend(paragraph, "BR", "Encourage")
    brazil = client_for(Role.DELEGATION, "BR")
    withdraw = f'action="{url(draft, f"amendments/{amendment.pk}/withdraw/")}"'
    assert withdraw in brazil.get(url(draft)).content.decode()
    assert withdraw not in client_for(Role.DELEGATION, "PE").get(url(draft)).content.decode()
    assert brazil.post(url(draft, f"amendments/{amendment.pk}/withdraw/")).status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.WITHDRAWN
    assert User.objects.filter(pk=amendment.decided_by_id).exists()


def test_an_amendment_follows_its_paragraph_when_the_plan_is_replaced(
    term: m.Term, paragraph: m.Paragraph
) -> None:
    amendment = _amend(paragraph, "BR", "Encourage")
    store_published(negotiation_plan(), replace=True)
    amendment.refresh_from_db()
    moved = m.Paragraph.objects.get(pk=amendment.paragraph_id)
    assert moved.pk != paragraph.pk
    assert (moved.resolution.key, moved.number) == ("draft-2020", "3 bis")
