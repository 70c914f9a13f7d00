"""Steps the browser tests share, each waiting for the page it leads to.

A click that submits a form or follows a link only starts a navigation: reading the page at
once may read the old one, or an empty document between the two (seen in CI on PostgreSQL,
where the answer takes longer). So every step that navigates waits for what it expects, with
Playwright's ``expect``, instead of reading ``page.content()`` straight after the click.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect


def log_in(page: Any, url: str, username: str, password: str) -> None:
    """Sign in through the login form, then land on ``url``.

    ``url`` is sent as the form's ``next`` (a draft answers 404 to the public: no sign-in
    redirect would lead there), and the step returns once the browser is on it.
    """
    base, rest = url.split("/terms/", 1) if "/terms/" in url else (None, None)
    if base is not None:
        page.goto(f"{base}/accounts/login/?next=/terms/{rest}")
    else:
        page.goto(url)
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))
    page.wait_for_load_state()


def shows(page: Any, text: str) -> None:
    """Wait until the page's text contains ``text`` (it fails after the default timeout)."""
    expect(page.locator("body")).to_contain_text(text)
