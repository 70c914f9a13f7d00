"""The work-plan document as PDF, printed by WeasyPrint from the HTML page.

Page numbers come from the CSS ``@page`` counters of the HTML templates, footnotes from
``float: footnote``; there is no PDF-specific layout to keep in step with the HTML. The page
WeasyPrint prints is the HTML page written for print (``render_page(..., for_print=True)``):
the same text and look in markup that costs WeasyPrint less (see ``article.html``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comitia.plan import Plan
    from comitia.render.document import Document


def render(plan: Plan, lang: str) -> bytes:
    """The document for ``plan`` in ``lang`` as PDF bytes."""
    from comitia.render.document import build_document

    return write(build_document(plan, lang))


def write(document: Document) -> bytes:
    """A built document (``comitia.render.document``) as PDF bytes."""
    from comitia.render.pdf.writer import write_pdf

    return write_pdf(document)
