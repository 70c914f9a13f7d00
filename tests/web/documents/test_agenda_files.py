"""An agenda item's documents: links and PDF/DOCX files per language, checked by content and
size, stored outside the database, served as attachments to those who see the meeting."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from comitia.web.access.models import AuditRecord
from comitia.web.documents.models import AgendaFile
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan, set_meeting_visibility
from tests.web.access.conftest import make_user, signed_in, store_terms

PDF = b"%PDF-1.4\n% illustrative test file\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def scene(db: None) -> tuple[m.Term, m.Meeting, str, Client]:
    here, elsewhere = store_terms()
    publish_plan(here, None)
    meeting = m.Meeting.objects.select_related("term").filter(term=here).order_by("date")[0]
    symbol = next(s for n in m.AgendaNode.objects.filter(meeting=meeting) for s in n.documents)
    return here, meeting, symbol, signed_in(make_user("secretariat", here, elsewhere))


def _attach(client: Client, meeting: m.Meeting, **data: Any) -> Any:
    url = reverse("documents:agenda_file_attach", args=[meeting.term.slug, meeting.key])
    return client.post(url, data)


def test_a_pdf_attached_in_french_is_listed_and_downloaded_as_an_attachment(
    scene: tuple[m.Term, m.Meeting, str, Client],
) -> None:
    term, meeting, symbol, staff = scene
    upload = SimpleUploadedFile("Informe final (v2).pdf", PDF, "application/pdf")
    response = _attach(staff, meeting, symbol=symbol, language="fr", file=upload)
    assert response.status_code == 302
    row = AgendaFile.objects.get(meeting=meeting, symbol=symbol, language="fr")
    assert row.file.name.startswith("agenda/") and "Informe" not in row.file.name
    assert default_storage.exists(row.file.name)
    assert AuditRecord.objects.filter(action="attach_agenda_file").count() == 1
    page = Client().get(reverse("calendar:meeting", args=[term.slug, meeting.key])).content
    download = reverse("documents:agenda_file", args=[term.slug, meeting.key, row.pk])
    assert symbol.encode() in page and download.encode() in page and b'hreflang="fr"' in page
    answer = Client().get(download)
    assert answer.status_code == 200
    assert answer.content == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert answer["Content-Disposition"].startswith("attachment;")
    assert "Informe_final_v2.pdf" in answer["Content-Disposition"]


def test_a_docx_is_served_with_its_content_type(
    scene: tuple[m.Term, m.Meeting, str, Client],
) -> None:
    term, meeting, symbol, staff = scene
    upload = SimpleUploadedFile("report.docx", _docx())
    assert _attach(staff, meeting, symbol=symbol, language="es", file=upload).status_code == 302
    row = AgendaFile.objects.get(language="es")
    answer = Client().get(reverse("documents:agenda_file", args=[term.slug, meeting.key, row.pk]))
    assert answer["Content-Type"].endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"plain text", b"Attach a PDF or DOCX file."),
        ("fake.pdf", b"<html>not a pdf</html>", b"content is not a PDF file"),
        ("fake.docx", b"PK\x03\x04 not really a zip", b"content is not a DOCX file"),
        ("book.docx", b"", b"content is not a DOCX file"),  # a ZIP file without word/
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_stored(
    scene: tuple[m.Term, m.Meeting, str, Client], name: str, content: bytes, message: bytes
) -> None:
    _, meeting, symbol, staff = scene
    if name == "book.docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        content = buffer.getvalue()
    before = (
        set(default_storage.listdir("agenda")[1]) if default_storage.exists("agenda") else set()
    )
    upload = SimpleUploadedFile(name, content)
    response = _attach(staff, meeting, symbol=symbol, language="en", file=upload)
    assert response.status_code == 400
    assert message.replace(b"'", b"&#x27;") in response.content or message in response.content
    assert not AgendaFile.objects.exists()
    after = set(default_storage.listdir("agenda")[1]) if default_storage.exists("agenda") else set()
    assert after == before


def test_a_file_over_the_size_limit_is_refused(
    scene: tuple[m.Term, m.Meeting, str, Client],
) -> None:
    _, meeting, symbol, staff = scene
    with override_settings(COMITIA_MAX_AGENDA_FILE_BYTES=10):
        upload = SimpleUploadedFile("big.pdf", PDF)
        response = _attach(staff, meeting, symbol=symbol, language="en", file=upload)
    assert response.status_code == 400
    assert b"larger than" in response.content
    assert not AgendaFile.objects.exists()


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/a.pdf", "not a url"])
def test_a_link_that_is_not_http_or_https_is_refused(
    scene: tuple[m.Term, m.Meeting, str, Client], link: str
) -> None:
    _, meeting, symbol, staff = scene
    response = _attach(staff, meeting, symbol=symbol, language="en", link=link)
    assert response.status_code == 400
    assert b"http://" in response.content
    assert not AgendaFile.objects.exists()


def test_a_symbol_the_agenda_does_not_list_is_refused(
    scene: tuple[m.Term, m.Meeting, str, Client],
) -> None:
    _, meeting, _, staff = scene
    response = _attach(staff, meeting, symbol="CP/NOT-LISTED", language="en", link="https://x.org")
    assert response.status_code == 400
    assert not AgendaFile.objects.exists()


def test_a_link_replaces_the_file_of_that_language_whose_stored_file_goes(
    scene: tuple[m.Term, m.Meeting, str, Client], django_capture_on_commit_callbacks: Any
) -> None:
    term, meeting, symbol, staff = scene
    _attach(staff, meeting, symbol=symbol, language="pt", file=SimpleUploadedFile("a.pdf", PDF))
    first = AgendaFile.objects.get()
    stored = first.file.name
    link = "https://example.org/illustrative.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        assert _attach(staff, meeting, symbol=symbol, language="pt", link=link).status_code == 302
    row = AgendaFile.objects.get()
    assert row.pk == first.pk and row.link == link and not row.file
    assert not default_storage.exists(stored)
    page = Client().get(reverse("calendar:meeting", args=[term.slug, meeting.key])).content
    assert link.encode() in page
    _attach(staff, meeting, symbol=symbol, language="pt", file=SimpleUploadedFile("b.pdf", PDF))
    row = AgendaFile.objects.get()
    stored = row.file.name
    removal = reverse("documents:agenda_file_remove", args=[term.slug, meeting.key, row.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post(removal).status_code == 302
    assert not default_storage.exists(stored)
    assert not AgendaFile.objects.exists()
    assert AuditRecord.objects.filter(action="remove_agenda_file").count() == 1


def test_the_files_of_a_hidden_meeting_answer_404_to_the_public(
    scene: tuple[m.Term, m.Meeting, str, Client],
) -> None:
    term, meeting, symbol, staff = scene
    _attach(staff, meeting, symbol=symbol, language="en", file=SimpleUploadedFile("a.pdf", PDF))
    row = AgendaFile.objects.get()
    url = reverse("documents:agenda_file", args=[term.slug, meeting.key, row.pk])
    assert Client().get(url).status_code == 200
    set_meeting_visibility(meeting, Visibility.DRAFT, None)
    assert Client().get(url).status_code == 404
    assert staff.get(url).status_code == 200
    other = m.Meeting.objects.filter(term=term).exclude(pk=meeting.pk).first()
    assert other is not None  # the file is not reached through another meeting's address
    assert Client().get(url.replace(f"/{meeting.key}/", f"/{other.key}/")).status_code == 404


def test_the_public_may_not_attach(scene: tuple[m.Term, m.Meeting, str, Client]) -> None:
    _, meeting, symbol, _ = scene
    response = _attach(Client(), meeting, symbol=symbol, language="en", link="https://x.org")
    assert response.status_code in {302, 403}
    assert not AgendaFile.objects.exists()


def test_deleting_the_term_deletes_its_stored_files(
    scene: tuple[m.Term, m.Meeting, str, Client], django_capture_on_commit_callbacks: Any
) -> None:
    term, meeting, symbol, staff = scene
    _attach(staff, meeting, symbol=symbol, language="en", file=SimpleUploadedFile("a.pdf", PDF))
    stored = AgendaFile.objects.get().file.name
    assert default_storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    assert not AgendaFile.objects.exists()
    assert not default_storage.exists(stored)
