from django.contrib.auth import views as auth_views
from django.urls import path

from comitia.web.access import views as access_views

from . import browse, organization_views, rescheduling_views, restore, views

app_name = "calendar"

urlpatterns = [
    path("calendar/", views.latest, name="latest"),
    # Before the term's routes: "all" is never a term's name (theirs hold a hyphen).
    path("calendar/all/", organization_views.organization_calendar, name="all"),
    path("calendar/all/feed.<str:lang>.ics", organization_views.organization_feed, name="all_feed"),
    path(
        "calendar/all/states/<str:state>.<str:lang>.ics",
        organization_views.state_feed,
        name="all_state_feed",
    ),
    path("calendar/<slug:slug>/", views.term_calendar, name="list"),
    path("calendar/<slug:slug>/month/", views.month, name="month_now"),
    path("calendar/<slug:slug>/month/<str:month>/", views.month, name="month"),
    path("calendar/<slug:slug>/week/", browse.week, name="week_now"),
    path("calendar/<slug:slug>/week/<str:day>/", browse.week, name="week"),
    path("calendar/<slug:slug>/agenda/", browse.agenda, name="agenda"),
    path("calendar/<slug:slug>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("calendar/<slug:slug>/meetings/<slug:key>/", views.meeting_page, name="meeting"),
    path("calendar/<slug:slug>/meetings/<slug:key>/edit/", views.meeting_edit, name="meeting_edit"),
    path("calendar/<slug:slug>/meetings/<slug:key>/move/", views.meeting_move, name="meeting_move"),
    path(
        "calendar/<slug:slug>/meetings/<slug:key>/other-dates/",
        rescheduling_views.other_dates,
        name="meeting_other_dates",
    ),
    path(
        "calendar/<slug:slug>/meetings/<slug:key>/cancel/",
        views.meeting_cancel,
        name="meeting_cancel",
    ),
    path(
        "calendar/<slug:slug>/meetings/<slug:key>/agenda/new/", views.agenda_item, name="agenda_new"
    ),
    path(
        "calendar/<slug:slug>/meetings/<slug:key>/agenda/<int:node_id>/",
        views.agenda_item,
        name="agenda_edit",
    ),
    path(
        "calendar/<slug:slug>/meetings/<slug:key>/agenda/<int:node_id>/order/",
        views.agenda_reorder,
        name="agenda_reorder",
    ),
    path("calendar/<slug:slug>/activities/new/", views.activity_edit, name="activity_new"),
    path("calendar/<slug:slug>/activities/<slug:key>/", views.activity_edit, name="activity_edit"),
    path("calendar/<slug:slug>/history/<int:record_id>/restore/", restore.restore, name="restore"),
    path("calendar/<slug:slug>/feed.<str:lang>.ics", views.feed, name="feed"),
    path(
        "calendar/<slug:slug>/delegations.<str:lang>.ics",
        views.delegations_feed,
        name="delegations_feed",
    ),
    path(
        "accounts/login/",
        access_views.LoginView.as_view(),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
]
