"""/api/v1/ routing. Each app keeps its serializers and viewsets in <app>/api.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from dues.api import DuesRecordViewSet
from employment.api import (
    EmploymentAidViewSet,
    FairRegistrationViewSet,
    JobApplicationViewSet,
    JobFairViewSet,
    JobPostingViewSet,
)
from members.api import JoinApplicationViewSet, MemberViewSet, TransferViewSet
from orgs.api import EnterpriseViewSet, OrgViewSet
from stations.api import PublicStationViewSet, StationViewSet

router = DefaultRouter()
router.register("orgs", OrgViewSet, basename="org")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("members", MemberViewSet, basename="member")
router.register("transfers", TransferViewSet, basename="transfer")
router.register("join-applications", JoinApplicationViewSet, basename="join-application")
router.register("dues", DuesRecordViewSet, basename="dues-record")
router.register("stations", StationViewSet, basename="station")
router.register("public-stations", PublicStationViewSet, basename="public-station")
router.register("jobs", JobPostingViewSet, basename="job")
router.register("job-applications", JobApplicationViewSet, basename="job-application")
router.register("job-fairs", JobFairViewSet, basename="job-fair")
router.register("fair-registrations", FairRegistrationViewSet, basename="fair-registration")
router.register("employment-aid", EmploymentAidViewSet, basename="employment-aid")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
