from django.apps import AppConfig


class SuggestionsConfig(AppConfig):
    name = "comitia.web.suggestions"
    label = "suggestions"
    verbose_name = "Suggestions"
