"""API of rights protection: ``tickets/``, ``legal-aid/``, ``disputes/``, ``lawyers/``.

Cadres list and read what their scope holds and take every step of a case; a worker (no
login, rate-limited per address) files a ticket with ``tickets/submit/`` or a legal-aid
application with ``legal-aid/submit/`` and follows either with ``…/follow/`` and the code.
Personal data is masked; the plain phone is write-only."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from core.throttles import ClientRateThrottle
from orgs.models import Enterprise, Org
from rights import actions, selectors
from rights.choices import (
    Category,
    DisputeOutcome,
    LegalAidChannel,
    LegalAidOutcome,
    Satisfaction,
    TicketChannel,
    TicketKind,
    TicketTier,
)
from rights.filtersets import DisputeFilterSet, LawyerFilterSet, LegalAidFilterSet, TicketFilterSet
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket

User = get_user_model()


class NumberMixin(serializers.Serializer):
    number = serializers.CharField(read_only=True)


class TicketSerializer(NumberMixin, serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)
    assignee_name = serializers.CharField(source="assignee.username", default="", read_only=True)

    class Meta:
        model = Ticket
        fields = [
            "id", "number", "kind", "tier", "channel", "category", "status", "is_group",
            "is_anonymous", "is_member_caller", "caller_name", "caller_phone_masked",
            "enterprise", "employer_name", "work_area", "workers_involved", "amount",
            "subject", "content", "org", "org_name", "assignee", "assignee_name",
            "received_at", "received_on", "due_on", "reply", "resolved", "answered_on",
            "closed_on", "transferred_to", "reminded_on", "escalated_to", "escalated_on",
            "satisfaction", "callback_note",
        ]  # fmt: skip
        read_only_fields = fields


class _CallerInput(ScopedSerializerMixin, serializers.Serializer):
    """What a caller gives; checked whole by the action, which answers in Chinese."""

    category = serializers.ChoiceField(choices=Category.choices)
    caller_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    employer_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    work_area = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )
    workers_involved = serializers.IntegerField(min_value=1, required=False, default=1)
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )


class TicketCreateSerializer(_CallerInput):
    kind = serializers.ChoiceField(choices=TicketKind.choices)
    tier = serializers.ChoiceField(choices=TicketTier.choices, default=TicketTier.ORDINARY)
    channel = serializers.ChoiceField(choices=TicketChannel.choices)
    is_anonymous = serializers.BooleanField(required=False, default=False)
    is_member_caller = serializers.BooleanField(required=False, default=False)
    subject = serializers.CharField(max_length=120)
    content = serializers.CharField(max_length=5000)
    org = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )


class PublicTicketSerializer(serializers.Serializer):
    """A worker's complaint; enterprise and work area are any active ones (public)."""

    kind = serializers.ChoiceField(choices=TicketKind.choices, default=TicketKind.COMPLAINT)
    category = serializers.ChoiceField(choices=Category.choices)
    subject = serializers.CharField(max_length=120)
    content = serializers.CharField(max_length=5000)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    employer_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    work_area = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )
    workers_involved = serializers.IntegerField(min_value=1, required=False, default=1)
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )
    is_anonymous = serializers.BooleanField(required=False, default=False)
    caller_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)


class ReceiptSerializer(serializers.Serializer):
    number = serializers.CharField()
    org_name = serializers.CharField()
    follow_code = serializers.CharField(help_text="Shown once; only its hash is stored.")


class FollowSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)


