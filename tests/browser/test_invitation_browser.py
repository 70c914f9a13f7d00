"""The secretariat invites a delegate in Chromium; the delegate chooses a password from the
e-mailed link and signs in. The pages are screenshot to ``COMITIA_SCREENSHOTS`` if set."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from comitia.web.access.policy import member_state
from comitia.web.plans import models as m
from tests.browser.steps import log_in, shows


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("COMITIA_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_an_invited_delegate_chooses_a_password_and_signs_in(
    page: Any, live_server: Any, model_term: m.Term, staff: User
) -> None:
    invite = f"{live_server.url}/accounts/users/invite/"
    log_in(page, invite, "secretariat", "s3cret-pass")
    page.get_by_label("User name").fill("brazil")
    page.get_by_label("E-mail address").fill("mission@example.org")
    page.get_by_label("Role").select_option("delegation")
    page.get_by_label("Member state").fill("BR")
    _shot(page, "invite")
    page.get_by_role("button", name="Send the invitation").click()
    shows(page, "brazil is invited")
    assert "(Brazil)" in page.locator("table.users").inner_text()
    _shot(page, "users")

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/accounts/invitation/\S+", message.body)
    assert link is not None
    page.context.clear_cookies()
    page.goto(link.group(0))
    shows(page, "Choose your password")
    _shot(page, "choose-password")
    page.locator("#id_new_password1").fill("a long pass phrase 42")
    page.locator("#id_new_password2").fill("a long pass phrase 42")
    page.get_by_role("button", name="Save the password").click()
    shows(page, "Your password is saved.")
    page.get_by_role("link", name="Log in").last.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    page.get_by_label("User name").fill("brazil")
    page.get_by_label("Password").fill("a long pass phrase 42")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/")
    shows(page, "Log out (brazil)")
    assert member_state(User.objects.get(username="brazil")) == "BR"


def test_the_pages_of_errors_and_of_a_forgotten_password_show_the_site(
    page: Any, live_server: Any, model_term: m.Term
) -> None:
    page.goto(f"{live_server.url}/no/such/page/")
    shows(page, "There is nothing at this address")
    expect(page.locator("header.site .brand")).to_have_text("Comitia")
    _shot(page, "not-found")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    shows(page, "Give the e-mail address of your account")
    _shot(page, "password-reset")
    icon = page.request.get(f"{live_server.url}/favicon.ico")
    assert icon.ok and icon.headers["content-type"] == "image/svg+xml"
