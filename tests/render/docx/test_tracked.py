"""Tracked changes by one author at one time (render/docx/tracked.py): what Word and
LibreOffice show as revisions, each with its author and date."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from comitia.render.document.resolution import build_resolution_document
from comitia.render.docx.tracked import word_time, write_tracked
from tests.render.docx.test_resolution_docx import NS, W, body, paragraph_text
from tests.render.resolutions import draft, illustrative_plan

WHEN = dt.datetime(2020, 5, 14, 15, 30, 12, 345, tzinfo=dt.timezone(dt.timedelta(hours=-4)))


def _changes(lang: str = "en", author: str = "Secretariat (illustrative)") -> bytes:
    plan = illustrative_plan(2)
    document = build_resolution_document(plan, draft(2), lang, earlier=draft(1))
    return write_tracked(document, author=author, when=WHEN)


def test_word_time_is_utc_to_the_second() -> None:
    assert word_time(WHEN) == "2020-05-14T19:30:12Z"
    assert word_time(dt.datetime(2020, 1, 2, 3, 4, 5)) == "2020-01-02T03:04:05Z"


def test_every_change_names_its_author_and_date() -> None:
    root = body(_changes())
    changes = root.xpath("//w:ins | //w:del", namespaces=NS)
    assert changes
    assert {c.get(f"{{{W}}}author") for c in changes} == {"Secretariat (illustrative)"}
    assert {c.get(f"{{{W}}}date") for c in changes} == {"2020-05-14T19:30:12Z"}
    ids = [c.get(f"{{{W}}}id") for c in changes]
    assert len(set(ids)) == len(ids)
    assert root.xpath("//w:del//w:t", namespaces=NS) == []


def test_accepting_gives_the_newer_text_and_rejecting_the_older() -> None:
    root = body(_changes())
    clause = next(
        p for p in root.iter(f"{{{W}}}p") if "To instruct" in paragraph_text(p, accepted=True)
    )
    assert "Committee on Hemispheric Security" in paragraph_text(clause, accepted=True)
    assert "Permanent Council" in paragraph_text(clause, accepted=False)


def test_a_tracked_change_names_its_author() -> None:
    with pytest.raises(ValueError, match="author"):
        _changes(author=" ")


def _soffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.slow
def test_libreoffice_loads_the_changes_as_tracked_changes(tmp_path: Path) -> None:
    """LibreOffice opens the DOCX and keeps each change as a revision with its author and
    date (its ODT holds them as text:changed-region), and prints it to PDF."""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    source = tmp_path / "changes.docx"
    source.write_bytes(_changes())
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for target in ("odt", "pdf"):
        subprocess.run(
            [
                soffice,
                profile,
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    with zipfile.ZipFile(tmp_path / "changes.odt") as odt:
        content = etree.fromstring(odt.read("content.xml"))
    ns = {
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    regions = content.xpath("//text:changed-region", namespaces=ns)
    assert regions
    assert content.xpath("//text:changed-region/text:insertion", namespaces=ns)
    assert content.xpath("//text:changed-region/text:deletion", namespaces=ns)
    authors = set(content.xpath("//text:changed-region//dc:creator/text()", namespaces=ns))
    assert authors == {"Secretariat (illustrative)"}
    dates = set(content.xpath("//text:changed-region//dc:date/text()", namespaces=ns))
    assert dates and all(d.startswith("2020-05-14T19:30:12") for d in dates)
    assert (tmp_path / "changes.pdf").read_bytes().startswith(b"%PDF")