class PublicTicketStatusSerializer(NumberMixin, serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = Ticket
        fields = [
            "number", "kind", "category", "subject", "status", "org_name", "due_on", "reply",
            "answered_on", "transferred_to",
        ]  # fmt: skip
        read_only_fields = fields


class AssignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class ReplySerializer(serializers.Serializer):
    reply = serializers.CharField(max_length=5000)
    resolved = serializers.BooleanField(default=False)


class ReclassifySerializer(serializers.Serializer):
    tier = serializers.ChoiceField(choices=TicketTier.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    workers_involved = serializers.IntegerField(min_value=1)
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )


class RerouteSerializer(NoteSerializer):
    to_org_code = serializers.CharField(max_length=32)


class TicketTransferSerializer(NoteSerializer):
    department = serializers.CharField(max_length=120)


class CallbackSerializer(NoteSerializer):
    satisfaction = serializers.ChoiceField(choices=Satisfaction.choices)


class StepMixin:
    """``POST {id}/<step>/``: the payload goes to ``actions.<step>`` for the scoped object."""

    object_argument = ""
    # The module holding the step functions (another app's viewsets name theirs).
    actions_module = actions

    def _step(self, request, step: str, payload_class=None):
        obj = self.get_object()
        data = {}
        if payload_class is not None:
            payload = payload_class(data=request.data)
            payload.is_valid(raise_exception=True)
            data = payload.validated_data
        getattr(self.actions_module, step)(
            actor=request.user, **{self.object_argument: obj}, **data
        )
        fresh = self.base_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(fresh).data)


class PublicMixin:
    public_actions: dict[str, str] = {}

    def get_permissions(self):
        if self.action in self.public_actions:
            return [AllowAny()]
        return super().get_permissions()

    def get_throttles(self):
        scope = self.public_actions.get(self.action)
        return [ClientRateThrottle(scope)] if scope else super().get_throttles()

    # Set by the viewset: what a worker sends, the action it goes to, how a code is looked
    # up, and what the worker reads back.
    submit_serializer = None
    submit_action = ""
    follow_selector = ""
    status_serializer = None

    def _submit(self, request):
        payload = self.submit_serializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record, code = getattr(actions, self.submit_action)(data=payload.validated_data)
        body = {"number": record.number, "org_name": record.org.name, "follow_code": code}
        return Response(ReceiptSerializer(body).data, status=status.HTTP_201_CREATED)

    def _follow(self, request):
        payload = FollowSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record = getattr(selectors, self.follow_selector)(payload.validated_data["code"])
        if record is None:
            raise NotFound(_("No complaint or application has this code. Check it and try again."))
        return Response(self.status_serializer(record).data)


