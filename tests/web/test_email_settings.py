"""COMITIA_EMAIL_URL: the mail server from the environment, refused when malformed."""

from __future__ import annotations

import contextlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from comitia.web.settings import email_settings


def test_an_smtp_url_with_starttls_gives_every_setting() -> None:
    found = email_settings("smtp://user%40org:p%3Ass@mail.example.org:587?tls=true", debug=False)
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "user@org",
        "EMAIL_HOST_PASSWORD": "p:ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 30,
        "COMITIA_EMAIL_CONFIGURED": True,
    }


def test_smtps_is_tls_from_the_start_on_port_465() -> None:
    found = email_settings("smtps://mail.example.org", debug=False)
    assert (found["EMAIL_PORT"], found["EMAIL_USE_SSL"], found["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )


def test_unset_is_the_console_when_debugging_and_nothing_configured_otherwise() -> None:
    assert email_settings("", debug=True)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert email_settings("", debug=False)["COMITIA_EMAIL_CONFIGURED"] is False


@pytest.mark.parametrize(
    "url",
    [
        "http://mail.example.org",
        "smtp://",
        "smtp://mail.example.org:port",
        "smtp://mail.example.org?tls=maybe",
        "smtp://mail.example.org?ssl=true",
        "smtps://mail.example.org?tls=true",
        "smtp://mail.example.org?timeout=0",
    ],
)
def test_a_malformed_url_is_refused(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="COMITIA_EMAIL_URL"):
        email_settings(url, debug=False)


@given(st.sampled_from(["smtp://", "smtps://", ""]), st.text(max_size=40))
def test_any_text_is_read_or_refused_never_an_other_error(scheme: str, rest: str) -> None:
    with contextlib.suppress(ImproperlyConfigured):
        email_settings(scheme + rest, debug=False)
