"""An issued revision's documents: printed by the worker once and for ever, queued when the
revision is issued, "being printed" until then, and the same bytes as a print in the request
gave before (``negotiation.revision_prints``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from comitia.render.document import LANGUAGES
from comitia.web.access.models import Role
from comitia.web.documents import claims
from comitia.web.negotiation import revision_prints, revisions
from comitia.web.negotiation.models import DraftRevision, DraftRevisionDocument, DraftRevisionPrint
from comitia.web.plans import models as m

from .conftest import client_for, url

QUEUED_NOT_RUN = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "printing"],
    }
}


def _issue(draft: m.Resolution, on: dt.date = dt.date(2020, 5, 14)) -> DraftRevision:
    return revisions.issue_revision(draft, None, issued_on=on)


def _queued(backend: Any) -> list[tuple[Any, ...]]:
    """The draft revisions' prints queued, by their arguments."""
    return [
        tuple(r.args) for r in backend.results if r.task.name == "print_draft_revision_document"
    ]


@pytest.fixture
def prints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, str]]]:
    """The revisions' documents printed, as (kind, format, language)."""
    made: list[tuple[str, str, str]] = []
    real = revision_prints.render_revision_document

    def counted(revision: DraftRevision, kind: str, fmt: str, lang: str) -> bytes:
        made.append((kind, fmt, lang))
        return real(revision, kind, fmt, lang)

    monkeypatch.setattr(revision_prints, "render_revision_document", counted)
    yield made


@pytest.fixture
def secretariat() -> Client:
    return client_for(Role.SECRETARIAT)


def test_a_revisions_file_not_yet_printed_is_being_printed_and_queued_once(
    draft: m.Resolution, secretariat: Client, prints: list[tuple[str, str, str]]
) -> None:
    revision = _issue(draft)
    other = client_for(Role.SECRETARIAT, name="other")
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        first = secretariat.get(url(draft, "revisions/4/fr.pdf"))
        second = other.get(url(draft, "revisions/4/fr.pdf"))
        assert first.status_code == second.status_code == 202
        assert first["Retry-After"] == "3" and "no-store" in first["Cache-Control"]
        assert "Content-Disposition" not in first
        page = first.content.decode()
        assert 'http-equiv="refresh"' in page
        assert "CP/CSH-2020/20 rev. 4 in PDF (Français) is being printed" in page
        assert f'<a href="{url(draft, "revisions/4/")}">Back to the revision</a>' in page
        tasks = _queued(backend)
    assert tasks == [(revision.pk, "revision", "pdf", "fr")] and not prints
    assert revision_prints.print_now(tasks[0]) == "printed"
    ready = secretariat.get(url(draft, "revisions/4/fr.pdf"))
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF")
    assert ready["Content-Disposition"] == 'attachment; filename="draft-2020-rev4.fr.pdf"'
    assert ready.content == DraftRevisionDocument.objects.get(format="pdf").content
    assert prints == [("revision", "pdf", "fr")] and not DraftRevisionPrint.objects.exists()


def test_the_changes_not_yet_printed_are_being_printed_in_the_readers_language(
    draft: m.Resolution,
) -> None:
    _issue(draft)
    _issue(draft, dt.date(2020, 5, 21))
    reader = client_for(Role.SECRETARIAT, name="fr")
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        page = reader.get(url(draft, "revisions/5/changes/es.docx"), HTTP_ACCEPT_LANGUAGE="fr")
        # A first revision has no changes: refused before anything is asked for.
        assert reader.get(url(draft, "revisions/4/changes/es.docx")).status_code == 404
        assert len(_queued(backend)) == 1
    assert page.status_code == 202
    text = page.content.decode()
    assert (
        "La comparaison de CP/CSH-2020/20 rev. 5 avec la révision précédente en Word (DOCX) "
        "(Español) est en cours d’impression"
    ) in text
    assert "Retour à la révision" in text


def test_the_immediate_backend_serves_a_revisions_files_at_once_as_printed_before(
    draft: m.Resolution, secretariat: Client
) -> None:
    _issue(draft)
    second = _issue(draft, dt.date(2020, 5, 21))
    answer = secretariat.get(url(draft, "revisions/5/es.html"))
    assert answer.status_code == 200
    assert answer["Content-Disposition"] == 'attachment; filename="draft-2020-rev5.es.html"'
    # The bytes a print in the request made before: the revision's document, printed now.
    assert answer.content == revisions.render_revision_document(second, "revision", "html", "es")
    changes = secretariat.get(url(draft, "revisions/5/changes/pt.docx"))
    assert changes.status_code == 200
    assert (
        changes["Content-Disposition"] == 'attachment; filename="draft-2020-rev5-changes.pt.docx"'
    )
    assert not DraftRevisionPrint.objects.exists()


