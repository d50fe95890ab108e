from django.contrib import admin
from django.urls import include, path

from cyberregions.accounts import views as account_views
from cyberregions.core import views as core_views
from cyberregions.organisations import views as organisation_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before the admin's own: one login path for everyone, with the platform's limits.
    path("admin/login/", account_views.admin_login, name="admin_login_redirect"),
    path("admin/", admin.site.urls),
    path("api/", include("cyberregions.api.urls")),
    path("", organisation_views.home, name="home"),
    path("accounts/", include("cyberregions.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("cyberregions.core.urls")),
    path("tasks/", include("cyberregions.core.task_urls")),
    path("organisations/", include("cyberregions.organisations.urls")),
    path("regions/", include("cyberregions.geo.urls")),
    path("vocabularies/", include("cyberregions.taxonomy.urls")),
    path("analysis/", include("cyberregions.analysis.urls")),
    path("practices/", include("cyberregions.practices.urls")),
    path("plans/", include("cyberregions.plans.urls")),
    path("events/", include("cyberregions.events.urls")),
    path("matching/", include("cyberregions.matching.urls")),
    path("get-help/", include("cyberregions.gethelp.urls")),
    path("skills/", include("cyberregions.skills.urls")),
    path("data/", include("cyberregions.dataio.urls")),
    path("search/", include("cyberregions.search.urls")),
    # The start page (/me/), the barrier lens (/barriers/) and help (/help/).
    path("", include("cyberregions.home.urls")),
]

handler403 = "cyberregions.core.views.error_403"
handler404 = "cyberregions.core.views.error_404"
handler500 = "cyberregions.core.views.error_500"
# django-allauth answers its rate limits (reset mail, sign-up, verification mail) with this.
handler429 = "cyberregions.accounts.views.rate_limited"
