"""The output formats, in one table: name, media type, file extension and what writes each.

``comitia render`` and the web's downloads both read this table; adding a format is adding a
row (and its folder). Each row names the package that writes the format rather than holding
its function, and the package is imported when the format is used: reading the table costs
nothing, so a command that only lists the formats (``comitia check``, ``comitia export``, the
parser of every command) never imports python-docx, WeasyPrint or icalendar.

A format package exposes ``render(plan, lang) -> bytes``; the formats that print the shared
work-plan document (``comitia.render.document``) also expose ``write(document) -> bytes``,
which the web uses for a revision's document with its annex of changes.

A row also says which documents its format prints (``documents``): the work plan, a
resolution, or both. The document formats print a resolution from the same blocks
(``comitia.render.document.resolution``); Akoma Ntoso prints resolutions only, from its
package's ``render_resolution(plan, resolution, lang) -> bytes``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from comitia.render import RenderError

if TYPE_CHECKING:
    from comitia.plan import Plan, Resolution
    from comitia.render.document import Document

WORKPLAN, RESOLUTION = "workplan", "resolution"
"""The documents ``comitia render --document`` prints."""


class _Package(Protocol):
    def render(self, plan: Plan, lang: str) -> bytes: ...


class _DocumentPackage(_Package, Protocol):
    def write(self, document: Document) -> bytes: ...


class _ResolutionPackage(_Package, Protocol):
    def render_resolution(self, plan: Plan, resolution: Resolution, lang: str) -> bytes: ...


@dataclass(frozen=True)
class OutputFormat:
    name: str
    media_type: str
    extension: str
    package: str
    """The module that writes the format, imported on first use."""
    prints_document: bool
    """Whether the format prints the work-plan document (its package has ``write``)."""
    documents: tuple[str, ...] = (WORKPLAN, RESOLUTION)
    """The documents it prints: ``workplan``, ``resolution``."""

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

    def render_resolution(
        self,
        plan: Plan,
        lang: str,
        resolution_id: str | None = None,
        *,
        earlier: Resolution | None = None,
    ) -> bytes:
        """Resolution ``resolution_id`` of ``plan`` (by default the term's draft, otherwise the
        resolution its mandates come from) in ``lang``; with ``earlier``, its comparison with
        that revision. RenderError for a format that prints no resolution or no comparison.
        """
        from comitia.render.document.resolution import (
            build_resolution_document,
            choose_resolution,
        )

        if RESOLUTION not in self.documents:
            raise RenderError(f"the {self.name} format does not print resolutions")
        resolution = choose_resolution(plan, resolution_id)
        if self.prints_document:
            return self.write(build_resolution_document(plan, resolution, lang, earlier=earlier))
        if earlier is not None:
            raise RenderError(f"the {self.name} format does not print a comparison of revisions")
        package = cast(_ResolutionPackage, importlib.import_module(self.package))
        return package.render_resolution(plan, resolution, lang)


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
        documents=(WORKPLAN,),
    ),
    OutputFormat(
        name="akn",
        media_type="application/akn+xml",
        extension="xml",
        package="comitia.render.akn",
        prints_document=False,
        documents=(RESOLUTION,),
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
