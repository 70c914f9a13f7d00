"""The draft page's paragraphs kept by what they are made of (``fragments``) and the plan kept
by the term's output version (``kept_plans``): what changes shows, what differs between
answers (tokens) is never shared, and two readers shown different things never share a
paragraph."""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.web.access.models import Role
from comitia.web.levels import Visibility
from comitia.web.negotiation import fragments
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from comitia.web.plans.kept_plans import kept_plan
from tests.web.publishing import store_published

from .conftest import client_for, negotiation_plan, share, url

TOKEN = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _page(client: Client, draft: m.Resolution) -> str:
    answer = client.get(url(draft), HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200
    return answer.content.decode()


def _amend(draft: m.Resolution, state: str, text: str) -> Amendment:
    paragraph = m.Paragraph.objects.get(resolution=draft, number="4")
    return Amendment.objects.create(
        paragraph=paragraph,
        member_state=state,
        kind=Amendment.Kind.REWORD,
        language="en",
        text=text,
        base_text=paragraph.text["en"],
        based_on=paragraph.version,
        justification="Illustrative.",
        token=uuid.uuid4(),
    )


def test_no_stand_in_reaches_the_page_and_each_answer_has_tokens_of_its_own(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.MEMBER_STATES)
    brazil = client_for(Role.DELEGATION, "BR")
    first, second = _page(brazil, draft), _page(brazil, draft)
    for page in (first, second):
        for stand_in in (fragments.CSRF_TOKEN, fragments.NEW_TOKEN, fragments.AMEND_FORM):
            assert stand_in not in page
    # The amendment forms' tokens are new in each answer, one per paragraph.
    tokens = TOKEN.findall(first)
    assert len(tokens) == len(set(tokens)) >= 2
    assert not set(tokens) & set(TOKEN.findall(second))


def test_a_kept_paragraph_s_form_is_sent_with_this_session_s_csrf_token(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.MEMBER_STATES)
    client_for(Role.DELEGATION, "BR", name="brazil")
    brazil = Client(enforce_csrf_checks=True)
    brazil.force_login(User.objects.get(username="brazil"))
    _page(client_for(Role.DELEGATION, "BR"), draft)  # the paragraphs kept by another session
    page = _page(brazil, draft)
    form = page[page.index('id="p-4"') :]
    form = form[form.index("/amend/") :]
    paragraph = m.Paragraph.objects.get(resolution=draft, number="4")
    answer = brazil.post(
        url(draft, f"paragraphs/{paragraph.pk}/amend/"),
        {
            "csrfmiddlewaretoken": CSRF.search(form).group(1),  # type: ignore[union-attr]
            "kind": "reword",
            "language": "en",
            "text": "Sent through a kept paragraph (illustrative).",
            "justification": "Illustrative.",
            "token": TOKEN.search(form).group(1),  # type: ignore[union-attr]
        },
    )
    assert answer.status_code in (200, 302)
    assert Amendment.objects.filter(text__startswith="Sent through a kept").count() == 1


def test_a_paragraph_kept_from_an_earlier_answer_shows_what_changed_since(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.MEMBER_STATES)
    secretariat = client_for(Role.SECRETARIAT)
    assert "A report by May (illustrative)" not in _page(secretariat, draft)
    _amend(draft, "BR", "A report by May (illustrative).")
    assert "A report by May (illustrative)" in _page(secretariat, draft)
    m.Paragraph.objects.filter(resolution=draft, number="4").update(status="agreed")
    assert 'class="paragraph status-agreed" id="p-4"' in _page(secretariat, draft)


def test_two_delegations_shown_different_amendments_never_share_a_paragraph(
    draft: m.Resolution,
) -> None:
    share(draft, Visibility.MEMBER_STATES)
    _amend(draft, "BR", "Wording kept unshared by Brazil (illustrative).")
    brazil, chile = client_for(Role.DELEGATION, "BR"), client_for(Role.DELEGATION, "CL")
    assert "Wording kept unshared by Brazil" in _page(brazil, draft)
    assert "kept unshared" not in _page(chile, draft)


@pytest.mark.django_db(transaction=True)
def test_the_kept_plan_is_the_same_until_a_write_raises_the_output_version() -> None:
    term = store_published(negotiation_plan())
    first = kept_plan(term)
    assert kept_plan(term) is first
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    meeting.start = meeting.start.replace(hour=9)
    meeting.save()  # a row of the plan: its signal raises the term's output version
    changed = kept_plan(term)
    assert changed is not first
    assert next(x for x in changed.meetings if x.id == meeting.key).start.hour == 9
