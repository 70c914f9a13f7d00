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
