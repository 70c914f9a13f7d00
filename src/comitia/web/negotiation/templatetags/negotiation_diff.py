"""``{{ pieces|diff }}``: a difference's pieces (``comitia.revisions.resolutions.MarkedPiece``)
as HTML, inserted in ``<ins>``, deleted in ``<del>``, pending passages in
``<span class="pending">``. A filter rather than an included template: the draft's page prints
one per amendment, and an include per amendment costs more than the rest of its line."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from comitia.revisions.resolutions import MarkedPiece

register = template.Library()

_TAGS = {"inserted": "ins", "deleted": "del"}


@register.filter
def diff(pieces: Iterable[MarkedPiece]) -> SafeString:
    out = []
    for piece in pieces:
        text = str(escape(piece.text))
        if piece.pending:
            text = f'<span class="pending">{text}</span>'
        tag = _TAGS.get(piece.kind.value)
        out.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return mark_safe("".join(out))  # every text is escaped above
