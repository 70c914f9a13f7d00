"""Publishing: setting the level (draft, shared with member states, public) of a term's plan, a
meeting, the plan document or any other row of a term with a level (``set_level``; an approved
revision, immutable, with ``set_fixed_level``). Each change is recorded in the audit trail and
raises the object's version (an immutable row has none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from comitia.plan.files import read_organization, read_plan
from comitia.web.access import audit
from comitia.web.access.versions import claim
from comitia.web.levels import Visibility
from comitia.web.plans.convert import save_plan, term_slug
from comitia.web.plans.models import (
    InterpretationTeam,
    Meeting,
    Organization,
    PlanDocument,
    Room,
    Term,
)
from comitia.web.plans.organizations import save_organization

from .models import Publication


def _action(level: Visibility) -> str:
    return {
        Visibility.PUBLIC: "publish",
        Visibility.MEMBER_STATES: "share with member states",
        Visibility.DRAFT: "withdraw",
    }[level]


def _who(user: Any) -> Any:
    return user if user is not None and user.is_authenticated else None


def set_term_visibility(
    term: Term, level: Visibility | str, user: Any, *, based_on: int | None = None
) -> Publication:
    """Set the level of ``term``'s plan; ``based_on`` is the publication's version the user
    saw (None: whatever it is). Raises ``StaleVersion`` if it changed since."""
    level = Visibility(level)
    with transaction.atomic():
        publication, created = Publication.objects.select_for_update().get_or_create(
            term=term, defaults={"visibility": Visibility.DRAFT}
        )
        before = None if created else claim(publication, based_on)
        publication.visibility = level
        publication.changed_by = _who(user)
        publication.save(update_fields=["visibility", "changed_by", "changed_at"])
        audit.record(
            user,
            _action(level),
            publication,
            before=before,
            after=audit.snapshot(publication),
            term_slug=term.slug,
        )
    term.visibility_level = level.value  # type: ignore[attr-defined]
    return publication


def set_publication(term: Term, published: bool, user: Any) -> Publication:
    """Publish ``term``'s plan, or withdraw it to draft."""
    return set_term_visibility(term, Visibility.PUBLIC if published else Visibility.DRAFT, user)


def set_level(obj: Any, level: Visibility | str, user: Any, based_on: int | None) -> Any:
    """Set the level of a versioned object of a term (a meeting, the current document): one
    with ``visibility``, ``version`` and ``term`` fields; ``based_on`` as for the term."""
    level = Visibility(level)
    with transaction.atomic():
        before = claim(obj, based_on)
        type(obj).objects.filter(pk=obj.pk).update(visibility=level)
        obj.refresh_from_db()
        audit.record(
            user,
            _action(level),
            obj,
            before=before,
            after=audit.snapshot(obj),
            term_slug=obj.term.slug,
        )
    return obj


def set_meeting_visibility(
    meeting: Meeting, level: Visibility | str, user: Any, *, based_on: int | None = None
) -> Meeting:
    """Set ``meeting``'s level; raises ``StaleVersion`` if it is no longer at ``based_on``."""
    result: Meeting = set_level(meeting, level, user, based_on)
    return result


def set_document_visibility(
    document: PlanDocument, level: Visibility | str, user: Any, *, based_on: int | None = None
) -> PlanDocument:
    """Set the level of a term's current plan document; ``based_on`` as for meetings."""
    result: PlanDocument = set_level(document, level, user, based_on)
    return result


def set_fixed_level(obj: Any, level: Visibility | str, user: Any, *, term_slug: str) -> Any:
    """Set the level of an immutable object of the term named ``term_slug`` (such as an
    approved revision, of which the level is the one thing that changes)."""
    level = Visibility(level)
    with transaction.atomic():
        before = audit.snapshot(obj)
        obj.visibility = level
        obj.save(update_fields=["visibility"])
        audit.record(
            user,
            _action(level),
            obj,
            before=before,
            after=audit.snapshot(obj),
            term_slug=term_slug,
        )
    return obj


def publish_plan(term: Term, user: Any, level: Visibility | str = Visibility.PUBLIC) -> None:
    """Set ``term``'s plan, its current document and every meeting of it below ``level`` to
    ``level`` (``comitia load --publish``, and the term's page when asked to carry its
    meetings along). Meetings already at a higher level keep it."""
    level = Visibility(level)
    with transaction.atomic():
        set_term_visibility(term, level, user)
        document = PlanDocument.objects.filter(term=term).first()
        if document is not None and Visibility(document.visibility).rank < level.rank:
            set_document_visibility(document, level, user)
        for meeting in Meeting.objects.filter(term=term).select_related("term"):
            if Visibility(meeting.visibility).rank < level.rank:
                set_meeting_visibility(meeting, level, user)


def load_plan_file(path: str | Path, *, replace: bool = False, publish: bool = False) -> Term:
    """Read the plan file at ``path`` and store it as a term, recorded in the audit trail.

    The term, its document and its meetings are drafts, seen only by its secretariat, chair
    and bureau, unless ``publish``: then all of them are public at once. A replaced term
    starts again as a draft (unless ``publish``), like any term loaded.

    Raise ``comitia.plan.files.PlanFileError`` for a file that is not a valid plan, and
    ``PlanLoadError`` if its term is already stored (unless ``replace``) or the database
    refuses it; in either case nothing is written.
    """
    plan = read_plan(path)
    slug = term_slug(plan.term)
    with transaction.atomic():
        existing = Term.objects.filter(slug=slug).first()
        before = audit.snapshot(existing)
        if existing is not None and replace:
            # A replaced term starts again as a draft: save_plan would carry its publication
            # over to the new plan, as it does the roles and proposals that point into it.
            Publication.objects.filter(term=existing).delete()
        term = save_plan(plan, replace=replace)
        audit.record(
            None,
            "replace" if before is not None else "load",
            term,
            before=before,
            after=audit.snapshot(term),
            term_slug=term.slug,
        )
        if publish:
            publish_plan(term, None)
    return term


def load_organization_file(path: str | Path) -> Organization:
    """Read the organization file at ``path`` (its rooms and interpretation teams) and store it,
    creating the organization or replacing its rooms and teams, recorded in the audit trail.

    Raise ``comitia.plan.files.PlanFileError`` for a file that is not a valid organization
    file; nothing is written then.
    """
    organization = read_organization(path)
    with transaction.atomic():
        existing = Organization.objects.filter(key=organization.id).first()
        before = _organization_snapshot(existing)
        row = save_organization(organization)
        audit.record(
            None,
            "replace" if existing is not None else "load",
            row,
            before=before,
            after=_organization_snapshot(row),
        )
    return row


def _organization_snapshot(row: Organization | None) -> dict[str, Any] | None:
    # The organization's row with its rooms and teams, which a load replaces.
    if row is None:
        return None
    data = audit.snapshot(row) or {}
    data["rooms"] = [audit.snapshot(room) for room in Room.objects.filter(organization=row)]
    data["teams"] = [
        audit.snapshot(team) for team in InterpretationTeam.objects.filter(organization=row)
    ]
    return data
