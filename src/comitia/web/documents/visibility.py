"""Who may read an approved revision: its own level and its term's, by the rules of
``comitia.web.publication.visibility``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from comitia.web.plans.models import Term
from comitia.web.publication.visibility import may_see_level, visible_rows_of_term

from .models import Revision


def visible_revisions(
    user: Any, term: Term, queryset: QuerySet[Revision] | None = None
) -> QuerySet[Revision]:
    """``queryset`` (by default the term's approved revisions) narrowed to those ``user``
    may read."""
    revisions = queryset if queryset is not None else Revision.objects.filter(term_slug=term.slug)
    return visible_rows_of_term(user, term, revisions)


def may_see_revision(user: Any, revision: Revision) -> bool:
    """Whether ``user`` may read ``revision``; a revision whose term is no longer stored is
    seen only by administrators."""
    term = Term.objects.filter(slug=revision.term_slug).first()
    return may_see_level(user, term, revision.term_slug, revision.visibility)
