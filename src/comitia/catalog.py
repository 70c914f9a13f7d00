"""The gettext catalog of the core's fixed texts, in four languages.

Two parts of the core read it and neither may depend on the other: the document renderers print
its messages (``comitia.render.document.i18n``), and the importer recognizes them in documents
that Comitia wrote (``comitia.importer.standard``). The catalog is theirs in common, so it lives
here, below both; an import-linter contract in ``pyproject.toml`` keeps the importer and the
renderers apart.

It is the one catalog of the plain core's printed fixed texts: the documents, the calendar
feeds, the findings of the checks, the scheduler's report and the translation notes; ``make
catalogs`` extracts them all. The names of the kinds of meeting are written here, once, for
everything that prints them (feeds, glossary, web calendar).

The files are the ``comitia_render`` domain under ``render/locale``, where ``make catalogs``
extracts and compiles them; only this module knows where they are.

Plain Python: never imports Django.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALE_DIR = Path(__file__).resolve().parent / "render" / "locale"
DOMAIN = "comitia_render"
LANGUAGES = ("en", "fr", "es", "pt")


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is printed."""
    return message


# The kinds of meeting by their value in plan files (comitia.plan.MeetingKind).
MEETING_KINDS = {
    "regular": N_("Regular meeting"),
    "special": N_("Special meeting"),
    "ga_requested": N_("Meeting requested by the General Assembly"),
    "joint": N_("Joint meeting"),
}


def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; ``FileNotFoundError`` when it has none."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def meeting_kind_name(kind: str, lang: str) -> str:
    """The name of the kind of meeting ``kind`` ("regular") in ``lang``."""
    return translations(lang).gettext(MEETING_KINDS[kind])


def compiled_messages(lang: str) -> Catalog | None:
    """Every message of ``lang``'s compiled catalog, with its translation; None when it has none."""
    # Babel's reader is imported here: the importer asks for it only for documents Comitia wrote.
    from babel.messages.mofile import read_mo

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_mo(handle)
