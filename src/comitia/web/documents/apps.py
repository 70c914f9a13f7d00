from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "comitia.web.documents"
    label = "documents"
    verbose_name = _("Documents and revisions")

    def ready(self) -> None:
        # A term's outputs changed (published, approved, edited): queue its documents.
        from comitia.web.documents.printed import queue_current
        from comitia.web.plans.output_version import output_version_raised

        output_version_raised.connect(queue_current, dispatch_uid="documents:print-ahead")

        # A print asked for, done or dropped changes what the public's document page says
        # ("being printed", the download): its kept answer is made from the prints' states.
        # Writes that send no signal (``bulk_create``, ``update``) say so in ``printed``.
        from django.db.models.signals import post_delete, post_save

        from comitia.web.documents.models import PrintedDocument
        from comitia.web.plans.output_version import answers_changed

        def changed(sender: object, **kwargs: object) -> None:
            answers_changed()

        for signal in (post_save, post_delete):
            signal.connect(
                changed, sender=PrintedDocument, weak=False, dispatch_uid="documents:answers"
            )

        # An agenda item's document removed, or its meeting or term deleted: its stored file
        # goes once the deletion has committed (``agenda_files.file_deleted``).
        from comitia.web.documents.agenda_files import file_deleted
        from comitia.web.documents.models import AgendaFile

        post_delete.connect(
            file_deleted, sender=AgendaFile, weak=False, dispatch_uid="documents:agenda-file"
        )
