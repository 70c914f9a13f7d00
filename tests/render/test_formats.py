"""The table of output formats: every row can write its format, and reading the table imports
no format's libraries."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from comitia.render import RenderError, available_formats, renderer
from comitia.render.document import build_document
from comitia.render.formats import DOCUMENT_FORMATS, FORMATS, format_names, output_format
from tests.render.model import model_plan


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_row_names_a_package_that_writes_its_format(name: str) -> None:
    row = FORMATS[name]
    package = importlib.import_module(row.package)
    assert callable(package.render)
    assert callable(getattr(package, "write", None)) is row.prints_document
    assert row.name == name and row.extension and "/" in row.media_type


def test_the_documents_are_offered_word_pdf_then_html_and_the_feed_is_not_one() -> None:
    assert DOCUMENT_FORMATS == ("docx", "pdf", "html")
    assert format_names() == available_formats() == ["akn", "docx", "html", "ics", "pdf"]


def test_akoma_ntoso_prints_resolutions_only_and_the_feed_the_work_plan_only() -> None:
    assert FORMATS["akn"].documents == ("resolution",)
    assert FORMATS["ics"].documents == ("workplan",)
    assert all(FORMATS[name].documents == ("workplan", "resolution") for name in DOCUMENT_FORMATS)
    with pytest.raises(RenderError, match="ics format does not print resolutions"):
        output_format("ics").render_resolution(model_plan(), "en")


def test_writing_a_built_document_gives_the_bytes_of_rendering_the_plan() -> None:
    html = output_format("html")
    plan = model_plan()
    assert html.write(build_document(plan, "es")) == html.render(plan, "es")
    assert renderer("html")(plan, "es") == html.render(plan, "es")


def test_an_unknown_format_is_refused_with_the_known_ones() -> None:
    with pytest.raises(RenderError, match=r"'odt'; available: akn, docx, html, ics, pdf"):
        output_format("odt")
    with pytest.raises(RenderError, match="'odt'"):
        renderer("odt")


def test_the_feed_prints_no_document() -> None:
    with pytest.raises(RenderError, match="ics"):
        output_format("ics").write(build_document(model_plan(), "en"))


def test_reading_the_table_imports_no_format_package() -> None:
    probe = (
        "import json, sys\n"
        "from comitia.render.formats import FORMATS, output_format\n"
        "[(f.media_type, f.extension) for f in FORMATS.values()]\n"
        "output_format('pdf')\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(json.loads(done.stdout))
    assert "comitia.render.formats" in modules
    packages = {row.package for row in FORMATS.values()}
    assert not packages & modules
    assert not {"docx", "weasyprint", "icalendar", "jinja2"} & modules