def test_issuing_a_revision_queues_its_documents_once_it_has_committed(
    draft: m.Resolution, django_capture_on_commit_callbacks: Any
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=True):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):
            first = _issue(draft)
            assert _queued(backend) == []  # not before the revision is there to be read
        tasks = _queued(backend)
        # The first revision: three formats in four languages, PDFs first; no changes.
        assert len(tasks) == len(set(tasks)) == 3 * 4
        assert [t[2] for t in tasks[:4]] == ["pdf"] * 4
        assert {(t[0], t[1]) for t in tasks} == {(first.pk, "revision")}
        priorities = [
            r.task.priority
            for r in backend.results
            if r.task.name == "print_draft_revision_document"
        ]
        assert priorities[:4] == [10] * 4 and set(priorities[4:]) == {0}
        backend.clear()  # type: ignore[attr-defined]
        with django_capture_on_commit_callbacks(execute=True):
            second = _issue(draft, dt.date(2020, 5, 21))
        tasks = _queued(backend)
        # The second: its changes since the first too, a DOCX in each language, last.
        assert len(tasks) == 3 * 4 + 4 and {t[0] for t in tasks} == {second.pk}
        assert tasks[-4:] == [(second.pk, "changes", "docx", lang) for lang in LANGUAGES]
        # Asked again (another process): nothing new.
        revision_prints.queue_revision(second.pk)
        assert len(_queued(backend)) == 16


def test_without_print_ahead_issuing_queues_nothing(
    draft: m.Resolution, secretariat: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with override_settings(TASKS=QUEUED_NOT_RUN, COMITIA_PRINT_AHEAD=False):
        backend = default_task_backend
        with django_capture_on_commit_callbacks(execute=True):
            answer = secretariat.post(
                url(draft, "revisions/issue/"), {"number": "4", "issued_on": "2020-05-14"}
            )
        assert answer.status_code == 302 and _queued(backend) == []
    assert not DraftRevisionPrint.objects.exists()


def test_a_lost_print_of_a_draft_revision_is_queued_again_by_the_next_reader(
    draft: m.Resolution,
) -> None:
    key = (_issue(draft).pk, "revision", "docx", "en")
    with override_settings(TASKS=QUEUED_NOT_RUN):
        backend = default_task_backend
        revision_prints.request_print(key)
        revision_prints.request_print(key)
        assert len(_queued(backend)) == 1
        DraftRevisionPrint.objects.update(queued_at=timezone.now() - 2 * claims.STALE)
        revision_prints.request_print(key)
        revision_prints.request_print(key)
        assert len(_queued(backend)) == 2


def test_a_draft_revisions_document_is_printed_once_by_two_workers(
    draft: m.Resolution, prints: list[tuple[str, str, str]]
) -> None:
    revision = _issue(draft)
    key = (revision.pk, "revision", "html", "pt")
    assert revision_prints.print_now(key) == "printed"
    # A reader who looked just before it was stored asks for it: the task prints nothing.
    revision_prints.request_print(key)
    assert revision_prints.print_now(key) == "printed already"
    assert prints == [("revision", "html", "pt")] and not DraftRevisionPrint.objects.exists()
    now = timezone.now()
    DraftRevisionPrint.objects.create(
        revision=revision, kind="revision", format="docx", lang="pt", queued_at=now, started_at=now
    )
    assert revision_prints.print_now((revision.pk, "revision", "docx", "pt")) == "being printed"
    assert prints == [("revision", "html", "pt")]


def test_a_draft_revisions_print_that_fails_may_be_asked_for_again(
    draft: m.Resolution, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = (_issue(draft).pk, "revision", "docx", "en")

    def broken(*args: object) -> bytes:
        raise RuntimeError("the printer failed")

    monkeypatch.setattr(revision_prints, "render_revision_document", broken)
    with pytest.raises(RuntimeError, match="the printer failed"):
        revision_prints.print_now(key)
    assert not DraftRevisionPrint.objects.exists()
    monkeypatch.undo()
    assert revision_prints.print_now(key) == "printed"
