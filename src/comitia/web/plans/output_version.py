"""Raising a term's output version, and a delegation's, in the transaction that writes.

Everything that caches a term's output (feeds, printed documents, pages) keys on the term's
``output_version``: a write to anything the outputs show raises it in its own transaction, so
a reader sees the old rows with the old version or the new rows with the new one, and a
cached output is never out of date, only unused.

No write path may forget, so rows raise it themselves: ``connect`` (from the plans app's
``ready``) registers post_save and post_delete receivers for every model named in
``outputs.TERM_ROWS`` (and ``DELEGATION_ROWS``, which raise the delegation's counter,
``calendar_web.DelegationVersion``).
Writes that send no signals (``bulk_create``, ``bulk_update``, ``QuerySet.update``, raw SQL)
call ``raise_output_version`` themselves. tests/web/plans/test_output_version.py fails for a
model with a path to a term that is neither registered nor exempted with a reason.

The public's kept answers (``comitia.web.responses``) do not even read the versions: they take
them from what the shared cache holds under ``answers_generation``, a token that every raise
(and every other change to what those answers are made from: a print's state, see
``answers_changed``) draws anew once its transaction has committed, and that lasts only
``ANSWERS_GENERATION_SECONDS`` in any case (so that a write whose callback never ran is seen
within that time). A process reads the versions again, in one query, the first time it meets
a token.

A term's version is raised once per atomic block: the raise leaves a marker among the
connection's on-commit callbacks, which Django drops with a savepoint rolled back (and its
writes), so a write after a rollback raises it again. A nested block raises it once more,
which costs one UPDATE and is never wrong.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from comitia.web.plans.models import Term


class _Raised:
    """The on-commit marker of a counter raised in the current transaction."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __call__(self) -> None:
        """Nothing to do at commit: the marker only says that the raise is pending."""


def _on_commit() -> Sequence[tuple[Any, ...]]:
    """The connection's on-commit callbacks: (savepoint ids, function, robust) each in Django
    5.2 (django-stubs types them as pairs)."""
    return connection.run_on_commit


def _pending(key: tuple[Any, ...]) -> bool:
    """Whether ``key`` was raised in the current atomic block (the innermost savepoint)."""
    if not connection.in_atomic_block:
        return False
    here = set(connection.savepoint_ids)
    return any(
        isinstance(func, _Raised) and func.key == key and sids == here
        for sids, func, _ in _on_commit()
    )


def _mark(key: tuple[Any, ...]) -> None:
    if connection.in_atomic_block:
        transaction.on_commit(_Raised(key))


# -- the generation of the public's kept answers -------------------------------------------

# The shared cache's key of the token, and how long a token lasts from when it was drawn
# (reads do not lengthen it, in Django's file, database and Redis caches alike).
#
# Short, because the token is only drawn anew by a callback that runs after the commit: a
# write whose callback never ran (the process killed between its commit and its callbacks,
# or the shared cache unreachable at that moment, which fails the callback and not the write
# already committed) would otherwise leave every process serving the answers of before its
# write for as long as the token lasts. With this lifetime they are served at most that long:
# a token gone is drawn anew by the next reader, and each process then reads the versions
# again (one query per process per token, never per request: a kept answer is keyed by the
# versions, not by the token, so it outlives its token while nothing has changed). The
# lifetime is what such a lost write may cost, not a delay of the usual path: a write whose
# callback ran is seen at the next request by every process.
ANSWERS_GENERATION = "comitia:answers:generation"
ANSWERS_GENERATION_SECONDS = 10


class _AnswersChanged:
    """The on-commit callback that draws a new generation token; also the marker, among the
    connection's callbacks, that the current transaction changed what the public's answers are
    made from (``answers_pending``)."""

    __slots__ = ()

    def __call__(self) -> None:
        cache.set(ANSWERS_GENERATION, secrets.token_hex(16), ANSWERS_GENERATION_SECONDS)


def answers_changed() -> None:
    """Say that the current transaction changes what the public's kept answers are made from
    (the terms' versions, which terms are public, the state of their prints): once it commits
    (at once outside a transaction) the generation token is drawn anew, and every process
    reads the versions again at its next request. Not robust on purpose: if the shared cache
    cannot be told, the write's caller hears of it rather than the public being served the
    answer of before."""
    transaction.on_commit(_AnswersChanged())


def answers_pending() -> bool:
    """Whether the current transaction has changed what the public's answers are made from and
    not yet committed: what it reads is then newer than the generation says."""
    if not connection.in_atomic_block:
        return False
    return any(isinstance(f, (_AnswersChanged, _Raised)) for _, f, _ in _on_commit())


