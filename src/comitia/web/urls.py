from django.contrib import admin
from django.urls import include, path

from comitia.web.api.docs import api_docs
from comitia.web.api.endpoints import api
from comitia.web.api.urls import with_trailing_slashes
from comitia.web.home import views as home
from comitia.web.home.favicon import favicon
from comitia.web.language import set_language
from comitia.web.negotiation.api import router as negotiation_api

# The negotiation's API routes: that app sits above the API's, which cannot import it.
api.add_router("", negotiation_api)

urlpatterns = [
    path("", home.home, name="home"),
    path("terms/<slug:slug>/", home.home, name="term"),
    path("terms/<slug:slug>/", include("comitia.web.documents.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("api/v1/docs/", api_docs, name="api-docs"),
    path("api/v1/", with_trailing_slashes(api.urls)),
    path("", include("comitia.web.calendar.urls")),
    path("", include("comitia.web.checks.urls")),
    path("", include("comitia.web.budget.urls")),
    path("", include("comitia.web.access.urls")),
    path("", include("comitia.web.publication.urls")),
    path("", include("comitia.web.suggestions.urls")),
    path("", include("comitia.web.reports.urls")),
    path("", include("comitia.web.negotiation.urls")),
    path("", include("comitia.web.search.urls")),
]

# The site's own error pages; the API's addresses answer in JSON (comitia.web.access.errors).
handler403 = "comitia.web.access.errors.permission_denied"
handler404 = "comitia.web.access.errors.page_not_found"
handler500 = "comitia.web.access.errors.server_error"
