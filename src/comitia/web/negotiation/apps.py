from django.apps import AppConfig


class NegotiationConfig(AppConfig):
    name = "comitia.web.negotiation"
    label = "negotiation"
    verbose_name = "Negotiation"
