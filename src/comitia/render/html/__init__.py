"""The work-plan document as one HTML page (Jinja2 templates, never Django's).

The same templates serve the web page of the plan (``render_article`` gives the document's
``<article>`` for embedding) and the PDF, which WeasyPrint prints from ``render_page``.
"""

from __future__ import annotations

from comitia.plan import Plan

MEDIA_TYPE = "text/html; charset=utf-8"
EXTENSION = "html"


def render(plan: Plan, lang: str) -> bytes:
    """The document for ``plan`` in ``lang`` as a standalone HTML page, UTF-8."""
    from comitia.render.document import build_document
    from comitia.render.html.writer import render_page

    return render_page(build_document(plan, lang)).encode("utf-8")
