"""Lead delegations and their informal consultations; each operation writes one audit record.

The secretariat assigns a paragraph's lead delegations ("chefs de file", ``assign_leads``). A
lead delegation's members record the outcome of an informal consultation on the paragraphs it
leads (``record_consultation``): the day, the text agreed if it changed, and where the
paragraph stands after it, still in informal consultations or agreed ad referendum. A
paragraph agreed in the room or withdrawn is past its consultations.

Neither overwrites silently: the form carries what its writer saw (the leads, or the
paragraph's version and status), and a row changed since is a conflict that shows both
(``LeadsConflict``, ``ConsultationConflict``). A text agreed raises the paragraph's version,
as an incorporated amendment does; both go into the paragraph's history.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from comitia.plan import BracketError, ParagraphStatus, bracketed_runs
from comitia.plan.resolutions import OPEN
from comitia.plan.states import OAS_MEMBER_STATES
from comitia.web.access import audit
from comitia.web.access.versions import claim
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_delegation_version

from .history import record_event
from .models import CONSULTATION_STATUSES, Consultation
from .operations import paragraph_text

# Where a paragraph stands once no informal consultation changes it.
SETTLED = (ParagraphStatus.AGREED.value, ParagraphStatus.WITHDRAWN.value)


class ConsultationError(Exception):
    """The leads or the consultation cannot be recorded; the message says why."""


@dataclass
class LeadsConflict(Exception):
    """The paragraph's leads changed since the form was opened: ``current`` now, ``wanted``
    the ones sent."""

    paragraph: m.Paragraph
    current: list[str]
    wanted: list[str]

    def __str__(self) -> str:
        return f"the leads of paragraph {self.paragraph.number} changed since the form was opened"


@dataclass
class ConsultationConflict(Exception):
    """The paragraph changed since the lead delegation opened the form: ``current`` is its
    text now in the language of the text agreed, ``status`` where it stands now, ``wanted``
    the text sent."""

    paragraph: m.Paragraph
    current: str
    status: str
    wanted: str

    def __str__(self) -> str:
        return f"paragraph {self.paragraph.number} changed since the form was opened"


def _term_slug(paragraph: m.Paragraph) -> str:
    return str(paragraph.resolution.term.slug)


def _locked(paragraph: m.Paragraph) -> m.Paragraph:
    """``paragraph`` read again and locked until the transaction ends."""
    return (
        m.Paragraph.objects.select_for_update()
        .select_related("resolution__term")
        .get(pk=paragraph.pk)
    )


def lead_codes(codes: Iterable[str]) -> list[str]:
    """``codes`` as member states' ISO codes, upper case, each once, in the order given;
    ConsultationError for a code that is not a member state's."""
    found: list[str] = []
    for code in codes:
        code = code.strip().upper()
        if not code:
            continue
        if code not in OAS_MEMBER_STATES:
            raise ConsultationError(_("%(code)s is not a member state.") % {"code": code})
        if code not in found:
            found.append(code)
    return found


def assign_leads(
    paragraph: m.Paragraph, leads: Iterable[str], user: Any, *, based_on: Iterable[str]
) -> m.Paragraph:
    """Make ``leads`` the lead delegations of ``paragraph`` (the secretariat's decision).
    ``based_on``: the leads the form showed; LeadsConflict if they changed since."""
    wanted = lead_codes(leads)
    seen = lead_codes(based_on)
    with transaction.atomic():
        stored = _locked(paragraph)
        current = list(stored.leads or [])
        if current == wanted:
            return stored
        if current != seen:
            raise LeadsConflict(stored, current, wanted)
        before = audit.snapshot(stored)
        stored.leads = wanted
        stored.save(update_fields=["leads"])
        # The leads see the paragraph's amendments before they are shared: those who gain or
        # lose the lead see others than before.
        for state in set(current) ^ set(wanted):
            raise_delegation_version(stored.resolution.term_id, state)
        audit.record(
            user,
            "assign leads",
            stored,
            before=before,
            after=audit.snapshot(stored),
            term_slug=_term_slug(stored),
        )
    return stored


