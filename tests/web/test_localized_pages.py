"""Every page in the reader's language: no ISO date, no English action code, no member
state's code where its name belongs (issue 22, point 4).

The pages are not a hand-picked list: every route of the site that takes only a term's slug,
then every page their links lead to (as the secretariat, a delegation and the public read
them), at most a few pages of each route (the pages of one route are printed by the same
template). The terms are the model plan's (a meeting moved, one cancelled) and the
negotiation tests' term under formal review (a draft with amendments, a consultation, an
issued revision), with a proposals window open and the demonstration's reports. Only the
visible text counts: not the attributes (``<time datetime>``, form values, addresses), not
scripts nor styles nor the text of a ``textarea``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone, translation

from comitia.plan import OAS_MEMBER_STATES
from comitia.plan.files import read_plan
from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.calendar import operations as calendar
from comitia.web.levels import Visibility
from comitia.web.negotiation import consultations, operations, revisions
from comitia.web.plans import models as m
from comitia.web.reports.demo import load_demo_reports
from comitia.web.suggestions import operations as suggestions
from tests.web.module_data import kept_for_module
from tests.web.negotiation.conftest import DRAFT_KEY
from tests.web.negotiation.review import review_plan
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
PARTIES = Path(__file__).resolve().parents[2] / "examples" / "states-parties-illustrative.yaml"
LANGUAGES = ("en", "fr", "es", "pt")
READERS = ("public", "delegation", "secretariat")
PER_ROUTE = 3  # pages of one route rendered, its first ones met
# Not pages: the admin's (Django's own), the API, files (``.html`` ones are documents printed
# by comitia.render.document in the language they are in, each language its own file).
NOT_PAGES = re.compile(
    r"^/(admin|api|i18n|static|media)/|\.(csv|xlsx|ics|docx|pdf|json|xml|xlf|zip|svg|png|html)$|"
    r"/(logout|feed|feeds)/"
)
ISO_DATE = re.compile(r"(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w-])")
# A code of the software's: lower case words joined by underscores ("informal_consultations").
SNAKE_CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")
# A member state's code standing alone: not part of a symbol (AG/RES. 2925, CP/CSH-2020/20),
# nor the dollar's prefix (US$).
STATE_CODE = re.compile(r"(?<![\w/.-])(" + "|".join(sorted(OAS_MEMBER_STATES)) + r")(?![\w/$-])")


# Texts that show ISO dates or codes on purpose, each for a reason.
EXEMPT = (
    # The activity form's help: how to write the "When" field, whose syntax is ISO (EDTF).
    "A day (2020-03-05), days ({2020-02-03,2020-02-05}), a range (2019-10-30/2019-10-31), "
    "a month (2020-03), a half-year (2020-40 first, 2020-41 second), a year (2020), "
    "or XXXX when not known; end with ? when provisional (2020-07?).",
    # The users' form's help: the field takes a state's code.
    "Delegation members: the ISO code of the state, such as BR.",
)


def _exempt(lang: str) -> frozenset[str]:
    with translation.override(lang):
        return frozenset(translation.gettext(text) for text in EXEMPT)


@dataclass(frozen=True)
class Scene:
    terms: tuple[m.Term, ...]
    users: dict[str, User | None]
    actions: frozenset[str]
    acronyms: frozenset[str]  # the bodies': "AG" is the General Assembly, not Antigua


def _negotiate(term: m.Term, secretariat: User) -> None:
    draft = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    m.Resolution.objects.filter(pk=draft.pk).update(visibility=Visibility.PUBLIC)
    paragraph = m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number="3 bis"
    )
    amendment = operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "reword", "language": "en", "text": "Encourage strongly", "justification": "."},
        None,
        token=uuid.uuid4(),
    )
    operations.incorporate_amendment(amendment, secretariat)
    withheld = operations.propose_amendment(
        paragraph,
        "PE",
        {"kind": "delete", "language": "en", "text": "", "justification": "Redundant."},
        None,
        token=uuid.uuid4(),
    )
    operations.share_amendment(withheld, secretariat)
    led = m.Paragraph.objects.select_related("resolution__term").get(resolution=draft, number="4")
    consultations.record_consultation(
        led,
        "MX",
        {
            "held_on": dt.date(2020, 4, 20),
            "status": "agreed_ad_referendum",
            "language": "en",
            "text": "Request the General Secretariat to report by May.",
            "version": led.version,
            "from_status": led.status or "",
        },
        None,
        token=uuid.uuid4(),
    )
    revisions.issue_revision(
        m.Resolution.objects.select_related("term").get(pk=draft.pk),
        secretariat,
        issued_on=dt.date(2020, 5, 14),
    )


def _build() -> Scene:
    model = store_published(read_plan(MODEL_PLAN))
    # Both plans are of 2019-2020: the model plan's term under another address.
    m.Term.objects.filter(pk=model.pk).update(slug="csh-2019-2020-model")
    model.refresh_from_db()
    term = store_published(review_plan())
    secretariat = User.objects.create_user("secretariat", is_staff=True)
    Membership.objects.create(user=secretariat, role=Role.SECRETARIAT)
    _negotiate(term, secretariat)
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    suggestions.set_window(meeting, timezone.now() + dt.timedelta(days=30), secretariat)
    load_demo_reports(term, PARTIES)
    # A meeting moved and one cancelled: their history and their earlier dates.
    moved, cancelled = m.Meeting.objects.filter(term=model).order_by("date")[1:3]
    calendar.move_meeting(moved, moved.date + dt.timedelta(days=7), "Illustrative.", secretariat)
    calendar.cancel_meeting(cancelled, secretariat, reason="Illustrative.")
    delegation = User.objects.create_user("delegation")
    Membership.objects.create(user=delegation, role=Role.DELEGATION, member_state="MX")
    return Scene(
        terms=(model, term),
        users={"public": None, "delegation": delegation, "secretariat": secretariat},
        actions=frozenset(AuditRecord.objects.values_list("action", flat=True)),
        acronyms=frozenset(
            name
            for acronym in m.Body.objects.values_list("acronym", flat=True)
            for name in (acronym or {}).values()
        ),
    )


# The words of a page do not depend on the database it was read from: the PostgreSQL pass
# leaves this walk out (its pages' queries run there in the page and permission tests).
pytestmark = pytest.mark.dialect_free


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any) -> Iterator[Scene]:
    yield from kept_for_module(django_db_blocker, _build)


class _Page(HTMLParser):
    """A page's visible texts (one per text node) and its links."""

    HIDDEN = frozenset({"script", "style", "textarea", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def _read(client: Client, url: str) -> _Page | None:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return None
    page = _Page()
    page.feed(response.content.decode("utf-8"))
    return page


def _slug_routes(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """The paths of the routes that take a term's slug and nothing else."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _slug_routes(entry, route)
        elif isinstance(entry, URLPattern) and re.fullmatch(
            r"[^<>^$\\(]*(<slug:slug>[^<>^$\\(]*)?", route
        ):
            yield "/" + route


def _route(path: str) -> str:
    try:
        return resolve(path).route
    except Resolver404:
        return ""


def _pages(client: Client, term: m.Term) -> Iterator[tuple[str, _Page]]:
    """The pages reached from the slug routes by their links, ``PER_ROUTE`` of each route."""
    # The drafts under negotiation are reached from no page of the term's own.
    drafts = [
        f"/terms/{term.slug}/resolutions/{key}/"
        for key in m.Resolution.objects.filter(term=term).values_list("key", flat=True)
    ]
    queue = drafts + [r.replace("<slug:slug>", term.slug) for r in _slug_routes()]
    seen: set[str] = set()
    per_route: dict[str, int] = {}
    while queue:
        path = queue.pop(0)
        if path in seen or NOT_PAGES.search(path):
            continue
        seen.add(path)
        route = _route(path)
        if not route or per_route.get(route, 0) >= PER_ROUTE:
            continue
        page = _read(client, path)
        if page is None:
            continue
        per_route[route] = per_route.get(route, 0) + 1
        yield path, page
        for href in page.links:
            link = urlsplit(urljoin(path, href))
            if (not link.scheme and not link.netloc) or link.netloc == "testserver":
                queue.append(link.path)


@pytest.fixture(scope="module")
def paths(scene: Scene, django_db_blocker: Any) -> dict[str, list[str]]:
    """The pages each reader reaches, found in English."""
    found: dict[str, list[str]] = {}
    with django_db_blocker.unblock():
        for reader, user in scene.users.items():
            client = Client(HTTP_ACCEPT_LANGUAGE="en")
            if user is not None:
                client.force_login(user)
            found[reader] = [path for term in scene.terms for path, _ in _pages(client, term)]
    return found


def _findings(
    texts: list[str], lang: str, actions: frozenset[str], acronyms: frozenset[str] = frozenset()
) -> list[str]:
    found = []
    exempt = _exempt(lang)
    for text in texts:
        if text in exempt:
            continue
        if ISO_DATE.search(text):
            found.append(f"ISO date: {text!r}")
        if STATE_CODE.search(text) and text not in acronyms:
            found.append(f"state code: {text!r}")
        if SNAKE_CODE.match(text):
            found.append(f"code: {text!r}")
        if lang != "en" and text in actions:
            found.append(f"English action: {text!r}")
    return found


def test_the_walk_reaches_the_pages_of_every_app(paths: dict[str, list[str]], db: None) -> None:
    # A walk that lost its way would find nothing wrong on the few pages it reached.
    secretariat = " ".join(paths["secretariat"])
    for part in ("/calendar/", "/resolutions/", "/proposals/", "/reports/", "/budget/"):
        assert part in secretariat, part
    assert len(paths["public"]) >= 10
    assert len(paths["secretariat"]) > len(paths["public"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("reader", READERS)
def test_every_page_shows_dates_actions_and_states_in_the_readers_language(
    scene: Scene, paths: dict[str, list[str]], db: None, reader: str, lang: str
) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    user = scene.users[reader]
    if user is not None:
        client.force_login(user)
    problems = []
    for path in paths[reader]:
        page = _read(client, path)
        assert page is not None, path
        problems += [
            f"{path}: {p}" for p in _findings(page.texts, lang, scene.actions, scene.acronyms)
        ]
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_checks_find_what_they_look_for() -> None:
    actions = frozenset({"publish"})
    assert _findings(["issued on 2026-12-03"], "en", actions)
    assert _findings(["led by MX"], "en", actions)
    assert _findings(["MX, PE"], "en", actions)
    assert _findings(["informal_consultations"], "en", actions)
    assert _findings(["publish"], "fr", actions)
    assert not _findings(["publish"], "en", actions)
    assert not _findings(
        ["CP/CSH-2020/20", "AG/RES. 2925 (LI-O/21)", "US$ 1.000,00"], "fr", actions
    )
    assert not _findings(["EN/FR", "le 19 mai 2020"], "fr", actions)
    assert _findings(["AG"], "fr", actions)
    assert not _findings(["AG"], "fr", actions, frozenset({"AG"}))
    assert not _findings(
        ["Membres de délégation : le code ISO de l’État, par exemple BR."], "fr", actions
    )
