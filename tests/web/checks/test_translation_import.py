"""Importing a translated XLIFF file on the web: preview, confirm all at once, refusals."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from translate.storage import xliff as tt_xliff

from comitia.plan import Language, Plan
from comitia.plan.files import read_plan
from comitia.translations.texts import Status, fingerprint, plan_texts, without_translations
from comitia.translations.xliff import Select, apply_changes, export_xliff, read_xliff
from comitia.web.access.models import AuditRecord, Membership, Role
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
BODY = "bodies/cp/name"  # the Permanent Council's name, "Conseil permanent"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


def _user(client: Client, name: str, role: Role, **where: Any) -> Client:
    user = User.objects.create_user(name, password="x")
    Membership.objects.create(user=user, role=role, **where)
    client.force_login(user)
    return client


@pytest.fixture
def staff(client: Client) -> Client:
    return _user(client, "secretariat", Role.SECRETARIAT)


@pytest.fixture
def term() -> Term:
    """The model plan without its Portuguese translations (and the others), published."""
    return store_published(without_translations(read_plan(MODEL_PLAN)))


def _translated(data: bytes, targets: dict[str, str] | None = None) -> bytes:
    """The exported ``data`` with each unit's target set: ``targets`` by id, or every unit
    ``[pt] `` and its source (illustrative translations)."""
    store = tt_xliff.xlifffile.parsestring(data)
    for unit in store.units:
        unit_id = unit.xmlelement.get("id")
        if targets is None:
            unit.target = f"[pt] {unit.source}"
        elif unit_id in targets:
            unit.target = targets[unit_id]
    return bytes(store)


def _export(client: Client, term: Term, lang: str = "pt", select: str = "pending") -> bytes:
    response = client.get(f"/terms/{term.slug}/translations.xlf?lang={lang}&select={select}")
    assert response.status_code == 200
    return bytes(response.content)


def _upload(client: Client, term: Term, data: bytes, name: str = "csh.pt.xlf", **extra: Any) -> Any:
    return client.post(
        f"/terms/{term.slug}/translations/import/",
        {"file": SimpleUploadedFile(name, data, content_type="application/x-xliff+xml")},
        **extra,
    )


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found is not None, name
    return found[1]


def _confirm(client: Client, term: Term, preview: Any, **extra: Any) -> Any:
    html = preview.content.decode()
    return client.post(
        f"/terms/{term.slug}/translations/import/confirm/",
        {"digest": _hidden(html, "digest"), "version": _hidden(html, "version"), "confirm": ""},
        follow=True,
        **extra,
    )


def _nothing_written(term: Term, version: int) -> None:
    stored = Term.objects.get(pk=term.pk)
    assert stored.output_version == version
    assert stored.translated_from == {}
    assert not AuditRecord.objects.filter(action="translate").exists()
    assert all(Language.PT not in entry.text.root for entry in plan_texts(load_plan(stored)))


def test_the_preview_lists_each_change_and_writes_nothing(staff: Client, term: Term) -> None:
    data = _translated(_export(staff, term), {BODY: "Conselho Permanente"})
    preview = _upload(staff, term, data, HTTP_ACCEPT_LANGUAGE="en")
    assert preview.status_code == 200
    html = preview.content.decode()
    row = html[html.index(f'id="change-{BODY}"') :]
    row = row[: row.index("</tr>")]
    assert "Body CP; name" in row  # where the text sits
    assert (
        "Conseil permanent" in row and "(none)" in row and "<ins>Conselho Permanente</ins>" in row
    )
    assert "1 translation to import" in html
    _nothing_written(term, Term.objects.get(pk=term.pk).output_version)


def test_confirming_writes_every_translation_at_once_audited_and_raises_the_version(
    staff: Client, term: Term
) -> None:
    plan = load_plan(term)
    data = _translated(_export(staff, term))  # every text of the plan, in every place
    version = Term.objects.get(pk=term.pk).output_version
    preview = _upload(staff, term, data)
    page = _confirm(staff, term, preview, HTTP_ACCEPT_LANGUAGE="en")
    entries = plan_texts(plan)
    assert f"{len(entries)} translations imported from csh.pt.xlf." in page.content.decode()
    stored = Term.objects.get(pk=term.pk)
    assert stored.output_version > version
    expected = apply_changes(plan, read_xliff(plan, data).changes)
    assert load_plan(stored) == expected
    after = load_plan(stored)
    untranslated = [
        e.id for e in plan_texts(after) if e.status(after, Language.PT) is not Status.TRANSLATED
    ]
    assert untranslated == []
    assert stored.translated_from["pt"][BODY] == fingerprint("Conseil permanent")
    record = AuditRecord.objects.get(action="translate")
    assert record.username == "secretariat" and record.term_slug == term.slug
    assert record.before == {"language": "pt", "texts": {e.id: None for e in entries}}
    assert record.after["texts"][BODY] == "[pt] Conseil permanent"
    assert record.reason == "csh.pt.xlf"
    # The file is used once: confirming it again finds nothing kept.
    again = _confirm(staff, term, preview, HTTP_ACCEPT_LANGUAGE="en")
    assert "no longer kept on the server" in again.content.decode()
    assert AuditRecord.objects.filter(action="translate").count() == 1


def test_a_meeting_s_version_is_raised_so_an_open_form_is_told_of_the_change(
    staff: Client, term: Term
) -> None:
    meeting = m.Meeting.objects.filter(term=term, title__isnull=False).order_by("position").first()
    assert meeting is not None
    version = meeting.version
    unit = f"meetings/{meeting.key}/title"
    data = _translated(_export(staff, term), {unit: "Sessão ordinária (ilustrativa)"})
    _confirm(staff, term, _upload(staff, term, data))
    meeting.refresh_from_db()
    assert meeting.version == version + 1
    assert meeting.title is not None and meeting.title["pt"] == "Sessão ordinária (ilustrativa)"
    assert next(iter(meeting.title)) == "fr"  # the original stays first


def test_units_whose_source_changed_since_the_export_are_skipped_and_listed(
    staff: Client, term: Term
) -> None:
    data = _translated(_export(staff, term), {BODY: "Conselho Permanente", "bodies/ag/name": "AG"})
    m.Body.objects.filter(term=term, key="cp").update(name={"fr": "Conseil permanent de l’OEA"})
    preview = _upload(staff, term, data, HTTP_ACCEPT_LANGUAGE="en")
    html = preview.content.decode()
    skipped = html[html.index('id="stale-title"') :]
    assert f"<code>{BODY}</code>" in skipped
    assert f'id="change-{BODY}"' not in html and 'id="change-bodies/ag/name"' in html
    page = _confirm(staff, term, preview)
    assert "1 translation imported" in page.content.decode()
    assert m.Body.objects.get(term=term, key="cp").name == {"fr": "Conseil permanent de l’OEA"}


def test_cancelling_drops_the_kept_file(staff: Client, term: Term) -> None:
    version = Term.objects.get(pk=term.pk).output_version
    preview = _upload(staff, term, _translated(_export(staff, term)))
    digest = _hidden(preview.content.decode(), "digest")
    page = staff.post(
        f"/terms/{term.slug}/translations/import/confirm/",
        {"digest": digest, "version": "0", "cancel": ""},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The import was cancelled" in page.content.decode()
    assert "no longer kept" in _confirm(staff, term, preview).content.decode()
    _nothing_written(term, version)


def test_a_plan_changed_since_the_preview_is_previewed_again_not_written(
    staff: Client, term: Term
) -> None:
    preview = _upload(staff, term, _translated(_export(staff, term), {BODY: "Conselho"}))
    m.Body.objects.filter(term=term, key="ag").update(name={"fr": "Assemblée générale (modifiée)"})
    from comitia.web.plans.output_version import raise_output_version

    raise_output_version(term.pk)
    version = Term.objects.get(pk=term.pk).output_version
    again = _confirm(staff, term, preview, HTTP_ACCEPT_LANGUAGE="en")
    html = again.content.decode()
    assert "The plan has changed since the preview" in html
    assert f'id="change-{BODY}"' in html
    _nothing_written(term, version)
    # Confirmed from the new preview, it is written.
    _confirm(staff, term, again)
    assert m.Body.objects.get(term=term, key="cp").name["pt"] == "Conselho"


def test_another_user_cannot_confirm_a_file_kept_for_someone_else(
    staff: Client, term: Term
) -> None:
    version = Term.objects.get(pk=term.pk).output_version
    preview = _upload(staff, term, _translated(_export(staff, term)))
    other = _user(Client(), "colleague", Role.SECRETARIAT)
    page = _confirm(other, term, preview, HTTP_ACCEPT_LANGUAGE="en")
    assert "no longer kept on the server" in page.content.decode()
    _nothing_written(term, version)


def test_a_failure_while_storing_writes_nothing(
    staff: Client, term: Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comitia.web.plans import translated

    version = Term.objects.get(pk=term.pk).output_version
    preview = _upload(staff, term, _translated(_export(staff, term)))
    # The term read back is not what the import made (a text stored elsewhere, say).
    monkeypatch.setattr(translated, "load_plan", lambda term: read_plan(MODEL_PLAN))
    page = _confirm(staff, term, preview, HTTP_ACCEPT_LANGUAGE="en")
    assert "The translations could not be stored." in page.content.decode()
    _nothing_written(term, version)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x"
 source-language="en" target-language="pt" datatype="plaintext"><body><trans-unit id="a">
<source>a</source><target>&secret;</target></trans-unit></body></file></xliff>"""
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode() for i in range(1, 10)
    )
    + b']><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">&lol9;</xliff>'
)


