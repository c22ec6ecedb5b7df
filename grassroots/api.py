"""API of grassroots work: ``venues/``, ``bookings/``, ``home-evaluations/``, ``tasks/``,
``task-reports/``. Reads come from ``visible_to``; writes go through ``grassroots.actions``."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin, ScopedWritableViewSet
from core.choices import Action
from grassroots import actions, selectors
from grassroots.filtersets import (
    BookingFilterSet,
    EvaluationFilterSet,
    ReportFilterSet,
    TaskFilterSet,
    VenueFilterSet,
)
from grassroots.models import Booking, FormTemplate, HomeEvaluation, Task, TaskReport, Venue
from orgs.models import Org


class VenueSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    slots = serializers.SerializerMethodField()

    class Meta:
        model = Venue
        fields = [
            "id",
            "org",
            "name",
            "kind",
            "address",
            "capacity",
            "opens_at",
            "closes_at",
            "slot_minutes",
            "open_weekdays",
            "book_ahead_days",
            "cancel_hours",
            "description",
            "is_active",
            "slots",
        ]

    def get_slots(self, venue) -> list[str]:
        return [f"{start:%H:%M}" for start, _end in venue.slots()]


class VenueViewSet(ScopedWritableViewSet):
    """Venues (阵地): offered to the unions of the owner's subtree, who see those above
    them too. ``slots`` are the start times of one opening day."""

    queryset = Venue.objects.select_related("org")
    serializer_class = VenueSerializer
    filterset_class = VenueFilterSet
    ordering_fields = ["name", "capacity"]
    ordering = ["name", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.venue_save(
            actor=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        data = {
            name: serializer.validated_data.get(name, getattr(serializer.instance, name))
            for name in VenueSerializer.Meta.fields
            if name not in ("id", "slots")
        }
        serializer.instance = actions.venue_save(
            actor=self.request.user, venue=serializer.instance, **data
        )


class BookingSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    venue = serializers.PrimaryKeyRelatedField(queryset=Venue.objects.all())
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    venue_name = serializers.CharField(source="venue.name", read_only=True)
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = Booking
        fields = [
            "id",
            "venue",
            "venue_name",
            "org",
            "org_name",
            "date",
            "starts_at",
            "ends_at",
            "purpose",
            "headcount",
            "status",
            "cancel_reason",
            "created_at",
        ]
        read_only_fields = ["ends_at", "status", "cancel_reason", "created_at"]
        validators = []  # the slot's uniqueness is the action's (and the database's) rule


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class BookingViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Bookings of a venue slot by a union. A slot taken meanwhile answers 400 with the
    refusal on ``starts_at``; exactly one of two racing requests wins."""

    queryset = Booking.objects.select_related("venue", "org")
    serializer_class = BookingSerializer
    filterset_class = BookingFilterSet
    ordering_fields = ["date", "starts_at", "status"]
    ordering = ["-date", "-starts_at", "-id"]

    def scope_action(self):
        if self.action == "create":
            return Action.VIEW
        return super().scope_action()

    def perform_create(self, serializer):
        serializer.instance = actions.booking_create(
            actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=CancelSerializer, responses=BookingSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        booking = self.get_object()
        payload = CancelSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        booking = actions.booking_cancel(
            actor=request.user, booking=booking, reason=payload.validated_data["reason"]
        )
        return Response(self.get_serializer(booking).data)


class ScoreSerializer(serializers.Serializer):
    criterion = serializers.CharField(source="criterion.title")
    max_score = serializers.IntegerField(source="criterion.max_score")
    self_score = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    self_note = serializers.CharField()
    review_score = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)


class HomeEvaluationSerializer(serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)
    programme_name = serializers.CharField(source="programme.name", read_only=True)
    kind = serializers.CharField(source="programme.kind", read_only=True)
    scores = ScoreSerializer(many=True, read_only=True)

    class Meta:
        model = HomeEvaluation
        fields = [
            "id",
            "programme",
            "programme_name",
            "kind",
            "org",
            "org_name",
            "status",
            "self_score",
            "review_score",
            "stars",
            "submitted_at",
            "publicity_from",
            "publicity_until",
            "awarded_on",
            "last_rereview_year",
            "scores",
        ]


