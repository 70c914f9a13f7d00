"""The plan's document on the web: page, downloads, approval of revisions, comparison."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.test import Client

from comitia.checks import blocking_findings
from comitia.dates import FuzzyDate
from comitia.plan import Plan
from comitia.plan.entities import AgendaNode
from comitia.plan.fields import Text
from comitia.web.documents.models import ImmutableError, RenderedDocument, Revision
from comitia.web.documents.operations import set_revision_visibility
from comitia.web.levels import Visibility
from comitia.web.plans.models import Term
from tests.render.model import model_plan
from tests.web.publishing import store_published

pytestmark = pytest.mark.django_db
SLUG = "csh-2019-2020"
BASE = f"/terms/{SLUG}/document/"


def plan_without_errors() -> Plan:
    """The model plan with its one error (a requested event's stated date) corrected."""
    plan = model_plan()
    events = [
        e.model_copy(update={"when": FuzzyDate.day(dt.date(2020, 4, 30))})
        if e.id == "petits-etats-insulaires"
        else e
        for e in plan.requested_events
    ]
    return plan.model_copy(update={"requested_events": events})


@pytest.fixture
def term() -> Term:
    return store_published(plan_without_errors())


@pytest.fixture
def chair(client: Client) -> Client:
    user = User.objects.create_user("chair", password="x")
    user.user_permissions.add(Permission.objects.get(codename="approve_revision"))
    client.force_login(user)
    return client


def approve(client: Client, **extra: str) -> object:
    data = {"symbol": "CP/CSH-1933/19 rev. 3", "date": "2019-12-05", **extra}
    return client.post(f"{BASE}approve/", data)


def test_the_plan_page_shows_the_document_and_its_downloads(client: Client, term: Term) -> None:
    page = client.get(BASE, {"lang": "fr"}).content.decode()
    assert "Jeudi 24 octobre 2019 (10 h 00 – 13 h 00)" in re.sub(r"<[^>]+>", "", page)
    assert f"{BASE}download.docx?lang=pt" in page
    assert f"{BASE}download.pdf?lang=es" in page
    # A row per language, named in itself, with the formats named in the reader's language.
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Español Word (DOCX) PDF Web page (HTML) Show below" in text
    assert "Français Word (DOCX) PDF Web page (HTML) Shown below" in text
    assert "Approve revision" not in page  # only for those allowed to approve


def test_the_current_plan_downloads_as_docx(client: Client, term: Term) -> None:
    response = client.get(f"{BASE}download.docx", {"lang": "en"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}.en.docx"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "1. Introduction" in text


def test_approving_needs_the_permission(client: Client, term: Term) -> None:
    client.force_login(User.objects.create_user("delegate", password="x"))
    assert approve(client).status_code == 403
    assert not Revision.objects.exists()


def test_the_chair_approves_a_revision_that_is_then_immutable(chair: Client, term: Term) -> None:
    assert blocking_findings(plan_without_errors()) == []
    response = approve(chair)
    assert response.status_code == 302
    revision = Revision.objects.get()
    # The model plan's document is at rev. 2: the first revision approved here is rev. 3.
    assert (revision.number, revision.symbol, revision.approved_on) == (
        3,
        "CP/CSH-1933/19 rev. 3",
        dt.date(2019, 12, 5),
    )
    assert revision.approved_by is not None and revision.approved_by.username == "chair"
    revision.symbol = "changed"
    with pytest.raises(ImmutableError):
        revision.save()


def test_errors_block_approval_unless_the_chair_gives_a_reason(chair: Client) -> None:
    store_published(model_plan())  # the model plan as printed has one error (REQ001)
    refused = approve(chair)
    assert refused.status_code == 409
    assert "Revision not approved" in refused.content.decode()
    assert not Revision.objects.exists()
    assert approve(chair, override_reason="Date confirmed orally by the Chair").status_code == 302
    revision = Revision.objects.get()
    assert revision.override_reason == "Date confirmed orally by the Chair"
    assert [f["code"] for f in revision.blocking_findings] == ["REQ001"]


def test_a_revisions_documents_download_byte_for_byte_the_same_later(
    chair: Client, term: Term
) -> None:
    approve(chair)
    first = chair.get(f"{BASE}rev3.docx", {"lang": "fr"}).content
    # The term's plan changes afterwards; the approved revision's document does not.
    changed = plan_without_errors()
    store_published(changed.model_copy(update={"meetings": changed.meetings[1:]}), replace=True)
    again = chair.get(f"{BASE}rev3.docx", {"lang": "fr"}).content
    assert again == first
    assert RenderedDocument.objects.filter(format="docx", lang="fr").count() == 1
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(first)).paragraphs)
    assert "CP/CSH-1933/19 rev. 3" in text


