from django.urls import path

from comitia.web.budget import views

app_name = "budget"
urlpatterns = [
    path("terms/<slug:slug>/budget/", views.budget_page, name="page"),
]
