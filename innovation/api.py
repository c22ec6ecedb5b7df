from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from innovation import actions
from innovation.choices import AwardGrade
from innovation.filtersets import InnovationFilterSet, StudioFilterSet
from innovation.models import Innovation, Studio
from members.models import Member
from orgs.models import Enterprise, Org


class InnovationSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all(), required=False)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    member = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )
    studio = serializers.PrimaryKeyRelatedField(
        queryset=Studio.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Innovation
        fields = [
            "id",
            "org",
            "enterprise",
            "studio",
            "year",
            "kind",
            "five_small",
            "title",
            "submitter_kind",
            "member",
            "authors",
            "team_name",
            "description",
            "patent_number",
            "estimated_benefit",
            "submitted_on",
            "status",
            "review_note",
            "reviewed_on",
            "forwarded_to",
            "forwarded_on",
            "award",
            "award_org",
        ]
        read_only_fields = [
            "year",
            "status",
            "review_note",
            "reviewed_on",
            "forwarded_to",
            "forwarded_on",
            "award",
            "award_org",
        ]
        extra_kwargs = {"authors": {"required": False}, "submitted_on": {"required": False}}


class ReviewSerializer(serializers.Serializer):
    adopted = serializers.BooleanField()
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class AwardSerializer(serializers.Serializer):
    award = serializers.ChoiceField(choices=AwardGrade.choices)


class InnovationViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """职工技术创新 submitted through the caller's unions or forwarded to them: submit,
    review, implement, forward upward, award."""

    queryset = Innovation.objects.select_related("org", "forwarded_to")
    serializer_class = InnovationSerializer
    filterset_class = InnovationFilterSet
    ordering_fields = ["submitted_on", "estimated_benefit", "year"]
    ordering = ["-submitted_on", "id"]

    def scope_action(self):
        # Decisions check the holder's scope in the action; the row need only be visible.
        return "view"

    def perform_create(self, serializer):
        serializer.instance = actions.innovation_submit(
            actor=self.request.user, data=serializer.validated_data
        )

    def _answer(self, item):
        return Response(InnovationSerializer(item, context=self.get_serializer_context()).data)

    @extend_schema(request=ReviewSerializer, responses=InnovationSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        item = self.get_object()
        payload = ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._answer(
            actions.innovation_review(actor=request.user, innovation=item, **payload.validated_data)
        )

    @extend_schema(request=None, responses=InnovationSerializer)
    @action(detail=True, methods=["post"])
    def implement(self, request, pk=None):
        return self._answer(
            actions.innovation_implement(actor=request.user, innovation=self.get_object())
        )

    @extend_schema(request=None, responses=InnovationSerializer)
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        return self._answer(
            actions.innovation_forward(actor=request.user, innovation=self.get_object())
        )

    @extend_schema(request=AwardSerializer, responses=InnovationSerializer)
    @action(detail=True, methods=["post"])
    def award(self, request, pk=None):
        item = self.get_object()
        payload = AwardSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._answer(
            actions.innovation_award(actor=request.user, innovation=item, **payload.validated_data)
        )


class StudioSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all(), required=False)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    leader = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Studio
        fields = [
            "id",
            "org",
            "enterprise",
            "name",
            "kind",
            "level",
            "leader_name",
            "leader",
            "team",
            "speciality",
            "named_on",
            "named_by",
        ]
        extra_kwargs = {"leader_name": {"required": False}}


class StudioViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """劳模/工匠创新工作室 of the caller's unions."""

    queryset = Studio.objects.select_related("org", "enterprise")
    serializer_class = StudioSerializer
    filterset_class = StudioFilterSet
    ordering = ["-named_on", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.studio_save(
            actor=self.request.user, data=serializer.validated_data
        )
