"""Every translatable text of a plan, with a stable id, where it sits and its status per language.

A text's id names the object and the field, never a list position that an edit elsewhere would
shift: ``bodies/cp/name``, ``meetings/m-2019-10-24/agenda/3.2.1/title``, ``mandates/x/notes/2``.
Objects without an id are named by what is unique about them (an officer's role, a day's date);
agenda nodes by their outline number (1, 3.2.1), the numbering every document prints; the
entries of a list of texts by their 1-based place in it.

A translation's status compares the fingerprint of the source it was made from (kept in the
plan's ``translated_from``) with the source's fingerprint now. Plain Python.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from comitia.plan import AgendaNode, Language, Plan, Text
from comitia.plan.fields import PlanModel

Location = tuple[str | int, ...]


class Status(enum.StrEnum):
    """Where the translation of one text into one language stands."""

    MISSING = "missing"
    OUTDATED = "outdated"
    TRANSLATED = "translated"


def fingerprint(source: str) -> str:
    """A short fingerprint of a source text: equal texts, equal fingerprints."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Where:
    """Where a text sits, as data for a note in the translator's language (``notes.describe``).

    ``kind`` names the object (``meeting``, ``body``, ...); ``day`` its date when it has one;
    ``label`` what else names it (an id, an acronym, a role); ``agenda`` the outline number of
    the agenda item; ``field`` the field that holds the text.
    """

    kind: str
    field: str
    label: str | None = None
    day: dt.date | None = None
    agenda: str | None = None


@dataclass(frozen=True)
class Entry:
    """One translatable text: its id, its place in the plan model (``location``) and its value."""

    id: str
    location: Location
    text: Text
    where: Where

    @property
    def source_lang(self) -> Language:
        return self.text.original

    @property
    def source(self) -> str:
        return self.text[self.text.original]

    def status(self, plan: Plan, lang: Language) -> Status:
        """Missing, translated, or outdated (made from a source that has changed since)."""
        if lang not in self.text.root:
            return Status.MISSING
        made_from = plan.translated_from.get(lang, {}).get(self.id)
        if made_from is not None and made_from != fingerprint(self.source):
            return Status.OUTDATED
        return Status.TRANSLATED


# What names an item of each top-level collection of the plan, and the kind of object it is.
_COLLECTIONS: dict[str, tuple[str, str]] = {
    "bodies": ("body", "id"),
    "officers": ("officer", "role"),
    "thematic_areas": ("thematic_area", "id"),
    "mandates": ("mandate", "id"),
    "requested_events": ("requested_event", "id"),
    "meetings": ("meeting", "id"),
    "activities": ("activity", "id"),
    "non_meeting_days": ("non_meeting_day", "date"),
    "obligations": ("obligation", "id"),
    "appropriations": ("appropriation", "id"),
    "count_claims": ("count_claim", ""),
    "summary_claims": ("summary_claim", ""),
}


def plan_texts(plan: Plan) -> list[Entry]:
    """Every text of ``plan``, in plan-file order, each once."""
    entries: list[Entry] = []
    if plan.document is not None:
        entries.extend(_fields(plan.document, ("document",), "document", Where("document", "")))
    for collection, (kind, key) in _COLLECTIONS.items():
        items: list[PlanModel] = getattr(plan, collection)
        for index, item in enumerate(items):
            name = str(getattr(item, key)) if key else str(index + 1)
            day = getattr(item, "date", None)
            where = Where(
                kind,
                "",
                label=_label(item, name),
                day=day if isinstance(day, dt.date) else None,
            )
            entries.extend(_fields(item, (collection, index), f"{collection}/{name}", where))
    if plan.negotiation is not None:
        negotiation = plan.negotiation
        entries.extend(
            _fields(negotiation, ("negotiation",), "negotiation", Where("negotiation", ""))
        )
        for index, milestone in enumerate(negotiation.milestones):
            where = Where("milestone", "", label=milestone.id)
            entries.extend(
                _fields(
                    milestone,
                    ("negotiation", "milestones", index),
                    f"negotiation/milestones/{milestone.id}",
                    where,
                )
            )
    return entries


def _label(item: PlanModel, name: str) -> str:
    acronym = getattr(item, "acronym", None)
    if isinstance(acronym, Text):
        return str(acronym)
    number = getattr(item, "number", None)
    if number is not None and not isinstance(number, Text):
        return str(number)
    person = getattr(item, "person", None)
    if isinstance(person, str):
        return person
    return name


def _fields(item: PlanModel, location: Location, prefix: str, where: Where) -> Iterator[Entry]:
    """The texts held by ``item`` itself and by its moves and agenda (not other children)."""
    for name in type(item).model_fields:
        value: Any = getattr(item, name)
        if isinstance(value, Text):
            yield Entry(f"{prefix}/{name}", (*location, name), value, _at(where, name))
        elif isinstance(value, list) and value and isinstance(value[0], Text):
            for index, text in enumerate(value):
                yield Entry(
                    f"{prefix}/{name}/{index + 1}",
                    (*location, name, index),
                    text,
                    _at(where, name),
                )
        elif name == "agenda":
            yield from _agenda(value, (*location, name), f"{prefix}/agenda", where, "")
        elif name == "moves":
            for index, move in enumerate(value):
                day = move.date.isoformat()
                yield from _fields(move, (*location, name, index), f"{prefix}/moves/{day}", where)


def _at(where: Where, field: str) -> Where:
    return Where(where.kind, field, where.label, where.day, where.agenda)


def _agenda(
    nodes: list[AgendaNode], location: Location, prefix: str, where: Where, number: str
) -> Iterator[Entry]:
    for index, node in enumerate(nodes):
        here = f"{number}{index + 1}"
        node_where = Where(where.kind, "", where.label, where.day, here)
        node_location = (*location, index)
        if node.title is not None:
            yield Entry(
                f"{prefix}/{here}/title",
                (*node_location, "title"),
                node.title,
                _at(node_where, "title"),
            )
        for n, note in enumerate(node.notes):
            yield Entry(
                f"{prefix}/{here}/notes/{n + 1}",
                (*node_location, "notes", n),
                note,
                _at(node_where, "notes"),
            )
        yield from _agenda(node.items, (*node_location, "items"), prefix, where, f"{here}.")


@dataclass(frozen=True)
class Progress:
    """How many texts of a plan stand where in one language."""

    lang: Language
    missing: int
    outdated: int
    translated: int

    @property
    def total(self) -> int:
        return self.missing + self.outdated + self.translated

    @property
    def percent(self) -> int:
        """The share translated and up to date, rounded down (100 only when all are)."""
        return 100 * self.translated // self.total if self.total else 100


def progress(plan: Plan, entries: list[Entry] | None = None) -> list[Progress]:
    """The counts of each language the plan is published in, other than its own."""
    entries = plan_texts(plan) if entries is None else entries
    result = []
    for lang in plan.languages:
        counts = dict.fromkeys(Status, 0)
        for entry in entries:
            if entry.source_lang is not lang:
                counts[entry.status(plan, lang)] += 1
        if lang is not plan.language:
            result.append(
                Progress(
                    lang, counts[Status.MISSING], counts[Status.OUTDATED], counts[Status.TRANSLATED]
                )
            )
    return result


def without_translations(plan: Plan) -> Plan:
    """``plan`` with each text in its original language only, and no translated_from."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data.pop("translated_from", None)
    for entry in plan_texts(plan):
        holder: Any = data
        for part in entry.location[:-1]:
            holder = holder[part]
        holder[entry.location[-1]] = {entry.source_lang.value: entry.source}
    return Plan.model_validate(data)
