"""An approved revision's documents: printed by the worker once and for ever, queued when the
revision is approved, "being printed" until then, and the same bytes as a print in the request
gave before (``revision_prints``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from comitia.web.documents import claims, revision_prints
from comitia.web.documents.models import RenderedDocument, Revision, RevisionPrint
from comitia.web.documents.operations import approve_revision, render_revision
from comitia.web.plans.models import Term

from .test_documents import BASE, SLUG, approve
from .test_documents import chair as chair
from .test_documents import term as term
from .test_printed import QUEUED_NOT_RUN
from .test_worker import DATABASE_TASKS

pytestmark = pytest.mark.django_db
APPROVED_ON = dt.date(2019, 12, 5)


@pytest.fixture
def revision(term: Term) -> Revision:
    return approve_revision(term, symbol="CP/CSH-1933/19 rev. 3", approved_on=APPROVED_ON)


@pytest.fixture
def prints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """The revisions' documents printed, as (format, language)."""
    made: list[tuple[str, str]] = []
    real = revision_prints.render_revision

    def counted(revision: Revision, fmt: str, lang: str) -> bytes:
        made.append((fmt, lang))
        return real(revision, fmt, lang)

    monkeypatch.setattr(revision_prints, "render_revision", counted)
    yield made


def _queued(backend: Any) -> list[tuple[Any, ...]]:
    """The revisions' prints queued (not the current plan's), by their arguments."""
    return [tuple(r.args) for r in backend.results if r.task.name == "print_revision_document"]


def _public(revision: Revision) -> Client:
    """A reader of the public, who sees the revision once published."""
    Revision.objects.filter(pk=revision.pk).update(visibility="public")
    return Client()


def test_a_revisions_download_not_yet_printed_is_being_printed_and_queued_once(
    revision: Revision, prints: list[tuple[str, str]]
) -> None:
    reader, other = _public(revision), Client()
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        first = reader.get(f"{BASE}rev3.pdf", {"lang": "fr"})
        second = other.get(f"{BASE}rev3.pdf", {"lang": "fr"})
        assert first.status_code == second.status_code == 202
        assert first["Retry-After"] == "3" and "no-store" in first["Cache-Control"]
        assert "Content-Disposition" not in first
        page = first.content.decode()
        assert 'http-equiv="refresh"' in page
        assert "CP/CSH-1933/19 rev. 3 in PDF (Français) is being printed" in page
        tasks = _queued(backend)
    assert tasks == [(revision.pk, "pdf", "fr")] and not prints
    # The worker prints it: the next request gets the file, and the claim is gone.
    assert revision_prints.print_now(tasks[0]) == "printed"
    ready = reader.get(f"{BASE}rev3.pdf", {"lang": "fr"})
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF")
    assert ready["Content-Disposition"] == f'attachment; filename="{SLUG}-rev3.fr.pdf"'
    assert ready.content == RenderedDocument.objects.get(format="pdf", lang="fr").content
    assert prints == [("pdf", "fr")] and not RevisionPrint.objects.exists()


def test_the_being_printed_page_of_a_revision_is_in_the_readers_language(
    revision: Revision,
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN):
        page = _public(revision).get(f"{BASE}rev3.docx", {"lang": "es"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 202
    assert "CP/CSH-1933/19 rev. 3 en Word (DOCX) (Español) est en cours d’impression" in (
        page.content.decode()
    )


def test_the_immediate_backend_serves_a_revisions_document_at_once_as_printed_before(
    revision: Revision,
) -> None:
    answer = _public(revision).get(f"{BASE}rev3.html", {"lang": "es"})
    assert answer.status_code == 200
    assert answer["Content-Disposition"] == f'attachment; filename="{SLUG}-rev3.es.html"'
    # The bytes a print in the request made before: the revision's document, printed now.
    assert answer.content == render_revision(revision, "html", "es")
    assert not RevisionPrint.objects.exists()


def test_approving_a_revision_queues_its_documents_once_it_has_committed(
    term: Term, django_capture_on_commit_callbacks: Any
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=True):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):
            revision = approve_revision(
                term, symbol="CP/CSH-1933/19 rev. 3", approved_on=APPROVED_ON
            )
            assert _queued(backend) == []  # not before the revision is there to be read
        tasks = _queued(backend)
        # Three formats in four languages, PDFs first and ahead of the others in the queue.
        assert len(tasks) == len(set(tasks)) == 3 * 4
        assert {t[0] for t in tasks} == {revision.pk}
        assert [t[1] for t in tasks[:4]] == ["pdf"] * 4
        priorities = [
            r.task.priority for r in backend.results if r.task.name == "print_revision_document"
        ]
        assert priorities[:4] == [10] * 4 and set(priorities[4:]) == {0}
        assert RevisionPrint.objects.filter(revision=revision).count() == 12
        # Asked again (another process): nothing new; nor by a reader of one of them.
        revision_prints.queue_revision(revision.pk)
        assert _public(revision).get(f"{BASE}rev3.pdf").status_code == 202
        assert _queued(backend) == tasks


def test_without_print_ahead_an_approval_queues_nothing(
    chair: Client, term: Term, django_capture_on_commit_callbacks: Any
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=False):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):
            assert approve(chair).status_code == 302  # type: ignore[attr-defined]
        assert _queued(backend) == []
    assert not RevisionPrint.objects.exists()


