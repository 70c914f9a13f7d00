"""A user who forgot the password asks for a link by e-mail and chooses a new one."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"


@pytest.fixture(autouse=True)
def _no_reset_counted() -> Iterator[None]:
    """The reset mails are counted in the cache, which lives as long as the test process."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member() -> User:
    return User.objects.create_user("brazil", "mission@example.org", "an old pass phrase 1")


def test_the_login_page_links_to_the_password_reset() -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert f'href="{RESET}"' in page and "Forgot your password?" in page


def test_the_link_by_e_mail_sets_a_new_password_once(member: User) -> None:
    client = Client()
    form = client.get(RESET)
    assert form.status_code == 200 and '<header class="site">' in form.content.decode()
    sent = client.post(RESET, {"email": "mission@example.org"})
    assert sent.status_code == 302 and sent["Location"] == "/accounts/password/reset/sent/"
    assert "Look in your mailbox" in client.get(sent["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.to == ["mission@example.org"]
    assert message.subject == "A new password for Comitia"
    assert "brazil" in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/\S+/)", message.body)
    assert link is not None
    choose = client.get(link.group(1), follow=True)
    assert "Choose a new password" in choose.content.decode()
    new = {"new_password1": "a new pass phrase 22", "new_password2": "a new pass phrase 22"}
    done = client.post(choose.redirect_chain[-1][0], new)
    assert done.status_code == 302 and done["Location"] == "/accounts/password/reset/done/"
    assert "Password saved" in client.get(done["Location"]).content.decode()
    assert Client().login(username="brazil", password="a new pass phrase 22")
    assert not Client().login(username="brazil", password="an old pass phrase 1")
    again = Client().get(link.group(1), follow=True).content.decode()
    assert "This link no longer works" in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(member: User) -> None:
    response = Client().post(RESET, {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"].endswith("/reset/sent/")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("lang", "subject", "words"),
    [
        ("fr", "Un nouveau mot de passe pour Comitia", "Mot de passe oublié"),
        ("es", "Una nueva contraseña para Comitia", "Contraseña olvidada"),
        ("pt", "Uma nova senha para o Comitia", "Senha esquecida"),
    ],
)
def test_the_pages_and_the_mail_speak_the_readers_language(
    member: User, lang: str, subject: str, words: str
) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    assert words in client.get(RESET).content.decode()
    client.post(RESET, {"email": "mission@example.org"})
    (message,) = mail.outbox
    assert message.subject == subject


def test_reset_mails_to_one_address_stop_at_the_limit_and_the_form_answers_alike(
    member: User, settings: object
) -> None:
    settings.COMITIA_RESET_MAILS = 2  # type: ignore[attr-defined]
    answers = [Client().post(RESET, {"email": "Mission@Example.org"}) for _ in range(4)]
    assert [a.status_code for a in answers] == [302] * 4
    assert {a["Location"] for a in answers} == {"/accounts/password/reset/sent/"}
    assert len(mail.outbox) == 2


def test_one_client_asking_for_many_addresses_is_stopped_too(
    member: User, settings: object
) -> None:
    settings.COMITIA_RESET_MAILS_FROM = 3  # type: ignore[attr-defined]
    for n in range(5):
        User.objects.create_user(f"user{n}", f"user{n}@example.org", "a pass phrase 1")
        Client().post(RESET, {"email": f"user{n}@example.org"})
    assert len(mail.outbox) == 3
    # another client is not stopped by the first one's requests
    Client(REMOTE_ADDR="192.0.2.7").post(RESET, {"email": "mission@example.org"})
    assert len(mail.outbox) == 4
