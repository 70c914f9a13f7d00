"""The renderers' fixed wording in four languages, from the gettext catalogs (``comitia.catalog``).

Messages are written in English in the code (``w._("Budget")``) and translated by the
``comitia_render`` catalogs; placeholders use ``str.format`` names (``{date}``). What is not a
sentence (how a time of day or an amount is written) is kept as per-language data here.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
from decimal import Decimal

from babel.lists import format_list
from babel.numbers import format_decimal
from num2words import num2words

from comitia import catalog

# The catalog is shared with the importer, which recognizes its sentences (comitia.catalog);
# its names are re-exported here for the renderers and their tests.
from comitia.catalog import DOMAIN as DOMAIN
from comitia.catalog import LANGUAGES as LANGUAGES
from comitia.catalog import LOCALE_DIR as LOCALE_DIR
from comitia.render import RenderError


class UnknownLanguage(RenderError):
    """A language that has no catalog."""


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"no wording for the language {lang!r}; use one of {LANGUAGES}")
    return catalog.translations(lang)


class Wording:
    """The fixed texts of one language: ``_`` for a message, ``n`` for one that counts."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._t = _translations(lang)

    def _(self, message: str, **values: object) -> str:
        text = self._t.gettext(message)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, **values: object) -> str:
        return self._t.ngettext(singular, plural, count).format(count=count, **values)

    def join(self, items: list[str]) -> str:
        """ "a, b and c" in this language."""
        return format_list(items, locale=self.lang) if items else ""

    def quote(self, text: str) -> str:
        """``text`` between this language's quotation marks."""
        opening, closing = self.quotation_marks()
        return f"{opening}{text}{closing}"

    def quotation_marks(self) -> tuple[str, str]:
        return ("«\u00a0", "\u00a0»") if self.lang == "fr" else ("“", "”")

    def time_range(self, start: dt.time, end: dt.time) -> str:
        return f"{format_time(start, self.lang)} – {format_time(end, self.lang)}"

    def amount(self, value: Decimal) -> str:
        """A figure with this language's digit grouping: 126 200 (fr), 126,200 (en)."""
        whole = value == value.to_integral_value()
        return format_decimal(value, format="#,##0" if whole else "#,##0.00", locale=self.lang)

    def amount_in_words(self, value: Decimal) -> str:
        return amount_in_words(value, self.lang)

    def session_ordinal(self, number: int) -> str:
        return session_ordinal(number, self.lang)


# How a time of day is written. French OAS documents write "10 h 00"; English ones "10:00 a.m.";
# Spanish ones follow the English 12-hour style ("10:00 a.m."); Portuguese ones "10h00".
def format_time(t: dt.time, lang: str) -> str:
    if lang == "fr":
        return f"{t.hour} h {t.minute:02d}"
    if lang == "pt":
        return f"{t.hour}h{t.minute:02d}"
    if lang in ("en", "es"):
        hour = t.hour % 12 or 12
        suffix = "a.m." if t.hour < 12 else "p.m."
        if t == dt.time(12, 0):
            return "12:00 noon" if lang == "en" else "12:00 m."
        return f"{hour}:{t.minute:02d} {suffix}"
    raise UnknownLanguage(f"no time format for the language {lang!r}")


# num2words writes "veintiuno mil" where Spanish says "veintiún mil" (apocope before "mil"
# and before the noun); the other languages need no correction.
_SPANISH_APOCOPE = (("veintiuno mil", "veintiún mil"), ("uno mil", "un mil"))


# num2words's "pt" is European Portuguese ("dezassete", "dezanove"); the Organization's Portuguese
# documents are written in Brazilian Portuguese ("dezessete", "dezenove").
_NUM2WORDS_LANGUAGE = {"pt": "pt_BR"}


# num2words's ordinals, corrected where they are not how the Organization writes them: the
# French "session" is feminine ("première"), "quatre-vingtième" loses its "s"; Spanish writes
# "cuadragésimo" and "decimoprimero" in one word without the accent.
_ORDINAL_CORRECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("quatre-vingtsième", "quatre-vingtième"),),
    "es": (("quadragésimo", "cuadragésimo"), (r"décimo(?=\w)", "decimo")),
}
_FEMININE_FIRST = {"fr": ("premier", "première")}


def session_ordinal(number: int, lang: str) -> str:
    """The ordinal of a session of the General Assembly in words, capitalized as the
    Organization names its sessions: "Quarante-neuvième", "Forty-ninth", "Cuadragésimo noveno",
    "Quadragésimo nono"."""
    words: str = num2words(number, lang=_NUM2WORDS_LANGUAGE.get(lang, lang), to="ordinal")
    for wrong, right in _ORDINAL_CORRECTIONS.get(lang, ()):
        words = re.sub(wrong, right, words)
    masculine, feminine = _FEMININE_FIRST.get(lang, ("", ""))
    if masculine and words == masculine:
        words = feminine
    return words[:1].upper() + words[1:]


def amount_in_words(value: Decimal, lang: str) -> str:
    """A whole amount in words, "cent vingt-six mille deux cents"; cents as "NN/100"."""
    whole = int(value)
    words: str = num2words(whole, lang=_NUM2WORDS_LANGUAGE.get(lang, lang))
    if lang == "es":
        for wrong, right in _SPANISH_APOCOPE:
            words = words.replace(wrong, right)
        if words.endswith("uno"):
            words = words[:-1]  # "veintiún dólares", "un dólar"
            words = words[:-2] + "ún" if words.endswith("iun") else words
    if lang == "en":
        # United States usage, as in the Organization's English documents: no "and" after
        # hundred, no commas ("one hundred twenty-six thousand two hundred").
        words = words.replace(",", "").replace(" and ", " ")
    cents = int((value - whole) * 100)
    return f"{words} {cents:02d}/100" if cents else words
