"""What the secretariat does to the calendar, one verb-noun function each.

Every operation writes in one transaction, raises the meeting's ``sequence`` (so subscribed
calendars take the change), logs who did what, and checks that the term still reads back as a
valid plan; if it does not, nothing is written and OperationError says why.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import DataError, IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from comitia.web.access import audit, versions
from comitia.web.access.models import AuditRecord
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, load_plan
from comitia.web.plans.output_version import raise_output_version

log = logging.getLogger(__name__)

User = AbstractBaseUser | AnonymousUser | None


class OperationError(Exception):
    """A change refused because the plan would no longer be valid; the message says why."""


class EditConflict(OperationError):
    """The edit was based on an older version of the object; ``stale`` says what changed."""

    def __init__(self, stale: versions.StaleVersion) -> None:
        super().__init__(str(stale))
        self.stale = stale


def set_text(current: dict[str, str] | None, lang: str, value: str) -> dict[str, str] | None:
    """``current`` with its ``lang`` text set to ``value`` (removed when blank), original first."""
    value = value.strip()
    text = dict(current or {})
    if value:
        text[lang] = value
    else:
        text.pop(lang, None)
    return text or None


@contextmanager
def _writing() -> Iterator[None]:
    """One transaction; a refusal by the database becomes an OperationError."""
    try:
        with transaction.atomic():
            yield
    except versions.StaleVersion as stale:
        raise EditConflict(stale) from stale
    except (IntegrityError, DataError) as error:
        raise OperationError(f"the database refused it ({error})") from error


def _check(term: m.Term) -> None:
    """Refuse the change unless the term still reads back as a valid plan."""
    try:
        load_plan(term)
    except PlanLoadError as error:
        raise OperationError(str(error)) from error


def _audit(
    user: User, action: str, obj: Any, before: dict[str, Any] | None, reason: str = ""
) -> None:
    """Record the change of ``obj`` (as stored now) in the audit trail, with its ``reason``."""
    after = audit.snapshot(type(obj).objects.get(pk=obj.pk))
    audit.record(
        user, action, obj, before=before, after=after, term_slug=obj.term.slug, reason=reason
    )


def _bump(meeting: m.Meeting) -> None:
    m.Meeting.objects.filter(pk=meeting.pk).update(sequence=F("sequence") + 1)
    raise_output_version(meeting.term_id)
    meeting.refresh_from_db(fields=["sequence"])


def create_meeting(term: m.Term, fields: dict[str, Any], lang: str, user: User) -> m.Meeting:
    """A new meeting of ``term`` from the form's ``fields`` (texts in ``lang``)."""
    with _writing():
        key = new_meeting_key(term, fields["date"])
        position = (
            m.Meeting.objects.filter(term=term).aggregate(Max("position"))["position__max"] or 0
        ) + 1
        meeting = m.Meeting(term=term, key=key, position=position)
        apply_meeting_fields(meeting, fields, lang)
        meeting.save()
        _audit(user, "create", meeting, None)
        _check(term)
    log.info("%s created meeting %s of %s", user, meeting.key, term.slug)
    return meeting


def new_meeting_key(term: m.Term, day: dt.date) -> str:
    """The key a new meeting of ``term`` on ``day`` gets: the committee's and the day's."""
    return _free_key(term, f"{term.committee.key if term.committee else 'meeting'}-{day:%Y-%m-%d}")


def _free_key(term: m.Term, base: str) -> str:
    taken = set(
        m.Meeting.objects.filter(term=term, key__startswith=base).values_list("key", flat=True)
    )
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def apply_meeting_fields(meeting: m.Meeting, fields: dict[str, Any], lang: str) -> None:
    """Set what the meeting form gives on ``meeting`` (not saved)."""
    for name in ("date", "start", "end", "kind", "status", "provisional"):
        if name in fields:
            setattr(meeting, name, fields[name])
    if "title" in fields:
        meeting.title = set_text(meeting.title, lang, fields["title"])
    if "venue" in fields:
        meeting.venue = set_text(meeting.venue, lang, fields["venue"])


