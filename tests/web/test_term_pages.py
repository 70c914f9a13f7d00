"""The pages that show a whole term (home, the plan document, the calendar's list by month):
the same bytes for the same data, and as many queries for the model plan as for a plan ten
times larger.

The reference pages under ``tests/web/references/`` were saved from the pages as they were
when they rebuilt the whole plan at each request (issue 14, point 3), for the model plan and
for it repeated over ten years, in four languages, as the public, a delegation, the
secretariat and one who may approve revisions read them; some meetings are hidden from some
readers, and the larger plan's document from the public. Only what changes at each request is
masked: the CSRF token and today's date (the approval form's default). To write them again
after a change meant to alter the pages:
``COMITIA_WRITE_PAGE_REFERENCES=1 pytest tests/web/test_term_pages.py``.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from benchmarks.large_plan import over_years
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comitia.plan.files import read_plan
from comitia.web.access.models import Membership, Role
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.web.module_data import kept_for_module
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
REFERENCES = Path(__file__).parent / "references" / "pages"
WRITE = os.environ.get("COMITIA_WRITE_PAGE_REFERENCES") == "1"

LANGUAGES = ("en", "es", "fr", "pt")
READERS = ("public", "delegation", "secretariat", "approver")
PAGES = {
    "home": "/terms/{slug}/",
    "document": "/terms/{slug}/document/",
    "list": "/calendar/{slug}/",
}


@dataclass(frozen=True)
class Scene:
    terms: dict[str, m.Term]
    users: dict[str, User | None]


def _hide_some(term: m.Term, *, document: str | None = None) -> None:
    """One meeting seen only by the secretariat, one by delegations too; and the document at
    level ``document`` when given."""
    keys = list(
        m.Meeting.objects.filter(term=term).order_by("date", "start").values_list("key", flat=True)
    )
    m.Meeting.objects.filter(term=term, key=keys[3]).update(visibility=Visibility.DRAFT)
    m.Meeting.objects.filter(term=term, key=keys[7]).update(visibility=Visibility.MEMBER_STATES)
    if document is not None:
        m.PlanDocument.objects.filter(term=term).update(visibility=document)


def _build() -> Scene:
    model = read_plan(MODEL_PLAN)
    small = store_published(model)
    large = store_published(over_years(model, 10))
    _hide_some(small)
    _hide_some(large, document=Visibility.MEMBER_STATES)
    secretariat = User.objects.create_user("secretariat", is_staff=True)
    Membership.objects.create(user=secretariat, role=Role.SECRETARIAT)
    delegation = User.objects.create_user("delegation")
    Membership.objects.create(user=delegation, role=Role.DELEGATION, member_state="PE")
    # One who may approve revisions: the document page offers them the next one.
    approver = User.objects.create_user("approver")
    approver.user_permissions.add(Permission.objects.get(codename="approve_revision"))
    return Scene(
        terms={"model": small, "large": large},
        users={
            "public": None,
            "delegation": delegation,
            "secretariat": secretariat,
            "approver": approver,
        },
    )


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any) -> Iterator[Scene]:
    yield from kept_for_module(django_db_blocker, _build)


def _client(scene: Scene, reader: str, lang: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    user = scene.users[reader]
    if user is not None:
        client.force_login(user)
    return client


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
_TODAY = re.compile(r'name="date" type="date" value="\d{4}-\d{2}-\d{2}"')


def _stable(html: str) -> str:
    """``html`` with what changes at each request masked."""
    html = _CSRF.sub('name="csrfmiddlewaretoken" value="(token)"', html)
    return _TODAY.sub('name="date" type="date" value="(today)"', html)


def _reference(plan: str, page: str, reader: str, lang: str) -> Path:
    # Compressed: the 96 pages take some 4 MiB as text, most of it the document's.
    return REFERENCES / plan / f"{page}.{reader}.{lang}.html.gz"


def _read(path: Path) -> str:
    data = path.read_bytes()
    return gzip.decompress(data).decode("utf-8")


def _write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))


def _first_difference(got: str, expected: str) -> str:
    """The lines around the first difference, for a readable failure."""
    got_lines, expected_lines = got.splitlines(), expected.splitlines()
    for number, (a, b) in enumerate(zip(got_lines, expected_lines, strict=False), start=1):
        if a != b:
            return f"line {number}:\n  got:      {a[:300]!r}\n  expected: {b[:300]!r}"
    return f"{len(got_lines)} lines, expected {len(expected_lines)}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("plan", ["model", "large"])
def test_a_term_page_is_the_same_bytes_as_its_reference(
    scene: Scene, db: None, plan: str, page: str, reader: str, lang: str
) -> None:
    response = _client(scene, reader, lang).get(PAGES[page].format(slug=scene.terms[plan].slug))
    assert response.status_code == 200
    html = _stable(response.content.decode("utf-8"))
    path = _reference(plan, page, reader, lang)
    if WRITE:
        _write(path, html)
    expected = _read(path)
    assert html == expected, _first_difference(html, expected)


def test_the_references_show_what_differs_between_readers(scene: Scene, db: None) -> None:
    # The references would not catch a page that shows hidden meetings if no reader lost any.
    def meetings(plan: str, reader: str) -> int:
        page = _read(_reference(plan, "home", reader, "fr"))
        return len(re.findall(r'<li id="[^"]+" class="meeting', page))

    assert meetings("model", "public") == meetings("model", "delegation") - 1
    assert meetings("model", "delegation") == meetings("model", "secretariat") - 1
    hidden = "The current document is not published."
    assert hidden in _read(_reference("large", "document", "public", "en"))
    assert hidden not in _read(_reference("large", "document", "delegation", "en"))
    assert "CP/CSH-1933/19" not in _read(_reference("large", "home", "public", "en"))
    assert "CP/CSH-1933/19" in _read(_reference("large", "home", "delegation", "en"))


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("page", PAGES)
def test_a_term_page_takes_as_many_queries_for_the_model_plan_as_for_ten_times_it(
    scene: Scene, db: None, page: str, reader: str
) -> None:
    # The same levels on both: the larger plan's document is hidden from the public above.
    m.PlanDocument.objects.filter(term=scene.terms["large"]).update(visibility=Visibility.PUBLIC)
    client = _client(scene, reader, "fr")
    url = PAGES[page]
    # Once first for each: a page may keep what it built for the next reader.
    for plan in ("model", "large"):
        _queries(client, url.format(slug=scene.terms[plan].slug))
    few = _queries(client, url.format(slug=scene.terms["model"].slug))
    many = _queries(client, url.format(slug=scene.terms["large"].slug))
    assert few == many
