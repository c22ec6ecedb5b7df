from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from activities import actions, notices, quizzes, works
from activities.filtersets import (
    ActivityFilterSet,
    NoticeFilterSet,
    QuizAttemptFilterSet,
    QuizFilterSet,
    RegistrationFilterSet,
)
from activities.models import (
    Activity,
    Notice,
    NoticeAttachment,
    QuestionBank,
    Quiz,
    QuizAttempt,
    Registration,
    Submission,
)
from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from orgs.models import Org


class ActivitySerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    audience = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "org",
            "org_name",
            "audience",
            "kind",
            "title",
            "description",
            "place",
            "starts_at",
            "ends_at",
            "capacity",
            "places_taken",
            "status",
            "summary",
            "summarised_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["places_taken", "status", "summary", "summarised_at"]


class CheckInSerializer(serializers.Serializer):
    scanned = serializers.CharField(
        max_length=500, help_text="The e-card QR content (verification URL) or its value."
    )


class RegistrationSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)
    activity_title = serializers.CharField(source="activity.title", read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "activity",
            "activity_title",
            "member",
            "member_name",
            "status",
            "registered_at",
            "waiting_since",
            "checked_in_at",
            "checkin_method",
        ]
        read_only_fields = fields


class ActivityViewSet(ScopedWritableViewSet):
    """Activities (宣讲, 主题教育, 劳模宣讲, 文体活动, 作品征集) hosted in the caller's
    subtree; check-in by the member's e-card code."""

    queryset = Activity.objects.select_related("org")
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet
    ordering_fields = ["starts_at", "title", "capacity"]
    ordering = ["-starts_at", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.activity_create(
            actor=self.request.user, data=serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = actions.activity_update(
            actor=self.request.user, activity=serializer.instance, data=serializer.validated_data
        )

    @extend_schema(request=CheckInSerializer, responses=RegistrationSerializer)
    @action(detail=True, methods=["post"], url_path="check-in")
    def check_in(self, request, pk=None):
        activity = self.get_object()
        payload = CheckInSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        registration = actions.check_in_by_card(
            actor=request.user, activity=activity, scanned=payload.validated_data["scanned"]
        )
        return Response(RegistrationSerializer(registration).data)

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["post"], url_path="send-to-judging")
    def send_to_judging(self, request, pk=None):
        """After a call for works closes: one contest entry per work, judged in C10."""
        contest = works.works_send_to_judging(actor=request.user, activity=self.get_object())
        return Response({"contest": contest.pk})


class RegistrationViewSet(ScopedReadOnlyViewSet):
    """Registrations of the caller's members (members register from the worker portal)."""

    queryset = Registration.objects.select_related("member", "activity")
    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilterSet
    ordering_fields = ["registered_at", "checked_in_at"]
    ordering = ["-registered_at", "id"]


class NoticeAttachmentSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = NoticeAttachment
        fields = ["id", "name", "size", "url"]
        read_only_fields = fields


class SubmissionSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)
    award = serializers.CharField(source="entry.award", read_only=True, default="")
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "activity",
            "member",
            "member_name",
            "title",
            "text",
            "has_file",
            "status",
            "submitted_at",
            "entry",
            "award",
        ]
        read_only_fields = fields

    def get_has_file(self, submission) -> bool:
        return bool(submission.file)


class SubmissionViewSet(ScopedReadOnlyViewSet):
    """Works sent to calls for works (作品征集) by the caller's members or to the caller's
    calls; members send them from the worker portal."""

    queryset = Submission.objects.select_related("member", "entry")
    serializer_class = SubmissionSerializer
    filterset_fields = ["activity", "status"]
    ordering_fields = ["submitted_at"]
    ordering = ["submitted_at", "id"]


class NoticeSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    publish_at = serializers.DateTimeField(required=False, allow_null=True)
    attachments = NoticeAttachmentSerializer(many=True, read_only=True)
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True),
        write_only=True,
        required=False,
        help_text="Files to attach (multipart); one bad file refuses the whole notice.",
    )

    class Meta:
        model = Notice
        fields = [
            "id",
            "org",
            "kind",
            "audience",
            "title",
            "body",
            "publish_at",
            "status",
            "recipients",
            "read_count",
            "created_at",
            "attachments",
            "files",
        ]
        read_only_fields = ["status", "recipients", "read_count", "created_at"]


class NoticeViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Notices and news published in the caller's subtree, with read counts; publishing
    with a future ``publish_at`` keeps a notice hidden until then."""

    queryset = Notice.objects.select_related("org").prefetch_related("attachments")
    serializer_class = NoticeSerializer
    filterset_class = NoticeFilterSet
    ordering_fields = ["publish_at", "title"]
    ordering = ["-publish_at", "-id"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        notice = notices.notice_publish(
            actor=self.request.user, data=data, files=data.get("files", ())
        )
        serializer.instance = self.get_queryset().get(pk=notice.pk)

    @extend_schema(request=None, responses=NoticeSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        notice = notices.notice_withdraw(actor=request.user, notice=self.get_object())
        return Response(NoticeSerializer(self.get_queryset().get(pk=notice.pk)).data)


class QuizSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    audience = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    bank = serializers.PrimaryKeyRelatedField(queryset=QuestionBank.objects.all())

    class Meta:
        model = Quiz
        fields = ["id", *quizzes.QUIZ_FIELDS, "created_at"]
        read_only_fields = ["created_at"]


class QuizViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Knowledge contests (知识竞赛) hosted in the caller's subtree; ``leaderboard`` gives
    participation and average best score per organisation under the audience."""

    queryset = Quiz.objects.select_related("org", "bank")
    serializer_class = QuizSerializer
    filterset_class = QuizFilterSet
    ordering_fields = ["opens_at", "title"]
    ordering = ["-opens_at", "-id"]

    def perform_create(self, serializer):
        serializer.instance = quizzes.quiz_create(
            actor=self.request.user, data=serializer.validated_data
        )

    @action(detail=True, methods=["get"])
    def leaderboard(self, request, pk=None):
        return Response(quizzes.org_leaderboard(self.get_object()))


class QuizAttemptSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = QuizAttempt
        fields = [
            "id",
            "quiz",
            "member",
            "member_name",
            "number",
            "started_at",
            "deadline",
            "submitted_at",
            "score",
            "late",
        ]
        read_only_fields = fields


class QuizAttemptViewSet(ScopedReadOnlyViewSet):
    """Papers of the caller's members (members take quizzes in the worker portal)."""

    queryset = QuizAttempt.objects.select_related("member", "quiz")
    serializer_class = QuizAttemptSerializer
    filterset_class = QuizAttemptFilterSet
    ordering_fields = ["started_at", "score"]
    ordering = ["-started_at", "-id"]
