"""A body's name with its article, as a sentence prints it: "le Conseil permanent", "de la CSH".

French, Spanish and Portuguese give a name the article of its grammatical gender, and join it
to the preposition before it ("du Conseil", "del Consejo", "pelo Conselho"); French elides it
before a vowel ("l’Assemblée générale", "de l’OEA"). An acronym takes the gender of the name it
stands for: "la CSH" (la Commission), "le CICTE" (le Comité), but "la SSM" in Spanish (la
Secretaría) where French says "le SSM" (le Secrétariat).

The gender of a name is its head noun's, its first word, read from the table below; a head noun
the table does not list is judged by its ending ("-tion", "-ción", "-ção" are feminine), and is
masculine otherwise. The article phrases are messages of the core's catalog
(``comitia.catalog``), one per gender (``msgctxt``), so that translators write each language's
article and contraction once: the sentences then use placeholders that carry the article
("Regular meeting {committee_of_the}").

Plain Python: never imports Django.
"""

from __future__ import annotations

import enum
import functools
import gettext
import re
import unicodedata

from comitia import catalog


def pN_(context: str, message: str) -> str:
    """Mark a message and its context for extraction; it is translated where it is printed."""
    return message


class Gender(enum.StrEnum):
    MASCULINE = "masculine"
    FEMININE = "feminine"


class Form(enum.StrEnum):
    """How the name stands in the sentence; the value is the placeholder's suffix."""

    THE = "the"  # "the Permanent Council", subject or object
    OF_THE = "of_the"  # "of the Permanent Council"
    BY_THE = "by_the"  # "by the Permanent Council"


# Each form in each context, written out so that `make catalogs` extracts them.
_PHRASES: dict[tuple[Form, str], str] = {
    (Form.THE, "masculine"): pN_("masculine", "the {name}"),
    (Form.THE, "feminine"): pN_("feminine", "the {name}"),
    (Form.THE, "masculine, before a vowel"): pN_("masculine, before a vowel", "the {name}"),
    (Form.THE, "feminine, before a vowel"): pN_("feminine, before a vowel", "the {name}"),
    (Form.OF_THE, "masculine"): pN_("masculine", "of the {name}"),
    (Form.OF_THE, "feminine"): pN_("feminine", "of the {name}"),
    (Form.OF_THE, "masculine, before a vowel"): pN_("masculine, before a vowel", "of the {name}"),
    (Form.OF_THE, "feminine, before a vowel"): pN_("feminine, before a vowel", "of the {name}"),
    (Form.BY_THE, "masculine"): pN_("masculine", "by the {name}"),
    (Form.BY_THE, "feminine"): pN_("feminine", "by the {name}"),
    (Form.BY_THE, "masculine, before a vowel"): pN_("masculine, before a vowel", "by the {name}"),
    (Form.BY_THE, "feminine, before a vowel"): pN_("feminine, before a vowel", "by the {name}"),
}

# The head nouns of the names of the Organization's bodies, by language (f: feminine).
_FEMININE = "f"
HEAD_NOUNS: dict[str, dict[str, str]] = {
    "fr": {
        "agence": "f", "assemblée": "f", "association": "f", "banque": "f", "bureau": "m",
        "centre": "m", "collège": "m", "comité": "m", "commission": "f", "conférence": "f",
        "conseil": "m", "convention": "f", "cour": "f", "délégation": "f", "département": "m",
        "direction": "f", "division": "f", "fonds": "m", "fondation": "f", "forum": "m",
        "groupe": "m", "institut": "m", "junte": "f", "mécanisme": "m", "mission": "f",
        "observatoire": "m", "office": "m", "organisation": "f", "présidence": "f",
        "programme": "m", "réseau": "m", "réunion": "f", "secrétariat": "m", "section": "f",
        "service": "m", "sous-commission": "f", "système": "m", "tribunal": "m", "unité": "f",
    },
    "es": {
        "agencia": "f", "asamblea": "f", "asociación": "f", "banco": "m", "centro": "m",
        "colegio": "m", "comisión": "f", "comité": "m", "conferencia": "f", "consejo": "m",
        "convención": "f", "corte": "f", "delegación": "f", "departamento": "m",
        "dirección": "f", "división": "f", "equipo": "m", "fondo": "m", "foro": "m",
        "fundación": "f", "grupo": "m", "instituto": "m", "junta": "f", "mecanismo": "m",
        "misión": "f", "observatorio": "m", "oficina": "f", "organización": "f",
        "presidencia": "f", "programa": "m", "red": "f", "reunión": "f", "secretaría": "f",
        "sección": "f", "servicio": "m", "sistema": "m", "subcomisión": "f", "tribunal": "m",
        "unidad": "f",
    },
    "pt": {
        "agência": "f", "assembleia": "f", "associação": "f", "banco": "m", "centro": "m",
        "colégio": "m", "comissão": "f", "comitê": "m", "conferência": "f", "conselho": "m",
        "convenção": "f", "corte": "f", "delegação": "f", "departamento": "m",
        "direção": "f", "divisão": "f", "equipe": "f", "escritório": "m", "fórum": "m",
        "fundação": "f", "fundo": "m", "grupo": "m", "instituto": "m", "junta": "f",
        "mecanismo": "m", "missão": "f", "observatório": "m", "organização": "f",
        "presidência": "f", "programa": "m", "rede": "f", "reunião": "f", "secretaria": "f",
        "secretariado": "m", "seção": "f", "serviço": "m", "sistema": "m", "subcomissão": "f",
        "tribunal": "m", "unidade": "f",
    },
}  # fmt: skip

