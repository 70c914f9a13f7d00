"""Proposing, sharing, withdrawing and deciding amendments; each writes one audit record.

Counters (``comitia.web.plans.output_version``): an amendment not yet shared is seen by its
delegation and the paragraph's leads only, so writing it raises their counters, never the
term's; sharing it, and any later change of a shared one, raises the term's. Incorporating one
changes the paragraph, whose row raises the term's version itself.

A status changes by a conditional UPDATE from ``submitted``: of two clicks, one wins and the
other gets ``AmendmentError``. Incorporating claims the paragraph's version the amendment was
written against (``comitia.web.access.versions.claim``): of two amendments written against one
version, the second to be incorporated gets ``AmendmentConflict``, with both.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from comitia.plan import ParagraphStatus
from comitia.web.access import audit
from comitia.web.access.versions import StaleVersion, claim
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_delegation_version, raise_output_version

from .history import record_event
from .models import Amendment


class AmendmentError(Exception):
    """The amendment cannot be made or changed; the message says why."""


class AmendmentTaken(AmendmentError):
    """The amendment was already shared, or already withdrawn or decided (by another click,
    another user): the change asked for was made, or overtaken, by someone else."""


@dataclass
class AmendmentConflict(Exception):
    """``amendment`` was written against a version of its paragraph that has changed since:
    ``since`` are the amendments incorporated after it, ``current`` the paragraph's text now
    in the amendment's language."""

    amendment: Amendment
    since: list[Amendment]
    current: str

    def __str__(self) -> str:
        return (
            f"paragraph {self.amendment.paragraph.number} changed since amendment "
            f"{self.amendment.pk} was written (version {self.amendment.based_on})"
        )


def paragraph_text(paragraph: m.Paragraph, language: str) -> str:
    """The paragraph's stored text in ``language`` ('' if it has none in it)."""
    return str((paragraph.text or {}).get(language, ""))


def _term_id(paragraph: m.Paragraph) -> int:
    return int(paragraph.resolution.term_id)


def _raise_readers(amendment: Amendment) -> None:
    """Raise the counters of those who see ``amendment``: the term's once it is shared, else
    the lead delegations' (its own delegation's is raised by its row)."""
    paragraph = amendment.paragraph
    if amendment.shared_at is not None:
        raise_output_version(_term_id(paragraph))
        return
    for state in paragraph.leads:
        raise_delegation_version(_term_id(paragraph), str(state))


def _record(user: Any, action: str, amendment: Amendment, before: Any) -> None:
    audit.record(
        user,
        action,
        amendment,
        before=before,
        after=audit.snapshot(amendment),
        term_slug=amendment.paragraph.resolution.term.slug,
    )


def propose_amendment(
    paragraph: m.Paragraph,
    member_state: str,
    fields: dict[str, Any],
    user: Any,
    *,
    token: uuid.UUID,
) -> Amendment:
    """A delegation's amendment to ``paragraph``; the same ``token`` sent again returns the
    first one. ``fields``: ``kind``, ``language``, ``text`` (none for a deletion),
    ``justification``."""
    existing = Amendment.objects.filter(token=token).first()
    if existing is not None:
        return existing
    kind = Amendment.Kind(fields["kind"])
    text = "" if kind is Amendment.Kind.DELETE else fields.get("text", "").strip()
    if kind is not Amendment.Kind.DELETE and not text:
        raise AmendmentError("an amendment that is not a deletion gives its text")
    if not fields.get("justification", "").strip():
        raise AmendmentError("give the justification of the amendment")
    with transaction.atomic():
        amendment, created = Amendment.objects.get_or_create(
            token=token,
            defaults={
                "paragraph": paragraph,
                "member_state": member_state,
                "kind": kind,
                "language": fields["language"],
                "text": text,
                "justification": fields["justification"].strip(),
                "based_on": paragraph.version,
                "base_text": paragraph_text(paragraph, fields["language"]),
                "proposed_by": user if user is not None and user.is_authenticated else None,
            },
        )
        if created:
            _raise_readers(amendment)
            _record(user, "propose", amendment, None)
    return amendment


def share_amendment(amendment: Amendment, user: Any) -> Amendment:
    """Show ``amendment`` to every delegation (the secretariat's decision)."""
    with transaction.atomic():
        before = audit.snapshot(amendment)
        if not Amendment.objects.filter(pk=amendment.pk, shared_at__isnull=True).update(
            shared_at=timezone.now()
        ):
            raise AmendmentTaken("this amendment is already shared")
        amendment.refresh_from_db()
        _raise_readers(amendment)
        raise_delegation_version(_term_id(amendment.paragraph), amendment.member_state)
        _record(user, "share", amendment, before)
    return amendment


