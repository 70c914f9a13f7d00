"""Which rows a term's outputs show, and how each row names its term.

``TERM_ROWS``: the models whose rows a term's pages, feeds, documents or API reads print, each
with the path from a row to its term's id (``output_version.term_of``). A write to any of them
raises the term's output version. ``DELEGATION_ROWS``: rows only one member state's delegation
sees (and the secretariat), with the path to the term and the row's member-state field; they
raise that delegation's counter, not the term's. ``EXEMPT``: models with a path to a term whose
rows no output shows, with the reason. tests/web/plans/test_output_version.py walks every model
and fails for one with a path to a term that is in none of the three.
"""

from __future__ import annotations

TERM_ROWS: dict[str, str] = {
    "plans.Term": "pk",
    "plans.PlanDocument": "term_id",
    "plans.Body": "term_id",
    "plans.Officer": "term_id",
    "plans.ThematicArea": "term_id",
    "plans.Mandate": "term_id",
    "plans.Meeting": "term_id",
    "plans.PreviousDate": "meeting.term_id",
    "plans.AgendaNode": "term_id",
    "plans.AgendaPresenter": "node.term_id",
    "plans.Activity": "term_id",
    "plans.RequestedEvent": "term_id",
    "plans.Citation": "term_id",
    "plans.NonMeetingDay": "term_id",
    "plans.ReportingObligation": "term_id",
    "plans.Convention": "term_id",
    "plans.Appropriation": "term_id",
    "plans.Negotiation": "term_id",
    "plans.Milestone": "negotiation.term_id",
    "plans.Resolution": "term_id",
    "plans.ResolutionSection": "resolution.term_id",
    "plans.Paragraph": "resolution.term_id",
    # Who may see the term (and so what its public outputs hold).
    "publication.Publication": "term_id",
    # The approved revisions, listed on the documents' pages; named by the term's slug.
    "documents.Revision": "slug:term_slug",
    # The files and links of the documents an agenda item discusses, on the meeting page.
    "documents.AgendaFile": "meeting.term_id",
    # The draft resolutions' issued revisions, listed on the draft's page; named by the slug.
    "negotiation.DraftRevision": "slug:term_slug",
    # A meeting's window for proposals, shown on its page to every delegation.
    "suggestions.ProposalWindow": "meeting.term_id",
    # A draft paragraph's history and its informal consultations, on the draft's page.
    "negotiation.ParagraphEvent": "paragraph.resolution.term_id",
    "negotiation.Consultation": "paragraph.resolution.term_id",
    # Whether the public sees the counts of reports received.
    "reports.RatesPublication": "term_id",
}

DELEGATION_ROWS: dict[str, tuple[str, str]] = {
    "plans.Submission": ("obligation.term_id", "state"),
    "suggestions.Proposal": ("meeting.term_id", "member_state"),
    # A state's reports as recorded: its delegation's page and API reads (and the secretariat).
    "reports.Submission": ("obligation.term_id", "state"),
    # Its own delegation's; the operations raise the leads' counters, and the term's once shared.
    "negotiation.Amendment": ("paragraph.resolution.term_id", "member_state"),
}

# The model of the delegations' counters (``raise_delegation_version``).
DELEGATION_COUNTER = "calendar_web.DelegationVersion"

EXEMPT: dict[str, str] = {
    "search.IndexedTerm": "the output version the search index was made at: derived, never shown",
    "search.SearchEntry": (
        "the search index, made from the rows above as of the term's output version and "
        "brought up to date when that version is raised"
    ),
    "search.IndexedRow": "the stamps of the rows the search index was made from: derived",
    "calendar_web.DelegationVersion": "a counter of the outputs themselves, raised by the others",
    "access.Membership": (
        "who a user is on a term; it changes what a reader may see, and every cache of an "
        "output keys on the reader's level"
    ),
    "documents.RenderedDocument": (
        "a stored print of an approved revision, which never changes once approved"
    ),
    "reports.Reminder": "a record of the e-mails sent, which no page, feed or document prints",
    "negotiation.DraftRevisionDocument": (
        "a stored print of an issued revision of a draft, which never changes once issued"
    ),
    "documents.RevisionPrint": (
        "a print of an approved revision's document asked for: the worker's claim, no output"
    ),
    "negotiation.DraftRevisionPrint": (
        "a print of an issued revision's document asked for: the worker's claim, no output"
    ),
    "documents.PrintedDocument": (
        "a stored print of the term's outputs at one output version: the printing writes it"
    ),
}
