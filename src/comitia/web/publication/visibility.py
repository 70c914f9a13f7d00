"""The one place that answers "may this user see this term, meeting or document?".

Every channel asks here: pages, lists and their filters, the home overview, feeds, the checks'
coverage and its CSV export, the document pages and downloads, revision files, the admin, the
delegations' suggestions, the API.

A term's plan, each meeting, the current plan document and each approved revision has a level
(``Visibility``): draft, shared with member states, or public. A term with no ``Publication``
row is a draft. A viewer has a level on each term (``viewer_level``):

- ``DRAFT`` for those who may ``VIEW_DRAFT`` it (its secretariat, its chair and bureau,
  administrators): they see everything of the term;
- ``MEMBER_STATES`` for a delegation member: they see what is, with its term, at least shared
  with member states;
- ``PUBLIC`` for everyone else: they see what is, with its term, public.

An object is seen when its own level and its term's are both at least the viewer's level.
What cannot be seen answers 404 in views (never a redirect that reveals it exists).

A model of another app whose rows have a level declares a ``visibility = visibility_field()``
column (``comitia.web.levels``) and a way to its term; its app narrows a term's rows with
``visible_rows_of_term`` and answers for one row with ``may_see_level`` (as
``comitia.web.documents.visibility`` does for approved revisions), scopes its admin with
``admin_visibility.VisibilityScopedAdmin``, and sets a row's level with
``operations.set_level`` (a versioned row) or ``operations.set_fixed_level`` (an immutable
one). This module imports no such app: they sit above it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Model, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from comitia.plan import Plan
from comitia.web.access.policy import Action, may, member_state
from comitia.web.levels import Visibility, levels_seen, seen_at
from comitia.web.plans.models import Meeting, PlanDocument, Resolution, Term

from .models import Publication

_Row = TypeVar("_Row", bound=Model)

__all__ = [
    "document_visibility",
    "hidden_draft_keys_at",
    "hidden_meeting_keys",
    "hidden_meeting_keys_at",
    "may_see_document",
    "may_see_document_at",
    "may_see_level",
    "may_see_meeting",
    "may_see_term",
    "term_visibility",
    "viewer_level",
    "visible_meetings",
    "visible_plan",
    "visible_plan_at",
    "visible_rows",
    "visible_rows_of_term",
    "visible_terms",
    "with_visibility",
]


def term_visibility(term: Term) -> Visibility:
    """The level of ``term``'s plan (DRAFT without a ``Publication`` row). Reads
    ``term.visibility_level`` when the query that fetched the term annotated it
    (``with_visibility``), and keeps it there."""
    level = getattr(term, "visibility_level", None)
    if level is None:
        level = (
            Publication.objects.filter(term=term).values_list("visibility", flat=True).first()
            or Visibility.DRAFT
        )
        term.visibility_level = level  # type: ignore[attr-defined]
    return Visibility(level)


def with_visibility(terms: QuerySet[Term]) -> QuerySet[Term]:
    """``terms`` annotated with ``visibility_level``, in the same query."""
    level = Publication.objects.filter(term=OuterRef("pk")).values("visibility")[:1]
    return terms.annotate(visibility_level=Coalesce(Subquery(level), Value(Visibility.DRAFT)))


def viewer_level(user: Any, term: Term) -> Visibility:
    """The lowest level ``user`` sees on ``term``: DRAFT for those who may view its drafts,
    MEMBER_STATES for a delegation member, PUBLIC for everyone else (an inactive user too).

    It is also the key under which a response built for this user may be cached and shared:
    two users with the same level on a term see the same things of it.
    """
    if may(user, Action.VIEW_DRAFT, term):
        return Visibility.DRAFT
    if member_state(user) is not None:
        return Visibility.MEMBER_STATES
    return Visibility.PUBLIC


def may_see_term(user: Any, term: Term) -> bool:
    """Whether ``user`` sees ``term``'s plan at all (its pages, feeds, documents)."""
    return seen_at(term_visibility(term), viewer_level(user, term))