def test_a_lost_print_of_a_revision_is_queued_again_by_the_next_reader(
    revision: Revision,
) -> None:
    key = (revision.pk, "pdf", "en")
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        revision_prints.request_print(key)
        revision_prints.request_print(key)
        assert len(_queued(backend)) == 1
        long_ago = timezone.now() - 2 * claims.STALE
        RevisionPrint.objects.update(queued_at=long_ago)
        revision_prints.request_print(key)
        revision_prints.request_print(key)
        assert len(_queued(backend)) == 2
        # Taken by a worker that died in the middle: queued again too.
        RevisionPrint.objects.update(queued_at=long_ago, started_at=long_ago)
        revision_prints.request_print(key)
        assert len(_queued(backend)) == 3


def test_a_revisions_document_is_printed_once_by_two_workers(
    revision: Revision, prints: list[tuple[str, str]]
) -> None:
    key = (revision.pk, "docx", "pt")
    assert revision_prints.print_now(key) == "printed"
    # A reader who looked just before it was stored asks for it: the task prints nothing.
    revision_prints.request_print(key)
    assert revision_prints.print_now(key) == "printed already"
    assert prints == [("docx", "pt")] and not RevisionPrint.objects.exists()
    # A worker holding the claim: the second task leaves the print to it.
    other = (revision.pk, "html", "pt")
    RevisionPrint.objects.create(
        revision=revision,
        format="html",
        lang="pt",
        queued_at=timezone.now(),
        started_at=timezone.now(),
    )
    assert revision_prints.print_now(other) == "being printed"
    assert prints == [("docx", "pt")]


def test_a_revisions_print_that_fails_may_be_asked_for_again(
    revision: Revision, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(revision: Revision, fmt: str, lang: str) -> bytes:
        raise RuntimeError("the printer failed")

    monkeypatch.setattr(revision_prints, "render_revision", broken)
    with pytest.raises(RuntimeError, match="the printer failed"):
        revision_prints.print_now((revision.pk, "docx", "en"))
    assert not RevisionPrint.objects.exists() and not RenderedDocument.objects.exists()
    monkeypatch.undo()
    assert revision_prints.print_now((revision.pk, "docx", "en")) == "printed"


def test_a_stored_document_of_an_older_release_is_served_as_it_is(
    revision: Revision, prints: list[tuple[str, str]]
) -> None:
    RenderedDocument.objects.create(revision=revision, format="docx", lang="fr", content=b"old")
    answer = _public(revision).get(f"{BASE}rev3.docx", {"lang": "fr"})
    assert answer.status_code == 200 and answer.content == b"old" and not prints


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_prints_a_revisions_document_two_readers_asked_for(
    revision: Revision,
) -> None:
    reader, other = _public(revision), Client()
    with override_settings(TASKS=DATABASE_TASKS):
        assert reader.get(f"{BASE}rev3.html", {"lang": "pt"}).status_code == 202
        assert other.get(f"{BASE}rev3.html", {"lang": "pt"}).status_code == 202
        assert DBTaskResult.objects.count() == 1
        call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
        [task] = DBTaskResult.objects.all()
        assert task.status == "SUCCESSFUL" and task.return_value == "printed"
        first = reader.get(f"{BASE}rev3.html", {"lang": "pt"})
        second = other.get(f"{BASE}rev3.html", {"lang": "pt"})
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == RenderedDocument.objects.get().content
    assert DBTaskResult.objects.count() == 1 and not RevisionPrint.objects.exists()
