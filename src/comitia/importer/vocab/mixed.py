"""Words for a document whose frame and content are in two languages.

Comitia prints a plan in any of the four languages; content that has no translation yet is
printed in its original language. An English document of a French plan has English headings,
dates and sentences around French titles, bodies, presenters and paragraph references. Such a
document is read with both languages' words: every phrase of either language counts, the
document's own language first.

Only documents that Comitia wrote are read this way (their DOCX says both languages); a legacy
document is read with its own language's words alone, so the union cannot misread it.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from typing import Any

from comitia.importer.vocab import LANGUAGES
from comitia.importer.vocab.base import ImporterWords


def _merge(first: Any, second: Any) -> Any:
    if isinstance(first, tuple) and first and isinstance(first[0], tuple):
        # Ordered alternatives ("first", "second", ...): merged place by place.
        return tuple(_merge(a, b) for a, b in itertools.zip_longest(first, second, fillvalue=()))
    if isinstance(first, tuple):
        return first + tuple(w for w in second if w not in first)
    if isinstance(first, dict):
        merged = dict(second)
        for key, value in first.items():
            merged[key] = _merge(value, second[key]) if key in second else value
        return merged
    if isinstance(first, str):
        # A regular expression: either language's.
        return first if first == second else f"(?:{first})|(?:{second})"
    return first


@functools.cache
def mixed_words(frame_lang: str, content_lang: str) -> ImporterWords:
    """The words of the frame's language, then those of the content's that it lacks."""
    frame, content = LANGUAGES[frame_lang], LANGUAGES[content_lang]
    return dataclasses.replace(
        frame,
        **{
            f.name: _merge(getattr(frame, f.name), getattr(content, f.name))
            for f in dataclasses.fields(frame)
        },
    )
