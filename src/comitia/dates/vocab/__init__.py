"""Printing vocabulary, one module per language; ``vocabulary(lang)`` looks one up.

To add a language, copy ``en.py``, translate it, and register it in ``LANGUAGES``.
"""

from comitia.dates.fuzzy import FuzzyDateError
from comitia.dates.vocab import en, es, fr, pt
from comitia.dates.vocab.base import Vocabulary

LANGUAGES: dict[str, Vocabulary] = {
    "en": en.VOCABULARY,
    "es": es.VOCABULARY,
    "fr": fr.VOCABULARY,
    "pt": pt.VOCABULARY,
}


def vocabulary(lang: str) -> Vocabulary:
    """The vocabulary for ``lang``; raise ``FuzzyDateError`` (a ``ValueError``) if unsupported."""
    try:
        return LANGUAGES[lang]
    except (KeyError, TypeError):
        supported = ", ".join(sorted(LANGUAGES))
        raise FuzzyDateError(
            f"unsupported language {lang!r}; expected one of {supported}"
        ) from None


__all__ = ["LANGUAGES", "Vocabulary", "vocabulary"]
