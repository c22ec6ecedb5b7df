from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from orgs.models import Enterprise
from warning import actions
from warning.choices import SignalKind, SignalSource
from warning.filtersets import AlertFilterSet, RiskScoreFilterSet, RiskSignalFilterSet
from warning.models import Alert, RiskScore, RiskSignal


class RiskSignalSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.all())
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    kind = serializers.ChoiceField(choices=SignalKind.choices)
    source = serializers.ChoiceField(choices=SignalSource.choices, default=SignalSource.MANUAL)

    class Meta:
        model = RiskSignal
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "kind",
            "source",
            "origin",
            "external_ref",
            "observed_on",
            "amount",
            "months",
            "workers",
            "percent",
            "count",
            "note",
            "status",
            "resolved_on",
            "created_at",
        ]
        read_only_fields = ["status", "resolved_on", "created_at"]
        # Uniqueness of (origin, external_ref) is the action's rule: a repeat updates the row.
        validators = []


class ResolveSignalSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=200)
    resolved_on = serializers.DateField(required=False, allow_null=True)


class RiskSignalViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Risk signals (欠薪, 社保欠缴, 减员, 降薪, 停产, 搬迁, 改制, tickets …). A create
    re-scores the enterprise at once; a repeated ``origin`` + ``external_ref`` updates
    its signal."""

    queryset = RiskSignal.objects.select_related("enterprise")
    serializer_class = RiskSignalSerializer
    filterset_class = RiskSignalFilterSet
    ordering_fields = ["observed_on", "created_at"]
    ordering = ["-observed_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.record_signal(
            actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=ResolveSignalSerializer, responses=RiskSignalSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        signal = self.get_object()
        payload = ResolveSignalSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        signal = actions.resolve_signal(actor=request.user, signal=signal, **payload.validated_data)
        return Response(self.get_serializer(signal).data)


class RiskScoreSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)

    class Meta:
        model = RiskScore
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "score",
            "level",
            "reasons",
            "model_version",
            "computed_at",
            "level_since",
        ]


class RiskScoreViewSet(ScopedReadOnlyViewSet):
    """Current early-warning score, level and reasons per enterprise."""

    queryset = RiskScore.objects.select_related("enterprise")
    serializer_class = RiskScoreSerializer
    filterset_class = RiskScoreFilterSet
    ordering_fields = ["score", "level_since"]
    ordering = ["-score", "enterprise_id"]


class AlertEventSerializer(serializers.Serializer):
    step = serializers.CharField()
    note = serializers.CharField()
    org = serializers.CharField(source="org.name")
    actor = serializers.CharField(source="actor.username", default="")
    at = serializers.DateTimeField()


class AlertSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    org_name = serializers.CharField(source="org.name", read_only=True)
    events = AlertEventSerializer(many=True, read_only=True)

    class Meta:
        model = Alert
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "org",
            "org_name",
            "origin_org",
            "level",
            "score",
            "reasons",
            "status",
            "opened_at",
            "due_on",
            "closed_at",
            "disposal",
            "events",
        ]


class VerifySerializer(serializers.Serializer):
    finding = serializers.CharField()
    confirmed = serializers.BooleanField(default=True)


class HandleSerializer(serializers.Serializer):
    measures = serializers.CharField()


class ResolveAlertSerializer(serializers.Serializer):
    disposal = serializers.CharField()


class EscalateSerializer(serializers.Serializer):
    reason = serializers.CharField()


class AlertViewSet(ScopedReadOnlyViewSet):
    """Alerts routed to the covering union and its parents, with the disposal steps
    verify → handle → resolve, or escalate."""

    queryset = Alert.objects.select_related("enterprise", "org").prefetch_related(
        "events__org", "events__actor"
    )
    serializer_class = AlertSerializer
    filterset_class = AlertFilterSet
    ordering_fields = ["opened_at", "due_on", "score"]
    ordering = ["-opened_at", "-id"]

    def _step(self, request, serializer_class, action_fn):
        alert = self.get_object()
        payload = serializer_class(data=request.data)
        payload.is_valid(raise_exception=True)
        action_fn(actor=request.user, alert=alert, **payload.validated_data)
        alert = Alert.objects.select_related("enterprise", "org").get(pk=alert.pk)
        return Response(AlertSerializer(alert).data)

    @extend_schema(request=VerifySerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        return self._step(request, VerifySerializer, actions.alert_verify)

    @extend_schema(request=HandleSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def handle(self, request, pk=None):
        return self._step(request, HandleSerializer, actions.alert_handle)

    @extend_schema(request=ResolveAlertSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._step(request, ResolveAlertSerializer, actions.alert_resolve)

    @extend_schema(request=EscalateSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        return self._step(request, EscalateSerializer, actions.alert_escalate)
