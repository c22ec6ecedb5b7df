from django.contrib import admin
from django.urls import include, path

from orgs.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("", include("core.urls")),
    path("", include("orgs.urls")),
    path("", include("members.urls")),
    path("", include("portal.urls")),
    path("", include("dues.urls")),
    path("", include("services.urls")),
    path("", include("rights.urls")),
    path("", include("petitions.urls")),
    path("", include("reports.urls")),
    path("", include("honours.urls")),
    path("", include("assistance.urls")),
    path("", include("labour.urls")),
    path("", include("warning.urls")),
    path("", include("stations.urls")),
    path("", include("employment.urls")),
    path("", include("contests.urls")),
    path("", include("innovation.urls")),
    path("", include("skills.urls")),
    path("", include("grassroots.urls")),
    path("", include("activities.urls")),
    path("api/v1/", include(("api.urls", "api"), namespace="api")),
    path("admin/", admin.site.urls),
]
