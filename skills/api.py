from rest_framework import mixins, serializers

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from members.models import Member
from orgs.models import Org
from skills import actions, selectors
from skills.filtersets import SkillAwardFilterSet, TrainingFilterSet
from skills.models import SkillAward, Training


class TrainingSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enrolled = serializers.IntegerField(read_only=True)
    completed = serializers.IntegerField(read_only=True)

    class Meta:
        model = Training
        fields = [
            "id",
            "org",
            "name",
            "kind",
            "trade",
            "starts_on",
            "ends_on",
            "hours",
            "capacity",
            "description",
            "enrolled",
            "completed",
        ]


class TrainingViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Training courses and 工匠训练营 hosted in the caller's subtrees, with enrolment and
    completion counts."""

    queryset = Training.objects.select_related("org")
    serializer_class = TrainingSerializer
    filterset_class = TrainingFilterSet
    ordering = ["-starts_on", "id"]

    def base_queryset(self):
        return selectors.trainings_with_counts()

    def perform_create(self, serializer):
        training = actions.training_save(actor=self.request.user, data=serializer.validated_data)
        serializer.instance = self.base_queryset().get(pk=training.pk)


class SkillAwardSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = SkillAward
        fields = [
            "id",
            "org",
            "member",
            "member_name",
            "kind",
            "amount",
            "fund",
            "granted_on",
            "reference",
            "note",
        ]
        extra_kwargs = {"granted_on": {"required": False}}


class SkillAwardViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Skills awards (晋升技师/高级技师, 发明专利, 带教师傅) paid by the caller's unions."""

    queryset = SkillAward.objects.select_related("org", "member")
    serializer_class = SkillAwardSerializer
    filterset_class = SkillAwardFilterSet
    ordering = ["-granted_on", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.award_grant(
            actor=self.request.user, data=serializer.validated_data
        )
