"""No lost edits: every editable object carries a ``version`` raised by each saved edit.

``claim`` raises the version with one conditional UPDATE (``... WHERE pk = %s AND version = %s``)
and checks the row count, so of two writes based on the same version exactly one goes through,
whatever the timing; the other gets ``StaleVersion``, which names the fields changed since and
by whom (read from the audit trail). The row stays locked by the UPDATE until the transaction
ends, so the write that follows cannot interleave with another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import F

from comitia.web.plans.output_version import raise_for

from .audit import changed_fields, object_id, snapshot
from .models import AuditRecord


@dataclass(frozen=True)
class Change:
    username: str
    at: str
    fields: list[str]


@dataclass
class StaleVersion(Exception):
    """The edit was based on ``based_on`` but the object is now at ``current``."""

    object_type: str
    object_id: str
    based_on: int
    current: int
    changes: list[Change] = field(default_factory=list)

    def __str__(self) -> str:
        who = "; ".join(
            f"{c.username or '?'} at {c.at} changed {', '.join(c.fields) or 'nothing visible'}"
            for c in self.changes
        )
        return (
            f"someone saved this {self.object_type} after you opened it (your version "
            f"{self.based_on}, now {self.current})" + (f": {who}" if who else "")
        )


def claim(obj: models.Model, based_on: int | None) -> dict[str, Any] | None:
    """Raise ``obj``'s stored version by one, only if it is still ``based_on`` (None: whatever
    it is, for writes that replace nothing a user has read). Returns the object as stored
    before this write, for the audit trail; sets ``obj.version`` to the new version.

    Call inside the write's transaction.
    """
    model = type(obj)
    rows = model._default_manager.filter(pk=obj.pk)
    if based_on is not None:
        rows = rows.filter(version=based_on)
    if rows.update(version=F("version") + 1) != 1:
        raise stale(obj, based_on if based_on is not None else 0)
    raise_for(obj)  # the update sends no signal; the version shows in the outputs' forms
    stored = model._default_manager.get(pk=obj.pk)
    before = snapshot(stored)
    assert before is not None
    before["version"] = stored.version - 1  # type: ignore[attr-defined]
    obj.version = stored.version  # type: ignore[attr-defined]
    return before


def stale(obj: models.Model, based_on: int) -> StaleVersion:
    current = type(obj)._default_manager.filter(pk=obj.pk).values_list("version", flat=True).first()
    name = obj._meta.model_name or ""
    records = AuditRecord.objects.filter(object_type=name, object_id=object_id(obj)).order_by(
        "at", "pk"
    )
    changes = [
        Change(r.username, f"{r.at:%Y-%m-%d %H:%M}", changed_fields(r.before, r.after))
        for r in records
        if (r.after or {}).get("version", 0) > based_on
    ]
    return StaleVersion(name, object_id(obj), based_on, current or 0, changes)
