from django.urls import path

from . import views

app_name = "suggestions"

_MEETING = "calendar/<slug:slug>/meetings/<slug:key>/proposals/"

urlpatterns = [
    path(_MEETING, views.meeting_proposals, name="meeting"),
    path(f"{_MEETING}new/", views.propose, name="propose"),
    path(f"{_MEETING}deadline/", views.window, name="window"),
    path(f"{_MEETING}<int:proposal_id>/withdraw/", views.withdraw, name="withdraw"),
    path(f"{_MEETING}<int:proposal_id>/decide/", views.decide, name="decide"),
]