def update_meeting(
    meeting: m.Meeting,
    fields: dict[str, Any],
    lang: str,
    user: User,
    *,
    version: int | None = None,
) -> m.Meeting:
    """Change a meeting's details. A change of date goes through ``move_meeting``.

    ``version`` is the meeting's version the edit was based on: if the meeting was saved since,
    nothing is written and ``EditConflict`` says what changed.
    """
    with _writing():
        before = versions.claim(meeting, version)
        fields = {k: v for k, v in fields.items() if k not in {"date", "version"}}
        apply_meeting_fields(meeting, fields, lang)
        meeting.save()
        _bump(meeting)
        _audit(user, "edit", meeting, before)
        _check(meeting.term)
    log.info("%s edited meeting %s", user, meeting.key)
    return meeting


def move_meeting(
    meeting: m.Meeting,
    new_date: dt.date,
    reason: str,
    user: User,
    *,
    lang: str = "en",
    start: dt.time | None = None,
    end: dt.time | None = None,
    room: str | None = None,
    team: str | None = None,
    version: int | None = None,
) -> m.Meeting:
    """Move ``meeting`` to ``new_date``; its current date is recorded as an earlier date with
    ``reason`` (written in ``lang``) and the time of the change. ``room`` and ``team`` (by
    key), when given, book the room and interpretation team it meets with there (the
    rescheduling assistant's; None keeps the booking). ``version`` as in ``update_meeting``."""
    with _writing():
        before = versions.claim(meeting, version)
        if new_date != meeting.date:
            position = meeting.previous_dates.count()
            m.PreviousDate.objects.create(
                meeting=meeting,
                position=position,
                date=meeting.date,
                reason={lang: reason.strip()} if reason.strip() else None,
                recorded_at=timezone.now(),
            )
        meeting.date = new_date
        if start is not None:
            meeting.start = start
        if end is not None:
            meeting.end = end
        if room is not None:
            meeting.room = room
        if team is not None:
            meeting.team = team
        meeting.save()
        _bump(meeting)
        _audit(user, "move", meeting, before, reason)
        _check(meeting.term)
    log.info("%s moved meeting %s to %s (%s)", user, meeting.key, new_date, reason)
    return meeting


def cancel_meeting(
    meeting: m.Meeting, user: User, *, reason: str, version: int | None = None
) -> m.Meeting:
    """Mark ``meeting`` cancelled; it stays in the calendar and the feeds, marked so.
    ``reason`` (required: OperationError if blank) is kept in the audit record, which the
    meeting's history shows. ``version`` as in ``update_meeting``."""
    reason = reason.strip()
    if not reason:
        raise OperationError(_("say why the meeting is cancelled"))
    with _writing():
        before = versions.claim(meeting, version)
        meeting.status = m.calendar.MeetingStatusChoice.CANCELLED
        meeting.save(update_fields=["status"])
        _bump(meeting)
        _audit(user, "cancel", meeting, before, reason)
        _check(meeting.term)
    log.info("%s cancelled meeting %s (%s)", user, meeting.key, reason)
    return meeting


def save_agenda_item(
    meeting: m.Meeting,
    node: m.AgendaNode | None,
    fields: dict[str, Any],
    lang: str,
    user: User,
    *,
    version: int | None = None,
) -> m.AgendaNode:
    """Add (``node`` None) or change an agenda item: its parent, place among its siblings
    (``position``, 1 first), kind, area, title, documents, presenters and mandate citation.
    ``version``: the node's version the edit was based on, as in ``update_meeting``."""
    with _writing():
        parent: m.AgendaNode | None = fields.get("parent")
        before: dict[str, Any] | None = None
        if node is None:
            node = m.AgendaNode(term=meeting.term, meeting=meeting)
            old_parent = object()
        else:
            before = versions.claim(node, version)
            old_parent = node.parent_id
        node.kind = fields["kind"]
        node.area = fields.get("area") if node.kind == "area" else None
        node.title = set_text(node.title, lang, fields.get("title", ""))
        node.documents = list(fields.get("documents", []))
        moving = node.pk is None or old_parent != (parent.pk if parent else None)
        siblings = [
            n.pk
            for n in m.AgendaNode.objects.filter(meeting=meeting, parent=parent).order_by(
                "position"
            )
            if n.pk != node.pk
        ]
        node.parent = parent
        node.depth = parent.depth + 1 if parent else 0
        # Park the node out of its siblings' way, then renumber them all.
        node.position = 10_000 + len(siblings)
        node.save()
        if moving:
            _renumber_children(node)
        wanted = fields.get("position") or len(siblings) + 1
        siblings.insert(min(max(wanted, 1), len(siblings) + 1) - 1, node.pk)
        _reorder(siblings)
        node.refresh_from_db()
        if "presenters" in fields:
            m.AgendaPresenter.objects.filter(node=node).delete()
            m.AgendaPresenter.objects.bulk_create(
                m.AgendaPresenter(node=node, body=body, position=i)
                for i, body in enumerate(fields["presenters"])
            )
            raise_output_version(node.term_id)
        if "mandate" in fields:
            m.Citation.objects.filter(node=node, mandate__isnull=False).delete()
            if fields["mandate"] is not None:
                m.Citation.objects.create(
                    term=meeting.term,
                    node=node,
                    position=m.Citation.objects.filter(node=node).count(),
                    mandate=fields["mandate"],
                    paragraphs=list(fields.get("paragraphs", [])),
                )
        _bump(meeting)
        _audit(user, "edit" if before else "create", node, before)
        _check(meeting.term)
    log.info("%s saved agenda item %s of meeting %s", user, node.pk, meeting.key)
    return node


