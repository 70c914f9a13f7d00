"""The queue in the database and django-tasks' worker loop print what a change queued."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from comitia.web.documents.models import PrintedDocument
from comitia.web.plans import models as m

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "printing"]}
}


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_prints_a_queued_download(client: Client, term: m.Term) -> None:
    url = f"/terms/{term.slug}/document/download.html"
    with override_settings(TASKS=DATABASE_TASKS):
        assert client.get(url, {"lang": "pt"}).status_code == 202
        assert client.get(url, {"lang": "pt"}).status_code == 202
        assert DBTaskResult.objects.count() == 1
        call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
        [task] = DBTaskResult.objects.all()
        assert task.status == "SUCCESSFUL" and task.return_value == "printed"
        response = client.get(url, {"lang": "pt"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{term.slug}.pt.html"'
    assert PrintedDocument.objects.get().content == response.content
