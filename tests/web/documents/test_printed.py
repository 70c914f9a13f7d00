"""The current plan's documents: printed once for each state of the plan, each printed once
at a time however many readers ask for it, and kept apart for readers who see different
plans."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from django.test import Client

from comitia.render import docx as docx_format
from comitia.web.documents import operations
from comitia.web.documents.printed import PrintedDocuments, document_key
from comitia.web.plans import models as m
from tests.factories import build_plan

pytestmark = pytest.mark.django_db

KEY = ("digest", "pdf", "en")


def test_readers_asking_while_a_document_is_printed_wait_for_that_print() -> None:
    store = PrintedDocuments(budget=2**20)
    prints: list[str] = []
    results: list[bytes] = []
    readers: list[threading.Thread] = []

    def read() -> None:
        results.append(store.get_or_print(KEY, lambda: prints.append("reader") or b"other"))

    def first_print() -> bytes:
        prints.append("first")
        readers.extend(threading.Thread(target=read) for _ in range(3))
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=0.2)
        # Still waiting: had they printed the document themselves, they would be done.
        assert all(reader.is_alive() for reader in readers)
        return b"printed"

    assert store.get_or_print(KEY, first_print) == b"printed"
    for reader in readers:
        reader.join(timeout=5)
    assert prints == ["first"]
    assert results == [b"printed"] * 3
    assert store.get_or_print(KEY, lambda: b"again") == b"printed"


def test_a_print_that_fails_reaches_its_waiting_readers_and_nothing_is_kept() -> None:
    store = PrintedDocuments(budget=2**20)
    errors: list[Exception] = []
    reader_started = threading.Event()

    def read() -> None:
        reader_started.set()
        try:
            store.get_or_print(KEY, lambda: b"not printed by a reader")
        except RuntimeError as error:
            errors.append(error)

    reader = threading.Thread(target=read)

    def failing_print() -> bytes:
        reader.start()
        reader_started.wait(timeout=5)
        reader.join(timeout=0.2)
        raise RuntimeError("the printer failed")

    with pytest.raises(RuntimeError, match="the printer failed"):
        store.get_or_print(KEY, failing_print)
    reader.join(timeout=5)
    assert [str(e) for e in errors] == ["the printer failed"]
    assert len(store) == 0
    assert store.get_or_print(KEY, lambda: b"printed") == b"printed"


def test_the_key_follows_every_field_of_the_plan_the_format_and_the_language() -> None:
    plan = build_plan(3)
    first = plan.meetings[0]
    moved = first.model_copy(update={"date": first.date + dt.timedelta(days=1)})
    changed = plan.model_copy(update={"meetings": [moved, *plan.meetings[1:]]})
    assert document_key(plan, "pdf", "en") == document_key(build_plan(3), "pdf", "en")
    others = {
        document_key(changed, "pdf", "en"),
        document_key(plan, "docx", "en"),
        document_key(plan, "pdf", "fr"),
    }
    assert document_key(plan, "pdf", "en") not in others and len(others) == 3


@pytest.fixture
def prints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The DOCX prints made, with an empty store of printed documents."""
    monkeypatch.setattr(operations, "PRINTED", PrintedDocuments(budget=2**20))
    made: list[str] = []
    real = docx_format.render

    def counted(plan: object, lang: str) -> bytes:
        made.append(lang)
        return real(plan, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_format, "render", counted)
    yield made


def test_a_document_is_printed_once_until_the_plan_changes(
    client: Client, term: m.Term, prints: list[str]
) -> None:
    url = f"/terms/{term.slug}/document/download.docx"
    first = client.get(url, {"lang": "fr"})
    again = client.get(url, {"lang": "fr"})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and prints == ["fr"]
    client.get(url, {"lang": "es"})
    assert prints == ["fr", "es"]
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    m.Meeting.objects.filter(pk=meeting.pk).update(title={"fr": "Réunion déplacée"})
    changed = client.get(url, {"lang": "fr"})
    assert prints == ["fr", "es", "fr"] and changed.content != first.content
