"""A document of blocks as DOCX whose changes are Word tracked changes by one author at one time.

The DOCX writer already prints the runs a comparison marks (``Span.change``) inside ``w:ins``
and ``w:del``, so that Word and LibreOffice show them as revisions to accept or reject. Here
each revision also says who made it and when (``w:author``, ``w:date``, an ISO 8601 time in
UTC as Word writes it): the delegation that proposed an amendment and when it did, or the
revision of a draft that the changes make. Accepting every change gives the newer text,
rejecting every one the older.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.oxml.ns import qn

from comitia.render.document.blocks import ChangeMark, Document
from comitia.render.docx.writer import _Writer


def word_time(when: dt.datetime) -> str:
    """``when`` as ``w:date`` holds it: ``2020-05-14T15:30:00Z`` (UTC, whole seconds); a
    naive time is taken to be UTC already."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


class _TrackedWriter(_Writer):
    def __init__(self, document: Document, author: str, when: dt.datetime) -> None:
        super().__init__(document)
        self.author = author
        self.when = word_time(when)

    def _tracked(self, run: Any, change: ChangeMark) -> Any:
        wrapper = super()._tracked(run, change)
        wrapper.set(qn("w:author"), self.author)
        wrapper.set(qn("w:date"), self.when)
        return wrapper


def write_tracked(document: Document, *, author: str, when: dt.datetime) -> bytes:
    """``document`` as DOCX bytes, its marked runs tracked changes by ``author`` at ``when``."""
    if not author.strip():
        raise ValueError("a tracked change names its author")
    return _TrackedWriter(document, author, when).write()
