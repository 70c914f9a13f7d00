"""Security settings: deploy checks, headers, CSRF on every unsafe route, Argon2, throttling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import reverse

from comitia.web import settings as deployed_settings
from comitia.web.access.addresses import parse_networks
from comitia.web.access.policy import Action
from comitia.web.access.routes import policy_for
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan

from .test_matrix import _named_routes, _sample_kwargs, _url

SRC = Path(__file__).parents[3] / "src"


def _deploy_check(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # A clean environment: other tests set variables (DJANGO_ALLOW_ASYNC_UNSAFE for Playwright).
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env |= {
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "comitia.web.settings",
        "COMITIA_SECRET_KEY": "a-long-and-random-production-secret-" + "k" * 40,
        "COMITIA_ALLOWED_HOSTS": "comitia.example.org",
        "COMITIA_SSL_REDIRECT": "true",
        "COMITIA_HSTS_PRELOAD": "true",
        "DATABASE_URL": "sqlite:///:memory:",
    } | extra
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_check_is_clean_with_the_production_environment() -> None:
    result = _deploy_check({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_complains_when_hsts_is_turned_off() -> None:
    result = _deploy_check({"COMITIA_HSTS_SECONDS": "0"})
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_every_page_carries_the_security_headers(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_sessions_expire_and_cookies_are_secure(settings: Any) -> None:
    from django.conf import settings as live

    assert live.SESSION_COOKIE_AGE <= 12 * 3600
    assert live.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert live.SESSION_COOKIE_HTTPONLY
    assert live.SESSION_COOKIE_SECURE and live.CSRF_COOKIE_SECURE
    assert live.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert live.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024


def test_passwords_are_hashed_with_argon2(db: None) -> None:
    # The deployed hashers: the suite's own fixture swaps in a cheap one for speed.
    with override_settings(PASSWORD_HASHERS=deployed_settings.PASSWORD_HASHERS):
        user = User.objects.create_user("delegate", password="a long pass phrase")
        assert user.password.startswith("argon2$")
        assert user.check_password("a long pass phrase")


def test_the_suite_hashes_test_passwords_cheaply(db: None) -> None:
    """Tests sign users in by the hundred: a deployed-strength hasher here would slow the suite
    by minutes."""
    user = User.objects.create_user("delegate", password="a long pass phrase")
    assert user.password.startswith("md5$")


def test_every_unsafe_route_refuses_a_post_without_the_csrf_token(
    terms: tuple[m.Term, m.Term], admin_user: User
) -> None:
    here, _ = terms
    sample = _sample_kwargs(here)
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    tried = []
    for name, arguments in _named_routes():
        url = _url(name, arguments, sample)
        if url is None:
            continue
        tried.append(name)
        response = client.post(url, {"symbol": "x", "date": "2019-12-05", "action": "delete"})
        assert response.status_code in {403, 405}, f"{name} accepted a POST without a token"
        if response.status_code == 403:
            assert b"CSRF" in response.content
    assert "documents:approve" in tried and "calendar:agenda_reorder" in tried
    assert policy_for("documents:approve") is Action.APPROVE_REVISION


def test_downloads_are_attachments_never_inline_html(
    terms: tuple[m.Term, m.Term], client: Client
) -> None:
    here, _ = terms
    publish_plan(here, None)
    response = client.get(reverse("documents:download", args=[here.slug, "html"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_sign_in_is_refused_after_repeated_failures(db: None, settings: Any) -> None:
    settings.COMITIA_LOGIN_FAILURES = 3
    User.objects.create_user("chair", password="the right pass phrase")
    client = Client()
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "chair", "password": "wrong"})
        assert response.status_code == 200
    right = {"username": "chair", "password": "the right pass phrase"}
    refused = client.post("/accounts/login/", right)
    assert refused.status_code == 429
    assert b"Too many failed sign-ins" in refused.content
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_clears_the_failures(db: None, settings: Any) -> None:
    settings.COMITIA_LOGIN_FAILURES = 3
    User.objects.create_user("chair", password="the right pass phrase")
    client = Client()
    right = {"username": "chair", "password": "the right pass phrase"}
    for _ in range(2):
        client.post("/accounts/login/", {"username": "chair", "password": "wrong"})
    assert client.post("/accounts/login/", right).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "chair", "password": "wrong"})
    assert client.post("/accounts/login/", right).status_code == 302


@pytest.mark.parametrize("username", ["chair", "someone-else"])
def test_failures_count_per_user_name(db: None, settings: Any, username: str) -> None:
    settings.COMITIA_LOGIN_FAILURES = 2
    User.objects.create_user("someone-else", password="the right pass phrase")
    client = Client()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "chair", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": username, "password": "the right pass phrase"}
    )
    assert response.status_code == (429 if username == "chair" else 302)


def _fail_twice_then_sign_in(forwarded: list[str], remote: str = "127.0.0.1") -> int:
    User.objects.create_user("chair", password="the right pass phrase")
    for address in forwarded[:-1]:
        Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=address).post(
            "/accounts/login/", {"username": "chair", "password": "wrong"}
        )
    right = {"username": "chair", "password": "the right pass phrase"}
    client = Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded[-1])
    return int(client.post("/accounts/login/", right).status_code)


@pytest.fixture
def behind_proxies(settings: Any) -> None:
    """Behind the proxies 127.0.0.1 (the test client's address) and 10.0.0.0/8."""
    settings.COMITIA_LOGIN_FAILURES = 2
    settings.COMITIA_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    settings.COMITIA_TRUSTED_PROXIES = parse_networks("127.0.0.1, 10.0.0.0/8")


def test_behind_a_proxy_failures_count_per_client_address(db: None, behind_proxies: None) -> None:
    # Another client behind the same proxy is not locked out by the first one's failures.
    assert _fail_twice_then_sign_in(["203.0.113.7", "203.0.113.7", "198.51.100.2"]) == 302


def test_behind_a_proxy_a_forged_first_address_does_not_escape_the_count(
    db: None, behind_proxies: None
) -> None:
    forged = ["1.1.1.1, 203.0.113.7", "2.2.2.2, 203.0.113.7", "3.3.3.3, 203.0.113.7"]
    assert _fail_twice_then_sign_in(forged) == 429


def test_behind_two_trusted_proxies_the_client_is_the_address_before_them(
    db: None, behind_proxies: None
) -> None:
    # The outer proxy (10.0.0.2) wrote the client's address, the inner one its own.
    forged = ["1.1.1.1, 203.0.113.7, 10.0.0.2", "2.2.2.2, 203.0.113.7, 10.0.0.2"]
    assert _fail_twice_then_sign_in([*forged, "203.0.113.7, 10.0.0.2"]) == 429
    other = "198.51.100.2, 10.0.0.2"
    right = {"username": "chair", "password": "the right pass phrase"}
    assert Client(HTTP_X_FORWARDED_FOR=other).post("/accounts/login/", right).status_code == 302


def test_the_header_is_not_believed_from_a_connection_that_is_no_trusted_proxy(
    db: None, behind_proxies: None
) -> None:
    # A client reaching the server directly cannot choose a new address for each attempt.
    addresses = ["203.0.113.7", "203.0.113.8", "203.0.113.9"]
    assert _fail_twice_then_sign_in(addresses, remote="198.51.100.50") == 429


def test_without_the_setting_the_forwarded_header_is_ignored(db: None, settings: Any) -> None:
    settings.COMITIA_LOGIN_FAILURES = 2
    settings.COMITIA_CLIENT_ADDRESS_HEADER = ""
    settings.COMITIA_TRUSTED_PROXIES = parse_networks("127.0.0.1")
    # Every request comes from the test client's one address: the header changes nothing.
    assert _fail_twice_then_sign_in(["203.0.113.7", "203.0.113.7", "198.51.100.2"]) == 429


def test_the_deploy_check_is_clean_behind_trusted_proxies() -> None:
    result = _deploy_check(
        {
            "COMITIA_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
            "COMITIA_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.1 2001:db8::/32",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        (
            {
                "COMITIA_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
                "COMITIA_TRUSTED_PROXIES": "nginx",
            },
            "COMITIA_TRUSTED_PROXIES must list IP addresses and networks such as 10.0.0.5, "
            "10.0.0.0/8 or 2001:db8::/32, separated by commas: 'nginx' is not an IP address",
        ),
        (
            {
                "COMITIA_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
                "COMITIA_TRUSTED_PROXIES": "10.0.0.1/8",
            },
            "'10.0.0.1/8' is not an IP address or network (10.0.0.1/8 has host bits set)",
        ),
        (
            {"COMITIA_CLIENT_ADDRESS_HEADER": "X-Forwarded-For"},
            "COMITIA_CLIENT_ADDRESS_HEADER is set but COMITIA_TRUSTED_PROXIES is not",
        ),
        (
            {"COMITIA_TRUSTED_PROXIES": "10.0.0.0/8"},
            "COMITIA_TRUSTED_PROXIES is set but COMITIA_CLIENT_ADDRESS_HEADER is not",
        ),
    ],
    ids=["not an address", "host bits", "header without proxies", "proxies without header"],
)
def test_bad_proxy_settings_stop_the_start_with_what_to_fix(
    environment: dict[str, str], message: str
) -> None:
    result = _deploy_check(environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
