from django.urls import path

from . import views

app_name = "publication"

urlpatterns = [
    path("terms/<slug:slug>/publication/", views.publication, name="publication"),
    path(
        "terms/<slug:slug>/publication/meetings/<slug:key>/",
        views.meeting_visibility,
        name="meeting_visibility",
    ),
]
