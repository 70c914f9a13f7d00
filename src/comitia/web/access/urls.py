from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("terms/<slug:slug>/publication/", views.publication, name="publication"),
    path(
        "terms/<slug:slug>/history/<slug:object_type>/<str:object_id>/",
        views.history,
        name="history",
    ),
]
