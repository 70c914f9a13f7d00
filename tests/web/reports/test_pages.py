"""The report pages: the matrix, a state's page, recording, documents, exports, rates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from comitia.web.plans import models as m
from comitia.web.reports import views
from comitia.web.reports.models import Delegation, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_20_march_2020(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages' today: after the 15 March list was due."""
    monkeypatch.setattr(views, "today_of", lambda term: dt.date(2020, 3, 20))


PDF = b"%PDF-1.4\n%test\n"


def _zip(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def _record(client: Client, term: m.Term, state: str, **fields: object) -> object:
    data = {
        "obligation": "mecs-liste",
        "cycle": 2020,
        "received": "2020-03-10",
        "symbol": "",
        "link": "",
        "language": "es",
        **fields,
    }
    return client.post(reverse("reports:record", args=[term.slug, state]), data)


def test_the_matrix_for_2020_shows_35_states_by_name_with_statuses_in_words(
    model_term: m.Term, secretariat: Client
) -> None:
    response = secretariat.get(
        reverse("reports:matrix_year", args=[model_term.slug, 2020]), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<th scope="row">') == 35
    assert "Brasil" in html and "Estados Unidos" in html  # names in the reader's language
    assert 'class="status-overdue">' in html  # 15 March passed: the list is overdue


def test_a_delegation_records_its_own_states_report_and_sees_it_on_time(
    model_term: m.Term, brazil: Client
) -> None:
    response = _record(brazil, model_term, "BR", document=SimpleUploadedFile("r.pdf", PDF))
    assert response.status_code == 302
    submission = Submission.objects.get(state="BR")
    assert (submission.cycle, submission.received, submission.recorded_by.username) == (
        2020,
        dt.date(2020, 3, 10),
        "br",
    )
    page = brazil.get(reverse("reports:state", args=[model_term.slug, "BR"]) + "?year=2020")
    assert "on time" in page.content.decode()


def test_a_delegation_cannot_see_or_record_another_states_reports(
    model_term: m.Term, brazil: Client, mexico: Client
) -> None:
    _record(brazil, model_term, "BR", document=SimpleUploadedFile("r.pdf", PDF))
    submission = Submission.objects.get(state="BR")
    assert mexico.get(reverse("reports:state", args=[model_term.slug, "BR"])).status_code == 404
    assert _record(mexico, model_term, "BR").status_code == 404
    document = reverse("reports:document", args=[model_term.slug, submission.pk])
    assert mexico.get(document).status_code == 404
    assert mexico.get(reverse("reports:matrix", args=[model_term.slug])).status_code == 403
    assert Submission.objects.filter(state="BR").count() == 1


def test_an_uploaded_document_is_served_as_an_attachment_to_those_who_see_it(
    model_term: m.Term, brazil: Client, secretariat: Client
) -> None:
    _record(brazil, model_term, "BR", document=SimpleUploadedFile("r.pdf", PDF))
    submission = Submission.objects.get(state="BR")
    url = reverse("reports:document", args=[model_term.slug, submission.pk])
    for client in (brazil, secretariat):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response.content == PDF
    assert Client().get(url).status_code in {302, 404}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.exe", b"MZ", "PDF, DOCX or XLSX"),
        ("r.pdf", b"PK\x03\x04", "not a PDF"),
        ("r.docx", b"%PDF", "not a DOCX"),
        # ZIP files, but neither a document nor a workbook: judged by the part that makes one
        ("r.docx", _zip("xl/workbook.xml"), "not a DOCX"),
        ("r.xlsx", _zip("word/document.xml"), "not a XLSX"),
        ("r.xlsx", b"PK\x03\x04 truncated", "not a XLSX"),
    ],
)
def test_a_document_that_is_not_a_pdf_docx_or_xlsx_is_refused(
    model_term: m.Term, brazil: Client, name: str, content: bytes, message: str
) -> None:
    response = _record(brazil, model_term, "BR", document=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("name", ["r.docx", "r.xlsx"])
def test_a_real_docx_or_xlsx_report_is_recorded(
    model_term: m.Term, brazil: Client, name: str
) -> None:
    buffer = io.BytesIO()
    if name.endswith(".docx"):
        docx.Document().save(buffer)
    else:
        Workbook().save(buffer)
    response = _record(
        brazil, model_term, "BR", document=SimpleUploadedFile(name, buffer.getvalue())
    )
    assert response.status_code == 302
    assert Submission.objects.get(state="BR").document.name.endswith(name[1:])


def test_a_document_over_the_size_limit_is_refused(
    model_term: m.Term, brazil: Client, settings: object
) -> None:
    settings.COMITIA_MAX_REPORT_BYTES = 10  # type: ignore[attr-defined]
    response = _record(brazil, model_term, "BR", document=SimpleUploadedFile("r.pdf", PDF))
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_the_matrix_exports_to_csv_and_xlsx_with_the_same_rows(
    model_term: m.Term, secretariat: Client, brazil: Client
) -> None:
    _record(brazil, model_term, "BR")
    csv_response = secretariat.get(reverse("reports:matrix_csv", args=[model_term.slug, 2020]))
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 35 * 11
    assert rows[1 + 4 * 11][:3] == ["BR", "Brazil", "mecs-liste"]
    assert rows[1 + 4 * 11][5:7] == ["on time", "2020-03-10"]
    xlsx = secretariat.get(reverse("reports:matrix_xlsx", args=[model_term.slug, 2020]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [[c.value for c in row] for row in sheet.iter_rows(max_col=3)][1 + 4 * 11] == [
        "BR",
        "Brazil",
        "mecs-liste",
    ]


def test_the_rates_are_hidden_from_the_public_until_the_secretariat_publishes_them(
    model_term: m.Term, secretariat: Client, brazil: Client
) -> None:
    url = reverse("reports:rates", args=[model_term.slug])
    assert brazil.get(url).status_code == 404
    page = secretariat.get(url)
    assert page.status_code == 200 and "<svg" in page.content.decode()
    secretariat.post(reverse("reports:rates_publish", args=[model_term.slug]), {"published": "1"})
    assert brazil.get(url).status_code == 200


def test_a_delegation_chooses_the_language_of_its_reminders(
    model_term: m.Term, brazil: Client, mexico: Client
) -> None:
    url = reverse("reports:language", args=[model_term.slug, "BR"])
    assert brazil.post(url, {"language": "pt"}).status_code == 302
    assert Delegation.objects.get(state="BR").language == "pt"
    assert mexico.post(url, {"language": "es"}).status_code == 404
    assert Delegation.objects.get(state="BR").language == "pt"


def test_the_rates_chart_escapes_titles_and_the_table_holds_its_figures(
    model_term: m.Term, secretariat: Client, brazil: Client
) -> None:
    m.ReportingObligation.objects.filter(term=model_term, key="mecs-liste").update(
        title={"fr": "<b>Liste</b> & co"}
    )
    _record(brazil, model_term, "BR")
    page = secretariat.get(reverse("reports:rates", args=[model_term.slug])).content.decode()
    assert "<b>Liste</b>" not in page and "&lt;b&gt;Liste&lt;/b&gt; &amp; co" in page
    assert "1 of 35 (3%)" in page  # Brazil's 2020 list, in the table beside the chart
