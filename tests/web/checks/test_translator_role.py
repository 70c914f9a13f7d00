"""The translator role: the translation page, its export and its import, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from translate.storage import xliff as tt_xliff

from comitia.plan.files import read_plan
from comitia.translations.texts import without_translations
from comitia.web.access.models import ApiToken, Membership, Role
from comitia.web.access.policy import Action, may
from comitia.web.access.tokens import issue_token
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from comitia.web.plans.models import Term
from tests.factories import build_plan

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def draft() -> Term:
    """The model plan without its translations, loaded as a draft (not published)."""
    return save_plan(without_translations(read_plan(MODEL_PLAN)))


def _translator(term: Term | None, name: str = "translator") -> User:
    user = User.objects.create_user(name, password="x")
    committee = term.committee if term is not None else None
    Membership.objects.create(user=user, role=Role.TRANSLATOR, committee=committee)
    return user


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_translator_may_translate_its_committee_s_terms_and_do_nothing_else(
    draft: Term,
) -> None:
    translator = _translator(draft)
    allowed = {action for action in Action if may(translator, action, draft)}
    assert allowed == {
        Action.VIEW,
        Action.SIGN_IN,
        Action.ADMIN_SITE,  # left to the admin itself, which requires is_staff
        Action.VIEW_TRANSLATIONS,
        Action.TRANSLATE,
    }
    elsewhere = save_plan(build_plan(2, label="2020-2021"))
    assert not may(translator, Action.TRANSLATE, elsewhere)
    assert may(_translator(None, "anyone's"), Action.TRANSLATE, elsewhere)


def test_a_translator_exports_and_imports_a_draft_term_s_translations(draft: Term) -> None:
    client = _client(_translator(draft))
    page = client.get(f"/terms/{draft.slug}/translations/")
    assert page.status_code == 200 and b'id="translation-file"' in page.content
    assert f'href="/terms/{draft.slug}/"'.encode() not in page.content  # hidden from it
    exported = client.get(f"/terms/{draft.slug}/translations.xlf?lang=es")
    assert exported.status_code == 200
    store = tt_xliff.xlifffile.parsestring(exported.content)
    store.units[0].target = "Texto traducido (ilustrativo)"
    upload = SimpleUploadedFile("csh.es.xlf", bytes(store))
    preview = client.post(f"/terms/{draft.slug}/translations/import/", {"file": upload})
    assert preview.status_code == 200
    html = preview.content.decode()
    digest = html.split('name="digest" value="')[1].split('"')[0]
    version = html.split('name="version" value="')[1].split('"')[0]
    done = client.post(
        f"/terms/{draft.slug}/translations/import/confirm/",
        {"digest": digest, "version": version, "confirm": ""},
    )
    assert done.status_code == 302
    assert Term.objects.get(pk=draft.pk).translated_from["es"]


def test_a_translator_sees_nothing_else_of_a_draft_term(draft: Term) -> None:
    client = _client(_translator(draft))
    meeting = m.Meeting.objects.filter(term=draft).first()
    assert meeting is not None
    for url in (
        reverse("term", args=[draft.slug]),
        reverse("calendar:list", args=[draft.slug]),
        reverse("checks-panel", args=[draft.slug]),
        reverse("calendar:meeting_edit", args=[draft.slug, meeting.key]),
        reverse("publication:publication", args=[draft.slug]),
        reverse("access:history", args=[draft.slug, "meeting", meeting.key]),
    ):
        assert client.get(url).status_code == 404, url  # the draft is hidden from it
        assert client.post(url, {"title": "x"}).status_code == 404, url


def test_a_translator_may_not_edit_publish_or_write_through_the_api(draft: Term) -> None:
    from comitia.web.levels import Visibility
    from comitia.web.publication.operations import set_term_visibility

    set_term_visibility(draft, Visibility.PUBLIC, None)
    user = _translator(draft)
    client = _client(user)
    meeting = m.Meeting.objects.filter(term=draft).first()
    assert meeting is not None
    for url in (
        reverse("checks-panel", args=[draft.slug]),
        reverse("calendar:meeting_edit", args=[draft.slug, meeting.key]),
        reverse("calendar:meeting_new", args=[draft.slug]),
        reverse("publication:publication", args=[draft.slug]),
        reverse("access:history", args=[draft.slug, "meeting", meeting.key]),
    ):
        assert client.post(url, {"title": "x"}).status_code == 403, url
    key = issue_token(ApiToken(user=user, name="translator's script"), None)
    answer = Client().patch(
        f"/api/v1/terms/{draft.slug}/meetings/{meeting.key}",
        json.dumps({"title": {"fr": "Changé"}}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert answer.status_code == 403
    meeting.refresh_from_db()
    assert meeting.title != {"fr": "Changé"}


def test_a_translator_of_another_committee_is_refused(draft: Term) -> None:
    elsewhere = save_plan(build_plan(2, label="2020-2021"))
    client = _client(_translator(elsewhere))
    assert client.get(f"/terms/{draft.slug}/translations/").status_code == 404
    upload = SimpleUploadedFile("csh.es.xlf", b"<xliff/>")
    answer = client.post(f"/terms/{draft.slug}/translations/import/", {"file": upload})
    assert answer.status_code == 404