def moved_and_item_added(plan: Plan) -> Plan:
    meetings = []
    for meeting in plan.meetings:
        if meeting.id == "csh-2019-12-12":
            meeting = meeting.model_copy(
                update={"date": dt.date(2019, 12, 19), "previous_dates": [meeting.date]}
            )
        if meeting.id == "csh-2020-02-13":
            item = AgendaNode(title=Text.of("fr", "Nouveau point"))
            meeting = meeting.model_copy(update={"agenda": [*meeting.agenda, item]})
        meetings.append(meeting)
    return plan.model_copy(update={"meetings": meetings})


def test_comparing_two_revisions_lists_the_changes_in_the_readers_language(
    chair: Client, term: Term
) -> None:
    approve(chair)
    store_published(moved_and_item_added(plan_without_errors()), replace=True)
    approve(chair, symbol="CP/CSH-1933/19 rev. 4")
    page = chair.get(f"{BASE}compare/", {"a": "3", "b": "4", "lang": "en"}).content.decode()
    assert "Meeting moved from December 12, 2019 to December 19, 2019." in page
    assert "Meeting of February 13, 2020: agenda item added: Nouveau point" in page
    # The second revision's document ends with the changes since the first.
    document = docx.Document(io.BytesIO(chair.get(f"{BASE}rev4.docx", {"lang": "es"}).content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Cambios desde la rev. 3" in text
    assert "Reunión trasladada del 12 de diciembre de 2019 al 19 de diciembre de 2019." in text


def test_an_approver_reads_the_draft_revision_they_approved_and_the_public_does_not(
    chair: Client, term: Term
) -> None:
    approve(chair)
    assert Revision.objects.get().visibility == Visibility.DRAFT
    assert chair.get(f"{BASE}rev3.docx", {"lang": "fr"}).status_code == 200
    public = Client()
    assert public.get(f"{BASE}rev3.docx", {"lang": "fr"}).status_code == 404
    set_revision_visibility(Revision.objects.get(), Visibility.PUBLIC, None)
    assert public.get(f"{BASE}rev3.docx", {"lang": "fr"}).status_code == 200


def test_the_command_approves_a_revision(term: Term) -> None:
    call_command("approve_revision", SLUG, symbol="CP/CSH-1933/19 rev. 3", date="2019-12-05")
    assert Revision.objects.get().number == 3
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("approve_revision", SLUG, symbol="x", date="5 December")


def test_the_command_refuses_a_plan_with_errors_without_a_reason() -> None:
    store_published(model_plan())
    with pytest.raises(CommandError, match="REQ001"):
        call_command("approve_revision", SLUG, symbol="x", date="2019-12-05")


def test_the_page_speaks_the_readers_language(client: Client, term: Term) -> None:
    page = client.get(BASE, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Descargar el plan de trabajo" in page
    # The document follows the page's language unless another is asked for.
    assert "Jueves 24 de octubre de 2019" in re.sub(r"<[^>]+>", "", page)


@pytest.mark.parametrize("lang", ["fr", "es", "pt"])
def test_the_apps_catalog_is_complete(lang: str) -> None:
    from pathlib import Path

    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    import comitia.web.documents

    folder = Path(comitia.web.documents.__file__).parent / "locale" / lang / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            assert message.string and not message.fuzzy, message.id
    with (folder / "django.mo").open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    assert compiled == {m.id: m.string for m in catalog if m.id}


def test_the_plan_page_offers_to_compare_approved_revisions(chair: Client, term: Term) -> None:
    approve(chair)
    page = chair.get(BASE, {"lang": "en"}).content.decode()
    assert f'action="{BASE}compare/"' in page
    assert '<option value="3">CP/CSH-1933/19 rev. 3</option>' in page
    assert chair.get(f"{BASE}compare/", {"a": "3", "b": "current"}).status_code == 200
    # The next revision is offered with its number and symbol.
    assert 'value="CP/CSH-1933/19 rev. 4"' in page
    assert "Approve revision 4" in page
