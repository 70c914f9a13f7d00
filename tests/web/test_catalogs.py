"""The gettext catalogs of the web apps: present, complete, placeholders intact, compiled.

Each app under ``src/comitia/web`` keeps its own catalogs in ``<app>/locale/<lang>/LC_MESSAGES``.
The project-level templates (``src/comitia/web/templates``) have no catalog of their own: their
messages live in an app's catalog (the calendar's, for ``base.html``), so they are checked against
the union of the apps' catalogs.

After adding or changing a message, from the app's directory run ``../../../../.venv/bin/python
-m django makemessages -l fr -l es -l pt --settings=comitia.web.settings``, translate, then
``... compilemessages`` the same way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

import comitia.web

WEB = Path(comitia.web.__file__).parent
LANGUAGES = ("fr", "es", "pt")
PROJECT_TEMPLATES = WEB / "templates"
# Django's default gettext keywords (those of makemessages).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
TEMPLATE_SUFFIXES = {".html", ".txt"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdif]|\{\w*\}")
Key = tuple[str | None, str]


def apps() -> list[Path]:
    return sorted(p for p in WEB.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def sources(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or "locale" in path.relative_to(root).parts:
            continue
        if path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES:
            yield path


def messages_of(paths: Iterable[Path]) -> set[Key]:
    """The (context, msgid) pairs the code asks to translate, as makemessages extracts them."""
    found: set[Key] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix in TEMPLATE_SUFFIXES:
            text = templatize(text, origin=str(path))
        for _, message, _, context in extract("python", io.BytesIO(text.encode()), KEYWORDS):
            found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def catalog_path(app: Path, lang: str, kind: str = "po") -> Path:
    return app / "locale" / lang / "LC_MESSAGES" / f"django.{kind}"


def read(app: Path, lang: str) -> Catalog:
    with catalog_path(app, lang).open("rb") as handle:
        return read_po(handle)


def key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return (message.context, msgid)


def forms(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (str(value),)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


APP_MESSAGES = {app.name: messages_of(sources(app)) for app in apps()}
PROJECT_MESSAGES = messages_of(sources(PROJECT_TEMPLATES))
LOCALIZED = [app for app in apps() if (app / "locale").is_dir()]
CASES = [
    pytest.param(app, lang, id=f"{app.name}-{lang}") for app in LOCALIZED for lang in LANGUAGES
]


def test_every_app_with_messages_has_its_catalogs() -> None:
    for app in apps():
        if APP_MESSAGES[app.name]:
            for lang in LANGUAGES:
                for kind in ("po", "mo"):
                    assert catalog_path(app, lang, kind).is_file(), f"{app.name}: no {lang} {kind}"


@pytest.mark.parametrize(("app", "lang"), CASES)
def test_every_message_is_translated_and_keeps_its_placeholders(app: Path, lang: str) -> None:
    po = read(app, lang)
    assert not po.fuzzy, f"{app.name}/{lang}: the header is marked fuzzy"
    for message in po:
        if not message.id:
            continue
        where = f"{app.name}/{lang} {message.id!r}"
        assert not message.fuzzy, f"{where}: fuzzy"
        ids, strings = forms(message.id), forms(message.string)
        assert all(s.strip() for s in strings), f"{where}: not translated"
        if message.pluralizable:
            assert len(strings) == po.num_plurals, f"{where}: {len(strings)} plural forms"
            allowed = set().union(*(placeholders(i) for i in ids))
            for string in strings:
                assert placeholders(string) <= allowed, f"{where}: {string!r}"
            # A singular form may leave the count out ("une erreur"); the others keep them all.
            assert placeholders(strings[-1]) == placeholders(ids[-1]), f"{where}: {strings[-1]!r}"
        else:
            assert placeholders(strings[0]) == placeholders(ids[0]), f"{where}: {strings[0]!r}"


@pytest.mark.parametrize(("app", "lang"), CASES)
def test_the_catalog_holds_the_messages_of_its_code(app: Path, lang: str) -> None:
    ids = {key(m) for m in read(app, lang) if m.id}
    missing = APP_MESSAGES[app.name] - ids
    assert not missing, f"{app.name}/{lang}: run makemessages; missing {sorted(missing, key=str)}"
    stale = ids - APP_MESSAGES[app.name] - PROJECT_MESSAGES
    assert not stale, f"{app.name}/{lang}: run makemessages; stale {sorted(stale, key=str)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_project_templates_are_translated_in_an_app_catalog(lang: str) -> None:
    ids = {key(m) for app in LOCALIZED for m in read(app, lang) if m.id}
    assert ids >= PROJECT_MESSAGES, sorted(PROJECT_MESSAGES - ids, key=str)


@pytest.mark.parametrize(("app", "lang"), CASES)
def test_the_compiled_catalog_matches_its_source(app: Path, lang: str) -> None:
    with catalog_path(app, lang, "mo").open("rb") as handle:
        mo = read_mo(handle)
    compiled = {key(m): forms(m.string) for m in mo if m.id}
    source = {key(m): forms(m.string) for m in read(app, lang) if m.id}
    assert compiled == source, f"{app.name}/{lang}: run compilemessages"