def _renumber_children(node: m.AgendaNode) -> None:
    """Set the depth of ``node``'s descendants after it moved to another level."""
    level = [node]
    while level:
        children = list(m.AgendaNode.objects.filter(parent__in=level))
        for child in children:
            child.depth = next(p.depth for p in level if p.pk == child.parent_id) + 1
        if children:
            m.AgendaNode.objects.bulk_update(children, ["depth"])
            raise_output_version(children[0].term_id)
        level = children


def _reorder(ordered_pks: Iterable[int]) -> None:
    ordered = list(ordered_pks)
    nodes = {n.pk: n for n in m.AgendaNode.objects.filter(pk__in=ordered)}
    # Two passes so the unique (parent, position) constraint never sees a duplicate.
    for i, pk in enumerate(ordered):
        nodes[pk].position = 20_000 + i
    m.AgendaNode.objects.bulk_update(nodes.values(), ["position"])
    for i, pk in enumerate(ordered):
        nodes[pk].position = i
    m.AgendaNode.objects.bulk_update(nodes.values(), ["position"])
    for node in list(nodes.values())[:1]:
        raise_output_version(node.term_id)


def reorder_agenda(node: m.AgendaNode, offset: int, user: User) -> None:
    """Move ``node`` ``offset`` places among its siblings (-1 up, +1 down)."""
    with _writing():
        siblings = list(
            m.AgendaNode.objects.filter(meeting=node.meeting, parent=node.parent_id)
            .order_by("position")
            .values_list("pk", flat=True)
        )
        index = siblings.index(node.pk)
        target = min(max(index + offset, 0), len(siblings) - 1)
        siblings.insert(target, siblings.pop(index))
        before = versions.claim(node, None)
        _reorder(siblings)
        _bump(node.meeting)
        _audit(user, "reorder", node, before)
        _check(node.meeting.term)
    log.info("%s moved agenda item %s by %s", user, node.pk, offset)


def delete_agenda_item(node: m.AgendaNode, user: User) -> None:
    """Remove an agenda item and everything under it."""
    with _writing():
        meeting = node.meeting
        parent = node.parent_id
        audit.record(
            user,
            "delete",
            node,
            before=audit.snapshot(node),
            after=None,
            term_slug=meeting.term.slug,
        )
        node.delete()
        _reorder(
            m.AgendaNode.objects.filter(meeting=meeting, parent=parent)
            .order_by("position")
            .values_list("pk", flat=True)
        )
        _bump(meeting)
        _check(meeting.term)
    log.info("%s deleted an agenda item of meeting %s", user, meeting.key)


def save_activity(
    term: m.Term,
    activity: m.Activity | None,
    fields: dict[str, Any],
    lang: str,
    user: User,
    *,
    version: int | None = None,
) -> m.Activity:
    """Add (``activity`` None) or change another body's activity; ``version`` as in
    ``update_meeting``."""
    with _writing():
        before = versions.claim(activity, version) if activity is not None else None
        if activity is None:
            position = (
                m.Activity.objects.filter(term=term).aggregate(Max("position"))["position__max"]
                or 0
            ) + 1
            activity = m.Activity(term=term, position=position, key=new_activity_key(term, fields))
        apply_activity_fields(activity, fields, lang)
        activity.save()
        _audit(user, "edit" if before else "create", activity, before)
        _check(term)
    log.info("%s saved activity %s", user, activity.key)
    return activity