def answers_generation() -> str:
    """The current generation token (one drawn now, and shared, if there is none)."""
    token = cache.get(ANSWERS_GENERATION)
    if token is None:
        drawn = secrets.token_hex(16)
        if cache.add(ANSWERS_GENERATION, drawn, ANSWERS_GENERATION_SECONDS):
            return drawn
        token = cache.get(ANSWERS_GENERATION)
        if token is None:  # gone again at once (a cache cleared): this request's own
            return drawn
    return str(token)


# Sent with ``term_id`` once the transaction that raised the term's version has committed
# (at once outside a transaction): what prints a term's outputs ahead listens
# (``documents.printed.queue_current``). Robust: a receiver that fails is logged, and never
# fails the write that has already committed.
output_version_raised = Signal()


def raise_output_version(term_id: int | None) -> None:
    """Raise the output version of term ``term_id`` (once per atomic block); None: nothing."""
    if term_id is None or _pending(("term", term_id)):
        return
    Term.objects.filter(pk=term_id).update(output_version=F("output_version") + 1)
    _mark(("term", term_id))
    answers_changed()
    transaction.on_commit(
        partial(output_version_raised.send, sender=Term, term_id=term_id), robust=True
    )


def raise_delegation_version(term_id: int | None, state: str) -> None:
    """Raise the version of what the delegation of ``state`` alone sees of the term."""
    if term_id is None or not state or _pending(("delegation", term_id, state)):
        return
    from django.apps import apps

    from comitia.web.plans import outputs

    # By its label, as ``connect`` finds every model of ``outputs``: the counter is a model of
    # the calendar app, which sits above this one.
    DelegationVersion = apps.get_model(outputs.DELEGATION_COUNTER)
    rows = DelegationVersion.objects.filter(term_id=term_id, state=state)
    if not rows.update(version=F("version") + 1) and Term.objects.filter(pk=term_id).exists():
        DelegationVersion.objects.get_or_create(term_id=term_id, state=state)
    _mark(("delegation", term_id, state))


def raise_for(row: models.Model) -> None:
    """Raise the counter that ``row`` belongs to (its term's, or its delegation's), for a write
    that sends no signal (``QuerySet.update`` of that row); nothing for a row of no output."""
    from comitia.web.plans import outputs

    label = row._meta.label
    if label in outputs.TERM_ROWS:
        raise_output_version(term_of(row, outputs.TERM_ROWS[label]))
    elif label in outputs.DELEGATION_ROWS:
        path, state = outputs.DELEGATION_ROWS[label]
        raise_delegation_version(term_of(row, path), getattr(row, state))


def output_version_pending(term_id: int) -> bool:
    """Whether the current transaction raised the term's version (in any of its blocks): what
    it reads is not yet committed and must not be cached under that version (it may still
    change, or roll back)."""
    if not connection.in_atomic_block:
        return False
    key = ("term", term_id)
    return any(isinstance(f, _Raised) and f.key == key for _, f, _ in _on_commit())


# -- what rows say about their term ---------------------------------------------------------


def term_of(row: models.Model, path: str) -> int | None:
    """The id of the term of ``row`` by ``path``: attribute names separated by dots, the last
    a term's id (``meeting.term_id``), or ``slug:FIELD`` for a row that names its term by slug.
    None if a row on the way is gone (deleted before it in the same cascade) or missing."""
    if path.startswith("slug:"):
        slug = getattr(row, path.removeprefix("slug:"))
        return Term.objects.filter(slug=slug).values_list("pk", flat=True).first()
    value: Any = row
    for name in path.split("."):
        try:
            value = getattr(value, name)
        except models.ObjectDoesNotExist:
            return None
        if value is None:
            return None
    return int(value)


def _term_receiver(path: str) -> Callable[..., None]:
    def raised(sender: Any, instance: models.Model, **kwargs: Any) -> None:
        raise_output_version(term_of(instance, path))

    return raised


def _delegation_receiver(path: str, state: str) -> Callable[..., None]:
    def raised(sender: Any, instance: models.Model, **kwargs: Any) -> None:
        raise_delegation_version(term_of(instance, path), getattr(instance, state))

    return raised


def connect() -> None:
    """Register the receivers of every model in ``outputs`` (once)."""
    from django.apps import apps

    from comitia.web.plans import outputs

    for label, path in outputs.TERM_ROWS.items():
        model = apps.get_model(label)
        receiver = _term_receiver(path)
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"output:{label}")
    for label, (path, state) in outputs.DELEGATION_ROWS.items():
        model = apps.get_model(label)
        receiver = _delegation_receiver(path, state)
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"delegation:{label}")