def _other_plan(data: bytes) -> bytes:
    return data.replace(b'original="comitia:csh/2019-2020"', b'original="comitia:cp/2019-2020"')


def _unknown_id(data: bytes) -> bytes:
    return data.replace(f'id="{BODY}"'.encode(), b'id="bodies/nowhere/name"')


def _wrong_language(data: bytes) -> bytes:
    return data.replace(b'target-language="pt"', b'target-language="ar"')


def _malformed(data: bytes) -> bytes:
    return data.replace(b"</body>", b"</bod>")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            _other_plan,
            "The file was made from the plan comitia:cp/2019-2020, not from this one "
            "(comitia:csh/2019-2020).",
        ),
        (_unknown_id, "Unit bodies/nowhere/name: No text of the plan has this id."),
        (
            _wrong_language,
            "The file&#x27;s source and target languages must be two of fr, en, es, pt.",
        ),
        (_malformed, "The file is not well-formed XML (line"),
        (lambda data: XXE, "document type declaration or entities"),
        (lambda data: LAUGHS, "document type declaration or entities"),
        (lambda data: b"\x00\x01 not a file", "not well-formed XML"),
    ],
    ids=["other-plan", "unknown-id", "wrong-language", "malformed", "xxe", "laughs", "binary"],
)
def test_a_bad_file_is_refused_with_one_message_and_nothing_written(
    staff: Client, term: Term, spoil: Any, message: str
) -> None:
    data = spoil(_translated(_export(staff, term)))
    version = Term.objects.get(pk=term.pk).output_version
    page = _upload(staff, term, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert html.count('class="message error"') == 1
    assert "Nothing was imported." in html and message in html
    _nothing_written(term, version)


def test_a_language_the_plan_is_not_published_in_is_refused(staff: Client) -> None:
    plan = without_translations(read_plan(MODEL_PLAN))
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data["languages"] = ["en", "es"]
    term = store_published(Plan.model_validate(data))
    exported = export_xliff(read_plan(MODEL_PLAN), Language.PT, select=Select.ALL)
    page = _upload(staff, term, exported, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert (
        "The file is a translation into pt, a language the plan is not published in."
        in page.content.decode()
    )


def test_an_oversize_file_is_refused_before_it_is_read(
    staff: Client, term: Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comitia.web.checks import translation_import

    monkeypatch.setattr(translation_import, "MAX_BYTES", 1024 * 1024)
    version = Term.objects.get(pk=term.pk).output_version
    data = _translated(_export(staff, term))
    data = data.replace(b"</xliff>", b" " * (1024 * 1024) + b"</xliff>")
    page = _upload(staff, term, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "The file is larger than 1 MB" in page.content.decode()
    _nothing_written(term, version)


def test_the_refusal_is_in_the_reader_s_language(staff: Client, term: Term) -> None:
    data = _unknown_id(_translated(_export(staff, term)))
    page = _upload(staff, term, data, follow=True, HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    assert "Rien n’a été importé." in html
    assert "Unité bodies/nowhere/name : Aucun texte du plan n’a cet identifiant." in html


def test_the_upload_form_is_for_those_who_may_import(client: Client, term: Term) -> None:
    bureau = _user(Client(), "chair", Role.BUREAU, term=term)
    assert b"translation-file" not in bureau.get(f"/terms/{term.slug}/translations/").content
    assert _upload(bureau, term, b"<x/>").status_code == 403
    staff = _user(client, "secretariat", Role.SECRETARIAT)
    assert b"translation-file" in staff.get(f"/terms/{term.slug}/translations/").content
    assert staff.get(f"/terms/{term.slug}/translations/import/").status_code == 405


def test_every_kind_of_place_is_written_moves_claims_and_milestones_too(staff: Client) -> None:
    from tests.factories import build_plan

    plan = build_plan(6)
    places = {entry.location[0] for entry in plan_texts(plan)} | {
        entry.location[2] for entry in plan_texts(plan) if entry.location[0] == "meetings"
    }
    assert {"count_claims", "summary_claims", "negotiation", "moves", "agenda"} <= places
    term = store_published(without_translations(plan))
    stored_plan = load_plan(term)
    data = export_xliff(stored_plan, Language.EN, select=Select.ALL)
    store = tt_xliff.xlifffile.parsestring(data)
    for unit in store.units:
        unit.target = f"[en] {unit.source}"
    data = bytes(store)
    page = _confirm(staff, term, _upload(staff, term, data), HTTP_ACCEPT_LANGUAGE="en")
    assert f"{len(store.units)} translations imported" in page.content.decode()
    after = load_plan(Term.objects.get(pk=term.pk))
    assert after == apply_changes(stored_plan, read_xliff(stored_plan, data).changes)
    texts = {entry.id: entry.text for entry in plan_texts(after)}
    assert all(
        texts[unit.xmlelement.get("id")][Language.EN] == f"[en] {unit.source}"
        for unit in store.units
    )
