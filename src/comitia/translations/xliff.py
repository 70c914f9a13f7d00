"""XLIFF 1.2 for translators: export a plan's texts, read a translated file back, apply it.

``export_xliff`` writes one ``trans-unit`` per text (``texts.plan_texts``), its id the text's
id, its source the text in the source language, its target the current translation if there is
one, and a note in the target language saying where the text sits. The ``file`` element's
``original`` names the plan (``comitia:csh/2019-2020``, the committee and the term's label), so
a file made from another plan is refused on import.

``read_xliff`` validates a returned file against the plan and gives the changes it would make,
or raises :class:`TranslationFileError`, one message naming the file and, where there is one,
the unit; ``apply_changes`` makes the new plan. Nothing is half-applied: either every change of
the file is valid and applied, or none is.

Untrusted files are first parsed by defusedxml, which refuses a document type declaration (and
so every entity: XXE, billion laughs) before translate-toolkit, the CAT-tool library, reads
them. Plain Python.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from translate.storage import xliff as tt_xliff

from comitia.plan import Language, Plan, Text
from comitia.plan.fields import unfit_character, unfit_message
from comitia.translations.notes import describe
from comitia.translations.texts import Entry, Status, fingerprint, plan_texts

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
# A plan of several thousand texts in four languages is a few megabytes; more is not a
# translation of a plan.
MAX_BYTES = 32 * 1024 * 1024


class TranslationFileError(ValueError):
    """A translation file that cannot be applied to the plan; the message says why, in one line.

    For a reader in another language, ``code`` names the reason, ``unit`` the unit (if one is
    at fault) and ``params`` the values the message names (``comitia.web.checks`` words them).
    """

    def __init__(
        self, message: str, code: str = "", unit: str | None = None, **params: str
    ) -> None:
        super().__init__(message)
        self.code = code
        self.unit = unit
        self.params = params


class Select(enum.StrEnum):
    """Which texts an export holds."""

    PENDING = "pending"  # missing and outdated: what there is to do
    MISSING = "missing"
    OUTDATED = "outdated"
    ALL = "all"

    def takes(self, status: Status) -> bool:
        if self is Select.ALL:
            return True
        if self is Select.PENDING:
            return status is not Status.TRANSLATED
        return status.value == self.value


# translate-toolkit writes XLIFF 1.1 unless it starts from a 1.2 document: this one, whose file
# element then gets the plan's name and languages through the library's own setters.
_SKELETON = (
    f'<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="{XLIFF_NS}">'
    '<file original="NoName" source-language="fr" datatype="plaintext"><body/></file></xliff>'
).encode()


class _Unit12(tt_xliff.xliffunit):  # type: ignore[misc]
    """translate-toolkit's XLIFF unit in the 1.2 namespace (its default is 1.1)."""

    namespace = XLIFF_NS


def _new_store(identity: str, source: Language, target: Language) -> Any:
    store = tt_xliff.xlifffile.parsestring(_SKELETON)
    store.setfilename(store.getfilenode("NoName"), identity)
    store.setsourcelanguage(source.value)
    store.settargetlanguage(target.value)
    return store


def plan_identity(plan: Plan) -> str:
    """What names the plan in a translation file: its committee and its term."""
    return f"comitia:{plan.term.committee}/{plan.term.label}"


def export_xliff(
    plan: Plan,
    target: Language,
    *,
    source: Language | None = None,
    select: Select = Select.PENDING,
    entries: Sequence[Entry] | None = None,
) -> bytes:
    """The plan's texts to translate from ``source`` (the plan's language) into ``target``."""
    source = plan.language if source is None else source
    if target is source:
        raise TranslationFileError(f"the texts are written in {source.value}: choose another")
    store = _new_store(plan_identity(plan), source, target)
    for entry in plan_texts(plan) if entries is None else entries:
        if source not in entry.text.root or entry.source_lang is target:
            continue
        if not select.takes(entry.status(plan, target)):
            continue
        unit = _Unit12(entry.text[source])
        unit.setid(entry.id)
        if target in entry.text.root:
            unit.target = entry.text[target]
            unit.markfuzzy(entry.status(plan, target) is Status.OUTDATED)
        unit.addnote(describe(entry.where, target.value), origin="developer")
        store.addunit(unit)
    return bytes(store)


@dataclass(frozen=True)
class Change:
    """One translation a file sets: of the text ``entry`` into ``lang``."""

    entry: Entry
    lang: Language
    new: str
    made_from: str  # the fingerprint to keep in translated_from

    @property
    def old(self) -> str | None:
        return self.entry.text.root.get(self.lang)


@dataclass(frozen=True)
class Reading:
    """What a valid translation file would change, and how many of its units it left alone."""

    lang: Language
    changes: list[Change]
    units: int
    untranslated: int
    # Units whose source is no longer the text's (edited since the export, or an agenda
    # renumbered so that the id names another item): never applied, to be exported again.
    stale: list[str] = field(default_factory=list)


