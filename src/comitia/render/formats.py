"""The output formats, in one table: name, media type, file extension and what writes each.

``comitia render`` and the web's downloads both read this table; adding a format is adding a
row (and its folder). Each row names the package that writes the format rather than holding
its function, and the package is imported when the format is used: reading the table costs
nothing, so a command that only lists the formats (``comitia check``, ``comitia export``, the
parser of every command) never imports python-docx, WeasyPrint or icalendar.

A format package exposes ``render(plan, lang) -> bytes``; the formats that print the shared
work-plan document (``comitia.render.document``) also expose ``write(document) -> bytes``,
which the web uses for a revision's document with its annex of changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from comitia.render import RenderError

if TYPE_CHECKING:
    from comitia.plan import Plan
    from comitia.render.document import Document


class _Package(Protocol):
    def render(self, plan: Plan, lang: str) -> bytes: ...


class _DocumentPackage(_Package, Protocol):
    def write(self, document: Document) -> bytes: ...


@dataclass(frozen=True)
class OutputFormat:
    name: str
    media_type: str
    extension: str
    package: str
    """The module that writes the format, imported on first use."""
    prints_document: bool
    """Whether the format prints the work-plan document (its package has ``write``)."""

    def render(self, plan: Plan, lang: str) -> bytes:
        """``plan`` in ``lang`` in this format; RenderError if it cannot be written."""
        # Looked up at each call, not kept: the package's function is the one to call.
        return cast(_Package, importlib.import_module(self.package)).render(plan, lang)

    def write(self, document: Document) -> bytes:
        """A built work-plan document in this format; RenderError for a format that prints
        no document (the calendar feed)."""
        if not self.prints_document:
            raise RenderError(f"the {self.name} format does not print the work-plan document")
        return cast(_DocumentPackage, importlib.import_module(self.package)).write(document)


_ROWS = (
    OutputFormat(
        name="docx",
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extension="docx",
        package="comitia.render.docx",
        prints_document=True,
    ),
    OutputFormat(
        name="pdf",
        media_type="application/pdf",
        extension="pdf",
        package="comitia.render.pdf",
        prints_document=True,
    ),
    OutputFormat(
        name="html",
        media_type="text/html; charset=utf-8",
        extension="html",
        package="comitia.render.html",
        prints_document=True,
    ),
    OutputFormat(
        name="ics",
        media_type="text/calendar",
        extension="ics",
        package="comitia.render.ics",
        prints_document=False,
    ),
)

FORMATS: dict[str, OutputFormat] = {row.name: row for row in _ROWS}
"""Every output format by name, documents first in the order the download page offers them."""

DOCUMENT_FORMATS: tuple[str, ...] = tuple(row.name for row in _ROWS if row.prints_document)


def output_format(name: str) -> OutputFormat:
    """The format called ``name``; RenderError if there is none."""
    try:
        return FORMATS[name]
    except KeyError:
        raise RenderError(
            f"unknown format {name!r}; available: {', '.join(format_names())}"
        ) from None


def format_names() -> list[str]:
    """The names of the formats, sorted (as ``comitia render --format`` lists them)."""
    return sorted(FORMATS)