def _decide(amendment: Amendment, user: Any, action: str, **changes: Any) -> Amendment:
    before = audit.snapshot(amendment)
    rows = Amendment.objects.filter(pk=amendment.pk, status=Amendment.Status.SUBMITTED)
    if "member_state" in changes:
        rows = rows.filter(member_state=changes.pop("member_state"))
    changes.setdefault("decided_at", timezone.now())
    if rows.update(**changes) != 1:
        raise AmendmentTaken("this amendment was already withdrawn or decided")
    amendment.refresh_from_db()
    _raise_readers(amendment)
    raise_delegation_version(_term_id(amendment.paragraph), amendment.member_state)
    _record(user, action, amendment, before)
    return amendment


def withdraw_amendment(amendment: Amendment, member_state: str, user: Any) -> Amendment:
    """The delegation takes back its own amendment, while it is not decided."""
    with transaction.atomic():
        return _decide(
            amendment,
            user,
            "withdraw",
            member_state=member_state,
            status=Amendment.Status.WITHDRAWN,
            decided_by=user,
        )


# The outcomes the secretariat records without changing the paragraph's text.
RECORDED = (Amendment.Status.MERGED, Amendment.Status.WITHDRAWN, Amendment.Status.NOT_RETAINED)


def record_outcome(amendment: Amendment, outcome: Amendment.Status | str, user: Any) -> Amendment:
    """Record that ``amendment`` was merged by hand, withdrawn or not retained."""
    outcome = Amendment.Status(outcome)
    if outcome not in RECORDED:
        raise AmendmentError(f"{outcome.value!r} is not an outcome recorded by hand")
    with transaction.atomic():
        return _decide(amendment, user, outcome.value, status=outcome, decided_by=user)


def incorporate_amendment(
    amendment: Amendment,
    user: Any,
    *,
    status: ParagraphStatus | str | None = None,
    meeting: m.Meeting | None = None,
) -> Amendment:
    """Make ``amendment`` the paragraph's text (new wording) or withdraw the paragraph (a
    deletion), raising the paragraph's version. The paragraph's other languages keep their
    words: they are outdated translations until translated (the page says so, from the
    incorporated amendment at the paragraph's current version).

    A new wording may set the paragraph's ``status`` at once (a formal review session marks it
    agreed ad referendum with the amendment incorporated, ``meeting`` the session). The change
    goes into the paragraph's history (``history.record_event``).

    Raise ``AmendmentConflict`` if the paragraph changed since the amendment was written, and
    ``AmendmentError`` for a new paragraph (which the secretariat numbers and merges by hand)
    or an amendment already decided.
    """
    if amendment.kind == Amendment.Kind.ADD_AFTER:
        raise AmendmentError("a new paragraph is numbered and merged by hand")
    with transaction.atomic():
        paragraph = m.Paragraph.objects.select_related("resolution__term").get(
            pk=amendment.paragraph_id
        )
        try:
            before_paragraph = claim(paragraph, amendment.based_on)
        except StaleVersion:
            raise _conflict(amendment, paragraph) from None
        from_status = paragraph.status
        if amendment.kind == Amendment.Kind.DELETE:
            paragraph.status = ParagraphStatus.WITHDRAWN.value
        else:
            text = dict(paragraph.text or {})
            text[amendment.language] = amendment.text
            paragraph.text = text
            if status is not None:
                paragraph.status = ParagraphStatus(status).value
        paragraph.save(update_fields=["text", "status"])
        record_event(
            paragraph,
            from_status,
            user,
            made_version=paragraph.version,
            meeting=meeting,
            amendment=amendment,
        )
        audit.record(
            user,
            "incorporate amendment",
            paragraph,
            before=before_paragraph,
            after=audit.snapshot(paragraph),
            term_slug=paragraph.resolution.term.slug,
        )
        amendment.paragraph = paragraph
        return _decide(
            amendment,
            user,
            "incorporate",
            status=Amendment.Status.INCORPORATED,
            decided_by=user,
            made_version=paragraph.version,
        )


def _conflict(amendment: Amendment, paragraph: m.Paragraph) -> AmendmentConflict:
    since = list(
        Amendment.objects.filter(
            paragraph=paragraph,
            status=Amendment.Status.INCORPORATED,
            made_version__gt=amendment.based_on,
        ).order_by("made_version")
    )
    return AmendmentConflict(amendment, since, paragraph_text(paragraph, amendment.language))
