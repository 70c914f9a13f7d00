"""Django models of a committee's plan, one row per plan object, grouped as the plan model is.

See ``fields`` for how multilingual text and fuzzy dates are stored.
"""

from comitia.web.plans.models.calendar import (
    Activity,
    AgendaNode,
    AgendaPresenter,
    Citation,
    Meeting,
    NonMeetingDay,
    PreviousDate,
    RequestedEvent,
)
from comitia.web.plans.models.follow_up import (
    Appropriation,
    Convention,
    Milestone,
    Negotiation,
    ReportingObligation,
    Submission,
)
from comitia.web.plans.models.organization import InterpretationTeam, Organization, Room
from comitia.web.plans.models.resolutions import Paragraph, Resolution, ResolutionSection
from comitia.web.plans.models.term import Body, Mandate, Officer, PlanDocument, Term, ThematicArea

# The organization's tables: shared by its terms, not part of any term's plan (a term's
# deletion or replacement leaves them, and a plan file names them by key).
ORGANIZATION_MODELS = (Organization, Room, InterpretationTeam)

__all__ = [
    "ORGANIZATION_MODELS",
    "Activity",
    "AgendaNode",
    "AgendaPresenter",
    "Appropriation",
    "Body",
    "Citation",
    "Convention",
    "InterpretationTeam",
    "Mandate",
    "Meeting",
    "Milestone",
    "Negotiation",
    "NonMeetingDay",
    "Officer",
    "Organization",
    "Paragraph",
    "PlanDocument",
    "PreviousDate",
    "ReportingObligation",
    "RequestedEvent",
    "Resolution",
    "ResolutionSection",
    "Room",
    "Submission",
    "Term",
    "ThematicArea",
]
