"""/api/v1/ routing. Each app keeps its serializers and viewsets in <app>/api.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from contests.api import ContestEntryViewSet, ContestStageViewSet, ContestViewSet
from dues.api import DuesRecordViewSet
from innovation.api import InnovationViewSet, StudioViewSet
from members.api import JoinApplicationViewSet, MemberViewSet, TransferViewSet
from orgs.api import EnterpriseViewSet, OrgViewSet
from skills.api import SkillAwardViewSet, TrainingViewSet

router = DefaultRouter()
router.register("orgs", OrgViewSet, basename="org")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("members", MemberViewSet, basename="member")
router.register("transfers", TransferViewSet, basename="transfer")
router.register("join-applications", JoinApplicationViewSet, basename="join-application")
router.register("dues", DuesRecordViewSet, basename="dues-record")
router.register("contests", ContestViewSet, basename="contest")
router.register("contest-entries", ContestEntryViewSet, basename="contest-entry")
router.register("contest-stages", ContestStageViewSet, basename="contest-stage")
router.register("innovations", InnovationViewSet, basename="innovation")
router.register("studios", StudioViewSet, basename="studio")
router.register("trainings", TrainingViewSet, basename="training")
router.register("skill-awards", SkillAwardViewSet, basename="skill-award")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
