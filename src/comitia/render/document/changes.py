"""Changes between two revisions, worded in the reader's language, and their annex."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from comitia.dates import format_day
from comitia.render.document.blocks import Element, Heading, ItemList, ListItem, Paragraph, Span
from comitia.render.document.i18n import Wording
from comitia.revisions import Change, ChangeKind

_MEETING_KINDS = {
    ChangeKind.MEETING_ADDED,
    ChangeKind.MEETING_REMOVED,
    ChangeKind.MEETING_MOVED,
    ChangeKind.MEETING_CANCELLED,
    ChangeKind.MEETING_CHANGED,
}
_ITEM_KINDS = {ChangeKind.ITEM_ADDED, ChangeKind.ITEM_REMOVED, ChangeKind.ITEM_CHANGED}


def _field_names(w: Wording) -> dict[str, str]:
    return {
        "start": w._("start time"),
        "end": w._("end time"),
        "kind": w._("kind of meeting"),
        "provisional": w._("provisional date"),
        "title": w._("title"),
        "venue": w._("venue"),
        "notes": w._("notes"),
        "status": w._("status"),
    }


def _section_names(w: Wording) -> dict[str, str]:
    return {
        "term": w._("term"),
        "language": w._("language"),
        "languages": w._("languages"),
        "bodies": w._("bodies"),
        "officers": w._("bureau"),
        "thematic_areas": w._("thematic areas"),
        "mandates": w._("mandates"),
        "requested_events": w._("events requested by the General Assembly"),
        "activities": w._("activities of other bodies"),
        "non_meeting_days": w._("days without meetings"),
        "obligations": w._("reminders of reports"),
        "appropriations": w._("budget"),
        "negotiation": w._("negotiation of the draft resolution"),
        "summary_claims": w._("summary of the imported document"),
        "count_claims": w._("counts of the imported document"),
    }


def describe(change: Change, lang: str) -> str:
    """One change as a sentence in ``lang``."""
    w = Wording(lang)

    def day(value: dt.date | str | None) -> str:
        if value is None:
            return ""
        return format_day(dt.date.fromisoformat(value) if isinstance(value, str) else value, lang)

    kind = change.kind
    if kind is ChangeKind.MEETING_ADDED:
        return w._("Meeting added on {date}.", date=day(change.date))
    if kind is ChangeKind.MEETING_REMOVED:
        return w._("Meeting of {date} removed.", date=day(change.date))
    if kind is ChangeKind.MEETING_MOVED:
        return w._(
            "Meeting moved from {before} to {after}.",
            before=day(change.before),
            after=day(change.after),
        )
    if kind is ChangeKind.MEETING_CANCELLED:
        return w._("Meeting of {date} cancelled.", date=day(change.date))
    if kind is ChangeKind.MEETING_CHANGED:
        names = _field_names(w)
        return w._(
            "Meeting of {date} changed: {fields}.",
            date=day(change.date),
            fields=w.join([names.get(f, f) for f in change.fields]),
        )
    if kind is ChangeKind.ITEM_ADDED:
        return w._(
            "Meeting of {date}: agenda item added: {item}", date=day(change.date), item=change.after
        )
    if kind is ChangeKind.ITEM_REMOVED:
        return w._(
            "Meeting of {date}: agenda item removed: {item}",
            date=day(change.date),
            item=change.before,
        )
    if kind is ChangeKind.ITEM_CHANGED:
        if change.before == change.after:
            return w._(
                "Meeting of {date}: agenda item changed: {item}",
                date=day(change.date),
                item=change.after,
            )
        return w._(
            "Meeting of {date}: agenda item changed from {before} to {after}",
            date=day(change.date),
            before=w.quote(change.before or ""),
            after=w.quote(change.after or ""),
        )
    section = _section_names(w).get(change.section or "", change.section or "")
    if change.key is None:
        return w._("Changed: {section}.", section=section)
    if kind is ChangeKind.ADDED:
        return w._("Added to {section}: {key}.", section=section, key=change.key)
    if kind is ChangeKind.REMOVED:
        return w._("Removed from {section}: {key}.", section=section, key=change.key)
    return w._("Changed in {section}: {key}.", section=section, key=change.key)


def changes_annex(changes: Sequence[Change], lang: str, since: str) -> list[Element]:
    """The annex "Changes since {since}": meetings, agenda items, then everything else."""
    w = Wording(lang)
    elements: list[Element] = [Heading(1, w._("Changes since {revision}", revision=since))]
    if not changes:
        elements.append(Paragraph((Span(w._("No changes.")),)))
        return elements
    groups = (
        (w._("Meetings"), [c for c in changes if c.kind in _MEETING_KINDS]),
        (w._("Agenda items"), [c for c in changes if c.kind in _ITEM_KINDS]),
        (
            w._("Other changes"),
            [c for c in changes if c.kind not in _MEETING_KINDS | _ITEM_KINDS],
        ),
    )
    for title, group in groups:
        if group:
            elements.append(Heading(2, title))
            elements.append(ItemList(tuple(ListItem((Span(describe(c, lang)),)) for c in group)))
    return elements
