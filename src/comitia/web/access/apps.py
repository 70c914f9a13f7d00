from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "comitia.web.access"
    label = "access"
    verbose_name = "Access"
