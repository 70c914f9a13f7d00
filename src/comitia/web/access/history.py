"""The history of an object, worded for its readers: who changed what, when and why.

Each audit record becomes a line in the reader's language: what was done ("Moved to another
date", not ``move``), by whom (or "the system"), when (a date as the pages print it), the reason
given, and the fields that changed by their names on the forms, each with its values before and
after;
a text shows its word difference (``comitia.revisions.words``). Fields the reader never edits
(``version``, ``sequence``, the term, positions kept by the system) are not shown.

Staff who edit the calendar may restore an earlier version of a meeting, agenda entry or
activity from here: the form posts to ``calendar:restore``, which goes through the operation
``restore_version`` (itself an audited change, conflict-safe).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comitia.dates import format_day
from comitia.revisions.words import Piece, PieceKind, diff_words
from comitia.web.plans import models as m

from .audit import changed_fields
from .models import AuditRecord
from .policy import Action, may

# What each action of the trail is called, as a heading of its line.
ACTIONS: dict[str, Any] = {
    "create": gettext_lazy("Added"),
    "edit": gettext_lazy("Details changed"),
    "move": gettext_lazy("Moved to another date"),
    "cancel": gettext_lazy("Cancelled"),
    "reorder": gettext_lazy("Moved up or down in the agenda"),
    "delete": gettext_lazy("Deleted"),
    "restore": gettext_lazy("Earlier version restored"),
    "publish": gettext_lazy("Published"),
    "approve": gettext_lazy("Approved"),
    "visibility": gettext_lazy("Visibility changed"),
    "translate": gettext_lazy("Translations imported"),
}
OTHER_ACTION = gettext_lazy("Changed")

# The fields a reader edits, by the names the forms give them.
FIELDS: dict[str, Any] = {
    "date": gettext_lazy("Date"),
    "start": gettext_lazy("Starts at"),
    "end": gettext_lazy("Ends at"),
    "kind": gettext_lazy("Kind"),
    "status": gettext_lazy("Status"),
    "provisional": gettext_lazy("Provisional date"),
    "title": gettext_lazy("Title"),
    "venue": gettext_lazy("Venue"),
    "notes": gettext_lazy("Notes"),
    "area": gettext_lazy("Thematic area"),
    "documents": gettext_lazy("Documents"),
    "parent": gettext_lazy("Place under"),
    "body": gettext_lazy("Body"),
    "when": gettext_lazy("When"),
    "visibility": gettext_lazy("Who sees it"),
}

MODELS: dict[str, type[models.Model]] = {
    "meeting": m.Meeting,
    "agendanode": m.AgendaNode,
    "activity": m.Activity,
}

# Which kinds of object an earlier version can be restored of (the operation decides what).
RESTORABLE = frozenset(MODELS)


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str
    pieces: list[Piece] = field(default_factory=list)  # a text's word difference


@dataclass(frozen=True)
class HistoryLine:
    record: AuditRecord
    when: str
    iso: str
    who: str
    action: str
    reason: str
    changes: list[FieldChange]
    restorable: bool


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _text(value: Any, lang: str) -> str | None:
    """A multilingual text in ``lang``, else in its first language."""
    if isinstance(value, dict):
        texts = {k: v for k, v in value.items() if isinstance(v, str) and v}
        return texts.get(lang) or next(iter(texts.values()), None)
    return None


def _shown(name: str, value: Any, model: type[models.Model] | None, lang: str) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = _text(value, lang)
    if text is not None:
        return text
    if isinstance(value, list):
        return ", ".join(filter(None, (_text(v, lang) or str(v) for v in value)))
    model_field = _field(model, name)
    if model_field is not None and model_field.is_relation and model_field.related_model:
        related: Any = model_field.related_model
        row = related.objects.filter(pk=value).first()
        if row is None:
            return "—"
        return (
            _text(getattr(row, "acronym", None), lang)
            or _text(getattr(row, "name", None), lang)
            or _text(getattr(row, "title", None), lang)
            or str(getattr(row, "key", row.pk))
        )
    if model_field is not None and model_field.choices:
        labels = {str(k): str(v) for k, v in model_field.flatchoices}
        if str(value) in labels:
            return labels[str(value)]
    if isinstance(model_field, models.DateField):
        return format_day(dt.date.fromisoformat(str(value)), lang)
    if isinstance(model_field, models.TimeField):
        return str(value)[:5]
    return str(value)


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def field_changes(record: AuditRecord, lang: str) -> list[FieldChange]:
    """The fields of ``record`` a reader edits that changed, worded in ``lang``."""
    model = MODELS.get(record.object_type)
    before, after = record.before or {}, record.after or {}
    changes = []
    for name in changed_fields(record.before, record.after):
        if name not in FIELDS:
            continue
        old, new = before.get(name), after.get(name)
        old_text, new_text = _text(old, lang), _text(new, lang)
        pieces = diff_words(old_text, new_text) if old_text and new_text else []
        changes.append(
            FieldChange(
                str(FIELDS[name]),
                _shown(name, old, model, lang),
                _shown(name, new, model, lang),
                pieces,
            )
        )
    return changes


def history_lines(records: list[AuditRecord], lang: str) -> list[HistoryLine]:
    """``records`` (oldest first) as the history shows them, newest first."""
    lines = []
    for i, record in enumerate(records):
        local = timezone.localtime(record.at)
        lines.append(
            HistoryLine(
                record=record,
                when=f"{format_day(local.date(), lang)}, {local:%H:%M}",
                iso=local.isoformat(timespec="seconds"),
                who=record.username or _("the system"),
                action=str(ACTIONS.get(record.action, OTHER_ACTION)),
                reason=record.reason,
                changes=field_changes(record, lang),
                # The latest version is the current one: nothing to restore.
                restorable=record.object_type in RESTORABLE
                and record.after is not None
                and i < len(records) - 1,
            )
        )
    return lines[::-1]


def _current(term: Any, object_type: str, object_id: str) -> tuple[str, int | None]:
    """The object's name for the heading and its current version (None if it is gone)."""
    lang = _lang()
    if object_type == "meeting":
        meeting = m.Meeting.objects.filter(term=term, key=object_id).first()
        if meeting is not None:
            title = _text(meeting.title, lang) or _("Meeting")
            return f"{title} · {format_day(meeting.date, lang)}", meeting.version
    elif object_type == "activity":
        activity = m.Activity.objects.filter(term=term, key=object_id).first()
        if activity is not None:
            return _text(activity.title, lang) or object_id, activity.version
    elif object_type == "agendanode" and object_id.isdigit():
        node = m.AgendaNode.objects.filter(term=term, pk=int(object_id)).first()
        if node is not None:
            return _text(node.title, lang) or _("Agenda entry"), node.version
    return object_id, None


