"""The background tasks of the documents app, run by ``comitia worker`` (django-tasks).

Thin: the task names the document by its key (plain values, stored as JSON with the task) and
``printed.print_now`` does the work, so the same code prints in a test's immediate backend,
in the worker and from a shell.
"""

from __future__ import annotations

from django_tasks import task

from comitia.web.documents import revision_prints
from comitia.web.documents.printed import Key, print_now


@task(queue_name="printing")
def print_document(
    term_id: int, output_version: int, fmt: str, lang: str, level: str, made_by: str = ""
) -> str:
    """Print the current document of a term at one output version, by the code ``made_by``
    (see ``printed``; a task queued before the code was named says none, and is skipped)."""
    return print_now(Key(term_id, output_version, fmt, lang, level, made_by))


@task(queue_name="printing")
def print_revision_document(revision_id: int, fmt: str, lang: str) -> str:
    """Print a document of an approved revision, once (see ``revision_prints``)."""
    return revision_prints.print_now((revision_id, fmt, lang))
