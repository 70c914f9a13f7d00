"""Translations written into a stored term, row by row: the web's import of a translation file.

``store_translations`` takes the changes that ``comitia.translations.xliff.read_xliff`` found
in a file, read against the plan that ``load_plan`` gives for the term, and writes each new
translation into the one column that holds its text (a meeting's title, an agenda item's
notes, the reason of a move...), found by walking the text's location in the plan model and
the term's rows side by side, in the order ``load_plan`` reads them. The fingerprints of the
sources go into the term's ``translated_from``; a row that counts its edits (``version``) has
it raised, so that a form opened before the import is told of the change rather than writing
over it.

The rows are not replaced (``save_plan(replace=True)`` would give every row a new identity):
the other apps' records that point into them stay as they are. Before the transaction
commits, the term is read back and must be the plan with the changes made
(``xliff.apply_changes``); otherwise :class:`TranslationStoreError` is raised and, the caller's
transaction rolled back, nothing is written. Call it inside ``transaction.atomic``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models, transaction
from django.db.models import F

from comitia.plan import Plan
from comitia.translations.xliff import Change, apply_changes
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, load_plan, term_rows
from comitia.web.plans.output_version import raise_output_version

__all__ = ["TranslationStoreError", "store_translations"]


class TranslationStoreError(Exception):
    """A translation that cannot be written where the plan says its text is."""


# The plan's top-level collections and the table of their items (in the plan's order).
_COLLECTIONS: dict[str, type[models.Model]] = {
    "bodies": m.Body,
    "officers": m.Officer,
    "thematic_areas": m.ThematicArea,
    "mandates": m.Mandate,
    "requested_events": m.RequestedEvent,
    "meetings": m.Meeting,
    "activities": m.Activity,
    "non_meeting_days": m.NonMeetingDay,
    "obligations": m.ReportingObligation,
    "appropriations": m.Appropriation,
}
# Where a column is named otherwise than the plan's field.
_COLUMNS: dict[tuple[type[models.Model], str], str] = {(m.Officer, "position"): "appointment"}
_CLAIMS = {"count_claims", "summary_claims"}


class _Rows:
    """The term's rows, read once per table, in ``load_plan``'s order."""

    def __init__(self, term: m.Term) -> None:
        self.term = term
        self._cache: dict[type[models.Model], list[Any]] = {}

    def of(self, model: type[models.Model]) -> list[Any]:
        if model not in self._cache:
            self._cache[model] = list(term_rows(model, self.term))
        return self._cache[model]

    def children(self, meeting: Any, parent: Any) -> list[Any]:
        parent_id = None if parent is None else parent.pk
        return [
            node
            for node in self.of(m.AgendaNode)
            if node.meeting_id == meeting.pk and node.parent_id == parent_id
        ]


def _item(rows: list[Any], index: Any, where: str) -> Any:
    if not isinstance(index, int) or not 0 <= index < len(rows):
        raise TranslationStoreError(f"{where}: no row at {index!r}")
    return rows[index]


def _locate(plan: Plan, rows: _Rows, change: Change) -> tuple[Any, str, int | None]:
    """The row, its column and (for a list of texts) the place in it of ``change``'s text."""
    location = list(change.entry.location)
    where = change.entry.id
    head = location.pop(0)
    row: Any
    if head == "document":
        row = _item(rows.of(m.PlanDocument), 0, where)
    elif head == "negotiation":
        row = _item(rows.of(m.Negotiation), 0, where)
        if location and location[0] == "milestones":
            row = _item(rows.of(m.Milestone), location[1], where)
            location = location[2:]
    elif head in _COLLECTIONS:
        index = location.pop(0)
        row = _item(rows.of(_COLLECTIONS[head]), index, where)
        if head == "meetings" and location and location[0] == "agenda":
            node = None
            location.pop(0)
            while True:
                node = _item(rows.children(row, node), location.pop(0), where)
                if location and location[0] == "items":
                    location.pop(0)
                    continue
                break
            row = node
        elif head == "meetings" and location and location[0] == "moves":
            moves = plan.meetings[int(index)].moves
            move = moves[int(location[1])]
            dates = [p for p in rows.of(m.PreviousDate) if p.meeting_id == row.pk]
            row = next((p for p in dates if p.date == move.date), None)
            if row is None:
                raise TranslationStoreError(f"{where}: no earlier date {move.date}")
            location = location[2:]
    else:
        raise TranslationStoreError(f"{where}: not a text stored in a row")
    if not location or not isinstance(location[0], str):
        raise TranslationStoreError(f"{where}: no field")
    column = _COLUMNS.get((type(row), location[0]), location[0])
    place = location[1] if len(location) > 1 else None
    if len(location) > 2 or (place is not None and not isinstance(place, int)):
        raise TranslationStoreError(f"{where}: an unexpected place {location}")
    return row, column, place