def visible_terms(user: Any, terms: QuerySet[Term] | None = None) -> list[Term]:
    """The terms ``user`` may see, in the order of ``terms`` (all terms by default)."""
    rows = with_visibility(terms if terms is not None else Term.objects.all())
    return [term for term in rows if may_see_term(user, term)]


def visible_meetings(
    user: Any, term: Term, queryset: QuerySet[Meeting] | None = None
) -> QuerySet[Meeting]:
    """``queryset`` (by default the term's meetings) narrowed to those ``user`` sees: none if
    the term is hidden from them. ``queryset`` should hold meetings of ``term`` only."""
    meetings = queryset if queryset is not None else Meeting.objects.filter(term=term)
    return visible_rows_of_term(user, term, meetings)


def may_see_meeting(user: Any, meeting: Meeting) -> bool:
    """Whether ``user`` sees ``meeting`` (its own level and its term's)."""
    viewer = viewer_level(user, meeting.term)
    return seen_at(term_visibility(meeting.term), viewer) and seen_at(meeting.visibility, viewer)


def hidden_meeting_keys(user: Any, term: Term) -> set[str]:
    """The keys of ``term``'s meetings that ``user`` may not see (one query at most)."""
    return hidden_meeting_keys_at(viewer_level(user, term), term)


def hidden_meeting_keys_at(viewer: Visibility, term: Term) -> set[str]:
    """The keys of ``term``'s meetings that a viewer at level ``viewer`` may not see."""
    if viewer == Visibility.DRAFT:
        return set()
    meetings = Meeting.objects.filter(term=term)
    if seen_at(term_visibility(term), viewer):
        meetings = meetings.exclude(visibility__in=levels_seen(viewer))
    # A set: without the meetings' default order, the database has nothing to sort (and
    # Django nothing to compile), half the cost of this query at each feed's request.
    return set(meetings.order_by().values_list("key", flat=True))


def visible_plan(user: Any, term: Term, plan: Plan) -> Plan:
    """``plan`` (the stored plan of ``term``) without what ``user`` may not see: draft
    resolutions below their level, meetings, and
    references to them (a requested event or a milestone keeps its own data but no longer
    names the meeting), and the document's title and symbol if the current document is
    hidden from them. Counts, numbers and summaries derived from the result are those of
    what ``user`` sees, so they reveal nothing of hidden meetings.

    The caller has checked ``may_see_term``; this function only removes what is inside.
    """
    return visible_plan_at(viewer_level(user, term), term, plan)


def visible_plan_at(viewer: Visibility, term: Term, plan: Plan) -> Plan:
    """``plan`` as every viewer at level ``viewer`` sees it (``visible_plan`` for a user at
    that level: what the worker prints for them, with no user at hand)."""
    hidden = hidden_meeting_keys_at(viewer, term)
    if hidden:
        plan = _without_meetings(plan, hidden)
    drafts = hidden_draft_keys_at(viewer, term)
    if drafts:
        plan = plan.model_copy(
            update={"resolutions": [r for r in plan.resolutions if r.id not in drafts]}
        )
    if plan.document is not None and not may_see_document_at(viewer, term):
        plan = plan.model_copy(update={"document": None})
    return plan


def hidden_draft_keys_at(viewer: Visibility, term: Term) -> set[str]:
    """The keys of ``term``'s draft resolutions that a viewer at ``viewer`` may not see (an
    adopted resolution is a public record: its level is not asked)."""
    if viewer == Visibility.DRAFT:
        return set()
    drafts = Resolution.objects.filter(term=term, state="draft")
    if seen_at(term_visibility(term), viewer):
        drafts = drafts.exclude(visibility__in=levels_seen(viewer))
    return set(drafts.order_by().values_list("key", flat=True))


