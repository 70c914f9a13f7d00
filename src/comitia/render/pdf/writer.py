"""Print a ``Document`` as PDF with WeasyPrint."""

from __future__ import annotations

import logging

import weasyprint

from comitia.cycles import cycle_collection_paused
from comitia.render.document.blocks import Document
from comitia.render.html.writer import render_page

# WeasyPrint logs every CSS property it ignores at WARNING; the templates are ours and tested.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def write_pdf(document: Document) -> bytes:
    # The PDF's title and language come from the page's <title> and <html lang>.
    html = weasyprint.HTML(string=render_page(document, for_print=True), base_url=None)
    with cycle_collection_paused():  # WeasyPrint's boxes, by the hundred thousand
        pdf: bytes = html.write_pdf()
    return pdf
