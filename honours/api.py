"""API of 选树表彰: ``honour-programmes/`` (read), ``nominations/`` (nominate and every
step of the workflow), ``model-workers/`` (the registry with titles, benefits and visits)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from core.choices import Action
from honours import actions, selectors
from honours.filtersets import ModelWorkerFilterSet, NominationFilterSet, ProgrammeFilterSet
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
)
from members.models import Member
from orgs.models import Enterprise, Org


class ProgrammeSerializer(serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = HonourProgramme
        fields = [
            "id",
            "org",
            "org_name",
            "name",
            "kind",
            "level",
            "year",
            "nomination_deadline",
            "notice_workdays",
            "prerequisite_level",
            "min_industrial_share",
            "min_front_line_share",
            "min_migrant_share",
            "min_non_public_share",
            "max_unit_head_share",
            "status",
        ]


class HonourProgrammeViewSet(ScopedReadOnlyViewSet):
    """Honour programmes organised within the caller's organisations."""

    queryset = HonourProgramme.objects.select_related("org")
    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilterSet
    ordering_fields = ["year", "name"]
    ordering = ["-year", "name", "id"]


class VetoSerializer(serializers.Serializer):
    check = serializers.CharField()
    outcome = serializers.CharField()
    evidence = serializers.CharField()


class NominationSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=HonourProgramme.objects.all())
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    member = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Nomination
        fields = [
            "id",
            "programme",
            "org",
            "stage_org",
            "nominee_kind",
            "member",
            "enterprise",
            "team_name",
            "nominee_name",
            "is_front_line",
            "is_industrial_worker",
            "is_migrant_worker",
            "is_unit_head",
            "is_non_public",
            "deeds",
            "meeting_kind",
            "meeting_date",
            "votes_for",
            "votes_cast",
            "status",
            "notice_start",
            "notice_end",
            "decision_note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "stage_org",
            "nominee_kind",
            "nominee_name",
            "is_migrant_worker",
            "is_non_public",
            "status",
            "notice_start",
            "notice_end",
            "decision_note",
            "created_at",
            "updated_at",
        ]
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "programme" in self.fields:
            # A call goes down the tree: the city's programme is open to a grassroots cadre.
            self.fields["programme"].queryset = selectors.programmes_open_to(request.user)


class NominationDetailSerializer(NominationSerializer):
    veto = serializers.SerializerMethodField()

    class Meta(NominationSerializer.Meta):
        fields = [*NominationSerializer.Meta.fields, "veto"]

    @extend_schema(responses=VetoSerializer(many=True))
    def get_veto(self, nomination) -> list[dict]:
        return [r.as_dict() for r in selectors.veto_checks([nomination])[nomination.pk]]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class NoticeSerializer(serializers.Serializer):
    start = serializers.DateField(required=False, allow_null=True)


class AwardSerializer(serializers.Serializer):
    awarded_on = serializers.DateField()
    document_number = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )


class ObjectionSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    objector = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    content = serializers.CharField()


# Steps taken by the nominating org (change right); every other step is a review decision.
NOMINATOR_STEPS = {"submit", "withdraw"}
REVIEW_STEPS = {"forward", "reject", "notice", "objection", "approve", "award"}


class NominationViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Nominations of the caller's organisations, and those forwarded to them."""

    queryset = Nomination.objects.select_related(
        "programme", "org", "stage_org", "member__enterprise", "enterprise"
    )
    serializer_class = NominationSerializer
    filterset_class = NominationFilterSet
    ordering_fields = ["updated_at", "nominee_name", "notice_end"]
    ordering = ["-updated_at", "-id"]

    def scope_action(self):
        if self.action in REVIEW_STEPS:
            return Action.REVIEW
        if self.action in NOMINATOR_STEPS:
            return Action.CHANGE
        return Action.VIEW

    def get_serializer_class(self):
        if self.action == "retrieve":
            return NominationDetailSerializer
        return NominationSerializer

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        programme, org = data.pop("programme"), data.pop("org")
        data["nominee_kind"] = actions.expected_nominee_kind(programme)[0]
        serializer.instance = actions.nomination_create(
            actor=self.request.user, programme=programme, org=org, data=data
        )

    def _answer(self, nomination):
        fresh = self.queryset.get(pk=nomination.pk)
        context = self.get_serializer_context()
        return Response(NominationDetailSerializer(fresh, context=context).data)

    def _payload(self, serializer_class):
        payload = serializer_class(data=self.request.data)
        payload.is_valid(raise_exception=True)
        return payload.validated_data

    def _step(self, step, payload_class=None, **fixed):
        """Run one workflow action on the nomination in the caller's scope and answer with it."""
        nomination = self.get_object()
        data = self._payload(payload_class) if payload_class else {}
        step(actor=self.request.user, nomination=nomination, **fixed, **data)
        return self._answer(nomination)

    @extend_schema(request=None, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(actions.nomination_submit)

    @extend_schema(request=None, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        return self._step(actions.nomination_forward)

    @extend_schema(request=ReasonSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._step(actions.nomination_reject, ReasonSerializer)

    @extend_schema(request=ReasonSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._step(actions.nomination_withdraw, ReasonSerializer)

    @extend_schema(request=NoticeSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def notice(self, request, pk=None):
        nomination = self.get_object()
        data = self._payload(NoticeSerializer)
        actions.notice_open(
            actor=request.user,
            programme=nomination.programme,
            nominations=[nomination],
            start=data.get("start"),
        )
        return self._answer(nomination)

    @extend_schema(request=ObjectionSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def objection(self, request, pk=None):
        return self._step(actions.objection_file, ObjectionSerializer)

    @extend_schema(request=NoteSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._step(actions.nomination_approve, NoteSerializer)

    @extend_schema(request=AwardSerializer, responses=NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def award(self, request, pk=None):
        return self._step(actions.nomination_award, AwardSerializer)


class TitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = HonourTitle
        fields = ["id", "kind", "level", "year", "awarded_on", "document_number", "nomination"]


class CareSerializer(serializers.ModelSerializer):
    class Meta:
        model = CareRecord
        fields = ["id", "kind", "on", "amount", "visitors", "note", "assistance_ref"]


class ModelWorkerSerializer(serializers.ModelSerializer):
    titles = TitleSerializer(many=True, read_only=True)
    care = CareSerializer(many=True, read_only=True)

    class Meta:
        model = ModelWorker
        fields = [
            "id",
            "name",
            "member",
            "org",
            "enterprise",
            "employer_name",
            "status",
            "in_hardship",
            "hardship_note",
            "titles",
            "care",
        ]


class ModelWorkerViewSet(ScopedReadOnlyViewSet):
    """The model-worker registry (劳模档案) of the caller's organisations, each with their
    titles and their benefits and visits."""

    queryset = ModelWorker.objects.prefetch_related("titles", "care")
    serializer_class = ModelWorkerSerializer
    filterset_class = ModelWorkerFilterSet
    ordering_fields = ["name"]
    ordering = ["name", "id"]
