"""The work-plan document as one HTML page (Jinja2 templates, never Django's).

The same templates serve the web page of the plan (``render_article`` gives the document's
``<article>`` for embedding) and the PDF, which WeasyPrint prints from ``render_page``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comitia.plan import Plan
    from comitia.render.document import Document


def render(plan: Plan, lang: str) -> bytes:
    """The document for ``plan`` in ``lang`` as a standalone HTML page, UTF-8."""
    from comitia.render.document import build_document

    return write(build_document(plan, lang))


def write(document: Document) -> bytes:
    """A built document (``comitia.render.document``) as a standalone HTML page, UTF-8."""
    from comitia.render.html.writer import render_page

    return render_page(document).encode("utf-8")
