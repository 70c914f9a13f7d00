"""The fingerprint of the code that makes the outputs (web/fingerprint): it changes with what
the outputs are made from and with nothing else, and the kept outputs are keyed by it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from comitia.web.fingerprint import WRITERS, code_fingerprint, fingerprint_of, output_key


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "comitia"
    (root / "render" / "templates").mkdir(parents=True)
    (root / "render" / "writer.py").write_text("WIDTH = 1\n")
    (root / "render" / "templates" / "plan.html").write_text("<h1>{{ title }}</h1>\n")
    (root / "locale").mkdir()
    (root / "locale" / "django.po").write_text('msgid "a"\nmsgstr "b"\n')
    (root / "locale" / "django.mo").write_bytes(b"\x00compiled")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "writer.cpython-311.pyc").write_bytes(b"bytecode")
    return root


def _of(root: Path) -> str:
    return fingerprint_of(root, ("Django",))


def test_a_changed_template_or_module_or_catalogue_changes_the_fingerprint(package: Path) -> None:
    before = _of(package)
    for path, text in [
        ("render/templates/plan.html", "<h2>{{ title }}</h2>\n"),
        ("render/writer.py", "WIDTH = 2\n"),
    ]:
        (package / path).write_text(text)
        assert _of(package) != before
        before = _of(package)
    (package / "locale" / "django.mo").write_bytes(b"\x00compiled again")
    assert _of(package) != before


def test_a_file_added_or_moved_changes_the_fingerprint(package: Path) -> None:
    before = _of(package)
    (package / "render" / "templates" / "plan.html").rename(package / "render" / "plan.html")
    moved = _of(package)
    assert moved != before
    (package / "render" / "new.css").write_text("")
    assert _of(package) != moved


def test_times_bytecode_and_the_translators_catalogues_leave_it_alone(package: Path) -> None:
    before = _of(package)
    os.utime(package / "render" / "writer.py", (0, 0))
    (package / "__pycache__" / "writer.cpython-311.pyc").write_bytes(b"other bytecode")
    (package / "locale" / "django.po").write_text('msgid "a"\nmsgstr "c"\n')
    assert _of(package) == before


def test_the_version_of_a_library_that_writes_is_in_it(package: Path) -> None:
    assert fingerprint_of(package, ("Django",)) != fingerprint_of(package, ("weasyprint",))
    assert fingerprint_of(package, ("no-such-distribution",)) != _of(package)


def test_the_running_code_has_one_fingerprint() -> None:
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 16
    assert "weasyprint" in WRITERS and "Django" in WRITERS


def test_a_kept_outputs_key_differs_by_kind_by_what_it_is_made_from_and_by_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from comitia.web import fingerprint

    key = output_key("feed", (1, 7, "en"))
    assert key.startswith("comitia:feed:")
    assert key == output_key("feed", (1, 7, "en"))
    assert output_key("page", (1, 7, "en")) != key
    assert output_key("feed", (1, 8, "en")) != key
    monkeypatch.setattr(fingerprint, "code_fingerprint", lambda: "another-release")
    assert output_key("feed", (1, 7, "en")) != key
