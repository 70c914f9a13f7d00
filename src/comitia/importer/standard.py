"""Recognize the fixed sentences that Comitia's renderer prints in every work-plan document.

A document that Comitia wrote holds, besides its data, the renderer's standard wording: the
purpose of the methodology, how delegations send suggestions, the general considerations. Those
sentences come from the renderer's gettext catalog (``comitia.catalog``), carry no data of the
plan, and are printed again from the catalog on the next render. A line of such a document that
is exactly one of them, in the document's language, is counted as "standard wording" instead of
being reported unused.

Only whole sentences count (eight words or more of fixed text), and the only placeholder they
may hold is the term ("2019-2020"), which must be the imported term: a sentence that carries any
other value is data and stays with the readers that understand it, or is reported unused.
Legacy documents are never matched against the catalog: their prose is the secretariat's own.
"""

from __future__ import annotations

import functools
import re

from comitia.catalog import compiled_messages
from comitia.importer.context import Context, fold
from comitia.importer.source import clean

KIND = "standard wording (Comitia's renderer)"
_MIN_WORDS = 8
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@functools.cache
def standard_sentences(lang: str) -> tuple[str, ...]:
    """The renderer's fixed sentences in ``lang``, with "{term}" where the term goes."""
    catalog = compiled_messages(lang)
    if catalog is None:
        return ()
    sentences = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or message.pluralizable:
            continue
        text = message.string if isinstance(message.string, str) and message.string else message.id
        names = set(_PLACEHOLDER.findall(text))
        if names - {"term"}:
            continue
        if len(_PLACEHOLDER.sub(" ", text).split()) >= _MIN_WORDS:
            sentences.append(clean(text))
    return tuple(sentences)


def recognize_standard_wording(ctx: Context, term: str) -> None:
    """Mark the unused lines that are the renderer's fixed sentences as used, counted."""
    known = {fold(sentence.replace("{term}", term)) for sentence in standard_sentences(ctx.lang)}
    for line in ctx.lines:
        if not line.blank and line.number not in ctx.used and fold(line.text) in known:
            ctx.use(line, KIND)
