from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from dues import actions
from dues.choices import DuesStatus
from dues.filtersets import DuesFilterSet
from dues.models import DuesRecord
from dues.months import parse_month
from members.models import Member
from orgs.models import Org


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-03"})
class MonthField(serializers.Field):
    """A month as ``YYYY-MM`` (2026-03); forgiving on input like the payroll import."""

    default_error_messages = {"invalid": _("Enter a month, e.g. 2026-03.")}

    def to_representation(self, value):
        return f"{value:%Y-%m}"

    def to_internal_value(self, data):
        try:
            return parse_month(data)
        except (TypeError, ValueError):
            self.fail("invalid")


class DuesRecordSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    member_name = serializers.CharField(source="member.name", read_only=True)
    month = MonthField()
    paid = serializers.BooleanField(write_only=True, required=False, default=False)

    class Meta:
        model = DuesRecord
        fields = [
            "id",
            "member",
            "member_name",
            "org",
            "month",
            "wage_base",
            "amount",
            "status",
            "paid",
            "paid_on",
            "source",
            "note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["org", "amount", "status", "source", "created_at", "updated_at"]
        # Uniqueness of (member, month) is the action's rule, with its own message.
        validators = []


class DuesPaySerializer(serializers.Serializer):
    paid_on = serializers.DateField(required=False, allow_null=True)


class DuesCorrectSerializer(serializers.Serializer):
    wage_base = serializers.DecimalField(max_digits=12, decimal_places=2)
    status = serializers.ChoiceField(choices=DuesStatus.choices)
    paid_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=200)


class DuesMarkPaidSerializer(ScopedSerializerMixin, serializers.Serializer):
    """Either ``ids`` (a selection) or ``org`` and ``month`` (a union's whole month)."""

    ids = serializers.ListField(child=serializers.IntegerField(), required=False)
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all(), required=False)
    month = MonthField(required=False)
    paid_on = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs):
        if attrs.get("ids"):
            return attrs
        if attrs.get("org") is None or attrs.get("month") is None:
            raise serializers.ValidationError(_("Give either ids, or org and month."))
        return attrs


class DuesMarkPaidResultSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


class DuesRecordViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Member dues (会费) of the caller's unions: record a month, mark paid, correct."""

    queryset = DuesRecord.objects.select_related("member", "org")
    serializer_class = DuesRecordSerializer
    filterset_class = DuesFilterSet
    ordering_fields = ["month", "paid_on", "amount"]
    ordering = ["-month", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.dues_record(
            actor=self.request.user, **serializer.validated_data
        )

    def _answer(self, record):
        record = DuesRecord.objects.select_related("member", "org").get(pk=record.pk)
        return Response(DuesRecordSerializer(record, context=self.get_serializer_context()).data)

    @extend_schema(request=DuesPaySerializer, responses=DuesRecordSerializer)
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        record = self.get_object()
        payload = DuesPaySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        actions.dues_mark_paid(actor=request.user, records=[record], **payload.validated_data)
        return self._answer(record)

    @extend_schema(request=DuesCorrectSerializer, responses=DuesRecordSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        record = self.get_object()
        payload = DuesCorrectSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record = actions.dues_correct(actor=request.user, record=record, **payload.validated_data)
        return self._answer(record)

    @extend_schema(request=DuesMarkPaidSerializer, responses=DuesMarkPaidResultSerializer)
    @action(detail=False, methods=["post"], url_path="mark-paid")
    def mark_paid(self, request):
        payload = DuesMarkPaidSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        if data.get("ids"):
            marked = actions.dues_mark_paid(
                actor=request.user, records=data["ids"], paid_on=data.get("paid_on")
            )
        else:
            marked = actions.dues_mark_month_paid(
                actor=request.user,
                org=data["org"],
                month=data["month"],
                paid_on=data.get("paid_on"),
            )
        return Response({"marked": marked})
