from django.urls import path

from comitia.web.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.plan_page, name="plan"),
    path("download.<str:fmt>", views.download, name="download"),
    path("approve/", views.approve, name="approve"),
    path("compare/", views.comparison, name="compare"),
    path("rev<int:number>.<str:fmt>", views.revision_download, name="revision"),
]
