"""Words for reading work-plan documents, one module per language.

To add a language, copy ``en.py``, translate it, and register it in ``LANGUAGES``.
"""

from comitia.importer.vocab import en, es, fr, pt
from comitia.importer.vocab.base import ImporterWords

LANGUAGES: dict[str, ImporterWords] = {
    "en": en.WORDS,
    "es": es.WORDS,
    "fr": fr.WORDS,
    "pt": pt.WORDS,
}

__all__ = ["LANGUAGES", "ImporterWords"]
