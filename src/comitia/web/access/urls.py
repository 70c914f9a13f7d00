from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import history, users
from .views import ThrottledPasswordResetView

app_name = "access"

# Choosing a password, from an invitation or after forgetting it: Django's views with the
# site's pages; both links carry Django's password-reset token, which works once.
_CHOOSE = {"template_name": "access/password_choose.html"}

urlpatterns = [
    path(
        "accounts/invitation/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("access:invitation_done"),
            extra_context={"invitation": True},
            **_CHOOSE,
        ),
        name="invitation",
    ),
    path(
        "accounts/invitation/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="access/password_chosen.html"),
        name="invitation_done",
    ),
    path(
        "accounts/password/reset/",
        ThrottledPasswordResetView.as_view(
            template_name="access/password_reset_form.html",
            email_template_name="access/password_reset_email.txt",
            subject_template_name="access/password_reset_subject.txt",
            success_url=reverse_lazy("access:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="access/password_reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("access:password_reset_complete"), **_CHOOSE
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="access/password_chosen.html"),
        name="password_reset_complete",
    ),
    path("accounts/users/", users.user_list, name="users"),
    path("accounts/users/invite/", users.invite_page, name="invite"),
    path("accounts/users/<int:user_id>/", users.user_edit, name="user_edit"),
    path(
        "terms/<slug:slug>/history/<slug:object_type>/<str:object_id>/",
        history.history,
        name="history",
    ),
]