class HomeEvaluationViewSet(ScopedReadOnlyViewSet):
    """职工之家 entries of the caller's unions with their scores, status and stars."""

    queryset = HomeEvaluation.objects.select_related("org", "programme").prefetch_related(
        "scores__criterion"
    )
    serializer_class = HomeEvaluationSerializer
    filterset_class = EvaluationFilterSet
    ordering_fields = ["created_at", "review_score", "stars"]
    ordering = ["-created_at", "-id"]

    @extend_schema(request=None, responses=HomeEvaluationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        evaluation = actions.evaluation_submit(actor=request.user, evaluation=self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=evaluation.pk)).data)


class FieldSerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True)
    label = serializers.CharField(max_length=80)
    kind = serializers.ChoiceField(choices=["number", "text", "date", "choice", "file"])
    required = serializers.BooleanField(default=True)
    choices = serializers.ListField(child=serializers.CharField(), required=False, default=list)


class TaskSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    recipients = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), many=True, write_only=True
    )
    template = serializers.PrimaryKeyRelatedField(
        queryset=FormTemplate.objects.all(), required=False, allow_null=True
    )
    fields = FieldSerializer(many=True, required=False)
    completion = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id",
            "org",
            "title",
            "instructions",
            "deadline",
            "fields",
            "template",
            "parent",
            "status",
            "recipients",
            "completion",
            "created_at",
        ]
        read_only_fields = ["parent", "status", "created_at"]

    def get_completion(self, task) -> dict:
        known = self.context.get("completion")
        if known is not None and task.pk in known:
            return known[task.pk]
        reports = TaskReport.objects.visible_to(self.context["request"].user).filter(task=task)
        return selectors.report_counts(reports)


class TaskViewSet(ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Tasks (上下联动) issued in the caller's subtree or sent to it; ``completion`` counts
    the reports the caller may see."""

    queryset = Task.objects.select_related("org")
    serializer_class = TaskSerializer
    filterset_class = TaskFilterSet
    ordering_fields = ["created_at", "deadline"]
    ordering = ["-created_at", "-id"]

    def scope_action(self):
        if self.action == "create":
            return Action.VIEW
        return super().scope_action()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            reports = TaskReport.objects.visible_to(self.request.user)
            self.completion = selectors.report_counts_by_task(reports, [t.pk for t in page])
        return page

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["completion"] = getattr(self, "completion", None)
        return context

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        fields = data.pop("fields", None)
        if fields:
            text = "\n".join(
                " | ".join(
                    [
                        f["label"],
                        actions.KIND_WORD[f["kind"]],
                        actions.REQUIRED_WORD[f["required"]],
                        "、".join(f.get("choices") or []),
                    ]
                )
                for f in fields
            )
            data["fields"] = actions.parse_fields(text)
        serializer.instance = actions.task_issue(actor=self.request.user, **data)

    @extend_schema(request=None, responses={200: dict})
    @action(detail=True, methods=["post"])
    def remind(self, request, pk=None):
        return Response(
            {"reminded": actions.task_remind(actor=request.user, task=self.get_object())}
        )


class TaskReportSerializer(serializers.ModelSerializer):
    task_title = serializers.CharField(source="task.title", read_only=True)
    org_name = serializers.CharField(source="org.name", read_only=True)
    deadline = serializers.DateField(source="task.deadline", read_only=True)

    class Meta:
        model = TaskReport
        fields = [
            "id",
            "task",
            "task_title",
            "deadline",
            "org",
            "org_name",
            "status",
            "answers",
            "note",
            "return_reason",
            "submitted_at",
            "reminders",
        ]


class ReportSubmitSerializer(serializers.Serializer):
    answers = serializers.DictField(help_text=_('Answers by field key, e.g. {"f1": 12}.'))
    note = serializers.CharField(required=False, allow_blank=True, default="")


class TaskReportViewSet(ScopedReadOnlyViewSet):
    """Reports on tasks: a recipient's own, and every report of tasks issued in the
    caller's subtree. ``submit`` sends the answers (file fields through the web page)."""

    queryset = TaskReport.objects.select_related("task", "org")
    serializer_class = TaskReportSerializer
    filterset_class = ReportFilterSet
    ordering_fields = ["submitted_at", "status"]
    ordering = ["-task__created_at", "org__path", "id"]

    @extend_schema(request=ReportSubmitSerializer, responses=TaskReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        report = self.get_object()
        payload = ReportSubmitSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        report = actions.report_submit(actor=request.user, report=report, **payload.validated_data)
        return Response(self.get_serializer(report).data)
