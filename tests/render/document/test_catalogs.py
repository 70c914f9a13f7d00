"""The core's gettext catalog: complete, placeholders intact, compiled, up to date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from comitia.render.document.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

CORE = Path(LOCALE_DIR).parent.parent
KEYWORDS = {"_": None, "n": (1, 2), "N_": None, "pN_": ((1, "c"), 2)}
# Every package of the plain core that prints fixed texts, as in the Makefile's catalogs: the
# renderers (documents, feeds), the checks' findings, the scheduler's and the budget's reports,
# the importer's review page, the translation notes, and the kinds of meeting and articles of
# names.
SOURCES = (
    CORE / "catalog.py",
    CORE / "articles.py",
    CORE / "render",
    CORE / "translations",
    CORE / "checks",
    CORE / "schedule",
    CORE / "budget",
    CORE / "importer" / "review.py",
)


def catalog(lang: str, kind: str = "po") -> object:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.{kind}"
    with path.open("rb") as handle:
        return read_po(handle) if kind == "po" else read_mo(handle)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)\}", text))


# The forms of a body's name a sentence is given (comitia.articles.forms): a translation may
# use another form of a name its source names ("needs {body_the}", "a besoin {body_of_the}").
_NAME_FORM = re.compile(r"^(\w+?)_(the|of_the|by_the|The)$")


def _name_key(placeholder: str) -> str:
    match = _NAME_FORM.match(placeholder)
    return match.group(1) if match else placeholder


def allowed_in_translation(wanted: set[str]) -> set[str]:
    """The placeholders a translation of a source holding ``wanted`` may hold: those, and the
    other article forms of each name among them."""
    names = {_name_key(p) for p in wanted if _name_key(p) != p}
    forms = {f"{key}_{form}" for key in names for form in ("the", "of_the", "by_the", "The")}
    return wanted | names | forms


def source_messages() -> set[tuple[str | None, str]]:
    """Every (context, msgid) the code marks, as ``make catalogs`` extracts them."""
    found = set()
    for source in SOURCES:
        if source.is_file():
            with source.open("rb") as handle:
                marked = [(m, c) for _, m, _, c in extract("python", handle, keywords=KEYWORDS)]
        else:
            marked = [
                (m, c)
                for _, _, m, _, c in extract_from_dir(
                    str(source), keywords=KEYWORDS, method_map=[("**.py", "python")]
                )
            ]
        for message, context in marked:
            found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_keeps_its_placeholders(lang: str) -> None:
    po = catalog(lang)
    for message in po:  # type: ignore[attr-defined]
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: no translation for {ids[0]!r}"
        wanted = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            assert placeholders(string) <= allowed_in_translation(wanted), f"{lang}: {string!r}"
            # Each name of the source is named, in one of its forms; a counting message may
            # leave {count} out of a singular form ("une réunion").
            named = {_name_key(p) for p in placeholders(string)}
            assert {_name_key(p) for p in wanted} - {"count"} <= named, f"{lang}: {string!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalog_holds_exactly_the_messages_of_the_code(lang: str) -> None:
    po = catalog(lang)
    ids = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in po if m.id}  # type: ignore[attr-defined]
    assert ids == source_messages()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_matches_its_source(lang: str) -> None:
    po, mo = catalog(lang), catalog(lang, "mo")
    compiled = {(m.context, _key(m.id)): _key(m.string) for m in mo if m.id}  # type: ignore[attr-defined]
    source = {(m.context, _key(m.id)): _key(m.string) for m in po if m.id}  # type: ignore[attr-defined]
    assert compiled == source


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value
