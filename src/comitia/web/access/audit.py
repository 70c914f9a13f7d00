"""Recording changes: who, when, the object before and after, as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from .models import AuditRecord


def snapshot(obj: models.Model | None) -> dict[str, Any] | None:
    """The object's stored fields as plain JSON values (None for no object)."""
    if obj is None:
        return None
    fields: dict[str, Any] = serializers.serialize("python", [obj])[0]["fields"]
    result: dict[str, Any] = json.loads(json.dumps(fields, cls=DjangoJSONEncoder))
    return result


def object_id(obj: models.Model) -> str:
    key = getattr(obj, "key", None)
    return str(key) if key else str(obj.pk)


def record(
    user: Any,
    action: str,
    obj: models.Model,
    *,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    term_slug: str = "",
    reason: str = "",
) -> AuditRecord:
    """Write one audit record; call it inside the change's transaction."""
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    return AuditRecord.objects.create(
        user=user if signed_in else None,
        username=user.get_username() if signed_in else "",
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=object_id(obj),
        term_slug=term_slug,
        before=before,
        after=after,
        reason=reason.strip(),
    )


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """The names of the fields whose value differs, in a stable order."""
    before, after = before or {}, after or {}
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
