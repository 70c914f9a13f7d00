from django.urls import path

from . import views

app_name = "reports"

_TERM = "terms/<slug:slug>/reports/"
_STATE = f"{_TERM}states/<str:state>/"

urlpatterns = [
    path(_TERM, views.matrix, name="matrix"),
    path(f"{_TERM}<int:year>/", views.matrix, name="matrix_year"),
    path(f"{_TERM}<int:year>.csv", views.matrix_export, {"fmt": "csv"}, name="matrix_csv"),
    path(f"{_TERM}<int:year>.xlsx", views.matrix_export, {"fmt": "xlsx"}, name="matrix_xlsx"),
    path(f"{_TERM}mine/", views.mine, name="mine"),
    path(f"{_TERM}rates/", views.rates, name="rates"),
    path(f"{_TERM}rates/publish/", views.rates_publish, name="rates_publish"),
    path(f"{_TERM}submissions/<int:submission_id>/document/", views.document, name="document"),
    path(_STATE, views.state_page, name="state"),
    path(f"{_STATE}record/", views.record, name="record"),
    path(f"{_STATE}contacts/", views.contact_add, name="contact_add"),
    path(f"{_STATE}contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path(f"{_STATE}feed-key/", views.feed_key, name="feed_key"),
    path(f"{_STATE}language/", views.language, name="language"),
    path("reports/feeds/<str:secret>.ics", views.feed, name="feed"),
]
