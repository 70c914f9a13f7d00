from django.apps import AppConfig


class LevelsConfig(AppConfig):
    """No models: the vocabulary of visibility (``Visibility``, ``visibility_field``) that the
    models of every app with levels use, and its translations."""

    name = "comitia.web.levels"
    label = "levels"
