"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright's own browser builds are not used (they are downloaded, which this project's
machines cannot do); Debian's ``chromium`` package is, at ``COMITIA_CHROMIUM`` or
/usr/bin/chromium. Without it these tests skip with the reason, except in CI (``CI=true``),
where a missing browser is a failure: .ci/run installs it first.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from tests.web.publishing import store_published


@pytest.fixture(autouse=True)
def _no_kept_feeds() -> Iterator[None]:
    """Each test starts with no feed kept, as a server just started on an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    path = os.environ.get("COMITIA_CHROMIUM") or "/usr/bin/chromium"
    return path if Path(path).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = _chromium()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in this thread; Django refuses ORM
    # calls from a thread with a running loop unless told the calls are safe, which they are
    # here: the test's own queries never run concurrently with the browser's.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: object, live_server: object) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900}, locale="en-US"
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def model_term(transactional_db: None) -> m.Term:
    return store_published(read_plan(MODEL_PLAN))


@pytest.fixture
def staff(transactional_db: None) -> User:
    from comitia.web.access.models import Membership, Role

    user = User.objects.create_user("secretariat", password="s3cret-pass", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    return user
