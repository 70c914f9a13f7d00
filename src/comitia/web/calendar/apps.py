from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "comitia.web.calendar"
    label = "calendar_web"
    verbose_name = _("Calendar")
