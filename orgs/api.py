from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedSerializerMixin, ScopedWritableViewSet
from orgs import actions
from orgs.filtersets import EnterpriseFilterSet, OrgFilterSet
from orgs.models import Enterprise, Org


class OrgSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True, write_only=True
    )
    parent_id = serializers.SerializerMethodField()
    level_display = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Org
        fields = [
            "id",
            "code",
            "name",
            "level",
            "level_display",
            "federation_kind",
            "sector",
            "grassroots_type",
            "region_code",
            "chair_name",
            "founded_on",
            "status",
            "dissolved_on",
            "depth",
            "parent",
            "parent_id",
            "term_years",
            "last_election_on",
            "next_election_due",
        ]
        read_only_fields = [
            "status",
            "dissolved_on",
            "depth",
            "term_years",
            "last_election_on",
            "next_election_due",
        ]

    def get_parent_id(self, org) -> int | None:
        if org.depth <= 1:
            return None
        parent = self.context.get("parents", {}).get(org.path[: -Org.steplen])
        return parent if parent is not None else Org.objects.get_parent(org).pk


class OrgMoveSerializer(ScopedSerializerMixin, serializers.Serializer):
    parent = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())


class OrgDissolveSerializer(serializers.Serializer):
    on = serializers.DateField()
    reason = serializers.CharField(max_length=200)


class OrgViewSet(ScopedWritableViewSet):
    """Organisations of the caller's scope. Orgs are never deleted: dissolve them."""

    queryset = Org.objects.all()
    serializer_class = OrgSerializer
    filterset_class = OrgFilterSet
    ordering_fields = ["name", "code", "level", "path", "founded_on", "next_election_due"]
    ordering = ["path"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "list":
            page = getattr(self, "_page_paths", None)
            if page:
                context["parents"] = dict(
                    Org.objects.filter(path__in=page).values_list("path", "pk")
                )
        return context

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            self._page_paths = {org.path[: -Org.steplen] for org in page if org.depth > 1}
        return page

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        parent = data.pop("parent", None)
        serializer.instance = actions.org_create(actor=self.request.user, parent=parent, data=data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("parent", None)
        serializer.instance = actions.org_update(
            actor=self.request.user, org=serializer.instance, data=data
        )

    @extend_schema(request=OrgMoveSerializer, responses=OrgSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        org = self.get_object()
        payload = OrgMoveSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        org = actions.org_move(
            actor=request.user, org=org, new_parent=payload.validated_data["parent"]
        )
        return Response(OrgSerializer(org, context=self.get_serializer_context()).data)

    @extend_schema(request=OrgDissolveSerializer, responses=OrgSerializer)
    @action(detail=True, methods=["post"])
    def dissolve(self, request, pk=None):
        org = self.get_object()
        payload = OrgDissolveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        org = actions.org_dissolve(actor=request.user, org=org, **payload.validated_data)
        return Response(OrgSerializer(org, context=self.get_serializer_context()).data)

    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="First day of the period"),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Last day of the period"),
            OpenApiParameter(
                "refresh", OpenApiTypes.INT, description="1: recompute the snapshot now"
            ),
        ],
        responses=OpenApiResponse(
            description=str(
                _(
                    "Figures of the org's subtree: the sections of the org page, and under "
                    "'figures' every registered figure of the period (this year so far "
                    "when no period is given), all as of 'computed_at'"
                )
            )
        ),
    )
    @action(detail=True, methods=["get"])
    def stats(self, request, pk=None):
        from reports.api import stats_payload

        org = self.get_object()
        try:
            payload = stats_payload(org, request.query_params)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return Response({"org": org.pk, **payload})


class EnterpriseSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    territory = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    covering_union = serializers.PrimaryKeyRelatedField(
        queryset=Org.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Enterprise
        fields = ["id", *actions.ENTERPRISE_FIELDS, "status"]
        read_only_fields = ["status"]
        extra_kwargs = {"uscc": {"validators": []}}


class EnterpriseViewSet(ScopedWritableViewSet):
    queryset = Enterprise.objects.all()
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilterSet
    ordering_fields = ["name", "employee_count", "uscc"]
    ordering = ["name"]

    def perform_create(self, serializer):
        serializer.instance = actions.enterprise_create(
            actor=self.request.user, data=dict(serializer.validated_data)
        )

    def perform_update(self, serializer):
        serializer.instance = actions.enterprise_update(
            actor=self.request.user,
            enterprise=serializer.instance,
            data=dict(serializer.validated_data),
        )
