"""The current plan's documents: printed by a task once for each output version of the term,
stored in the database for every process, "being printed" until then, and kept apart for
readers who see different plans (tests/web/access/test_printed_visibility.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from comitia.render import docx as docx_format
from comitia.web.documents import printed
from comitia.web.documents.models import PrintedDocument
from comitia.web.documents.operations import print_plan
from comitia.web.documents.printed import Key, key_for, print_now
from comitia.web.fingerprint import code_fingerprint
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.output_version import raise_output_version
from comitia.web.publication.operations import publish_plan

pytestmark = pytest.mark.django_db

QUEUED_NOT_RUN = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "printing"],
    }
}


@pytest.fixture
def prints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The DOCX prints made."""
    made: list[str] = []
    real = docx_format.render

    def counted(plan: object, lang: str) -> bytes:
        made.append(lang)
        return real(plan, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_format, "render", counted)
    yield made


def _queued_args(results: list[object]) -> list[tuple[object, ...]]:
    return [tuple(r.args) for r in results]  # type: ignore[attr-defined]


def _url(term: m.Term, fmt: str) -> str:
    return f"/terms/{term.slug}/document/download.{fmt}"


def test_a_document_is_printed_once_until_the_plan_changes(
    client: Client, term: m.Term, prints: list[str]
) -> None:
    first = client.get(_url(term, "docx"), {"lang": "fr"})
    again = client.get(_url(term, "docx"), {"lang": "fr"})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and prints == ["fr"]
    client.get(_url(term, "docx"), {"lang": "es"})
    assert prints == ["fr", "es"]
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    meeting.title = {"fr": "Réunion déplacée"}
    meeting.save()
    changed = client.get(_url(term, "docx"), {"lang": "fr"})
    assert prints == ["fr", "es", "fr"] and changed.content != first.content


