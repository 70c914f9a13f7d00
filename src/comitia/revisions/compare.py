"""What changed between two plans: meetings, agenda items and everything else.

Meetings are matched by id. A meeting whose date changed moved (its ``previous_dates`` growing
is part of the move, not another change); one whose status became cancelled was cancelled.
Agenda items are matched by aligning the two agendas in order (``difflib``), so an item whose
title was reworded in place is one changed item, not one removed and one added.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
from dataclasses import dataclass
from typing import Any

from comitia.plan import Plan
from comitia.plan.entities import AgendaKind, AgendaNode, Meeting, MeetingStatus


class ChangeKind(enum.StrEnum):
    MEETING_ADDED = "meeting_added"
    MEETING_REMOVED = "meeting_removed"
    MEETING_MOVED = "meeting_moved"
    MEETING_CANCELLED = "meeting_cancelled"
    MEETING_CHANGED = "meeting_changed"
    ITEM_ADDED = "item_added"
    ITEM_REMOVED = "item_removed"
    ITEM_CHANGED = "item_changed"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    """One change. For meetings and their agendas ``meeting`` and ``date`` say which meeting
    (its date in the newer plan, or in the older one if it was removed); ``before`` and
    ``after`` hold the old and new date (moves) or item title (agenda items); ``fields`` names
    what else changed. For anything else ``section`` is the plan's field (``activities``) and
    ``key`` the entry's id, when it has one."""

    kind: ChangeKind
    meeting: str | None = None
    date: dt.date | None = None
    before: str | None = None
    after: str | None = None
    fields: tuple[str, ...] = ()
    section: str | None = None
    key: str | None = None


# Fields of a plan that are compared elsewhere, or that every revision changes.
_NOT_OTHER = {"meetings", "document"}
_MEETING_FIELDS = ("start", "end", "kind", "provisional", "title", "venue", "notes", "status")


def compare(old: Plan, new: Plan) -> list[Change]:
    """Every change from ``old`` to ``new``: meetings in date order, then the other sections."""
    changes = _meetings(old, new)
    changes.extend(_others(old, new))
    return changes


def _meetings(old: Plan, new: Plan) -> list[Change]:
    before = {m.id: m for m in old.meetings}
    after = {m.id: m for m in new.meetings}
    found: list[tuple[dt.date, int, Change]] = []
    for order, meeting in enumerate(new.meetings):
        previous = before.get(meeting.id)
        if previous is None:
            found.append(
                (meeting.date, order, Change(ChangeKind.MEETING_ADDED, meeting.id, meeting.date))
            )
            continue
        for change in _meeting(previous, meeting):
            found.append((meeting.date, order, change))
    for order, meeting in enumerate(old.meetings):
        if meeting.id not in after:
            found.append(
                (
                    meeting.date,
                    order,
                    Change(ChangeKind.MEETING_REMOVED, meeting.id, meeting.date),
                )
            )
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [change for _, _, change in found]


def _meeting(old: Meeting, new: Meeting) -> list[Change]:
    changes = []
    if old.date != new.date:
        changes.append(
            Change(
                ChangeKind.MEETING_MOVED,
                new.id,
                new.date,
                before=old.date.isoformat(),
                after=new.date.isoformat(),
            )
        )
    cancelled = new.status is MeetingStatus.CANCELLED and old.status is not MeetingStatus.CANCELLED
    if cancelled:
        changes.append(Change(ChangeKind.MEETING_CANCELLED, new.id, new.date))
    fields = tuple(
        name
        for name in _MEETING_FIELDS
        if getattr(old, name) != getattr(new, name) and not (name == "status" and cancelled)
    )
    if fields:
        changes.append(Change(ChangeKind.MEETING_CHANGED, new.id, new.date, fields=fields))
    changes.extend(_agenda(new, old.agenda_nodes(), new.agenda_nodes()))
    return changes


def _node_key(node: AgendaNode) -> str:
    title = node.title.model_dump() if node.title is not None else None
    return json.dumps([node.kind.value, node.area, title], ensure_ascii=False, sort_keys=True)


def _node_label(node: AgendaNode) -> str:
    if node.title is not None:
        return str(node.title)
    return node.area or node.kind.value


def _node_details(node: AgendaNode) -> Any:
    return node.model_dump(exclude={"items"}, mode="json")


def _agenda(meeting: Meeting, old: list[AgendaNode], new: list[AgendaNode]) -> list[Change]:
    def item(kind: ChangeKind, before: str | None, after: str | None) -> Change:
        return Change(kind, meeting.id, meeting.date, before=before, after=after)

    changes = []
    matcher = difflib.SequenceMatcher(
        None, [_node_key(n) for n in old], [_node_key(n) for n in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                if _node_details(a) != _node_details(b):
                    changes.append(item(ChangeKind.ITEM_CHANGED, _node_label(a), _node_label(b)))
            continue
        removed, added = old[i1:i2], new[j1:j2]
        paired = min(len(removed), len(added)) if tag == "replace" else 0
        for a, b in zip(removed[:paired], added[:paired], strict=True):
            changes.append(item(ChangeKind.ITEM_CHANGED, _node_label(a), _node_label(b)))
        for a in removed[paired:]:
            if a.kind is not AgendaKind.AREA or a.title is not None:
                changes.append(item(ChangeKind.ITEM_REMOVED, _node_label(a), None))
        for b in added[paired:]:
            changes.append(item(ChangeKind.ITEM_ADDED, None, _node_label(b)))
    return changes


def _others(old: Plan, new: Plan) -> list[Change]:
    before = old.model_dump(mode="json")
    after = new.model_dump(mode="json")
    changes: list[Change] = []
    for section in after:
        if section in _NOT_OTHER or before.get(section) == after[section]:
            continue
        old_value, new_value = before.get(section), after[section]
        if isinstance(old_value, list) and _keyed(old_value) and _keyed(new_value):
            changes.extend(_keyed_changes(section, old_value, new_value))
        else:
            changes.append(Change(ChangeKind.CHANGED, section=section))
    return changes


def _keyed(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _keyed_changes(
    section: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[Change]:
    before = {v["id"]: v for v in old}
    after = {v["id"]: v for v in new}
    changes = []
    for key, value in after.items():
        if key not in before:
            changes.append(Change(ChangeKind.ADDED, section=section, key=key))
        elif before[key] != value:
            changes.append(Change(ChangeKind.CHANGED, section=section, key=key))
    changes.extend(
        Change(ChangeKind.REMOVED, section=section, key=key) for key in before if key not in after
    )
    return changes
