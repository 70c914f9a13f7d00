"""Writing reports, points of contact and feed keys: one transaction and one audit record each.

Views and the API call these after the access rules (``visibility``) have said the user may
act for the state; these functions check the data, not the user.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from comitia.web.access import audit
from comitia.web.documents.uploads import check_upload
from comitia.web.plans import models as m

from .models import DOCUMENT_EXTENSIONS, Contact, Delegation, RatesPublication, Submission

FEED_KEY_PREFIX = "feed_"


def max_document_bytes() -> int:
    return int(getattr(settings, "COMITIA_MAX_REPORT_BYTES", 10 * 1024 * 1024))


def check_document(upload: UploadedFile[bytes]) -> None:
    """ValidationError unless ``upload`` is a PDF, DOCX or XLSX file within the size limit,
    judged by its content too (``documents.uploads.check_upload``)."""
    check_upload(
        upload, DOCUMENT_EXTENSIONS, max_document_bytes(), _("Upload a PDF, DOCX or XLSX file.")
    )


@dataclass(frozen=True)
class SubmissionData:
    obligation: m.ReportingObligation
    state: str
    cycle: int
    received: dt.date
    symbol: str = ""
    link: str = ""
    language: str = ""
    document: UploadedFile[bytes] | None = None


def record_submission(data: SubmissionData, by: Any) -> Submission:
    """Record (or correct) the state's submission for that cycle of the obligation."""
    if data.document is not None:
        check_document(data.document)
    with transaction.atomic():
        existing = (
            Submission.objects.select_for_update()
            .filter(obligation=data.obligation, state=data.state, cycle=data.cycle)
            .first()
        )
        before = audit.snapshot(existing)
        submission = existing or Submission(
            obligation=data.obligation, state=data.state, cycle=data.cycle
        )
        submission.received = data.received
        submission.symbol = data.symbol.strip()
        submission.link = data.link.strip()
        submission.language = data.language
        submission.recorded_by = by if getattr(by, "is_authenticated", False) else None
        if data.document is not None:
            if submission.document:
                submission.document.delete(save=False)
            submission.document.save(data.document.name or "report", data.document, save=False)
        submission.full_clean(exclude=["document"])
        submission.save()
        audit.record(
            by,
            "record_submission",
            submission,
            before=before,
            after=audit.snapshot(submission),
            term_slug=data.obligation.term.slug,
        )
    return submission


def delete_submission(submission: Submission, by: Any) -> None:
    with transaction.atomic():
        before = audit.snapshot(submission)
        term = submission.obligation.term
        if submission.document and submission.document.name:
            name, storage = submission.document.name, submission.document.storage
            transaction.on_commit(lambda: storage.delete(name))
        audit.record(
            by, "delete_submission", submission, before=before, after=None, term_slug=term.slug
        )
        submission.delete()


def save_contact(contact: Contact, by: Any) -> Contact:
    """Store a new or edited point of contact (validated first)."""
    contact.full_clean()
    with transaction.atomic():
        before = (
            audit.snapshot(Contact.objects.filter(pk=contact.pk).first()) if contact.pk else None
        )
        contact.save()
        audit.record(by, "save_contact", contact, before=before, after=audit.snapshot(contact))
    return contact


def delete_contact(contact: Contact, by: Any) -> None:
    with transaction.atomic():
        audit.record(by, "delete_contact", contact, before=audit.snapshot(contact), after=None)
        contact.delete()


def set_rates_published(term: m.Term, published: bool, by: Any) -> RatesPublication:
    with transaction.atomic():
        row, _created = RatesPublication.objects.select_for_update().get_or_create(term=term)
        before = audit.snapshot(row)
        row.published = published
        row.save()
        audit.record(
            by,
            "publish_report_rates",
            row,
            before=before,
            after=audit.snapshot(row),
            term_slug=term.slug,
        )
    return row


def feed_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_feed_key(state: str, by: Any) -> str:
    """A new private key for ``state``'s calendar feed of deadlines, replacing (revoking) the
    one before; returned once, only its digest is kept."""
    key = FEED_KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        delegation, _created = Delegation.objects.select_for_update().get_or_create(state=state)
        delegation.feed_digest = feed_digest(key)
        delegation.save(update_fields=["feed_digest"])
        audit.record(by, "issue_feed_key", delegation, before=None, after={"state": state})
    return key


def revoke_feed_key(state: str, by: Any) -> None:
    with transaction.atomic():
        updated = Delegation.objects.filter(state=state, feed_digest__isnull=False).update(
            feed_digest=None
        )
        if updated:
            delegation = Delegation.objects.get(state=state)
            audit.record(by, "revoke_feed_key", delegation, before={"state": state}, after=None)


def state_of_feed_key(key: str) -> str | None:
    """The member state whose feed key is ``key``, or None (unknown or revoked)."""
    if not key.startswith(FEED_KEY_PREFIX):
        return None
    return (
        Delegation.objects.filter(feed_digest=feed_digest(key))
        .values_list("state", flat=True)
        .first()
    )


def set_language(state: str, language: str, by: Any) -> Delegation:
    with transaction.atomic():
        delegation, _created = Delegation.objects.select_for_update().get_or_create(state=state)
        before = audit.snapshot(delegation)
        delegation.language = language
        delegation.full_clean()
        delegation.save(update_fields=["language"])
        audit.record(
            by,
            "set_delegation_language",
            delegation,
            before=before,
            after=audit.snapshot(delegation),
        )
    return delegation