class TicketViewSet(StepMixin, PublicMixin, ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """12351 tickets (工单) of the caller's unions, and every step of their state machine."""

    queryset = Ticket.objects.select_related("org", "assignee")
    serializer_class = TicketSerializer
    filterset_class = TicketFilterSet
    ordering_fields = ["received_at", "due_on", "status"]
    ordering = ["-received_at", "-id"]
    object_argument = "ticket"
    public_actions = {"submit": "rights_submit", "follow": "rights_follow"}
    submit_serializer = PublicTicketSerializer
    submit_action = "ticket_submit"
    follow_selector = "ticket_by_follow_code"
    status_serializer = PublicTicketStatusSerializer

    @extend_schema(request=TicketCreateSerializer, responses={201: TicketSerializer})
    def create(self, request):
        payload = TicketCreateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        ticket, code = actions.ticket_create(actor=request.user, data=payload.validated_data)
        body = TicketSerializer(ticket).data | {"follow_code": code}
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=PublicTicketSerializer, responses={201: ReceiptSerializer})
    @action(detail=False, methods=["post"])
    def submit(self, request):
        return self._submit(request)

    @extend_schema(request=FollowSerializer, responses=PublicTicketStatusSerializer)
    @action(detail=False, methods=["post"])
    def follow(self, request):
        return self._follow(request)

    @extend_schema(request=AssignSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self._step(request, "ticket_assign", AssignSerializer)

    @extend_schema(request=NoteSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        return self._step(request, "ticket_start", NoteSerializer)

    @extend_schema(request=ReplySerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return self._step(request, "ticket_reply", ReplySerializer)

    @extend_schema(request=NoteSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._step(request, "ticket_close", NoteSerializer)

    @extend_schema(request=ReclassifySerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def reclassify(self, request, pk=None):
        return self._step(request, "ticket_reclassify", ReclassifySerializer)

    @extend_schema(request=RerouteSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def reroute(self, request, pk=None):
        ticket = self.get_object()
        payload = RerouteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        ticket = actions.ticket_reroute(actor=request.user, ticket=ticket, **payload.validated_data)
        return Response(self.get_serializer(ticket).data)

    @extend_schema(request=TicketTransferSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        return self._step(request, "ticket_transfer", TicketTransferSerializer)

    @extend_schema(request=CallbackSerializer, responses=TicketSerializer)
    @action(detail=True, methods=["post"])
    def callback(self, request, pk=None):
        return self._step(request, "ticket_callback", CallbackSerializer)


class LegalAidSerializer(NumberMixin, serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)
    lawyer_name = serializers.CharField(source="lawyer.name", default="", read_only=True)

    class Meta:
        model = LegalAidCase
        fields = [
            "id", "number", "channel", "ticket", "category", "status", "caller_name",
            "caller_phone_masked", "is_member_applicant", "in_hardship", "eligible",
            "eligibility_note", "enterprise", "employer_name", "work_area",
            "workers_involved", "amount", "matter", "org", "org_name", "lawyer",
            "lawyer_name", "submitted_on", "decided_on", "rejection_reason", "concluded_on",
            "outcome", "amount_recovered",
        ]  # fmt: skip
        read_only_fields = fields


class LegalAidCreateSerializer(_CallerInput):
    matter = serializers.CharField(max_length=5000)
    is_member_applicant = serializers.BooleanField(required=False, default=False)
    in_hardship = serializers.BooleanField(required=False, default=False)
    channel = serializers.ChoiceField(
        choices=LegalAidChannel.choices, default=LegalAidChannel.VISIT
    )
    ticket = serializers.PrimaryKeyRelatedField(
        queryset=Ticket.objects.all(), required=False, allow_null=True
    )
    org = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )


class PublicLegalAidSerializer(PublicTicketSerializer):
    kind = subject = content = is_anonymous = None
    matter = serializers.CharField(max_length=5000)
    in_hardship = serializers.BooleanField(required=False, default=False)


class PublicLegalAidStatusSerializer(NumberMixin, serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)
    lawyer_name = serializers.CharField(source="lawyer.__str__", default="", read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = LegalAidCase
        fields = [
            "number", "category", "status", "org_name", "eligible", "eligibility_note",
            "rejection_reason", "lawyer_name", "outcome", "amount_recovered", "progress",
        ]  # fmt: skip
        read_only_fields = fields

    def get_progress(self, case) -> list[dict]:
        return [{"on": step.on.isoformat(), "note": step.note} for step in case.progress.all()]


class AcceptSerializer(serializers.Serializer):
    in_hardship = serializers.BooleanField(required=False, allow_null=True, default=None)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class LawyerAssignSerializer(serializers.Serializer):
    lawyer = serializers.PrimaryKeyRelatedField(queryset=Lawyer.objects.all())


class ProgressSerializer(serializers.Serializer):
    on = serializers.DateField()
    note = serializers.CharField(max_length=300)


class ConcludeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=LegalAidOutcome.choices)
    amount_recovered = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )
    on = serializers.DateField(required=False, allow_null=True)


class LegalAidViewSet(StepMixin, PublicMixin, ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """法律援助 cases of the caller's unions: accept/reject, assign, progress, conclude."""

    queryset = LegalAidCase.objects.select_related("org", "lawyer")
    serializer_class = LegalAidSerializer
    filterset_class = LegalAidFilterSet
    ordering_fields = ["submitted_on", "status"]
    ordering = ["-submitted_on", "-id"]
    object_argument = "case"
    public_actions = {"submit": "rights_submit", "follow": "rights_follow"}
    submit_serializer = PublicLegalAidSerializer
    submit_action = "legal_aid_submit"
    follow_selector = "legal_aid_by_follow_code"
    status_serializer = PublicLegalAidStatusSerializer

    @extend_schema(request=LegalAidCreateSerializer, responses={201: LegalAidSerializer})
    def create(self, request):
        payload = LegalAidCreateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        case, code = actions.legal_aid_create(actor=request.user, data=payload.validated_data)
        body = LegalAidSerializer(case).data | {"follow_code": code}
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=PublicLegalAidSerializer, responses={201: ReceiptSerializer})
    @action(detail=False, methods=["post"])
    def submit(self, request):
        return self._submit(request)

    @extend_schema(request=FollowSerializer, responses=PublicLegalAidStatusSerializer)
    @action(detail=False, methods=["post"])
    def follow(self, request):
        return self._follow(request)

    @extend_schema(request=AcceptSerializer, responses=LegalAidSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(request, "legal_aid_accept", AcceptSerializer)

    @extend_schema(request=RejectSerializer, responses=LegalAidSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._step(request, "legal_aid_reject", RejectSerializer)

    @extend_schema(request=LawyerAssignSerializer, responses=LegalAidSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self._step(request, "legal_aid_assign", LawyerAssignSerializer)

    @extend_schema(request=ProgressSerializer, responses=LegalAidSerializer)
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        return self._step(request, "legal_aid_progress", ProgressSerializer)

    @extend_schema(request=ConcludeSerializer, responses=LegalAidSerializer)
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None):
        return self._step(request, "legal_aid_conclude", ConcludeSerializer)


class LawyerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Lawyer
        fields = ["id", "org", "name", "kind", "firm", "specialties", "is_active"]
        read_only_fields = fields


class LawyerViewSet(ScopedReadOnlyViewSet):
    """The lawyers and legal-aid workers on the caller's unions' rosters."""

    queryset = Lawyer.objects.select_related("org")
    serializer_class = LawyerSerializer
    filterset_class = LawyerFilterSet
    ordering = ["name", "id"]


class DisputeSerializer(NumberMixin, ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )
    ticket = serializers.PrimaryKeyRelatedField(
        queryset=Ticket.objects.all(), required=False, allow_null=True
    )
    legal_aid = serializers.PrimaryKeyRelatedField(
        queryset=LegalAidCase.objects.all(), required=False, allow_null=True
    )
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    sessions = serializers.SerializerMethodField()

    class Meta:
        model = DisputeCase
        fields = [
            "id", "number", "org", "ticket", "legal_aid", "enterprise", "employer_name",
            "workers", "workers_involved", "category", "claims", "amount_claimed",
            "mediator", "status", "registered_on", "closed_on", "outcome", "amount_agreed",
            "outcome_note", "sessions",
        ]  # fmt: skip
        read_only_fields = ["status", "closed_on", "outcome", "amount_agreed", "outcome_note"]
        extra_kwargs = {"registered_on": {"required": False}}

    def get_sessions(self, case) -> list[dict]:
        return [
            {"held_on": s.held_on.isoformat(), "place": s.place, "summary": s.summary}
            for s in case.sessions.all()
        ]


class SessionSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=120, required=False, allow_blank=True)
    attendees = serializers.CharField(max_length=300, required=False, allow_blank=True)
    summary = serializers.CharField(max_length=5000)


class DisputeCloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=DisputeOutcome.choices)
    amount_agreed = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    on = serializers.DateField(required=False, allow_null=True)


class DisputeViewSet(StepMixin, ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """劳动争议调处: mediation cases of the caller's unions, their sessions and outcome."""

    queryset = DisputeCase.objects.select_related("org", "enterprise").prefetch_related("sessions")
    serializer_class = DisputeSerializer
    filterset_class = DisputeFilterSet
    ordering_fields = ["registered_on", "status"]
    ordering = ["-registered_on", "-id"]
    object_argument = "case"

    def perform_create(self, serializer):
        serializer.instance = actions.dispute_create(
            actor=self.request.user, data=dict(serializer.validated_data)
        )

    @extend_schema(request=SessionSerializer, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def session(self, request, pk=None):
        return self._step(request, "dispute_session_add", SessionSerializer)

    @extend_schema(request=DisputeCloseSerializer, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._step(request, "dispute_close", DisputeCloseSerializer)