KIND_NAMES = {
    "meeting": gettext_lazy("Meeting"),
    "agendanode": gettext_lazy("Agenda entry"),
    "activity": gettext_lazy("Activity"),
}


@require_safe
def history(request: HttpRequest, slug: str, object_type: str, object_id: str) -> HttpResponse:
    """Every recorded change of one object of a term, newest first, in the reader's words,
    with a restore form on each earlier version for those who edit the calendar."""
    term = getattr(request, "comitia_term", None)
    if term is None:
        term = m.Term.objects.filter(slug=slug).first()
    if term is None:
        raise Http404(_("No term has that name."))
    records = list(
        AuditRecord.objects.filter(
            term_slug=slug, object_type=object_type, object_id=object_id
        ).order_by("at", "pk")
    )
    name, version = _current(term, object_type, object_id)
    lines = history_lines(records, _lang())
    context = {
        "term": term,
        "object_type": object_type,
        "object_id": object_id,
        "kind_name": KIND_NAMES.get(object_type, ""),
        "name": name,
        "version": version,
        "lines": lines,
        "can_restore": version is not None and may(request.user, Action.EDIT_CALENDAR, term),
        "deleted": PieceKind.DELETED,
        "inserted": PieceKind.INSERTED,
    }
    return render(request, "access/history.html", context)
