from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import history

app_name = "access"

urlpatterns = [
    path(
        "accounts/invitation/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("access:invitation_done")
        ),
        name="invitation",
    ),
    path(
        "accounts/invitation/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="invitation_done",
    ),
    path(
        "terms/<slug:slug>/history/<slug:object_type>/<str:object_id>/",
        history.history,
        name="history",
    ),
]
