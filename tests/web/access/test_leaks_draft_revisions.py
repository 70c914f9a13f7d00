"""Nothing of an unshared draft's revisions, nor of an unshared amendment, reaches a reader
who may not see it: the revision pages, their documents in every format and language (read
inside: the text of a DOCX's XML parts and of a PDF's pages), the tracked changes, and an
amendment's DOCX.

The term is published; its draft (draft-2020) stays with the secretariat and bureau, with a
marker in a paragraph of its rev. 4 and another of its rev. 5. A second draft, shared with
member states, holds Brazil's amendment (marked) to a paragraph led by Peru, not shared: Brazil
and those who see drafts read it, Mexico never. The secretariat's own requests, made first,
hold every marker (so that the test can fail).
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from pypdf import PdfReader

from comitia.web.levels import Visibility
from comitia.web.negotiation import operations
from comitia.web.negotiation.revisions import issue_revision
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan
from tests.web.module_data import kept_for_module

from .conftest import ROLES, make_user, signed_in, store_terms
from .leaks import _empty_cache, answer_bytes, texts

__all__ = ["_empty_cache"]

REVISION_4 = "MARKER-REVISION-FOUR-6b1e"
REVISION_5 = "MARKER-REVISION-FIVE-a03c"
AMENDMENT = "MARKER-UNSHARED-AMENDMENT-4d7f"
EVERY_MARKER = (REVISION_4, REVISION_5, AMENDMENT)
INSIDERS = {"secretariat", "bureau", "administrator"}
MAY_SEE: dict[str, set[str]] = {
    role: set(EVERY_MARKER) if role in INSIDERS else set() for role in ROLES
}
MAY_SEE["delegation"] = {AMENDMENT}  # Brazil's own amendment


class Scene(NamedTuple):
    urls: list[str]
    here: m.Term
    elsewhere: m.Term
    secretariat: Any
    bureau: Any


def readable(response: Any) -> bytes:
    """What a reader gets of an answer, files opened: a DOCX's XML parts, a PDF's text."""
    content = response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"\n".join(archive.read(name) for name in archive.namelist())
    elif content.startswith(b"%PDF"):
        pages = PdfReader(io.BytesIO(content)).pages
        content = "\n".join(page.extract_text() for page in pages).encode()
    return answer_bytes(response) + b"\n" + content


def _found(client: Any, urls: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for url in urls:
        answer = readable(client.get(url, follow=True))
        # A PDF's text may break a marker across lines: compare without white space.
        flat = b"".join(answer.split())
        for marker in EVERY_MARKER:
            if marker.encode() in flat:
                seen.setdefault(marker, []).append(url)
    return seen


def _paragraph(term: m.Term, key: str, number: str) -> m.Paragraph:
    return m.Paragraph.objects.select_related("resolution__term").get(
        resolution__term=term, resolution__key=key, number=number
    )


def _build() -> Scene:
    here, elsewhere = store_terms(resolutions=True)
    publish_plan(here, None)
    draft = m.Resolution.objects.select_related("term").get(term=here, key="draft-2020")
    assert draft.visibility == Visibility.DRAFT
    m.Paragraph.objects.filter(resolution=draft, number="3 bis").update(
        text=texts(f"Encourage {REVISION_4}")
    )
    issue_revision(draft, None, issued_on=dt.date(2020, 4, 2))
    m.Paragraph.objects.filter(resolution=draft, number="3 bis").update(
        text=texts(f"Encourage {REVISION_5}")
    )
    issue_revision(draft, None, issued_on=dt.date(2020, 5, 14))

    shared = m.Resolution.objects.create(
        term=here,
        key="draft-shared",
        position=9,
        title=texts("A shared draft (illustrative)"),
        state="draft",
        document_symbol="CP/CSH-2020/98",
        visibility=Visibility.MEMBER_STATES,
    )
    m.Paragraph.objects.create(
        resolution=shared, position=0, number="1", text=texts("Urge states."), leads=["PE"]
    )
    amendment = operations.propose_amendment(
        _paragraph(here, "draft-shared", "1"),
        "BR",
        {
            "kind": "reword",
            "language": "en",
            "text": f"Urge {AMENDMENT} states.",
            "justification": AMENDMENT,
        },
        None,
        token=uuid.uuid4(),
    )
    base = f"/terms/{here.slug}/resolutions/"
    urls = [f"{base}draft-2020/", f"{base}draft-shared/"]
    for number in (4, 5):
        revision = f"{base}draft-2020/revisions/{number}/"
        urls.append(revision)
        urls += [f"{revision}{lang}.{fmt}" for lang in ("en", "fr") for fmt in ("docx", "html")]
        urls += [f"{revision}{lang}.pdf" for lang in ("es", "pt")]
    urls += [f"{base}draft-2020/revisions/5/changes/{lang}.docx" for lang in ("en", "es")]
    urls.append(f"{base}draft-shared/amendments/{amendment.pk}/changes.docx")
    secretariat = make_user("secretariat", here, elsewhere)
    bureau = make_user("bureau", here, elsewhere)
    assert set(_found(signed_in(secretariat), urls)) == set(EVERY_MARKER)
    return Scene(urls, here, elsewhere, secretariat, bureau)


@pytest.fixture(scope="module")
def scene(django_db_setup: None, django_db_blocker: Any) -> Iterator[Scene]:
    yield from kept_for_module(django_db_blocker, _build)


@pytest.mark.parametrize("role", ROLES)
def test_an_unshared_drafts_revisions_and_an_unshared_amendment_reach_only_their_readers(
    scene: Scene, db: None, role: str
) -> None:
    if role == "secretariat":
        user = scene.secretariat
    elif role == "bureau":
        user = scene.bureau
    else:
        user = make_user(role, scene.here, scene.elsewhere)
    seen = _found(signed_in(user), scene.urls)
    leaks = {marker: where for marker, where in seen.items() if marker not in MAY_SEE[role]}
    assert leaks == {}
    assert set(seen) == MAY_SEE[role]
