from django.urls import path

from . import lead_views, sheet_views, views

app_name = "negotiation"

_DRAFT = "terms/<slug:slug>/resolutions/<slug:resolution>/"
_REVISION = f"{_DRAFT}revisions/<int:rev>/"

urlpatterns = [
    path(_DRAFT, views.draft, name="draft"),
    path(f"{_DRAFT}dashboard/", views.dashboard_page, name="dashboard"),
    path(f"{_DRAFT}paragraphs/<int:paragraph_id>/amend/", views.propose, name="propose"),
    path(f"{_DRAFT}amendments/<int:amendment_id>/withdraw/", views.withdraw, name="withdraw"),
    path(f"{_DRAFT}amendments/<int:amendment_id>/share/", views.share, name="share"),
    path(f"{_DRAFT}amendments/<int:amendment_id>/decide/", views.decide, name="decide"),
    path(
        f"{_DRAFT}amendments/<int:amendment_id>/changes.docx",
        views.amendment_changes,
        name="amendment_changes",
    ),
    path(f"{_DRAFT}revisions/issue/", views.issue, name="revision_issue"),
    path(_REVISION, views.revision, name="revision"),
    path(f"{_REVISION}changes/<slug:lang>.docx", views.revision_changes, name="revision_changes"),
    path(f"{_REVISION}<slug:lang>.<slug:fmt>", views.revision_file, name="revision_file"),
    path(f"{_DRAFT}paragraphs/<int:paragraph_id>/leads/", lead_views.assign_leads, name="leads"),
    path(f"{_DRAFT}paragraphs/<int:paragraph_id>/consult/", lead_views.consult, name="consult"),
    path(f"{_DRAFT}sessions/<slug:key>/", sheet_views.sheet, name="sheet"),
    path(
        f"{_DRAFT}sessions/<slug:key>/paragraphs/<int:paragraph_id>/",
        sheet_views.sheet_decide,
        name="sheet_decide",
    ),
]
