from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from labour import actions
from labour.choices import ContractScope, SpecialMeasure
from labour.filtersets import CongressFilterSet, ContractFilterSet
from labour.models import Congress, Contract, Motion
from orgs.models import Enterprise, Org


class ContractSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    covered_enterprises = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), many=True, required=False
    )
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True, default="")
    coverage = serializers.ChoiceField(choices=ContractScope.choices, default="enterprise")
    state = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = [
            "id",
            "org",
            "coverage",
            "enterprise",
            "enterprise_name",
            "covered_enterprises",
            "kind",
            "title",
            "term_years",
            "requested_by",
            "requested_on",
            "reply_due",
            "replied_on",
            "approved_on",
            "signed_on",
            "filing_due",
            "filed_on",
            "effective_on",
            "expires_on",
            "publish_due",
            "published_on",
            "status",
            "state",
            "wage_increase",
            "workers_covered",
            "special_measures",
            "union_chief",
            "employer_chief",
            "note",
        ]
        read_only_fields = [
            "reply_due",
            "replied_on",
            "approved_on",
            "signed_on",
            "filing_due",
            "filed_on",
            "effective_on",
            "expires_on",
            "publish_due",
            "published_on",
            "status",
            "wage_increase",
            "workers_covered",
            "special_measures",
            "union_chief",
            "employer_chief",
        ]

    def get_state(self, contract) -> str:
        from django.utils import timezone

        return contract.state_on(timezone.localdate())


class ReplySerializer(serializers.Serializer):
    replied_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class SignSerializer(serializers.Serializer):
    signed_on = serializers.DateField()
    approved_on = serializers.DateField()
    union_chief = serializers.CharField(max_length=50)
    employer_chief = serializers.CharField(max_length=50)
    union_negotiators = serializers.IntegerField(min_value=1)
    employer_negotiators = serializers.IntegerField(min_value=1)
    workers_covered = serializers.IntegerField(min_value=1)
    term_years = serializers.IntegerField()
    wage_increase = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True
    )
    special_measures = serializers.ListField(
        child=serializers.ChoiceField(choices=SpecialMeasure.choices), required=False
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class FileSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ObjectionSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    opinion = serializers.CharField()


class PublishSerializer(serializers.Serializer):
    published_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ContractViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Collective contracts: a create is the bargaining request; the steps of the statutory
    timeline are actions (reply, sign, file, objection, publish)."""

    queryset = Contract.objects.select_related("enterprise", "org").prefetch_related(
        "covered_enterprises"
    )
    serializer_class = ContractSerializer
    filterset_class = ContractFilterSet
    ordering_fields = ["requested_on", "effective_on", "expires_on"]
    ordering = ["-requested_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.contract_request(
            actor=self.request.user, **serializer.validated_data
        )

    def _step(self, request, serializer_class, action_fn):
        contract = self.get_object()
        payload = serializer_class(data=request.data)
        payload.is_valid(raise_exception=True)
        action_fn(actor=request.user, contract=contract, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=contract.pk)).data)

    @extend_schema(request=ReplySerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return self._step(request, ReplySerializer, actions.contract_reply)

    @extend_schema(request=SignSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        return self._step(request, SignSerializer, actions.contract_sign)

    @extend_schema(request=FileSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"], url_path="file")
    def file_contract(self, request, pk=None):
        return self._step(request, FileSerializer, actions.contract_file)

    @extend_schema(request=ObjectionSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def objection(self, request, pk=None):
        return self._step(request, ObjectionSerializer, actions.contract_objection)

    @extend_schema(request=PublishSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._step(request, PublishSerializer, actions.contract_publish)


class MotionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Motion
        fields = [
            "id",
            "kind",
            "title",
            "votes_for",
            "votes_against",
            "abstentions",
            "passed",
            "contract",
        ]
        read_only_fields = ["passed"]


class CongressSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.all())
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    motions = MotionSerializer(many=True, read_only=True)
    quorate = serializers.BooleanField(read_only=True)

    class Meta:
        model = Congress
        fields = [
            "id",
            "org",
            "enterprise",
            "enterprise_name",
            "kind",
            "session",
            "held_on",
            "staff_count",
            "delegates",
            "frontline_delegates",
            "management_delegates",
            "women_delegates",
            "attended",
            "quorate",
            "affairs_reported",
            "note",
            "motions",
        ]
        read_only_fields = ["org", "staff_count"]


class MotionCreateSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    contract = serializers.PrimaryKeyRelatedField(
        queryset=Contract.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Motion
        fields = ["kind", "title", "votes_for", "votes_against", "abstentions", "contract"]


class CongressViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Workers' congress sessions (职代会 / 职工大会) with delegates, attendance and motions."""

    queryset = Congress.objects.select_related("enterprise", "org").prefetch_related("motions")
    serializer_class = CongressSerializer
    filterset_class = CongressFilterSet
    ordering_fields = ["held_on"]
    ordering = ["-held_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.congress_record(
            actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=MotionCreateSerializer, responses=CongressSerializer)
    @action(detail=True, methods=["post"])
    def motions(self, request, pk=None):
        congress = self.get_object()
        payload = MotionCreateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        actions.motion_record(actor=request.user, congress=congress, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=congress.pk)).data)
