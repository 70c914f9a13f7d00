"""The work-plan document as plain data, shared by the DOCX, HTML and PDF renderers.

This package is not an output format (it has no ``MEDIA_TYPE``): ``build_document(plan, lang)``
returns a ``Document`` of blocks that the format packages print.
"""

from comitia.render.document.blocks import Document
from comitia.render.document.build import build_document
from comitia.render.document.i18n import LANGUAGES, UnknownLanguage, Wording

__all__ = ["LANGUAGES", "Document", "UnknownLanguage", "Wording", "build_document"]
