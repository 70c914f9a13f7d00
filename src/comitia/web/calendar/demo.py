"""The demonstration's second committee (``comitia demo``): an illustrative organization file
and an illustrative committee's plan beside the model plan, sharing its rooms and teams.

The model document names no room or interpretation team, so the demonstration books the model
plan's headquarters meetings in one room with one team (an illustrative booking, recorded in
the audit trail like any change); the illustrative committee's plan is written to clash with
them on a few days, so that the checks across committees and the organization's calendar have
something to show. One of its meetings stays a draft, to show that another committee's draft
meeting is never named to those who may not see it.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from comitia.web.access import audit
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_output_version
from comitia.web.publication.operations import (
    load_organization_file,
    load_plan_file,
    set_meeting_visibility,
)

ORGANIZATION_FILE = "oas-organization-illustrative.yaml"
SECOND_PLAN_FILE = "oas-cajp-2019-2020-illustrative.yaml"
# The model plan's meetings at the headquarters, booked for the demonstration.
MODEL_ROOM, MODEL_TEAM = "simon-bolivar", "team-a"
# A meeting of the second committee left a draft.
DRAFT_MEETING = "cajp-2020-03-05"


def book_meetings(term: m.Term, organization: m.Organization, room: str, team: str) -> int:
    """Put ``term`` in ``organization`` and book its meetings at the headquarters (those
    without a venue, not yet in a room) in ``room`` with ``team``; how many were booked."""
    with transaction.atomic():
        before = audit.snapshot(term)
        m.Term.objects.filter(pk=term.pk).update(organization=organization)
        booked = m.Meeting.objects.filter(term=term, venue__isnull=True, room="").update(
            room=room, team=team
        )
        raise_output_version(term.pk)
        term.refresh_from_db()
        audit.record(
            None, "book", term, before=before, after=audit.snapshot(term), term_slug=term.slug
        )
    return booked


def load_second_committee(model_term: m.Term, examples: Path) -> m.Term | None:
    """Load the illustrative organization and second committee found in ``examples`` (the
    model plan's folder), published, and book the model plan's meetings; None when the
    folder does not hold them."""
    organization_file = examples / ORGANIZATION_FILE
    plan_file = examples / SECOND_PLAN_FILE
    if not (organization_file.exists() and plan_file.exists()):
        return None
    organization = load_organization_file(organization_file)
    book_meetings(model_term, organization, MODEL_ROOM, MODEL_TEAM)
    term = load_plan_file(plan_file, replace=True, publish=True)
    meeting = m.Meeting.objects.filter(term=term, key=DRAFT_MEETING).first()
    if meeting is not None:
        set_meeting_visibility(meeting, Visibility.DRAFT, None)
    return term
