from django.urls import path

from comitia.web.documents import views

app_name = "documents"

urlpatterns = [
    path("document/", views.plan_page, name="plan"),
    path("document/download.<str:fmt>", views.download, name="download"),
    path("document/approve/", views.approve, name="approve"),
    path("document/compare/", views.comparison, name="compare"),
    path("document/rev<int:number>.<str:fmt>", views.revision_download, name="revision"),
    path("publication/document/", views.visibility, name="visibility"),
]
