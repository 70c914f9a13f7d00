"""Publishing a term's plan or withdrawing it to draft, recorded in the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from comitia.web.plans.models import Term

from . import audit
from .models import Publication


def set_publication(term: Term, published: bool, user: Any) -> Publication:
    """Publish ``term`` (``published``) or withdraw it to draft."""
    with transaction.atomic():
        publication, created = Publication.objects.select_for_update().get_or_create(
            term=term, defaults={"published": True}
        )
        before = None if created else audit.snapshot(publication)
        publication.published = published
        publication.changed_by = user if user is not None and user.is_authenticated else None
        publication.save()
        audit.record(
            user,
            "publish" if published else "withdraw",
            publication,
            before=before,
            after=audit.snapshot(publication),
            term_slug=term.slug,
        )
    term.is_draft = not published  # type: ignore[attr-defined]
    return publication
