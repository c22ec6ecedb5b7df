from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from core.choices import Action
from core.throttles import ClientRateThrottle
from members import actions, joining
from members.filtersets import JoinApplicationFilterSet, MemberFilterSet, TransferFilterSet
from members.models import JoinApplication, Member, Transfer
from orgs.choices import EnterpriseStatus
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


class ExistingUnionMixin(serializers.Serializer):
    """The union of the membership an application would transfer, by name."""

    existing_union = serializers.SerializerMethodField()

    def get_existing_union(self, application) -> str | None:
        member = application.existing_member
        return member.org.name if member is not None else None


class JoinApplicationSerializer(ExistingUnionMixin, serializers.ModelSerializer):
    """An application as its union's cadres read it; personal data masked."""

    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = JoinApplication
        fields = [
            "id",
            "status",
            "kind",
            "route",
            "org",
            "org_name",
            "name",
            "id_number_masked",
            "phone_masked",
            "gender",
            "birth_date",
            "ethnicity",
            "education",
            "political_status",
            "household_type",
            "employment_form",
            "enterprise",
            "employer_name",
            "work_area",
            "existing_union",
            "member",
            "transfer",
            "decided_at",
            "rejection_reason",
            "created_at",
        ]
        read_only_fields = fields


class JoinApplicationCreateSerializer(serializers.Serializer):
    """What an applicant sends (no login). The record is checked whole by the action, so
    the text fields accept anything here and come back with the action's messages."""

    name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    id_number = serializers.CharField(max_length=24, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    code = serializers.CharField(
        max_length=12, required=False, allow_blank=True, help_text="The 6-digit SMS code."
    )
    ethnicity = serializers.CharField(max_length=2, required=False, allow_blank=True)
    education = serializers.CharField(max_length=2, required=False, allow_blank=True)
    political_status = serializers.CharField(max_length=2, required=False, allow_blank=True)
    household_type = serializers.CharField(max_length=20, required=False, allow_blank=True)
    employment_form = serializers.CharField(max_length=20, required=False, allow_blank=True)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE),
        required=False,
        allow_null=True,
    )
    employer_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    work_area = serializers.PrimaryKeyRelatedField(
        queryset=joining.work_areas(), required=False, allow_null=True
    )
    consent = serializers.BooleanField(
        required=False, default=False, help_text="Consent to the use of the personal data."
    )


class JoinApplicationReceiptSerializer(ExistingUnionMixin, serializers.ModelSerializer):
    """What the applicant gets back: where the application went and how to follow it."""

    org_name = serializers.CharField(source="org.name", read_only=True)
    status_url = serializers.SerializerMethodField()

    class Meta:
        model = JoinApplication
        fields = [
            "token",
            "status",
            "kind",
            "org_name",
            "existing_union",
            "name",
            "id_number_masked",
            "phone_masked",
            "created_at",
            "status_url",
        ]
        read_only_fields = fields

    def get_status_url(self, application) -> str:
        url = reverse("portal:join-status", args=[application.token])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class PhoneCodeRequestSerializer(serializers.Serializer):
    phone = serializers.CharField(max_length=20)


class PhoneCodeSentSerializer(serializers.Serializer):
    detail = serializers.CharField()
    expires_in = serializers.IntegerField(help_text="Seconds the code stays valid.")
    resend_after = serializers.IntegerField(help_text="Seconds before another code may be sent.")


class JoinRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class JoinApplicationViewSet(ScopedReadOnlyViewSet):
    """入会申请. Applicants (no login, rate-limited per address) ask for an SMS code with
    ``send-code`` and submit with ``POST``; cadres list and read the applications of their
    unions, and reviewers ``approve`` or ``reject`` them."""

    queryset = JoinApplication.objects.select_related("org", "existing_member__org")
    serializer_class = JoinApplicationSerializer
    filterset_class = JoinApplicationFilterSet
    ordering_fields = ["created_at", "name_pinyin", "status"]
    ordering = ["-created_at", "-id"]
    public_actions = {"create": "join_submit", "send_code": "join_code"}

    def get_permissions(self):
        if self.action in self.public_actions:
            return [AllowAny()]
        return super().get_permissions()

    def get_throttles(self):
        scope = self.public_actions.get(self.action)
        return [ClientRateThrottle(scope)] if scope else super().get_throttles()

    def scope_action(self):
        return Action.REVIEW if self.action in ("approve", "reject") else Action.VIEW

    @extend_schema(
        request=JoinApplicationCreateSerializer,
        responses={201: JoinApplicationReceiptSerializer},
    )
    def create(self, request):
        payload = JoinApplicationCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        code = data.pop("code", "")
        application = joining.join_application_submit(data=data, code=code)
        receipt = JoinApplicationReceiptSerializer(application, context={"request": request})
        return Response(receipt.data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PhoneCodeRequestSerializer, responses={202: PhoneCodeSentSerializer})
    @action(detail=False, methods=["post"], url_path="send-code")
    def send_code(self, request):
        payload = PhoneCodeRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        joining.phone_code_send(phone=payload.validated_data["phone"])
        rules = settings.GONGHUI_SMS_CODES
        body = {
            "detail": _("The code was sent by SMS."),
            "expires_in": rules["TTL_SECONDS"],
            "resend_after": rules["RESEND_SECONDS"],
        }
        return Response(PhoneCodeSentSerializer(body).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=None, responses=JoinApplicationSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        application = joining.join_application_approve(
            actor=request.user, application=self.get_object()
        )
        return Response(self.get_serializer(application).data)

    @extend_schema(request=JoinRejectSerializer, responses=JoinApplicationSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        application = self.get_object()
        payload = JoinRejectSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        application = joining.join_application_reject(
            actor=request.user, application=application, **payload.validated_data
        )
        return Response(self.get_serializer(application).data)