def _refuse(
    name: str, reason: str, unit: str | None = None, *, code: str, **params: str
) -> TranslationFileError:
    where = f"{name}: unit {unit}" if unit else name
    return TranslationFileError(f"{where}: {reason}", code, unit, **params)


def _parse(data: bytes, name: str) -> Any:
    if len(data) > MAX_BYTES:
        raise _refuse(
            name,
            f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a plan's translation",
            code="too_large",
            megabytes=str(MAX_BYTES // (1024 * 1024)),
        )
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise _refuse(
            name,
            "holds a document type declaration or entities, which a translation file never "
            "needs (they are how XXE and billion-laughs attacks work); refused",
            code="entities",
        ) from None
    except SafeET.ParseError as error:
        line = error.position[0] if error.position else "?"
        raise _refuse(
            name, f"not well-formed XML (line {line})", code="malformed", line=str(line)
        ) from None
    if root.tag != f"{{{XLIFF_NS}}}xliff" or root.get("version") != "1.2":
        raise _refuse(
            name, "not an XLIFF 1.2 file (root element xliff, version 1.2)", code="not_xliff"
        )
    try:
        return tt_xliff.xlifffile.parsestring(data)
    except Exception as error:  # translate-toolkit's and lxml's errors have no common base
        raise _refuse(name, f"not a readable XLIFF file ({error})", code="unreadable") from None


def read_xliff(
    plan: Plan, data: bytes, name: str = "<xliff>", *, entries: Sequence[Entry] | None = None
) -> Reading:
    """Validate ``data`` against ``plan``; the changes it makes, or TranslationFileError.

    ``entries`` are ``plan_texts(plan)`` when the caller has them already.
    """
    store = _parse(data, name)
    files = store.getfilenames()
    if len(files) != 1:
        raise _refuse(
            name,
            f"holds {len(files)} file elements; a Comitia export holds one",
            code="files",
            count=str(len(files)),
        )
    if files[0] != plan_identity(plan):
        raise _refuse(
            name,
            f"made from the plan {files[0]!r}, not from this one ({plan_identity(plan)!r})",
            code="other_plan",
            found=str(files[0]),
            expected=plan_identity(plan),
        )
    try:
        source = Language(store.getsourcelanguage())
        lang = Language(store.gettargetlanguage())
    except ValueError:
        raise _refuse(
            name,
            "source-language and target-language must be two of "
            + ", ".join(lang.value for lang in Language),
            code="languages",
            languages=", ".join(lang.value for lang in Language),
        ) from None
    if lang not in plan.languages:
        raise _refuse(
            name, f"the plan is not published in {lang.value}", code="not_published", lang=lang
        )
    if lang is source:
        raise _refuse(name, "its source and target languages are the same", code="same_languages")
    by_id = {entry.id: entry for entry in (plan_texts(plan) if entries is None else entries)}
    changes: list[Change] = []
    seen: set[str] = set()
    untranslated = 0
    stale: list[str] = []
    for unit in store.units:
        unit_id = unit.xmlelement.get("id")
        if not unit_id:
            raise _refuse(name, "a trans-unit has no id", code="no_id")
        if unit_id in seen:
            raise _refuse(name, "appears twice", unit_id, code="twice")
        seen.add(unit_id)
        entry = by_id.get(unit_id)
        if entry is None:
            raise _refuse(name, "no text of the plan has this id", unit_id, code="unknown_id")
        if entry.source_lang is lang:
            raise _refuse(
                name,
                f"the text is written in {lang.value}; it is not translated",
                unit_id,
                code="written_in_target",
                lang=lang,
            )
        target = unit.target
        if not target or not target.strip():
            untranslated += 1
            continue
        if (character := unfit_character(target)) is not None:
            raise _refuse(
                name,
                unfit_message(character),
                unit_id,
                code="unfit_character",
                character=f"U+{ord(character):04X}",
            )
        if source not in entry.text.root:
            raise _refuse(
                name,
                f"the text has no {source.value} version to translate",
                unit_id,
                code="no_source",
                lang=source,
            )
        if unit.source != entry.text[source]:
            stale.append(unit_id)
            continue
        made_from = fingerprint(entry.source)
        if target == entry.text.root.get(lang) and (
            plan.translated_from.get(lang, {}).get(entry.id) == made_from
        ):
            continue
        changes.append(Change(entry, lang, target, made_from))
    return Reading(lang, changes, len(seen), untranslated, stale)


def apply_changes(plan: Plan, changes: Iterable[Change]) -> Plan:
    """``plan`` with every change made; the translations' sources kept in translated_from."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    sources: dict[str, dict[str, str]] = data.setdefault("translated_from", {})
    for change in changes:
        holder: Any = data
        for part in change.entry.location[:-1]:
            holder = holder[part]
        text = holder[change.entry.location[-1]]
        text[change.lang.value] = change.new
        sources.setdefault(change.lang.value, {})[change.entry.id] = change.made_from
    return Plan.model_validate(data)


def texts_of(plan: Plan) -> dict[str, Text]:
    """Every text of the plan by id (for reports and tests)."""
    return {entry.id: entry.text for entry in plan_texts(plan)}
