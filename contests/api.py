from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from contests import actions, selectors
from contests.filtersets import ContestFilterSet, EntryFilterSet
from contests.models import Contest, ContestEntry, ContestStage
from members.models import Member
from orgs.models import Enterprise, Org


class ContestSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    host = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Contest.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Contest
        fields = [
            "id",
            "host",
            "name",
            "year",
            "level",
            "kind",
            "theme",
            "trade",
            "starts_on",
            "ends_on",
            "aggregation",
            "parent",
            "status",
            "description",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "created_at", "updated_at"]
        extra_kwargs = {"level": {"required": False}}


class ContestViewSet(ScopedWritableViewSet):
    """Labour and skills contests (劳动和技能竞赛): those hosted in the caller's subtrees and
    those hosted above them (open to their workers)."""

    queryset = Contest.objects.select_related("host")
    serializer_class = ContestSerializer
    filterset_class = ContestFilterSet
    ordering_fields = ["year", "starts_on", "name"]
    ordering = ["-year", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.contest_create(
            actor=self.request.user, data=serializer.validated_data
        )

    def perform_update(self, serializer):
        data = {
            key: serializer.validated_data.get(key, getattr(serializer.instance, key))
            for key in [
                "name",
                "year",
                "level",
                "kind",
                "theme",
                "trade",
                "starts_on",
                "ends_on",
                "aggregation",
                "parent",
                "description",
            ]
        }
        serializer.instance = actions.contest_update(
            actor=self.request.user, contest=serializer.instance, data=data
        )


class EntrySerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    contest = serializers.PrimaryKeyRelatedField(queryset=Contest.objects.all())
    member = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    org = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = ContestEntry
        fields = [
            "id",
            "contest",
            "kind",
            "name",
            "member",
            "enterprise",
            "org",
            "team_members",
            "participant_count",
            "number",
            "status",
            "nominated_from",
            "award",
            "final_rank",
            "created_at",
        ]
        read_only_fields = [
            "number",
            "status",
            "nominated_from",
            "award",
            "final_rank",
            "created_at",
        ]
        extra_kwargs = {"name": {"required": False}, "participant_count": {"required": False}}


class ContestEntryViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Entries of contests from the caller's unions, and all entries of contests the caller
    hosts; register, withdraw, nominate into the higher contest."""

    queryset = ContestEntry.objects.select_related("contest", "org")
    serializer_class = EntrySerializer
    filterset_class = EntryFilterSet
    ordering_fields = ["number", "participant_count", "final_rank"]
    ordering = ["contest", "number", "id"]

    def scope_action(self):
        return "view" if self.action == "create" else super().scope_action()

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        contest = data.pop("contest")
        serializer.instance = actions.entry_create(
            actor=self.request.user, contest=contest, data=data
        )

    def _answer(self, entry):
        return Response(EntrySerializer(entry, context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._answer(actions.entry_withdraw(actor=request.user, entry=self.get_object()))

    @extend_schema(request=None, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def nominate(self, request, pk=None):
        return self._answer(actions.entry_nominate(actor=request.user, entry=self.get_object()))


class StageSerializer(serializers.ModelSerializer):
    contest_name = serializers.CharField(source="contest.name", read_only=True)

    class Meta:
        model = ContestStage
        fields = [
            "id",
            "contest",
            "contest_name",
            "round",
            "held_on",
            "blind",
            "advance_count",
            "status",
        ]


class RankingRowSerializer(serializers.Serializer):
    code = serializers.CharField(source="stage_entry.code")
    entry = serializers.IntegerField(source="stage_entry.entry_id")
    name = serializers.CharField(source="stage_entry.entry.name")
    totals = serializers.ListField(source="result.totals", child=serializers.DecimalField(12, 2))
    score = serializers.DecimalField(12, 2, source="result.score", allow_null=True)
    tie_break = serializers.DecimalField(12, 2, source="result.tie_break", allow_null=True)
    rank = serializers.IntegerField(allow_null=True)
    advanced = serializers.BooleanField()


class ContestStageViewSet(ScopedReadOnlyViewSet):
    """Rounds of contests the caller hosts, with their ranking."""

    queryset = ContestStage.objects.select_related("contest")
    serializer_class = StageSerializer
    ordering = ["contest", "id"]

    @extend_schema(responses=RankingRowSerializer(many=True))
    @action(detail=True, methods=["get"])
    def ranking(self, request, pk=None):
        rows = selectors.stage_results(self.get_object())
        return Response(RankingRowSerializer(rows, many=True).data)