def apply_activity_fields(activity: m.Activity, fields: dict[str, Any], lang: str) -> None:
    """Set what the activity form gives on ``activity`` (not saved)."""
    activity.title = set_text(activity.title, lang, fields["title"])
    activity.body = fields.get("body")
    activity.when = fields["when"]
    activity.start = fields.get("start")
    activity.end = fields.get("end")
    activity.venue = set_text(activity.venue, lang, fields.get("venue", ""))


def new_activity_key(term: m.Term, fields: dict[str, Any]) -> str:
    """The key a new activity gets: its title's, made free in ``term``."""
    from django.utils.text import slugify

    base = slugify(fields["title"])[:40].strip("-") or "activity"
    taken = set(
        m.Activity.objects.filter(term=term, key__startswith=base).values_list("key", flat=True)
    )
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


# What a restore puts back of each kind of object: its details as the version held them. The
# place of an agenda entry (parent, position) stays where it is now, so that restoring one
# entry never reorders the others; a meeting's earlier dates are kept and a change of day is a
# move, recorded as one.
RESTORED_FIELDS: dict[str, tuple[str, ...]] = {
    "meeting": ("date", "start", "end", "kind", "status", "provisional", "title", "venue", "notes"),
    "agendanode": ("kind", "area", "title", "documents", "notes"),
    "activity": ("title", "body", "when", "start", "end", "venue", "notes"),
}


def restorable(object_type: str) -> bool:
    """Whether an earlier version of objects of ``object_type`` can be restored."""
    return object_type in RESTORED_FIELDS


def _object_of(term: m.Term, object_type: str, object_id: str) -> Any:
    if object_type == "meeting":
        return m.Meeting.objects.select_related("term").get(term=term, key=object_id)
    if object_type == "activity":
        return m.Activity.objects.select_related("term").get(term=term, key=object_id)
    return m.AgendaNode.objects.select_related("term", "meeting").get(term=term, pk=object_id)


def restore_version(
    term: m.Term,
    record: AuditRecord,
    reason: str,
    user: User,
    *,
    lang: str = "en",
    version: int | None = None,
) -> Any:
    """Put a meeting, agenda entry or activity of ``term`` back as it was after the change
    ``record`` recorded: its details (``RESTORED_FIELDS``) from that version. An audited change
    of its own ("restore", with ``reason`` and the version restored), based on ``version`` as
    in ``update_meeting``; a meeting whose day differs is moved back, its current day recorded
    as an earlier date with ``reason``."""
    if not restorable(record.object_type) or record.after is None:
        raise OperationError("this change cannot be undone: no version of the object was kept")
    if record.term_slug != term.slug:
        raise OperationError("the change belongs to another term")
    with _writing():
        try:
            obj = _object_of(term, record.object_type, record.object_id)
        except (m.Meeting.DoesNotExist, m.Activity.DoesNotExist, m.AgendaNode.DoesNotExist):
            raise OperationError("the object no longer exists") from None
        before = versions.claim(obj, version)
        old_date: dt.date | None = getattr(obj, "date", None)
        for name in RESTORED_FIELDS[record.object_type]:
            if name not in record.after:
                continue
            field = obj._meta.get_field(name)
            value = record.after[name]
            if field.is_relation:
                setattr(obj, field.attname, value)
            else:
                setattr(obj, name, field.to_python(value))
        if old_date is not None and obj.date != old_date:
            m.PreviousDate.objects.create(
                meeting=obj,
                position=obj.previous_dates.count(),
                date=old_date,
                reason={lang: reason.strip()} if reason.strip() else None,
                recorded_at=timezone.now(),
            )
        obj.save()
        meeting = obj if record.object_type == "meeting" else getattr(obj, "meeting", None)
        if meeting is not None:
            _bump(meeting)
        else:
            raise_output_version(term.pk)
        _audit(user, "restore", obj, before, reason)
        _check(term)
    log.info("%s restored %s %s as of change %s", user, record.object_type, obj.pk, record.pk)
    return obj
