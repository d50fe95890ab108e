"""The REST API: each app declares its ROUTES; they are aggregated here."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from cyberregions.analysis import api as analysis_api
from cyberregions.api import errors as api_errors
from cyberregions.dataio import api as dataio_api
from cyberregions.events import api as events_api
from cyberregions.geo import api as geo_api
from cyberregions.gethelp import api as gethelp_api
from cyberregions.home import api as home_api
from cyberregions.organisations import api as organisations_api
from cyberregions.plans import api as plans_api
from cyberregions.practices import api as practices_api
from cyberregions.search import api as search_api
from cyberregions.skills import api as skills_api
from cyberregions.taxonomy import api as taxonomy_api

router = DefaultRouter()
for module in (
    geo_api,
    taxonomy_api,
    organisations_api,
    analysis_api,
    practices_api,
    plans_api,
    dataio_api,
    events_api,
    gethelp_api,
    skills_api,
    home_api,
    search_api,
):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI, split so that its settings come from a script address (the CSP forbids
    # inline scripts); its assets are served from the drf-spectacular-sidecar package.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    # Unknown API addresses answer in JSON too, even those with a line break in them.
    re_path(r"^[\s\S]*/$", api_errors.not_found),
]
