"""Who sees a draft resolution and its amendments.

A resolution's page is seen at the lower of its own level and its term's
(``comitia.web.publication.visibility.may_see_level``). An amendment is never public: it is
seen by those who see the term's drafts (secretariat, chair and bureau), by its delegation and
by the paragraph's lead delegations, and by every delegation once the secretariat shares it.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from comitia.plan import ResolutionState
from comitia.web.access.policy import Action, may, member_state
from comitia.web.plans.models import Resolution, Term
from comitia.web.publication.visibility import may_see_level

from .models import Amendment


def may_see_resolution(user: Any, term: Term, resolution: Resolution) -> bool:
    return may_see_level(user, term, term.slug, resolution.visibility)


def visible_draft(user: Any, slug: str, key: str) -> Resolution:
    """The draft resolution ``key`` of term ``slug`` (its term selected), if ``user`` may see
    it; Http404 otherwise, as for one that does not exist."""
    resolution = (
        Resolution.objects.select_related("term")
        .filter(term__slug=slug, key=key, state=ResolutionState.DRAFT.value)
        .first()
    )
    if resolution is None or not may_see_resolution(user, resolution.term, resolution):
        raise Http404(_("The term has no draft resolution of that name."))
    return resolution


def amendment_seen(
    amendment: Amendment, leads: list[str], *, insider: bool, state: str | None
) -> bool:
    """Whether a reader sees ``amendment`` (to a paragraph led by ``leads``): ``insider`` if
    they see the term's drafts, ``state`` the member state they speak for."""
    if insider:
        return True
    if state is None:
        return False
    return amendment.member_state == state or state in leads or amendment.shared_at is not None


def may_see_amendment(user: Any, term: Term, amendment: Amendment) -> bool:
    return amendment_seen(
        amendment,
        list(amendment.paragraph.leads),
        insider=may(user, Action.VIEW_DRAFT, term),
        state=member_state(user),
    )
