from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "comitia.web.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        # Every write to a row the term's outputs show raises the term's output version.
        from comitia.web.plans.output_version import connect

        connect()