def test_the_stored_document_is_the_bytes_of_a_print_in_the_request(
    client: Client, term: m.Term
) -> None:
    response = client.get(_url(term, "html"), {"lang": "es"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{term.slug}.es.html"'
    expected = print_plan(load_plan(term), "html", "es", name=term.slug)
    assert response.content == expected.content
    assert response["Content-Type"] == expected.media_type


def test_a_download_not_yet_printed_is_being_printed_and_queued_once(
    client: Client, term: m.Term
) -> None:
    term.refresh_from_db()
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        first = client.get(_url(term, "pdf"), {"lang": "fr"})
        second = client.get(_url(term, "pdf"), {"lang": "fr"})
        assert first.status_code == second.status_code == 202
        assert first["Retry-After"] == "3" and "no-store" in first["Cache-Control"]
        assert "Content-Disposition" not in first
        assert 'http-equiv="refresh"' in first.content.decode()
        tasks = _queued_args(backend.results)  # type: ignore[attr-defined]
        assert tasks == [(term.pk, term.output_version, "pdf", "fr", "public", code_fingerprint())]
    # The worker prints it: the next request gets the file.
    assert print_now(Key(*tasks[0])) == "printed"  # type: ignore[arg-type]
    ready = client.get(_url(term, "pdf"), {"lang": "fr"})
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF")


def test_being_printed_is_said_in_the_readers_language(client: Client, term: m.Term) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN):
        page = client.get(_url(term, "docx"), {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 202
    assert "en cours d’impression" in page.content.decode()


def test_the_plan_page_shows_each_format_ready_or_being_printed(
    client: Client, term: m.Term
) -> None:
    page_url = f"/terms/{term.slug}/document/"
    client.get(_url(term, "html"), {"lang": "en"})  # printed at once (immediate backend)
    with override_settings(TASKS=QUEUED_NOT_RUN):
        client.get(_url(term, "pdf"), {"lang": "en"})  # queued, not printed
    page = client.get(page_url, {"lang": "en"}).content.decode()
    html, pdf, docx = (f'href="{_url(term, fmt)}?lang=en"' for fmt in ("html", "pdf", "docx"))
    assert f"{html} download>" in page  # ready: the browser saves it
    assert f"{pdf}>PDF <small" in page and "being printed" in page.split(pdf)[1][:80]
    # Not asked for yet: a plain link, which asks for it.
    assert f"{docx}>Word (DOCX)</a>" in page


def test_a_print_for_a_version_that_moved_on_is_skipped(term: m.Term) -> None:
    term.refresh_from_db()
    key = key_for(term, "html", "en", Visibility.PUBLIC)
    raise_output_version(term.pk)
    assert print_now(key) == "outdated"
    assert not PrintedDocument.objects.exists()


def test_a_print_already_stored_is_not_printed_again(term: m.Term, prints: list[str]) -> None:
    term.refresh_from_db()
    key = key_for(term, "docx", "pt", Visibility.PUBLIC)
    assert print_now(key) == "printed"
    assert print_now(key) == "printed already"
    assert prints == ["pt"]


def test_a_newer_version_printed_deletes_the_older_versions_documents(term: m.Term) -> None:
    term.refresh_from_db()
    old = key_for(term, "html", "en", Visibility.PUBLIC)
    assert print_now(old) == "printed"
    raise_output_version(term.pk)
    term.refresh_from_db()
    new = key_for(term, "html", "en", Visibility.PUBLIC)
    assert print_now(new) == "printed"
    assert list(PrintedDocument.objects.values_list("output_version", flat=True)) == [
        new.output_version
    ]


def test_a_print_that_fails_may_be_asked_for_again(
    term: m.Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    term.refresh_from_db()
    key = key_for(term, "docx", "en", Visibility.PUBLIC)

    def broken(plan: object, lang: str) -> bytes:
        raise RuntimeError("the printer failed")

    monkeypatch.setattr(docx_format, "render", broken)
    with pytest.raises(RuntimeError, match="the printer failed"):
        print_now(key)
    assert not PrintedDocument.objects.exists()
    monkeypatch.undo()
    assert print_now(key) == "printed"


def test_a_lost_print_is_queued_again_by_the_next_reader(term: m.Term) -> None:
    term.refresh_from_db()
    key = key_for(term, "pdf", "en", Visibility.PUBLIC)
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        printed.request_print(key)
        printed.request_print(key)
        assert len(backend.results) == 1  # type: ignore[attr-defined]
        PrintedDocument.objects.update(queued_at=printed.timezone.now() - 2 * printed.STALE)
        printed.request_print(key)
        assert len(backend.results) == 2  # type: ignore[attr-defined]


def test_a_change_to_the_plan_queues_each_current_document_once(
    term: m.Term, django_capture_on_commit_callbacks: object
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=True):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            publish_plan(term, None)  # published again: the version moves
        term.refresh_from_db()
        tasks = _queued_args(backend.results)  # type: ignore[attr-defined]
        # Public: readers at each of the three levels, three formats, four languages.
        assert len(tasks) == len(set(tasks)) == 3 * 4 * 3
        assert {t[1] for t in tasks} == {term.output_version}
        assert [t[2] for t in tasks[:12]] == ["pdf"] * 12  # PDFs first
        priorities = [r.task.priority for r in backend.results]  # type: ignore[attr-defined]
        assert priorities[:12] == [10] * 12 and set(priorities[12:]) == {0}
        # The same version again (another receiver's call, another process): nothing new.
        printed.queue_current(term.pk)
        assert len(backend.results) == 36  # type: ignore[attr-defined]


def test_a_draft_term_queues_the_documents_its_secretariat_reads(
    term: m.Term, django_capture_on_commit_callbacks: object
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=True):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            publish_plan(term, None, Visibility.DRAFT)
        levels = {r.args[4] for r in backend.results}  # type: ignore[attr-defined]
    assert levels == {"draft"}


def test_a_document_printed_by_another_release_is_printed_again_and_its_rows_pruned(
    client: Client, term: m.Term, prints: list[str]
) -> None:
    before = Key(term.pk, term.output_version, "docx", "fr", "public", "earlier-release")
    PrintedDocument.objects.create(
        **before.fields(), content=b"old bytes", queued_at=timezone.now(), printed_at=timezone.now()
    )
    answer = client.get(_url(term, "docx"), {"lang": "fr"})
    assert answer.status_code == 200
    assert (
        b"".join(answer.streaming_content if answer.streaming else [answer.content]) != b"old bytes"
    )
    assert prints == ["fr"]
    # Printed by this release: the earlier release's row of the same version is gone.
    assert not PrintedDocument.objects.filter(made_by="earlier-release").exists()


def test_a_print_queued_by_another_release_is_left_to_that_releases_worker(term: m.Term) -> None:
    other = Key(term.pk, term.output_version, "docx", "fr", "public", "other-release")
    assert print_now(other) == "other code"
    assert not PrintedDocument.objects.filter(term=term).exists()
