from django.urls import path

from comitia.web.checks import translation_import, translations, views

urlpatterns = [
    path("terms/<slug:slug>/checks/", views.checks_panel, name="checks-panel"),
    path("terms/<slug:slug>/coverage/", views.coverage, name="checks-coverage"),
    path("terms/<slug:slug>/coverage.csv", views.coverage_csv, name="checks-coverage-csv"),
    path(
        "terms/<slug:slug>/translations/",
        translations.translations_page,
        name="checks-translations",
    ),
    path(
        "terms/<slug:slug>/translations.xlf",
        translations.translations_xliff,
        name="checks-translations-xliff",
    ),
    path(
        "terms/<slug:slug>/translations/import/",
        translation_import.translations_import,
        name="checks-translations-import",
    ),
    path(
        "terms/<slug:slug>/translations/import/confirm/",
        translation_import.translations_confirm,
        name="checks-translations-confirm",
    ),
]
