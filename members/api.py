from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from members import actions
from members.filtersets import MemberFilterSet, TransferFilterSet
from members.models import Member, Transfer
from orgs.models import Enterprise, Org


class MemberSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    """Personal data is masked in every response; the plain values are write-only."""

    id_number = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Member
        fields = [
            "id",
            "name",
            "id_number",
            "id_number_masked",
            "phone",
            "phone_masked",
            "gender",
            "birth_date",
            "ethnicity",
            "education",
            "political_status",
            "household_type",
            "is_migrant_worker",
            "employment_form",
            "employment_status",
            "skill_level",
            "org",
            "enterprise",
            "joined_on",
            "card_number",
            "status",
        ]
        read_only_fields = [
            "id_number_masked",
            "phone_masked",
            "gender",
            "birth_date",
            "is_migrant_worker",
            "status",
        ]
        extra_kwargs = {"card_number": {"required": False, "allow_blank": True, "validators": []}}


class MemberViewSet(ScopedWritableViewSet):
    queryset = Member.objects.select_related("org", "enterprise")
    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet
    ordering_fields = ["name_pinyin", "joined_on", "card_number"]
    ordering = ["name_pinyin", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.member_create(
            actor=self.request.user, data=dict(serializer.validated_data)
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("org", None)
        serializer.instance = actions.member_update(
            actor=self.request.user, member=serializer.instance, data=data
        )


class TransferSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    to_org_code = serializers.CharField(write_only=True)
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = Transfer
        fields = [
            "id",
            "member",
            "member_name",
            "from_org",
            "to_org",
            "to_org_code",
            "reason",
            "note",
            "status",
            "requested_on",
            "decided_on",
            "decision_note",
        ]
        read_only_fields = [
            "from_org",
            "to_org",
            "status",
            "requested_on",
            "decided_on",
            "decision_note",
        ]


class TransferDecisionSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class TransferViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Transfers out of and into the caller's unions; answer them with accept/reject/cancel."""

    queryset = Transfer.objects.select_related("member", "from_org", "to_org")
    serializer_class = TransferSerializer
    filterset_class = TransferFilterSet
    ordering = ["-requested_on", "-id"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = actions.transfer_request(actor=self.request.user, **data)

    def _decide(self, request, decision):
        transfer = self.get_object()
        payload = TransferDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        action = getattr(actions, f"transfer_{decision}")
        transfer = action(actor=request.user, transfer=transfer, **payload.validated_data)
        return Response(TransferSerializer(transfer, context=self.get_serializer_context()).data)

    @extend_schema(request=TransferDecisionSerializer, responses=TransferSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._decide(request, "accept")

    @extend_schema(request=TransferDecisionSerializer, responses=TransferSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, "reject")

    @extend_schema(request=TransferDecisionSerializer, responses=TransferSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._decide(request, "cancel")
