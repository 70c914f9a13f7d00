"""The work-plan document as a Word file (DOCX), built with python-docx.

Real Word structure a secretariat can restyle: named paragraph styles (Heading 1 and 2, Title,
"Comitia Meeting", "Comitia Area", "footnote text"), numbered and bulleted lists from a
numbering definition, a real table for the calendar and the summary, real footnotes in the
footnotes part, and the page number as a PAGE field in the footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comitia.plan import Plan
    from comitia.render.document import Document


def render(plan: Plan, lang: str) -> bytes:
    """The document for ``plan`` in ``lang`` as DOCX bytes."""
    from comitia.render.document import build_document

    return write(build_document(plan, lang))


def write(document: Document) -> bytes:
    """A built document (``comitia.render.document``) as DOCX bytes."""
    from comitia.render.docx.writer import write_docx

    return write_docx(document)