def _without_meetings(plan: Plan, hidden: Iterable[str]) -> Plan:
    hidden = set(hidden)
    update: dict[str, Any] = {
        "meetings": [meeting for meeting in plan.meetings if meeting.id not in hidden],
        "requested_events": [
            event.model_copy(update={"meeting": None}) if event.meeting in hidden else event
            for event in plan.requested_events
        ],
        # An imported document's own summary and counts are kept to be checked against the
        # calendar; beside a calendar without its hidden meetings they would point at them.
        "summary_claims": [],
        "count_claims": [],
    }
    negotiation = plan.negotiation
    if negotiation is not None:
        update["negotiation"] = negotiation.model_copy(
            update={
                "milestones": [
                    milestone.model_copy(update={"meeting": None})
                    if milestone.meeting in hidden
                    else milestone
                    for milestone in negotiation.milestones
                ]
            }
        )
    return plan.model_copy(update=update)


def document_visibility(term: Term) -> Visibility:
    """The level of ``term``'s current plan document (the term's own level if it has none)."""
    level = PlanDocument.objects.filter(term=term).values_list("visibility", flat=True).first()
    return Visibility(level) if level is not None else term_visibility(term)


def may_see_document(user: Any, term: Term) -> bool:
    """Whether ``user`` may read ``term``'s current plan document (its page, downloads and the
    comparison with it)."""
    return may_see_document_at(viewer_level(user, term), term)


def may_see_document_at(viewer: Visibility, term: Term) -> bool:
    """Whether viewers at level ``viewer`` may read ``term``'s current plan document."""
    return seen_at(term_visibility(term), viewer) and seen_at(document_visibility(term), viewer)


def visible_rows_of_term(user: Any, term: Term, rows: QuerySet[_Row]) -> QuerySet[_Row]:
    """``rows`` (objects of ``term`` with a ``visibility`` column, such as its approved
    revisions) narrowed to those ``user`` sees: none if the term is hidden from them."""
    viewer = viewer_level(user, term)
    if not seen_at(term_visibility(term), viewer):
        return rows.none()
    if viewer == Visibility.DRAFT:
        return rows
    return rows.filter(visibility__in=levels_seen(viewer))


def may_see_level(user: Any, term: Term | None, slug: str, level: Visibility | str) -> bool:
    """Whether ``user`` sees an object at ``level`` of ``term``; for an object whose term
    (named ``slug``) is no longer stored (``term`` None), only administrators do."""
    if term is None:
        return viewer_level(user, Term(slug=slug)) == Visibility.DRAFT
    viewer = viewer_level(user, term)
    return seen_at(term_visibility(term), viewer) and seen_at(level, viewer)


def visible_rows(
    user: Any,
    queryset: QuerySet[Any],
    *,
    term_path: str,
    level_path: str | None = None,
    optional_level: bool = False,
) -> QuerySet[Any]:
    """``queryset`` (rows of any model of a plan, such as in the admin) narrowed to the rows
    ``user`` may see: every row of a term whose drafts they see; elsewhere, rows of a term they
    see whose own level (``level_path``, such as ``"meeting__visibility"``) they see too.

    ``term_path`` leads from the row to its term (``"term"``, ``"meeting__term"``, ``"pk"`` for
    terms themselves, or a path ending in ``slug`` compared with the term's slug);
    ``optional_level``: a row whose ``level_path`` leads nowhere (no meeting) takes its term's.
    """
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return queryset
    terms = list(with_visibility(Term.objects.all()))
    attribute = "slug" if term_path.endswith("slug") else "pk"
    insider = [getattr(t, attribute) for t in terms if viewer_level(user, t) == Visibility.DRAFT]
    outsider = [
        getattr(t, attribute)
        for t in terms
        if viewer_level(user, t) != Visibility.DRAFT and may_see_term(user, t)
    ]
    seen = Q(**{f"{term_path}__in": outsider})
    if level_path is not None:
        viewer = Visibility.MEMBER_STATES if member_state(user) else Visibility.PUBLIC
        own = Q(**{f"{level_path}__in": levels_seen(viewer)})
        if optional_level:
            own |= Q(**{f"{level_path.rsplit('__', 1)[0]}__isnull": True})
        seen &= own
    return queryset.filter(Q(**{f"{term_path}__in": insider}) | seen)