def check_text(text: str, status: str) -> None:
    """ConsultationError if ``text`` is not well bracketed, or holds a pending passage for a
    paragraph agreed (ad referendum or not)."""
    try:
        runs = bracketed_runs(text)
    except BracketError:
        raise ConsultationError(
            _(
                "The brackets of the text are not well formed: each [[ opens a pending "
                "passage that a ]] closes."
            )
        ) from None
    agreed = (ParagraphStatus.AGREED.value, ParagraphStatus.AGREED_AD_REFERENDUM.value)
    if status in agreed and any(run.pending for run in runs):
        raise ConsultationError(_("An agreed text has no passage left in [[brackets]]."))


def still_pending(paragraph: m.Paragraph) -> bool:
    """Whether a text of ``paragraph`` (any language) holds a passage in brackets."""
    return any(OPEN in str(value) for value in (paragraph.text or {}).values())


def record_consultation(
    paragraph: m.Paragraph,
    member_state: str,
    fields: dict[str, Any],
    user: Any,
    *,
    token: uuid.UUID,
) -> Consultation:
    """Record an informal consultation on ``paragraph`` by its lead delegation
    ``member_state``; the same ``token`` sent again returns the first record.

    ``fields``: ``held_on`` (a date), ``status`` (one of ``CONSULTATION_STATUSES``),
    ``language`` and ``text`` (the text agreed; empty if it did not change), ``version`` and
    ``from_status`` (the paragraph's as the form showed them). ConsultationError if
    ``member_state`` does not lead the paragraph, the paragraph is agreed or withdrawn, or the
    text is not well bracketed; ConsultationConflict if the paragraph changed since.
    """
    existing = Consultation.objects.filter(token=token).first()
    if existing is not None:
        return existing
    status = str(fields["status"])
    if status not in CONSULTATION_STATUSES:
        raise ConsultationError(_("Choose where the paragraph stands after the consultation."))
    held_on: dt.date = fields["held_on"]
    language = str(fields.get("language") or "")
    text = str(fields.get("text") or "").strip()
    if text and not language:
        raise ConsultationError(_("Say the language of the text agreed."))
    with transaction.atomic():
        stored = _locked(paragraph)
        if member_state not in (stored.leads or []):
            raise ConsultationError(
                _("Only a lead delegation of the paragraph records its consultations.")
            )
        from_status = stored.status or ""
        if from_status in SETTLED:
            raise ConsultationError(
                _("The paragraph is agreed or withdrawn: it is past its consultations.")
            )
        current = paragraph_text(stored, language) if language else ""
        if text:
            check_text(text, status)
        elif status == ParagraphStatus.AGREED_AD_REFERENDUM.value and still_pending(stored):
            raise ConsultationError(
                _("The paragraph still has passages in [[brackets]]: give the text agreed.")
            )
        changes_text = bool(text) and text != current
        seen_version = int(fields["version"])
        if stored.version != seen_version or from_status != str(fields.get("from_status") or ""):
            raise ConsultationConflict(stored, current, from_status, text)
        before = audit.snapshot(stored)
        made_version = None
        if changes_text:
            claim(stored, seen_version)
            texts = dict(stored.text or {})
            texts[language] = text
            stored.text = texts
            made_version = stored.version
        stored.status = status
        stored.save(update_fields=["text", "status"])
        consultation = Consultation.objects.create(
            paragraph=stored,
            member_state=member_state,
            held_on=held_on,
            status=status,
            language=language if changes_text else "",
            text=text if changes_text else "",
            made_version=made_version,
            token=token,
            recorded_by=user if user is not None and user.is_authenticated else None,
        )
        record_event(
            stored, from_status, user, made_version=made_version, consultation=consultation
        )
        audit.record(
            user,
            "record consultation",
            stored,
            before=before,
            after=audit.snapshot(stored),
            term_slug=_term_slug(stored),
        )
    return consultation