def _write_claim(claims: dict[str, Any], change: Change) -> None:
    holder: Any = claims
    for part in change.entry.location[:-1]:
        holder = holder[part]
    text = dict(holder[change.entry.location[-1]])
    text[change.lang.value] = change.new
    holder[change.entry.location[-1]] = text


def store_translations(term: m.Term, plan: Plan, changes: Sequence[Change]) -> Plan:
    """Write ``changes`` (read against ``plan``, the term's plan now) into ``term``'s rows;
    the plan stored afterwards. TranslationStoreError if a text is not where the plan says,
    or the term read back is not the plan with the changes made."""
    if not transaction.get_connection().in_atomic_block:
        raise TranslationStoreError("store translations inside a transaction")
    expected = apply_changes(plan, changes)
    rows = _Rows(term)
    edited: dict[tuple[type[models.Model], int], tuple[Any, dict[str, Any]]] = {}
    claims: dict[str, Any] | None = None
    for change in changes:
        if change.entry.location[0] in _CLAIMS:
            claims = claims if claims is not None else dict(term.document_claims)
            _write_claim(claims, change)
            continue
        row, column, place = _locate(plan, rows, change)
        key = (type(row), row.pk)
        values = edited.setdefault(key, (row, {}))[1]
        if column not in values:
            current = getattr(row, column, None)
            values[column] = (
                [dict(text) for text in current] if isinstance(current, list) else current
            )
        value = values[column]
        if place is None:
            if not isinstance(value, dict):
                raise TranslationStoreError(f"{change.entry.id}: no text in {column}")
            values[column] = {**value, change.lang.value: change.new}
        else:
            if not isinstance(value, list) or not 0 <= place < len(value):
                raise TranslationStoreError(f"{change.entry.id}: no text {place} in {column}")
            value[place] = {**value[place], change.lang.value: change.new}
    for (model, pk), (_row, values) in edited.items():
        update = dict(values)
        if any(f.name == "version" for f in model._meta.concrete_fields):
            update["version"] = F("version") + 1
        model._default_manager.filter(pk=pk).update(**update)
    sources = {lang: dict(fingerprints) for lang, fingerprints in term.translated_from.items()}
    for change in changes:
        sources.setdefault(change.lang.value, {})[change.entry.id] = change.made_from
    update_term: dict[str, Any] = {"translated_from": sources}
    if claims is not None:
        update_term["document_claims"] = claims
    m.Term.objects.filter(pk=term.pk).update(**update_term)
    # QuerySet.update sends no signals: the term's outputs change, so its version is raised.
    raise_output_version(term.pk)
    term.refresh_from_db()
    try:
        stored = load_plan(term)
    except PlanLoadError as error:
        raise TranslationStoreError(f"the term {term.slug} is no longer a valid plan") from error
    if stored != expected:
        raise TranslationStoreError(
            f"the term {term.slug}, read back, is not the plan with the translations made"
        )
    return stored
