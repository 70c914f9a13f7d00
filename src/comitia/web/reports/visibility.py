"""Who sees and records which state's reports and points of contact: the one place that
narrows the route's declared action (``access.routes``) to states.

- the secretariat (who may ``VIEW_REPORTS`` the term) sees and records every state's;
- a delegation member sees and records only its own state's;
- everyone else sees no state's, and the counts per obligation only once the secretariat has
  published them (``RatesPublication``).

Kept small and apart from ``comitia.web.access`` on purpose: it asks only ``may`` and
``member_state``, so it follows wherever those live.
"""

from __future__ import annotations

from typing import Any

from comitia.plan import OAS_MEMBER_STATES
from comitia.web.access.policy import Action, may, member_state
from comitia.web.plans.models import Term

from .models import RatesPublication


def sees_every_state(user: Any) -> bool:
    """Whether ``user`` sees every state's reports on some term (the secretariat of a
    committee, administrators): the rows that belong to no term (contacts) are theirs."""
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(is_secretariat(user, term) for term in Term.objects.select_related("committee"))


def is_secretariat(user: Any, term: Term) -> bool:
    return may(user, Action.VIEW_REPORTS, term)


def states_seen(user: Any, term: Term) -> tuple[str, ...]:
    """The member states whose reports and contacts ``user`` sees on ``term``, in order."""
    if is_secretariat(user, term):
        return OAS_MEMBER_STATES
    own = member_state(user)
    if own and may(user, Action.RECORD_REPORTS, term):
        return (own,)
    return ()


def may_see_state(user: Any, term: Term, state: str) -> bool:
    """Whether ``user`` sees (and may record) ``state``'s reports and contacts on ``term``."""
    return state in states_seen(user, term)


def sees_rates(user: Any, term: Term) -> bool:
    """Whether ``user`` sees the counts of reports received per obligation on ``term``."""
    if is_secretariat(user, term):
        return True
    return RatesPublication.objects.filter(term=term, published=True).exists()
