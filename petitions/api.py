"""API of 信访: ``petitions/`` — list and read what the cadre's scope holds, register, and
take every step (``POST {id}/<step>/``). The phone is masked; the plain phone is write-only."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedReadOnlyViewSet, ScopedSerializerMixin
from orgs.models import Enterprise, Org
from petitions import actions
from petitions.choices import PetitionChannel
from petitions.filtersets import PetitionFilterSet
from petitions.models import Petition
from rights.api import NoteSerializer, NumberMixin, StepMixin
from rights.choices import Category


class PetitionSerializer(NumberMixin, serializers.ModelSerializer):
    org_name = serializers.CharField(source="org.name", read_only=True)
    handed_to_name = serializers.CharField(source="handed_to.name", default="", read_only=True)

    class Meta:
        model = Petition
        fields = [
            "id", "number", "channel", "category", "status", "caller_name",
            "caller_phone_masked", "workers_involved", "is_collective", "enterprise", "subject",
            "content", "org", "org_name", "handed_to", "handed_to_name", "review_org",
            "received_on", "accept_due_on", "accepted_on", "not_accepted_reason",
            "handle_due_on", "extended_days", "extension_reason", "reply", "replied_on",
            "review_requested_on", "review_due_on", "review_reply", "reviewed_on",
        ]  # fmt: skip
        read_only_fields = fields


class PetitionCreateSerializer(ScopedSerializerMixin, serializers.Serializer):
    """What the cadre registers; checked whole by the action, which answers in Chinese."""

    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    channel = serializers.ChoiceField(choices=PetitionChannel.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    caller_name = serializers.CharField(max_length=50)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    workers_involved = serializers.IntegerField(min_value=1, required=False, default=1)
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    subject = serializers.CharField(max_length=120)
    content = serializers.CharField(max_length=5000)
    received_on = serializers.DateField(required=False)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class HandDownSerializer(ScopedSerializerMixin, NoteSerializer):
    to_org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())


class ExtendSerializer(serializers.Serializer):
    extra_days = serializers.IntegerField(min_value=1)
    reason = serializers.CharField(max_length=300)


class PetitionReplySerializer(serializers.Serializer):
    reply = serializers.CharField(max_length=5000)


class ReviewSerializer(serializers.Serializer):
    opinion = serializers.CharField(max_length=5000)


class PetitionViewSet(StepMixin, ScopedReadOnlyViewSet, mixins.CreateModelMixin):
    """Petitions (信访) of the caller's unions and those handed down to them, and every step."""

    queryset = Petition.objects.select_related("org", "handed_to")
    serializer_class = PetitionSerializer
    filterset_class = PetitionFilterSet
    ordering_fields = ["received_on", "accept_due_on", "handle_due_on", "status"]
    ordering = ["-received_on", "-id"]
    object_argument = "petition"
    actions_module = actions

    @extend_schema(request=PetitionCreateSerializer, responses={201: PetitionSerializer})
    def create(self, request):
        payload = PetitionCreateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        petition = actions.petition_create(actor=request.user, data=payload.validated_data)
        return Response(PetitionSerializer(petition).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=NoteSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(request, "petition_accept", NoteSerializer)

    @extend_schema(request=RejectSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._step(request, "petition_reject", RejectSerializer)

    @extend_schema(request=HandDownSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], url_path="hand-down")
    def hand_down(self, request, pk=None):
        petition = self.get_object()
        payload = HandDownSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        actions.petition_hand_down(actor=request.user, petition=petition, **payload.validated_data)
        return Response(self.get_serializer(self.base_queryset().get(pk=petition.pk)).data)

    @extend_schema(request=ExtendSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        return self._step(request, "petition_extend", ExtendSerializer)

    @extend_schema(request=PetitionReplySerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return self._step(request, "petition_reply", PetitionReplySerializer)

    @extend_schema(request=NoteSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], url_path="request-review")
    def request_review(self, request, pk=None):
        return self._step(request, "petition_request_review", NoteSerializer)

    @extend_schema(request=ReviewSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._step(request, "petition_review", ReviewSerializer)