# Endings of feminine nouns, for a head noun the table does not list.
_FEMININE_ENDINGS = {
    "fr": ("tion", "sion", "ée", "ence", "ance", "té", "ure"),
    "es": ("ción", "sión", "dad", "tud", "a"),
    "pt": ("ção", "são", "dade", "agem", "a"),
}

_WORD = re.compile(r"[\w-]+")


def gender(name: str, lang: str) -> Gender:
    """The grammatical gender of ``name`` (a body's full name) in ``lang``."""
    match = _WORD.search(name)
    if match is None:
        return Gender.MASCULINE
    head = match.group().lower()
    known = HEAD_NOUNS.get(lang, {}).get(head)
    if known is not None:
        return Gender.FEMININE if known == _FEMININE else Gender.MASCULINE
    if head.endswith(_FEMININE_ENDINGS.get(lang, ())):
        return Gender.FEMININE
    return Gender.MASCULINE


def _before_a_vowel(printed: str) -> bool:
    first = unicodedata.normalize("NFD", printed[:1].lower())[:1]
    return first in set("aeiouyh")


def context(printed: str, full_name: str, lang: str, name_lang: str | None = None) -> str:
    """The catalog context of the article of ``printed`` (the name or acronym the sentence
    prints), whose gender is that of ``full_name``, a name in ``name_lang`` (default ``lang``:
    a name not yet translated gives its article the gender it has in its own language)."""
    of = gender(full_name, name_lang or lang).value
    return f"{of}, before a vowel" if _before_a_vowel(printed) else of


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    return catalog.translations(lang)


@functools.lru_cache(maxsize=4096)
def around(
    form: Form, printed: str, full_name: str, lang: str, name_lang: str | None = None
) -> tuple[str, str]:
    """What goes before and after ``printed`` in ``form``: ("de la ", ""), ("of the ", "")."""
    key = context(printed, full_name, lang, name_lang)
    phrase = _translations(lang).pgettext(key, _PHRASES[(form, key)])
    before, _, after = phrase.partition("{name}")
    return before, after


def phrase(
    form: Form, printed: str, full_name: str, lang: str, name_lang: str | None = None
) -> str:
    """``printed`` with its article in ``form``: "de la CSH", "pelo Conselho Permanente"."""
    before, after = around(form, printed, full_name, lang, name_lang)
    return f"{before}{printed}{after}"


def capitalized(text: str) -> str:
    """``text`` with its first letter capitalized, for a name that opens a sentence."""
    return text[:1].upper() + text[1:]


def forms(
    key: str, printed: str, full_name: str, lang: str, name_lang: str | None = None
) -> dict[str, str]:
    """The placeholders of a name in a sentence: ``key`` itself and ``key_the``,
    ``key_of_the``, ``key_by_the`` (and ``Key_the`` for the name that opens the sentence)."""
    values = {key: printed}
    for form in Form:
        values[f"{key}_{form.value}"] = phrase(form, printed, full_name, lang, name_lang)
    values[f"{key}_The"] = capitalized(values[f"{key}_the"])
    return values
