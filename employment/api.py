from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from employment import actions
from employment.choices import ApplicationStatus
from employment.filtersets import (
    EmploymentAidFilterSet,
    JobApplicationFilterSet,
    JobFairFilterSet,
    JobPostingFilterSet,
)
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting
from members.models import Member
from orgs.models import Enterprise, Org


def merged(serializer, fields) -> dict:
    """The instance's current values of ``fields`` with the request's changes on top, so
    a PATCH goes through the same whole-record checks as a form."""
    data = {name: getattr(serializer.instance, name) for name in fields}
    data.update({k: v for k, v in serializer.validated_data.items() if k in fields})
    return data


class JobPostingSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.all())
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    publish = serializers.BooleanField(write_only=True, required=False, default=False)

    class Meta:
        model = JobPosting
        fields = [
            "id",
            "org",
            "enterprise",
            "enterprise_name",
            "title",
            "positions",
            "salary_min",
            "salary_max",
            "location",
            "requirements",
            "contact",
            "status",
            "expires_on",
            "published_on",
            "publish",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["org", "status", "published_on", "created_at", "updated_at"]


class StatusSerializer(serializers.Serializer):
    status = serializers.CharField()


class JobPostingViewSet(ScopedWritableViewSet):
    """Jobs posted by enterprises through the caller's unions (draft → open → closed)."""

    queryset = JobPosting.objects.select_related("org", "enterprise")
    serializer_class = JobPostingSerializer
    filterset_class = JobPostingFilterSet
    ordering_fields = ["published_on", "expires_on", "salary_min"]
    ordering = ["-published_on", "-id"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        publish = data.pop("publish", False)
        serializer.instance = actions.job_posting_create(
            actor=self.request.user, data=data, publish=publish
        )

    def perform_update(self, serializer):
        serializer.instance = actions.job_posting_update(
            actor=self.request.user,
            posting=serializer.instance,
            data=merged(serializer, actions.POSTING_FIELDS),
        )

    @extend_schema(request=StatusSerializer, responses=JobPostingSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        posting = self.get_object()
        payload = StatusSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        posting = actions.job_posting_set_status(
            actor=request.user, posting=posting, status=payload.validated_data["status"]
        )
        return Response(self.get_serializer(posting).data)


class JobApplicationSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)
    posting_title = serializers.CharField(source="posting.title", read_only=True)

    class Meta:
        model = JobApplication
        fields = [
            "id",
            "posting",
            "posting_title",
            "member",
            "member_name",
            "status",
            "message",
            "note",
            "applied_at",
            "decided_at",
        ]
        read_only_fields = fields


class DecideSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            ApplicationStatus.REFERRED,
            ApplicationStatus.HIRED,
            ApplicationStatus.DECLINED,
        ]
    )
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class JobApplicationViewSet(ScopedReadOnlyViewSet):
    """Members' applications to the caller's jobs, and those of the caller's members;
    the posting union records the outcome."""

    queryset = JobApplication.objects.select_related("member", "posting")
    serializer_class = JobApplicationSerializer
    filterset_class = JobApplicationFilterSet
    ordering_fields = ["applied_at"]
    ordering = ["-applied_at", "-id"]

    @extend_schema(request=DecideSerializer, responses=JobApplicationSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        application = self.get_object()
        payload = DecideSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        application = actions.application_decide(
            actor=request.user, application=application, **payload.validated_data
        )
        return Response(JobApplicationSerializer(application).data)


class JobFairSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enterprises = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), many=True, required=False
    )

    class Meta:
        model = JobFair
        fields = [
            "id",
            "org",
            "title",
            "kind",
            "held_on",
            "hours",
            "place",
            "capacity",
            "description",
            "enterprises",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "enterprises" in self.fields:
            field = self.fields["enterprises"].child_relation
            field.queryset = field.queryset.visible_to(request.user)


class JobFairViewSet(ScopedWritableViewSet):
    """Job fairs organised by the caller's unions (incl. 劳模先进送岗位)."""

    queryset = JobFair.objects.select_related("org").prefetch_related("enterprises")
    serializer_class = JobFairSerializer
    filterset_class = JobFairFilterSet
    ordering_fields = ["held_on"]
    ordering = ["-held_on", "-id"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        enterprises = data.pop("enterprises", [])
        serializer.instance = actions.job_fair_create(
            actor=self.request.user, data=data, enterprises=enterprises
        )

    def perform_update(self, serializer):
        serializer.instance = actions.job_fair_update(
            actor=self.request.user,
            fair=serializer.instance,
            data=merged(serializer, actions.FAIR_FIELDS),
        )


class FairRegistrationSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = FairRegistration
        fields = ["id", "fair", "member", "member_name", "registered_at"]
        read_only_fields = fields


class FairRegistrationViewSet(ScopedReadOnlyViewSet):
    queryset = FairRegistration.objects.select_related("member", "fair")
    serializer_class = FairRegistrationSerializer
    filterset_fields = ["fair"]
    ordering = ["-registered_at", "-id"]


class EmploymentAidSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = EmploymentAid
        fields = [
            "id",
            "member",
            "member_name",
            "org",
            "lost_job_on",
            "reason",
            "former_employer",
            "help_given",
            "status",
            "reemployed_on",
            "new_employer",
            "closed_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "org",
            "status",
            "reemployed_on",
            "new_employer",
            "closed_reason",
            "created_at",
            "updated_at",
        ]


class EmploymentAidViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """就业帮扶 records of the caller's members."""

    queryset = EmploymentAid.objects.select_related("member", "org")
    serializer_class = EmploymentAidSerializer
    filterset_class = EmploymentAidFilterSet
    ordering_fields = ["lost_job_on", "reemployed_on"]
    ordering = ["-lost_job_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.aid_open(
            actor=self.request.user,
            **{
                k: v
                for k, v in serializer.validated_data.items()
                if k in ("member", "lost_job_on", "reason", "former_employer", "help_given")
            },
        )
