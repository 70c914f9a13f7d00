"""Every page the browser tests visit is valid HTML and has no accessibility violation.

Each page is loaded in Chromium as the public, a delegation and the secretariat (where each
sees it), in English on a desktop and in French on a phone (375 px wide). axe-core
(node_modules/axe-core, ``npm ci``) runs in the page with all its rules but one (``AXE_RUN``
says why), of every impact; the server's answer (the bytes the browser got, before any script
ran) is kept, and the Nu HTML checker (node_modules/vnu-jar) reads all of them at the end, in
one run of Java.

Without Java or the npm packages the test skips with the reason, except in CI (``CI=true``),
where it fails. It runs once, on SQLite: a page's markup does not depend on the database, and
the PostgreSQL run (``make test-postgres``) would only repeat it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.access.models import Membership, Role
from comitia.web.calendar import operations
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.browser.conftest import MODEL_PLAN
from tests.web.negotiation.conftest import DRAFT_KEY
from tests.web.negotiation.test_dashboard import reviewed_plan
from tests.web.publishing import store_published

ROOT = Path(__file__).parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SLUG = "csh-2019-2020"
MEETING = "csh-2019-10-24"
OTHER_DATES = "csh-2020-03-05"  # as tests/browser/test_other_dates_browser.py
PASSWORD = "s3cret-pass"

# (who, address): the pages the browser tests visit, each as the roles that see it. ``NEG`` is
# the negotiation term's slug (its draft resolution; the model plan has none).
PUBLIC = [
    "/",
    f"/calendar/{SLUG}/",
    f"/calendar/{SLUG}/month/2020-02/",
    f"/calendar/{SLUG}/month/2020-04/",
    f"/calendar/{SLUG}/week/2020-02-03/",
    f"/calendar/{SLUG}/agenda/",
    f"/calendar/{SLUG}/meetings/{MEETING}/",
    "/search/?q=MISPA",
    "/search/?q=zzzunknownword",
    f"/terms/{SLUG}/document/",
    f"/terms/{SLUG}/coverage/",
    "/accounts/login/",
    "/no/such/page/",
]
DELEGATION = [
    "/",
    f"/calendar/{SLUG}/meetings/{MEETING}/",
    f"/calendar/{SLUG}/meetings/csh-2019-11-07/proposals/",
    f"/terms/{SLUG}/reports/states/BR/",
    "/terms/NEG/resolutions/draft-2020/",
]
SECRETARIAT = [
    "/",
    f"/calendar/{SLUG}/month/2020-02/",
    f"/calendar/{SLUG}/meetings/{MEETING}/",
    f"/calendar/{SLUG}/meetings/csh-2019-11-07/proposals/",
    f"/calendar/{SLUG}/meetings/{OTHER_DATES}/other-dates/",
    f"/terms/{SLUG}/history/meeting/{MEETING}/",
    f"/terms/{SLUG}/document/",
    f"/terms/{SLUG}/checks/",
    f"/terms/{SLUG}/coverage/",
    f"/terms/{SLUG}/translations/",
    f"/terms/{SLUG}/budget/",
    f"/terms/{SLUG}/reports/",
    "/terms/NEG/resolutions/draft-2020/",
    "/terms/NEG/resolutions/draft-2020/dashboard/",
]
# English on a desktop, French on a phone: both languages, both widths.
VIEWS = [("en", {"width": 1280, "height": 900}), ("fr", {"width": 375, "height": 812})]

# Every rule axe-core has, not only those it runs by default (the experimental ones too), and
# every impact counts; but one: the enhanced contrast (7:1) is WCAG's level AAA, which the site
# does not aim at (its aim is AA, whose contrast rule, color-contrast, runs). Meeting it would
# recolour every state and badge of the pages.
AXE_RUN = """() => axe.run(document, {
    resultTypes: ["violations"],
    runOnly: {
        type: "rule",
        values: axe.getRules()
            .map(rule => rule.ruleId)
            .filter(id => id !== "color-contrast-enhanced"),
    },
})"""

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # A page's markup does not depend on the database: the PostgreSQL pass (make test-postgres,
    # --database-tests-only) would take as long again to check the same pages.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="the page checks run on SQLite only (make test)",
    ),
]


def _missing(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(what)
    pytest.skip(what)


def _checkers() -> str:
    java = shutil.which("java")
    if java is None:
        _missing("Java is not installed (apt-get install default-jre-headless); vnu.jar needs it")
    if not AXE.exists() or not VNU.exists():
        _missing("node_modules lacks axe-core or vnu-jar: run `npm ci` (make test does)")
    return str(java)


def _user(name: str, role: str, **where: Any) -> User:
    user = User.objects.create_user(name, password=PASSWORD, is_staff=role == Role.SECRETARIAT)
    Membership.objects.create(user=user, role=role, **where)
    return user


def _context(browser: Any, live_server: Any, user: User | None, lang: str, size: Any) -> Any:
    context = browser.new_context(
        viewport=size, locale=lang, extra_http_headers={"Accept-Language": lang}
    )
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return context


def _file_name(who: str, lang: str, address: str) -> str:
    return f"{who}-{lang}-{re.sub(r'[^a-z0-9]+', '-', address.lower()).strip('-') or 'home'}.html"


def _axe_lines(where: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{where}: [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    {target}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return lines


# A page the Nu checker must fault: were it read without a fault, the checker read nothing.
CANARY = (
    '<!DOCTYPE html><html lang="en"><head><title>Canary</title></head>'
    '<body><p><time datetime="2020-02-03" aria-label="Monday">3</time></p></body></html>'
)


def _vnu_lines(java: str, files: list[Path], canary: Path) -> list[str]:
    """The Nu HTML checker's errors in ``files``, one line each (file:line: message «extract»),
    from one run of Java over them and ``canary``, whose error it must report."""
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", str(canary)]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    names = [Path(message.get("url", "?")).name for message in messages]
    assert canary.name in names, f"the Nu HTML checker did not fault its canary: {run.stderr}"
    lines = []
    for name, message in zip(names, messages, strict=True):
        if name == canary.name:
            continue
        extract = " ".join(message.get("extract", "").split())[:100]
        lines.append(f"{name}:{message.get('lastLine', '?')}: {message['message']}  «{extract}»")
    return lines


def test_the_pages_are_valid_html_and_have_no_accessibility_violation(
    browser: Any, live_server: Any, transactional_db: None, tmp_path: Path
) -> None:
    java = _checkers()
    store_published(read_plan(MODEL_PLAN))
    # The negotiation tests' draft, in a term of its own beside the model plan's.
    plan = reviewed_plan(3)
    negotiation = store_published(
        plan.model_copy(update={"term": plan.term.model_copy(update={"label": "2019-2020-b"})})
    )
    m.Resolution.objects.filter(term=negotiation, key=DRAFT_KEY).update(
        visibility=Visibility.MEMBER_STATES
    )
    secretariat = _user("secretariat", Role.SECRETARIAT)
    delegation = _user("br", Role.DELEGATION, member_state="BR")
    meeting = m.Meeting.objects.get(term__slug=SLUG, key=MEETING)
    operations.update_meeting(meeting, {"title": "Public security"}, "en", secretariat)

    saved: list[Path] = []
    problems: list[str] = []
    axe_source = AXE.read_text()
    shots = os.environ.get("COMITIA_SCREENSHOTS")
    for who, user, addresses in (
        ("public", None, PUBLIC),
        ("delegation", delegation, DELEGATION),
        ("secretariat", secretariat, SECRETARIAT),
    ):
        for lang, size in VIEWS:
            context = _context(browser, live_server, user, lang, size)
            tab = context.new_page()
            for address in addresses:
                address = address.replace("/NEG/", f"/{negotiation.slug}/")
                where = f"{who} {lang} {size['width']}px {address}"
                response = tab.goto(f"{live_server.url}{address}")
                expected = 404 if address == "/no/such/page/" else 200
                assert response.status == expected, f"{where}: {response.status}"
                path = tmp_path / _file_name(who, lang, address)
                path.write_bytes(response.body())
                saved.append(path)
                if shots:  # to look at the pages (COMITIA_SCREENSHOTS=DIR)
                    tab.screenshot(path=f"{shots}/{path.stem}.png", full_page=True)
                # Evaluated rather than added as a <script>: the pages' Content-Security-Policy
                # refuses inline scripts (as it should), and a script evaluated by the test
                # harness is not one of the page's.
                tab.evaluate(axe_source)
                result = tab.evaluate(AXE_RUN)
                assert result["passes"], f"{where}: axe-core checked nothing"
                problems += _axe_lines(where, result["violations"])
            context.close()

    canary = tmp_path / "canary.html"
    canary.write_text(CANARY)
    invalid = _vnu_lines(java, saved, canary)
    assert not problems and not invalid, "\n".join(
        [
            f"axe-core: {len(problems)} lines over {len(saved)} pages",
            *problems,
            f"Nu HTML checker: {len(invalid)} errors",
            *invalid,
        ]
    )
