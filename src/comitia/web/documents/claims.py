"""One print of a document across processes: a row inserted under the document's unique key
before it is printed, with when it was queued (``queued_at``) and when a worker took it
(``started_at``).

The reader's side (``ask``): the process whose insert wins queues the print; the others find the
row and say "being printed", unless the print was lost (queued or taken longer than ``STALE``
ago and still not done: a worker killed in the middle, a queue emptied by hand), when the one
process whose conditional update wins queues it again. The worker's side (``take``): a
conditional update claims the row before printing, so two workers, or two tasks queued for one
document, never print it twice. The current plan's documents (``printed``) and the revisions'
(``revision_prints``, ``negotiation.revision_prints``) are claimed this way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

K = TypeVar("K")

# The model plan's PDF takes about a second, a plan fifty times larger under a minute.
STALE = dt.timedelta(minutes=5)


def priority(fmt: str) -> int:
    """The task's priority for a document in ``fmt``: PDFs first, the slowest to print and the
    most read."""
    return 10 if fmt == "pdf" else 0


def pdf_first(formats: Iterable[str]) -> list[str]:
    """``formats`` with the PDF first (the order kept otherwise)."""
    return sorted(formats, key=lambda fmt: fmt != "pdf")


def lost(now: dt.datetime) -> Q:
    """The claims of prints queued or taken longer than ``STALE`` before ``now``."""
    return Q(started_at__isnull=True, queued_at__lt=now - STALE) | Q(started_at__lt=now - STALE)


def ask(pending: models.QuerySet[Any], key: dict[str, Any], now: dt.datetime) -> bool:
    """Ask for the print of the document ``key`` (the fields of its claim row); True if the
    caller is to queue it: its insert won, or it found the print lost. ``pending``: the claim
    rows of prints not done (a printed row found there is not asked for again)."""
    try:
        with transaction.atomic():
            pending.model.objects.create(**key, queued_at=now)
    except IntegrityError:
        return bool(pending.filter(**key).filter(lost(now)).update(queued_at=now, started_at=None))
    return True


def take(pending: models.QuerySet[Any], key: dict[str, Any], now: dt.datetime) -> bool:
    """The worker's claim on the print of ``key`` (its row made if a task came without one);
    False if another worker holds it (taken less than ``STALE`` ago) or it is printed."""
    pending.model.objects.get_or_create(**key, defaults={"queued_at": now})
    taken = pending.filter(**key).filter(Q(started_at__isnull=True) | Q(started_at__lt=now - STALE))
    return bool(taken.update(started_at=now))


def ask_all(
    model: type[models.Model],
    wanted: Sequence[K],
    *,
    asked: Collection[K],
    fields: Callable[[K], dict[str, Any]],
    now: dt.datetime,
) -> list[K]:
    """Ask for the prints of the documents ``wanted`` not ``asked`` for already (printed or
    claimed), in one statement; the ones the caller is to queue, in the order wanted. Two
    processes that race here both queue them: the worker's ``take`` lets one task print."""
    new = [key for key in wanted if key not in asked]
    model._default_manager.bulk_create(
        [model(**fields(key), queued_at=now) for key in new], ignore_conflicts=True
    )
    return new


def stored_or_asked(stored: Callable[[], bytes | None], ask: Callable[[], object]) -> bytes | None:
    """A reader's download: the bytes ``stored`` reads, or, while there are none, ``ask``
    for the print (``ask``, queueing it if the caller's claim wins) and look once more: an
    immediate task backend (tests, COMITIA_TASKS_BACKEND=immediate) printed it just now.
    None while the worker prints it."""
    content = stored()
    if content is None:
        ask()
        content = stored()
    return content


def print_once(
    claim_model: type[models.Model],
    key: dict[str, Any],
    *,
    stored: Callable[[], bytes | None],
    render: Callable[[], bytes],
    store: Callable[[bytes], object],
) -> tuple[str, int]:
    """The worker's print of a document printed once and for ever (a revision's), claimed by a
    row of ``claim_model`` under ``key`` and stored apart by ``store``: what happened, in a
    word (the task's result), and the bytes printed (0 if none). ``stored`` reads the stored
    bytes; ``render`` prints them."""
    claim = claim_model._default_manager.filter(**key)
    if stored() is not None:
        # A claim made by a reader who looked just before it was stored is moot.
        claim.delete()
        return "printed already", 0
    if not take(claim_model._default_manager.all(), key, timezone.now()):
        return ("printed already" if stored() is not None else "being printed"), 0
    try:
        # Stored, and its claim deleted, between the first look and the claim made again.
        if stored() is not None:
            claim.delete()
            return "printed already", 0
        content = render()
    except BaseException:
        # Let the next reader who asks queue it again rather than wait for ``STALE``.
        claim.delete()
        raise
    with transaction.atomic():
        try:
            with transaction.atomic():
                store(content)
        except IntegrityError:
            # Stored by a worker that took the print over as lost: the one stored first is
            # the document ever after.
            pass
        claim.delete()
    return "printed", len(content)
