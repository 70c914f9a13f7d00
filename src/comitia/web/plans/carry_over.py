"""What other records hold on a term, carried over to the plan that replaces it.

Replacing a term (``save_plan(replace=True)``, ``comitia load --replace``) deletes its rows and
writes the new plan's. Records of other apps point into those rows: the chair's and bureau's
roles name the term, the secretariat's the committee (a body), delegations' proposals and the
windows for them name a meeting, an accepted proposal the agenda item it became. Deleting
them with the plan would lose people's work; leaving them would break their foreign keys.

So each is moved to the row of the new plan with the same identifier: the term to the new
term, a body or a meeting to the one with the same key, an agenda node to the node at the same
place of the same meeting's agenda (same positions from the top) with the same kind and title.
What the new plan no longer has is handled as its foreign key says on deletion: ``SET_NULL``
empties the reference (an accepted proposal loses its link to an agenda item that is gone);
any other rule refuses the replacement, naming what would be lost, and nothing is written.
The old rows' references are read before the plan is deleted; foreign keys are checked at
commit, so they may point at deleted rows until they are moved, within the transaction.

Found by introspection, every foreign key of an installed model that is not itself part of
a plan: a new app pointing into a plan is carried over without a change here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models

from comitia.web.plans import models as m

# A row of a plan, named so that the same thing in the replacing plan has the same name.
Identity = Hashable


@dataclass(frozen=True)
class _Reference:
    """One foreign key from outside the plan (``field`` of ``model``) into a plan's table."""

    model: type[models.Model]
    field: models.ForeignKey[Any, Any]

    @property
    def target(self) -> type[models.Model]:
        return self.field.related_model

    @property
    def empties_on_delete(self) -> bool:
        return self.field.remote_field.on_delete is models.SET_NULL

    def describe(self) -> str:
        return f"{self.model._meta.verbose_name_plural} ({self.field.verbose_name})"


def _references(plan_models: Iterable[type[models.Model]]) -> list[_Reference]:
    inside = set(plan_models)
    return [
        _Reference(model, field)
        for model in apps.get_models()
        if model not in inside
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model in inside
    ]


def _node_places(term: m.Term, meeting_keys: dict[Any, Identity]) -> dict[Any, Identity]:
    nodes = {
        pk: (meeting, parent, position, kind, json.dumps(title, sort_keys=True))
        for pk, meeting, parent, position, kind, title in m.AgendaNode.objects.filter(
            term=term
        ).values_list("pk", "meeting_id", "parent_id", "position", "kind", "title")
    }

    def place(pk: Any) -> tuple[Any, ...]:
        meeting, parent, position, kind, title = nodes[pk]
        above = place(parent) if parent is not None else (meeting_keys[meeting],)
        return (*above, position, kind, title)

    return {pk: place(pk) for pk in nodes}


def _identities(term: m.Term, target: type[models.Model]) -> dict[Any, Identity]:
    """The identity of each row of ``target`` in ``term``, by primary key."""
    if target is m.Term:
        return {term.pk: "term"}
    if target is m.AgendaNode:
        return _node_places(term, _identities(term, m.Meeting))
    if target is m.Paragraph:
        # A paragraph is the same one in the new plan if it has the same resolution, kind
        # and number (a delegation's amendment follows it).
        rows = m.Paragraph.objects.filter(resolution__term=term).values_list(
            "pk", "resolution__key", "kind", "number"
        )
        return {pk: (key, kind, number) for pk, key, kind, number in rows}
    return dict(target._default_manager.filter(term=term).values_list("pk", "key"))


class CarryOverError(Exception):
    """The replacing plan drops rows that other records need; the message lists them."""


class CarriedOver:
    """The references into ``term`` held by other records, read before it is deleted.

    One query per foreign key into the plan, and the identities of a table only when rows
    point into it: as many queries for a plan of ten meetings as for a thousand.
    """

    def __init__(self, term: m.Term, plan_models: Iterable[type[models.Model]]) -> None:
        self._held: list[tuple[_Reference, list[tuple[Any, Identity]]]] = []
        identities: dict[type[models.Model], dict[Any, Identity]] = {}
        for reference in _references(plan_models):
            target = reference.target
            if target not in _CARRIED:
                raise CarryOverError(
                    f"{reference.describe()} point to {target._meta.verbose_name_plural}, "
                    "which a replaced plan cannot carry over"
                )
            name = reference.field.name
            into_term = name if target is m.Term else f"{name}__{_TERM_PATH.get(target, 'term')}"
            rows = list(
                reference.model._default_manager.filter(**{into_term: term}).values_list(
                    "pk", reference.field.attname
                )
            )
            if rows:
                if target not in identities:
                    identities[target] = _identities(term, target)
                named = identities[target]
                self._held.append((reference, [(pk, named[to]) for pk, to in rows]))

    def move_to(self, term: m.Term) -> None:
        """Point every reference at the same row of ``term``; CarryOverError, before anything
        is moved, if a row they need is gone (unless their key empties on deletion)."""
        found: dict[type[models.Model], dict[Identity, Any]] = {}
        lost: dict[str, set[str]] = defaultdict(set)
        moves: list[tuple[_Reference, dict[Any, Any]]] = []
        for reference, rows in self._held:
            target = reference.target
            if target not in found:
                found[target] = {v: k for k, v in _identities(term, target).items()}
            moved = {pk: found[target].get(identity) for pk, identity in rows}
            for pk, identity in rows:
                if moved[pk] is None and not reference.empties_on_delete:
                    lost[reference.describe()].add(_shown(identity))
            moves.append((reference, moved))
        if lost:
            raise CarryOverError(
                "the new plan no longer has what other records point to: "
                + "; ".join(f"{what}: {', '.join(sorted(names))}" for what, names in lost.items())
            )
        for reference, moved in moves:
            _update(reference, moved)


# The tables of a plan that other records may point into: each row has an identity that the
# replacing plan gives to the same thing.
_CARRIED = (m.Term, m.Body, m.Meeting, m.AgendaNode, m.ReportingObligation, m.Paragraph)
# How a row of those tables leads to its term, when not by its ``term``.
_TERM_PATH: dict[type[models.Model], str] = {m.Paragraph: "resolution__term"}


def _shown(identity: Identity) -> str:
    if (
        isinstance(identity, tuple)
        and len(identity) == 3
        and identity[1] in ("operative", "preambular")
    ):
        return f"{identity[0]} {identity[2]}"  # a paragraph: its resolution and number
    return identity[0] if isinstance(identity, tuple) else str(identity)


def _update(reference: _Reference, moved: dict[Any, Any]) -> None:
    rows = reference.model._default_manager
    by_target: dict[Any, list[Any]] = defaultdict(list)
    for pk, to in moved.items():
        by_target[to].append(pk)
    # One statement per target row (a handful: the term, a committee, a meeting's proposals).
    for to, pks in by_target.items():
        rows.filter(pk__in=pks).update(**{reference.field.attname: to})
