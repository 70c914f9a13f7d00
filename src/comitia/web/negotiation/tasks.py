"""The background tasks of the negotiation app, run by ``comitia worker`` (django-tasks), as
the documents app's (``comitia.web.documents.tasks``): the task names the document by plain
values and ``revision_prints.print_now`` does the work."""

from __future__ import annotations

from django_tasks import task

from .revision_prints import print_now


@task(queue_name="printing")
def print_draft_revision_document(revision_id: int, kind: str, fmt: str, lang: str) -> str:
    """Print a document of an issued revision of a draft, once (see ``revision_prints``)."""
    return print_now((revision_id, kind, fmt, lang))
