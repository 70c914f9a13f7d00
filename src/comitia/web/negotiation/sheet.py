"""The session sheet of a formal review meeting: the decision taken in the room on each
paragraph, recorded as the meeting goes, one paragraph at a time.

The meetings of the formal review are those within the formal-review milestone's dates
(``comitia.checks.rules.claims.formal_review_meetings``), and the meeting the milestone names
if it names one (``review_meetings``). On each paragraph the room decides: agreed, agreed ad
referendum, pending (with the passages still in brackets) or withdrawn (``DECISIONS``); the
secretariat may record a new text with the decision, or incorporate a pending amendment
(``record_decision``).

No decision overwrites another silently: the form carries the paragraph's version and status
as the sheet showed them, and a paragraph changed since is a ``SheetConflict`` that shows what
it is now and what was sent; an amendment written against another version is the amendments'
conflict (``operations.AmendmentConflict``). Each decision writes one audit record and one
entry of the paragraph's history, with the meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from comitia.checks.engine import Context
from comitia.checks.rules.claims import formal_review_meetings
from comitia.plan import Meeting, MilestoneKind, ParagraphStatus, Plan
from comitia.web.access import audit
from comitia.web.access.versions import claim
from comitia.web.plans import models as m

from . import operations
from .consultations import ConsultationError, check_text
from .history import record_event
from .models import Amendment, ParagraphEvent
from .operations import paragraph_text

DECISIONS = (
    ParagraphStatus.AGREED,
    ParagraphStatus.AGREED_AD_REFERENDUM,
    ParagraphStatus.PENDING,
    ParagraphStatus.WITHDRAWN,
)


class SheetError(Exception):
    """The decision cannot be recorded as sent; the message says why."""


@dataclass
class SheetConflict(Exception):
    """The paragraph changed since the sheet was opened: ``paragraph`` as it is now (its text
    in ``language`` is ``current``), ``last`` the history entry that changed it; ``decision``
    and ``text`` what was sent."""

    paragraph: m.Paragraph
    current: str
    language: str
    last: ParagraphEvent | None
    decision: str
    text: str

    def __str__(self) -> str:
        return f"paragraph {self.paragraph.number} changed since the sheet was opened"


def review_meetings(plan: Plan, today: dt.date) -> list[Meeting]:
    """The meetings of the formal review of ``plan``'s draft (not cancelled), by date."""
    context = Context(plan, today)
    found = list(formal_review_meetings(context) or [])
    named = {
        milestone.meeting
        for milestone in (plan.negotiation.milestones if plan.negotiation else [])
        if milestone.kind is MilestoneKind.FORMAL_REVIEW and milestone.meeting is not None
    }
    found += [x for x in context.meetings if x.id in named and x not in found]
    return sorted(found, key=lambda x: (x.date, x.start, x.id))


def _last_event(paragraph: m.Paragraph) -> ParagraphEvent | None:
    return (
        ParagraphEvent.objects.filter(paragraph=paragraph)
        .select_related("meeting__term", "consultation", "amendment", "recorded_by")
        .order_by("-recorded_at", "-pk")
        .first()
    )


def _check(decision: ParagraphStatus, text: str, stored: str) -> None:
    """SheetError if the text the paragraph will read (``text`` sent, else ``stored``) does
    not fit ``decision``: a pending paragraph has a passage in brackets, an agreed one none."""
    reads = text or stored
    try:
        check_text(reads, decision.value)
    except ConsultationError as error:
        raise SheetError(str(error)) from None
    if decision is ParagraphStatus.PENDING and "[[" not in reads:
        raise SheetError(
            _("A pending paragraph shows its open passages in brackets: [[like this]].")
        )


def record_decision(
    paragraph: m.Paragraph,
    meeting: m.Meeting,
    decision: ParagraphStatus | str,
    user: Any,
    *,
    version: int,
    from_status: str,
    language: str,
    text: str = "",
    amendment: Amendment | None = None,
) -> ParagraphEvent | None:
    """Record the room's ``decision`` on ``paragraph`` at ``meeting``: its new status, with
    ``text`` (in ``language``) as its new wording if given and different, or with
    ``amendment`` incorporated. ``version`` and ``from_status``: the paragraph's as the
    sheet showed them.

    Returns the history entry written; None if the paragraph already stands as decided (the
    same form sent twice). SheetConflict if the paragraph changed since the sheet showed it,
    ``operations.AmendmentConflict`` if the amendment was written against another version,
    SheetError for a decision that does not fit its text.
    """
    decision = ParagraphStatus(decision)
    if decision not in DECISIONS:
        raise SheetError(_("Choose a decision of the formal review."))
    text = text.strip()
    with transaction.atomic():
        stored = (
            m.Paragraph.objects.select_for_update()
            .select_related("resolution__term")
            .get(pk=paragraph.pk)
        )
        current = paragraph_text(stored, language)
        now = stored.status or ""
        if amendment is None and now == decision.value and (not text or text == current):
            return None
        if stored.version != version or now != from_status:
            raise SheetConflict(stored, current, language, _last_event(stored), decision, text)
        if amendment is not None:
            return _incorporate(stored, meeting, decision, user, amendment)
        _check(decision, text, current)
        before = audit.snapshot(stored)
        made_version = None
        if text and text != current:
            claim(stored, version)
            texts = dict(stored.text or {})
            texts[language] = text
            stored.text = texts
            made_version = stored.version
        stored.status = decision.value
        stored.save(update_fields=["text", "status"])
        event = record_event(stored, now, user, made_version=made_version, meeting=meeting)
        audit.record(
            user,
            "record session decision",
            stored,
            before=before,
            after={**(audit.snapshot(stored) or {}), "meeting": meeting.key},
            term_slug=stored.resolution.term.slug,
        )
        return event


def _incorporate(
    stored: m.Paragraph,
    meeting: m.Meeting,
    decision: ParagraphStatus,
    user: Any,
    amendment: Amendment,
) -> ParagraphEvent | None:
    if amendment.paragraph_id != stored.pk:
        raise SheetError(_("The amendment is not one of this paragraph's."))
    deletion = amendment.kind == Amendment.Kind.DELETE
    if deletion != (decision is ParagraphStatus.WITHDRAWN):
        raise SheetError(
            _("An amendment deleting the paragraph withdraws it: choose Withdrawn.")
            if deletion
            else _("A withdrawn paragraph incorporates no new wording.")
        )
    if not deletion:
        _check(decision, amendment.text, "")
    operations.incorporate_amendment(
        amendment, user, status=None if deletion else decision, meeting=meeting
    )
    return _last_event(stored)
