from django.urls import path

from comitia.web.documents import agenda_views, views

app_name = "documents"

urlpatterns = [
    path("document/", views.plan_page, name="plan"),
    path("document/download.<str:fmt>", views.download, name="download"),
    path("document/approve/", views.approve, name="approve"),
    path("document/compare/", views.comparison, name="compare"),
    path("document/rev<int:number>.<str:fmt>", views.revision_download, name="revision"),
    path("publication/document/", views.visibility, name="visibility"),
    # The files and links of the documents an agenda item discusses.
    path("meetings/<slug:key>/files/", agenda_views.attach, name="agenda_file_attach"),
    path("meetings/<slug:key>/files/<int:file_id>/", agenda_views.download, name="agenda_file"),
    path(
        "meetings/<slug:key>/files/<int:file_id>/remove/",
        agenda_views.remove,
        name="agenda_file_remove",
    ),
]
