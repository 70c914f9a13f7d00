"""A term's organization and its other committees, as the rules across committees read them.

The other committees are the organization's other terms whose period overlaps this one's;
of each, only the meetings that book a room or a team are read (one query per term, no whole
plan). What the reader may not see of them (a draft meeting, a term not published) is passed
as hidden: the rules still find the clash but do not name the meeting.
"""

from __future__ import annotations

from typing import Any

from comitia.checks import OtherCommittee
from comitia.plan import Language, Organization, Text
from comitia.web.plans import models as m
from comitia.web.plans.organizations import booked_meetings, organization_of
from comitia.web.publication.visibility import hidden_meeting_keys

__all__ = ["organization_and_others"]


def organization_and_others(
    term: m.Term, user: Any
) -> tuple[Organization | None, list[OtherCommittee]]:
    """``term``'s organization (None if it belongs to none) and the other committees whose
    meetings may clash with its own, with what ``user`` may not see of them hidden."""
    if term.organization_id is None:
        return None, []
    organization = organization_of(term.organization)  # type: ignore[arg-type]
    others = (
        m.Term.objects.filter(
            organization_id=term.organization_id, start__lte=term.end, end__gte=term.start
        )
        .exclude(pk=term.pk)
        .select_related("committee")
        .order_by("slug")
    )
    return organization, [_other(other, user) for other in others]


def _other(term: m.Term, user: Any) -> OtherCommittee:
    meetings = tuple(booked_meetings(term))
    committee = term.committee
    text = (committee.acronym or committee.name) if committee is not None else None
    name = Text.model_validate(text) if text else Text.of(term.language, term.slug)
    return OtherCommittee(
        key=term.slug,
        committee=committee.key if committee is not None else term.slug,
        name=name,
        meetings=meetings,
        languages=tuple(Language(lang) for lang in term.languages),
        hidden=frozenset(hidden_meeting_keys(user, term)),
    )
