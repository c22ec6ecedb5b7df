"""API of the statistics layer and the report drafts.

* ``GET /api/v1/orgs/{id}/stats/?from=&to=`` answers the org page's sections and every
  registered figure of the period, all from the dashboard's snapshot (``stats_payload``);
* ``POST /api/v1/reports/`` (org, from, to, outline) queues a draft and answers 202 with
  its status and links; ``GET /api/v1/reports/{id}/`` follows it; ``…/download/`` is the
  .docx once it is ready.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.viewsets import ScopedSerializerMixin, ScopedViewSetMixin
from core.choices import Action
from orgs.models import Org
from reports import actions, figures
from reports.choices import DraftStatus
from reports.models import ReportDraft
from reports.periods import Period
from reports.views import DOCX_CONTENT_TYPE, docx_response


def _json(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def stats_payload(org, params) -> dict:
    """The org page's sections of ``org``'s subtree and every registered figure of the
    period of ``from``/``to``, all from the dashboard's snapshot: ``computed_at`` says when
    the whole payload was computed, ``refresh=1`` recomputes it."""
    from reports.selectors import snapshot_for

    period = Period.parse(params.get("from"), params.get("to"), timezone.localdate())
    snapshot, _stale = snapshot_for(org, period, refresh=params.get("refresh") == "1")
    values = figures.from_json(snapshot.data["values"])
    return {
        **snapshot.data["sections"],
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "computed_at": snapshot.computed_at.isoformat(),
        "figures": {
            key: {
                "label": str(value.figure.label),
                "value": _json(value.value),
                "text": value.text(),
                "unit": str(value.figure.unit),
                "stock": value.figure.stock,
                "section": value.figure.section,
            }
            for key, value in values.items()
        },
    }


class ReportDraftSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    # "from"/"to" are Python keywords: declared as period_start/period_end, renamed below.
    org_name = serializers.CharField(source="org.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportDraft
        fields = [
            "id",
            "org",
            "org_name",
            "period_start",
            "period_end",
            "outline",
            "status",
            "status_display",
            "message",
            "download_url",
            "created_at",
            "finished_at",
        ]
        read_only_fields = ["status", "message", "created_at", "finished_at"]

    def get_download_url(self, draft) -> str | None:
        if draft.status != DraftStatus.DONE:
            return None
        request = self.context.get("request")
        url = reverse("api:report-draft-download", args=[draft.pk])
        return request.build_absolute_uri(url) if request else url

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["from"] = data.pop("period_start")
        data["to"] = data.pop("period_end")
        return data

    def to_internal_value(self, data):
        data = data.copy()
        for public, field in (("from", "period_start"), ("to", "period_end")):
            if public in data:
                data[field] = data.pop(public)
        return super().to_internal_value(data)


class ReportDraftViewSet(
    ScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Work report drafts of the user's scope. Creating one queues the drafting in the
    background (202 Accepted); poll the draft until its status is ``done``."""

    queryset = ReportDraft.objects.select_related("org").defer("content")
    serializer_class = ReportDraftSerializer
    filterset_fields = ["org", "status"]
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]

    def scope_action(self):
        # Drafting reads figures: whoever may view an org may draft its report.
        return Action.VIEW

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            period = Period.parse(
                data["period_start"].isoformat(),
                data["period_end"].isoformat(),
                timezone.localdate(),
            )
            draft = actions.report_request(
                actor=request.user, org=data["org"], period=period, outline=data.get("outline", "")
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        body = self.get_serializer(draft).data
        return Response(body, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        draft = self.get_object()
        if draft.status != DraftStatus.DONE:
            raise Http404(_("The draft is not ready yet."))
        return docx_response(ReportDraft.objects.get(pk=draft.pk))
