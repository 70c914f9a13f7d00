from django.urls import path

from comitia.web.checks import views

urlpatterns = [
    path("terms/<slug:slug>/checks/", views.checks_panel, name="checks-panel"),
    path("terms/<slug:slug>/coverage/", views.coverage, name="checks-coverage"),
    path("terms/<slug:slug>/coverage.csv", views.coverage_csv, name="checks-coverage-csv"),
]
