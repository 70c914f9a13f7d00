"""The one place that answers "may this user do this action on this object?".

Actions are named by strings (``Action``); the object is the term the request is about, or none
for site-wide pages. Views never test ``is_staff`` or permissions themselves: the routes declare
their action (``routes.ROUTE_POLICIES``) and the access middleware asks ``may`` before the view
runs; templates ask through the same function (``can`` in a view's context).

The rules:

- everyone, signed in or not, may ``SIGN_IN`` and ``VIEW``; which terms, and what of a term,
  one sees is the publication app's question (``comitia.web.publication.visibility``: draft,
  shared with member states, public), which asks here who may ``VIEW_DRAFT``: a term hidden
  from the user answers 404 before its route's action is asked
  (``comitia.web.publication.middleware``);
- ``ADMIN_SITE`` is left to the Django admin, which requires ``is_staff`` and model permissions;
- secretariat staff of the term's committee (or of every committee) may ``EDIT_CALENDAR``,
  ``VIEW_CHECKS``, ``VIEW_HISTORY``, ``VIEW_DRAFT`` and ``PUBLISH``;
- the chair and bureau of the term may ``VIEW_CHECKS``, ``VIEW_HISTORY``, ``VIEW_DRAFT``
  and ``APPROVE_REVISION``; a user granted the ``documents.approve_revision`` permission in
  the admin may ``APPROVE_REVISION`` and ``VIEW_DRAFT`` on every term (an approver reads the
  draft they approve and the revision they made, a draft until published);
- a translator of the term's committee (or of every committee) may ``VIEW_TRANSLATIONS``
  (the translation page and its XLIFF export) and ``TRANSLATE`` (import a translated file),
  and nothing else: a draft term is seen on those routes only
  (``comitia.web.publication.middleware``); the secretariat may do both too, the chair and
  bureau ``VIEW_TRANSLATIONS``;
- a delegation member may ``PROPOSE`` (for its own member state), ``VIEW_PROPOSALS``
  (its own) and ``RECORD_REPORTS`` (its own state's) on a term it sees (shared with member
  states, or public); the secretariat may ``VIEW_REPORTS`` and ``RECORD_REPORTS`` of any state;
- secretariat staff, of any committee, may ``MANAGE_USERS`` (invite users and give them roles,
  deactivate accounts; what they may not do there, such as make an administrator, is
  ``comitia.web.access.users``' rule);
- an administrator (a superuser, or a user with the administrator role) may do everything;
- an inactive user is the public.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from comitia.web.plans.models import Term

from .models import Membership, Role


class Action(StrEnum):
    VIEW = "view"
    SIGN_IN = "sign_in"
    ADMIN_SITE = "admin_site"
    EDIT_CALENDAR = "edit_calendar"
    VIEW_CHECKS = "view_checks"
    VIEW_HISTORY = "view_history"
    APPROVE_REVISION = "approve_revision"
    VIEW_DRAFT = "view_draft"
    PUBLISH = "publish"
    PROPOSE = "propose"
    VIEW_PROPOSALS = "view_proposals"
    # Member states' reports: the secretariat reads every state's (the matrix, exports);
    # recording is for the secretariat, and for a delegation its own state's (which state is
    # narrowed by comitia.web.reports.visibility).
    VIEW_REPORTS = "view_reports"
    RECORD_REPORTS = "record_reports"
    # Translations: the status page and the export; importing a translated file.
    VIEW_TRANSLATIONS = "view_translations"
    TRANSLATE = "translate"
    # The users' pages: inviting users, giving roles, deactivating accounts (site-wide).
    MANAGE_USERS = "manage_users"


_OPEN = {Action.VIEW, Action.SIGN_IN, Action.ADMIN_SITE}
_SECRETARIAT = {
    Action.EDIT_CALENDAR,
    Action.VIEW_CHECKS,
    Action.VIEW_HISTORY,
    Action.VIEW_DRAFT,
    Action.PUBLISH,
    Action.VIEW_PROPOSALS,
    Action.VIEW_REPORTS,
    Action.RECORD_REPORTS,
    Action.VIEW_TRANSLATIONS,
    Action.TRANSLATE,
}
_BUREAU = {
    Action.VIEW_CHECKS,
    Action.VIEW_TRANSLATIONS,
    Action.VIEW_HISTORY,
    Action.APPROVE_REVISION,
    Action.VIEW_DRAFT,
    Action.VIEW_PROPOSALS,
}
_TRANSLATOR = {Action.VIEW_TRANSLATIONS, Action.TRANSLATE}
# The actions whose routes show a term to whoever may do them, even a draft term that the
# user does not otherwise see: a translator translates drafts.
TRANSLATION_ACTIONS = frozenset(_TRANSLATOR)
_DELEGATION = {Action.PROPOSE, Action.VIEW_PROPOSALS, Action.RECORD_REPORTS}
_APPROVER = {Action.APPROVE_REVISION, Action.VIEW_DRAFT}


def _memberships(user: Any) -> list[Membership]:
    cached: list[Membership] | None = getattr(user, "_comitia_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._comitia_memberships = cached
    return cached


def is_administrator(user: Any) -> bool:
    if not (user is not None and user.is_authenticated and user.is_active):
        return False
    return bool(user.is_superuser) or any(
        ms.role == Role.ADMINISTRATOR for ms in _memberships(user)
    )


def member_state(user: Any) -> str | None:
    """The member state a delegation member speaks for, or None."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return None
    return next((ms.member_state for ms in _memberships(user) if ms.role == Role.DELEGATION), None)


def may(user: Any, action: Action | str, term: Term | None = None) -> bool:
    """Whether ``user`` may do ``action`` on ``term`` (None: nothing in particular)."""
    action = Action(action)
    if action in _OPEN:
        return True
    if not (user is not None and user.is_authenticated and user.is_active):
        return False
    if is_administrator(user):
        return True
    for ms in _memberships(user):
        serves_committee = ms.committee_id is None or (
            term is not None and term.committee_id == ms.committee_id
        )
        if ms.role == Role.SECRETARIAT and action in _SECRETARIAT and serves_committee:
            return True
        if ms.role == Role.TRANSLATOR and action in _TRANSLATOR and serves_committee:
            return True
        if ms.role == Role.SECRETARIAT and action == Action.MANAGE_USERS:
            return True
        in_office = term is not None and ms.term_id == term.pk
        if ms.role == Role.BUREAU and action in _BUREAU and in_office:
            return True
        if ms.role == Role.DELEGATION and action in _DELEGATION:
            return True
    # Approving means reading what is approved: the draft plan and the revision just made.
    return action in _APPROVER and bool(user.has_perm("documents.approve_revision"))


def draft_seen_slugs(user: Any) -> list[str]:
    """The slugs of the terms whose drafts ``user`` sees (every term for a superuser)."""
    return [t.slug for t in Term.objects.all() if may(user, Action.VIEW_DRAFT, t)]
