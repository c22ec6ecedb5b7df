"""/api/v1/ routing. Each app keeps its serializers and viewsets in <app>/api.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from activities.api import (
    ActivityViewSet,
    NoticeViewSet,
    QuizAttemptViewSet,
    QuizViewSet,
    RegistrationViewSet,
    SubmissionViewSet,
)
from assistance.api import (
    AllocationViewSet,
    AssistanceRecordViewSet,
    CampaignViewSet,
    HardshipFileViewSet,
)
from contests.api import ContestEntryViewSet, ContestStageViewSet, ContestViewSet
from dues.api import DuesRecordViewSet
from employment.api import (
    EmploymentAidViewSet,
    FairRegistrationViewSet,
    JobApplicationViewSet,
    JobFairViewSet,
    JobPostingViewSet,
)
from grassroots.api import (
    BookingViewSet,
    HomeEvaluationViewSet,
    TaskReportViewSet,
    TaskViewSet,
    VenueViewSet,
)
from honours.api import HonourProgrammeViewSet, ModelWorkerViewSet, NominationViewSet
from innovation.api import InnovationViewSet, StudioViewSet
from labour.api import CongressViewSet, ContractViewSet
from members.api import JoinApplicationViewSet, MemberViewSet, TransferViewSet
from orgs.api import EnterpriseViewSet, OrgViewSet
from petitions.api import PetitionViewSet
from reports.api import ReportDraftViewSet
from rights.api import DisputeViewSet, LawyerViewSet, LegalAidViewSet, TicketViewSet
from services.api import PracticalProjectViewSet, ServiceRequestViewSet, ServiceViewSet
from skills.api import SkillAwardViewSet, TrainingViewSet
from stations.api import PublicStationViewSet, StationViewSet
from warning.api import AlertViewSet, RiskScoreViewSet, RiskSignalViewSet

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
router.register("tickets", TicketViewSet, basename="ticket")
router.register("legal-aid", LegalAidViewSet, basename="legal-aid")
router.register("lawyers", LawyerViewSet, basename="lawyer")
router.register("disputes", DisputeViewSet, basename="dispute")
router.register("petitions", PetitionViewSet, basename="petition")
router.register("reports", ReportDraftViewSet, basename="report-draft")
router.register("honour-programmes", HonourProgrammeViewSet, basename="honour-programme")
router.register("nominations", NominationViewSet, basename="nomination")
router.register("model-workers", ModelWorkerViewSet, basename="model-worker")
router.register("hardship-files", HardshipFileViewSet, basename="hardship-file")
router.register("assistance", AssistanceRecordViewSet, basename="assistance-record")
router.register("campaigns", CampaignViewSet, basename="campaign")
router.register("campaign-funds", AllocationViewSet, basename="campaign-fund")
router.register("contracts", ContractViewSet, basename="contract")
router.register("congresses", CongressViewSet, basename="congress")
router.register("risk-signals", RiskSignalViewSet, basename="risk-signal")
router.register("risk-scores", RiskScoreViewSet, basename="risk-score")
router.register("alerts", AlertViewSet, basename="alert")
router.register("stations", StationViewSet, basename="station")
router.register("public-stations", PublicStationViewSet, basename="public-station")
router.register("jobs", JobPostingViewSet, basename="job")
router.register("job-applications", JobApplicationViewSet, basename="job-application")
router.register("job-fairs", JobFairViewSet, basename="job-fair")
router.register("fair-registrations", FairRegistrationViewSet, basename="fair-registration")
router.register("employment-aid", EmploymentAidViewSet, basename="employment-aid")
router.register("contests", ContestViewSet, basename="contest")
router.register("contest-entries", ContestEntryViewSet, basename="contest-entry")
router.register("contest-stages", ContestStageViewSet, basename="contest-stage")
router.register("innovations", InnovationViewSet, basename="innovation")
router.register("studios", StudioViewSet, basename="studio")
router.register("trainings", TrainingViewSet, basename="training")
router.register("skill-awards", SkillAwardViewSet, basename="skill-award")
router.register("venues", VenueViewSet, basename="venue")
router.register("bookings", BookingViewSet, basename="booking")
router.register("home-evaluations", HomeEvaluationViewSet, basename="home-evaluation")
router.register("tasks", TaskViewSet, basename="task")
router.register("task-reports", TaskReportViewSet, basename="task-report")
router.register("activities", ActivityViewSet, basename="activity")
router.register("activity-registrations", RegistrationViewSet, basename="activity-registration")
router.register("activity-works", SubmissionViewSet, basename="activity-work")
router.register("notices", NoticeViewSet, basename="notice")
router.register("quizzes", QuizViewSet, basename="quiz")
router.register("quiz-attempts", QuizAttemptViewSet, basename="quiz-attempt")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
