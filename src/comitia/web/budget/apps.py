from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "comitia.web.budget"
    label = "budget_web"
    verbose_name = _("Budget")
