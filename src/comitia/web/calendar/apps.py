from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "comitia.web.calendar"
    label = "calendar_web"
    verbose_name = _("Calendar")

    def ready(self) -> None:
        from comitia.web.access.policy import Action
        from comitia.web.access.routes import ROUTE_POLICIES

        # The rescheduling assistant's page, for those who may move meetings. Declared here
        # until it joins the table of ``access.routes`` (which this branch was not to edit);
        # a declaration there wins.
        ROUTE_POLICIES.setdefault("calendar:meeting_other_dates", Action.EDIT_CALENDAR)
