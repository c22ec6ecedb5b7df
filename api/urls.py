"""/api/v1/ routing. Each app keeps its serializers and viewsets in <app>/api.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from dues.api import DuesRecordViewSet
from honours.api import HonourProgrammeViewSet, ModelWorkerViewSet, NominationViewSet
from members.api import JoinApplicationViewSet, MemberViewSet, TransferViewSet
from orgs.api import EnterpriseViewSet, OrgViewSet
from reports.api import ReportDraftViewSet
from services.api import PracticalProjectViewSet, ServiceRequestViewSet, ServiceViewSet

router = DefaultRouter()
router.register("orgs", OrgViewSet, basename="org")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("members", MemberViewSet, basename="member")
router.register("transfers", TransferViewSet, basename="transfer")
router.register("join-applications", JoinApplicationViewSet, basename="join-application")
router.register("dues", DuesRecordViewSet, basename="dues-record")
router.register("services", ServiceViewSet, basename="service")
router.register("service-requests", ServiceRequestViewSet, basename="service-request")
router.register("practical-projects", PracticalProjectViewSet, basename="practical-project")
router.register("reports", ReportDraftViewSet, basename="report-draft")
router.register("honour-programmes", HonourProgrammeViewSet, basename="honour-programme")
router.register("nominations", NominationViewSet, basename="nomination")
router.register("model-workers", ModelWorkerViewSet, basename="model-worker")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
