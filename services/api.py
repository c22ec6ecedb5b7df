from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from orgs.models import Org
from services import actions, selectors
from services.filtersets import (
    PracticalProjectFilterSet,
    ServiceFilterSet,
    ServiceRequestFilterSet,
)
from services.models import (
    PracticalProject,
    ProjectMilestone,
    ProjectProgress,
    Service,
    ServiceRequest,
    ServiceRequestEvent,
)


class ServiceSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = Service
        fields = ["id", "org", "org_name", *actions.SERVICE_FIELDS[1:], "created_at"]
        read_only_fields = ["created_at"]


class ServiceViewSet(ScopedWritableViewSet):
    """Services unions publish for their members (服务项目)."""

    queryset = Service.objects.select_related("org")
    serializer_class = ServiceSerializer
    filterset_class = ServiceFilterSet
    ordering_fields = ["name", "category", "created_at"]
    ordering = ["org__path", "category", "name", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.service_create(
            actor=self.request.user, data=serializer.validated_data
        )

    def perform_update(self, serializer):
        data = {f: getattr(serializer.instance, f) for f in actions.SERVICE_FIELDS}
        data.update(serializer.validated_data)
        serializer.instance = actions.service_update(
            actor=self.request.user, service=serializer.instance, data=data
        )


class ServiceRequestEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceRequestEvent
        fields = ["kind", "from_status", "to_status", "note", "actor_name", "at"]


class ServiceRequestSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    service_name = serializers.CharField(source="service.name", read_only=True)
    category = serializers.CharField(source="service.category", read_only=True)
    member_name = serializers.CharField(source="member.name", read_only=True)
    overdue = serializers.BooleanField(read_only=True)
    events = ServiceRequestEventSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceRequest
        fields = [
            "id",
            "number",
            "service",
            "service_name",
            "category",
            "member",
            "member_name",
            "org",
            "status",
            "overdue",
            "details",
            "submitted_at",
            "due_on",
            "accepted_at",
            "started_at",
            "closed_at",
            "escalated_to",
            "escalated_at",
            "result",
            "reason",
            "rating",
            "rating_comment",
            "events",
        ]
        read_only_fields = fields


class StepSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class CompleteSerializer(serializers.Serializer):
    result = serializers.CharField(max_length=1000)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class ServiceRequestViewSet(ScopedReadOnlyViewSet):
    """Members' requests for services, handled by the publishing union (or escalated to
    the union above it when overdue). Steps: accept, start, complete, reject."""

    queryset = ServiceRequest.objects.select_related("service", "member").prefetch_related("events")
    serializer_class = ServiceRequestSerializer
    filterset_class = ServiceRequestFilterSet
    ordering_fields = ["submitted_at", "due_on", "status"]
    ordering = ["-submitted_at", "-id"]

    def base_queryset(self):
        return selectors.with_overdue(self.queryset.all())

    def _step(self, request, payload_class, step):
        """Run one step (an action of ``services.actions``) on the request in the URL; the
        request is looked up first, so one outside the caller's scope reads as missing."""
        target = self.get_object()
        payload = payload_class(data=request.data)
        payload.is_valid(raise_exception=True)
        step(actor=request.user, request=target, **payload.validated_data)
        fresh = self.base_queryset().get(pk=target.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=StepSerializer, responses=ServiceRequestSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(request, StepSerializer, actions.request_accept)

    @extend_schema(request=StepSerializer, responses=ServiceRequestSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        return self._step(request, StepSerializer, actions.request_start)

    @extend_schema(request=CompleteSerializer, responses=ServiceRequestSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return self._step(request, CompleteSerializer, actions.request_complete)

    @extend_schema(request=RejectSerializer, responses=ServiceRequestSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._step(request, RejectSerializer, actions.request_reject)


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectMilestone
        fields = ["id", "title", "due_on", "done_on", "note"]


class ProgressSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectProgress
        fields = ["id", "reported_on", "quantity", "spent", "note"]


class PracticalProjectSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    responsible_org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    completion = serializers.FloatField(read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = PracticalProject
        fields = [
            "id",
            *actions.PROJECT_FIELDS,
            "achieved",
            "spent",
            "completion",
            "milestones",
        ]
        read_only_fields = ["achieved", "spent"]


class PracticalProjectViewSet(ScopedWritableViewSet):
    """服务职工实事项目: yearly targets, budget, milestones; ``progress`` adds a report."""

    queryset = PracticalProject.objects.select_related("org", "responsible_org").prefetch_related(
        "milestones"
    )
    serializer_class = PracticalProjectSerializer
    filterset_class = PracticalProjectFilterSet
    ordering_fields = ["year", "name", "category"]
    ordering = ["-year", "category", "name", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.project_create(
            actor=self.request.user, data=serializer.validated_data
        )

    def perform_update(self, serializer):
        data = {f: getattr(serializer.instance, f) for f in actions.PROJECT_FIELDS}
        data.update(serializer.validated_data)
        serializer.instance = actions.project_update(
            actor=self.request.user, project=serializer.instance, data=data
        )

    @extend_schema(request=ProgressSerializer, responses=PracticalProjectSerializer)
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        project = self.get_object()
        payload = ProgressSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        actions.project_report_progress(
            actor=request.user, project=project, **payload.validated_data
        )
        fresh = self.get_queryset().get(pk=project.pk)
        return Response(self.get_serializer(fresh).data)
