from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from assistance import actions, selectors
from assistance.choices import (
    CloseReason,
    FileSource,
    HardshipCategory,
    HardshipCause,
    Relation,
    SchoolLevel,
)
from assistance.filtersets import (
    CampaignFilterSet,
    FileFilterSet,
    FundFilterSet,
    RecordFilterSet,
)
from assistance.models import (
    Allocation,
    AssistanceRecord,
    Campaign,
    HardshipFile,
    HouseholdMember,
)
from core.choices import Action
from members.models import Member
from orgs.models import Org

MONEY = {"max_digits": 14, "decimal_places": 2}


class HouseholdMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = HouseholdMember
        fields = ["id", "name", "relation", "birth_year", "monthly_income", "school_level", "note"]


class HardshipFileSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all(), required=False)
    causes = serializers.ListField(
        child=serializers.ChoiceField(choices=HardshipCause.choices), write_only=True
    )
    head_id_number = serializers.CharField(write_only=True, required=False, allow_blank=True)
    head_monthly_income = serializers.DecimalField(write_only=True, required=False, **MONEY)
    household = HouseholdMemberSerializer(many=True, read_only=True)

    class Meta:
        model = HardshipFile
        fields = [
            "id",
            "org",
            "member",
            "head_name",
            "head_id_masked",
            "head_id_number",
            "head_monthly_income",
            "source",
            "status",
            "category",
            "causes",
            "is_temporary",
            "situation",
            "essential_costs",
            "applied_on",
            "visited_on",
            "visited_by",
            "visit_findings",
            "notice_starts_on",
            "notice_ends_on",
            "approved_on",
            "last_reviewed_on",
            "review_due_on",
            "closed_on",
            "close_reason",
            "decision_note",
            "household",
        ]
        read_only_fields = [
            "head_id_masked",
            "status",
            "category",
            "visited_on",
            "visited_by",
            "visit_findings",
            "notice_starts_on",
            "notice_ends_on",
            "approved_on",
            "last_reviewed_on",
            "review_due_on",
            "closed_on",
            "close_reason",
            "decision_note",
        ]
        extra_kwargs = {"head_name": {"required": False}, "applied_on": {"required": False}}

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["causes"] = instance.cause_list
        return data


class HouseholdAddSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=50)
    relation = serializers.ChoiceField(choices=Relation.choices)
    birth_year = serializers.IntegerField(required=False, allow_null=True)
    monthly_income = serializers.DecimalField(**MONEY)
    school_level = serializers.ChoiceField(
        choices=SchoolLevel.choices, required=False, allow_blank=True
    )
    note = serializers.CharField(max_length=100, required=False, allow_blank=True)


class VerifySerializer(serializers.Serializer):
    visited_on = serializers.DateField()
    visited_by = serializers.CharField(max_length=100)
    findings = serializers.CharField()
    category = serializers.ChoiceField(choices=HardshipCategory.choices)
    essential_costs = serializers.DecimalField(required=False, allow_null=True, **MONEY)


class PublicizeSerializer(serializers.Serializer):
    starts_on = serializers.DateField(required=False, allow_null=True)


class ApproveSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)
    objections = serializers.CharField(required=False, allow_blank=True)


class ReviewSerializer(serializers.Serializer):
    reviewed_on = serializers.DateField()
    findings = serializers.CharField()
    category = serializers.ChoiceField(choices=HardshipCategory.choices)


class CloseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=CloseReason.choices)
    closed_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class HardshipFileViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """困难职工档案 of the caller's unions: open one, then the workflow steps as actions."""

    queryset = HardshipFile.objects.select_related("org", "member").prefetch_related("household")
    serializer_class = HardshipFileSerializer
    filterset_class = FileFilterSet
    ordering_fields = ["applied_on", "approved_on", "review_due_on"]
    ordering = ["-applied_on", "-id"]

    def scope_action(self):
        if self.action in ("approve", "reject"):
            return Action.REVIEW
        return super().scope_action()

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.setdefault("source", FileSource.APPLICATION)
        serializer.instance = actions.file_open(actor=self.request.user, **data)

    def _step(self, request, payload_class, fn):
        file = self.get_object()
        payload = payload_class(data=request.data)
        payload.is_valid(raise_exception=True)
        fn(actor=request.user, file=file, **payload.validated_data)
        fresh = self.base_queryset().get(pk=file.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=HouseholdAddSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def household(self, request, pk=None):
        return self._step(request, HouseholdAddSerializer, actions.household_add)

    @extend_schema(request=VerifySerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        return self._step(request, VerifySerializer, actions.file_verify)

    @extend_schema(request=PublicizeSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def publicize(self, request, pk=None):
        return self._step(request, PublicizeSerializer, actions.file_publicize)

    @extend_schema(request=ApproveSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._step(request, ApproveSerializer, actions.file_approve)

    @extend_schema(request=RejectSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._step(request, RejectSerializer, actions.file_reject)

    @extend_schema(request=ReviewSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._step(request, ReviewSerializer, actions.file_review)

    @extend_schema(request=CloseSerializer, responses=HardshipFileSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._step(request, CloseSerializer, actions.file_close)


class AssistanceRecordSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = AssistanceRecord
        fields = [
            "id",
            "org",
            "member",
            "member_name",
            "file",
            "campaign",
            "allocation",
            "kind",
            "amount",
            "fund_source",
            "school_level",
            "delivered_on",
            "delivered_by",
            "note",
            "created_at",
        ]
        read_only_fields = ["org", "file", "campaign", "allocation", "created_at"]
        validators = []


class AssistanceRecordViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Assistance paid or delivered to members (outside campaigns through create; campaign
    payments through ``campaign-funds/{id}/pay/``)."""

    queryset = AssistanceRecord.objects.select_related("member", "org")
    serializer_class = AssistanceRecordSerializer
    filterset_class = RecordFilterSet
    ordering_fields = ["delivered_on", "amount"]
    ordering = ["-delivered_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.assistance_record(
            actor=self.request.user, **serializer.validated_data
        )


class CampaignSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())

    class Meta:
        model = Campaign
        fields = [
            "id",
            "org",
            "title",
            "kind",
            "year",
            "budget",
            "fund_source",
            "starts_on",
            "ends_on",
            "status",
            "description",
        ]
        read_only_fields = ["status"]


class FundRowSerializer(serializers.ModelSerializer):
    campaign_title = serializers.CharField(source="campaign.title", read_only=True)
    org_name = serializers.CharField(source="org.name", read_only=True)
    balance = serializers.DecimalField(read_only=True, **MONEY)
    subtree_spent = serializers.DecimalField(read_only=True, **MONEY)
    subtree_people = serializers.IntegerField(read_only=True)

    class Meta:
        model = Allocation
        fields = [
            "id",
            "campaign",
            "campaign_title",
            "org",
            "org_name",
            "parent",
            "amount",
            "sub_allocated",
            "spent",
            "balance",
            "subtree_spent",
            "subtree_people",
            "allocated_on",
        ]


class CampaignViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Campaigns (送温暖, 金秋助学, 夏送清凉, 专项) run by the caller's organisations."""

    queryset = Campaign.objects.select_related("org")
    serializer_class = CampaignSerializer
    filterset_class = CampaignFilterSet
    ordering_fields = ["year", "starts_on", "budget"]
    ordering = ["-year", "-starts_on", "-id"]

    def perform_create(self, serializer):
        serializer.instance = actions.campaign_create(
            actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(responses=FundRowSerializer(many=True))
    @action(detail=True, methods=["get"])
    def funds(self, request, pk=None):
        """Every allocation of the campaign with what was paid and reached in its subtree."""
        campaign = self.get_object()
        return Response(FundRowSerializer(selectors.fund_tree(campaign), many=True).data)


class AllocateSerializer(ScopedSerializerMixin, serializers.Serializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    amount = serializers.DecimalField(**MONEY)


class PaySerializer(ScopedSerializerMixin, serializers.Serializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    amount = serializers.DecimalField(required=False, allow_null=True, **MONEY)
    school_level = serializers.ChoiceField(
        choices=SchoolLevel.choices, required=False, allow_blank=True
    )
    delivered_on = serializers.DateField()
    delivered_by = serializers.CharField(max_length=100)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class AllocationViewSet(ScopedReadOnlyViewSet):
    """Campaign funds of the caller's organisations: allocate part of one to an org below,
    or pay a member from it. Neither can overdraw it."""

    queryset = Allocation.objects.select_related("org", "campaign")
    serializer_class = FundRowSerializer
    filterset_class = FundFilterSet
    ordering_fields = ["amount", "spent", "allocated_on"]
    ordering = ["campaign", "org__path"]

    def base_queryset(self):
        return selectors.fund_tree_rows(self.queryset)

    @extend_schema(request=AllocateSerializer, responses=FundRowSerializer)
    @action(detail=True, methods=["post"])
    def allocate(self, request, pk=None):
        parent = self.get_object()
        payload = AllocateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        child = actions.allocation_create(
            actor=request.user, parent=parent, **payload.validated_data
        )
        return Response(FundRowSerializer(self.base_queryset().get(pk=child.pk)).data, status=201)

    @extend_schema(request=PaySerializer, responses=AssistanceRecordSerializer)
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        allocation = self.get_object()
        payload = PaySerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        record = actions.assistance_pay(
            actor=request.user, allocation=allocation, **payload.validated_data
        )
        return Response(
            AssistanceRecordSerializer(record, context={"request": request}).data, status=201
        )
