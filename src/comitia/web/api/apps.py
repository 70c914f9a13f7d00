from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "comitia.web.api"
    label = "api"
    verbose_name = _("JSON API")

    def ready(self) -> None:
        from comitia.web.access.policy import Action
        from comitia.web.access.routes import ROUTE_POLICIES

        # The rescheduling assistant's dates, for those who may move meetings (moving stays
        # ``api:meeting_move``). Declared here until it joins the table of ``access.routes``
        # (which this branch was not to edit); a declaration there wins.
        ROUTE_POLICIES.setdefault("api:meeting_other_dates", {"GET": Action.EDIT_CALENDAR})
