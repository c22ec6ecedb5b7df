from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api.viewsets import ScopedSerializerMixin, ScopedWritableViewSet
from core.throttles import ClientRateThrottle
from orgs.models import Enterprise, Org
from stations import actions, selectors
from stations.choices import FACILITIES
from stations.filtersets import PublicStationFilterSet, StationFilterSet
from stations.geo import parse_point
from stations.models import Station

FACILITY_FIELDS = [f"has_{code}" for code, _label in FACILITIES]
NEAR_PARAMETERS = [
    OpenApiParameter(
        "near",
        OpenApiTypes.STR,
        description="lat,lng (WGS-84 degrees): nearest first, with distance_m",
    ),
    OpenApiParameter("radius", OpenApiTypes.INT, description="metres (default 50000)"),
]


class DistanceMixin(serializers.Serializer):
    distance_m = serializers.SerializerMethodField()

    def get_distance_m(self, obj) -> int | None:
        distance = getattr(obj, "distance_m", None)
        return None if distance is None else round(distance)


class StationSerializer(ScopedSerializerMixin, DistanceMixin, serializers.ModelSerializer):
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )
    org_name = serializers.CharField(source="org.name", read_only=True)

    class Meta:
        model = Station
        fields = [
            "id",
            "code",
            "name",
            "org",
            "org_name",
            "enterprise",
            "address",
            "latitude",
            "longitude",
            "opening_hours",
            "open_24h",
            "phone",
            "area_sqm",
            "seats",
            *FACILITY_FIELDS,
            "stars",
            "status",
            "opened_on",
            "distance_m",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["code", "stars", "status", "created_at", "updated_at"]


class PublicStationSerializer(DistanceMixin, serializers.ModelSerializer):
    """What anyone may read about an open station."""

    host = serializers.CharField(source="org.name", read_only=True)
    facilities = serializers.SerializerMethodField()

    class Meta:
        model = Station
        fields = [
            "code",
            "name",
            "host",
            "address",
            "latitude",
            "longitude",
            "opening_hours",
            "open_24h",
            "phone",
            "facilities",
            "stars",
            "distance_m",
        ]

    def get_facilities(self, obj) -> list[str]:
        return [code for code, _label in obj.facilities]


def _near(request):
    text = request.query_params.get("near")
    if not text:
        return None, None
    point = parse_point(text)
    if point is None:
        raise exceptions.ValidationError({"near": [_("Give the position as lat,lng.")]})
    try:
        radius = int(request.query_params.get("radius") or 0) or None
    except ValueError as error:
        raise exceptions.ValidationError({"radius": [_("Give the radius in metres.")]}) from error
    return point, radius


class NearMixin:
    """``?near=lat,lng``: the list in order of true distance (within ``radius`` metres),
    each row with ``distance_m``."""

    def list(self, request, *args, **kwargs):
        point, radius = _near(request)
        if point is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        max_radius = min(radius or 50_000, 50_000)
        rows = []
        for item in selectors.within(queryset, point[0], point[1], max_radius):
            item.station.distance_m = item.distance_m
            rows.append(item.station)
        page = self.paginate_queryset(rows)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)


@extend_schema_view(list=extend_schema(parameters=NEAR_PARAMETERS))
class StationViewSet(NearMixin, ScopedWritableViewSet):
    """Stations hosted by the caller's unions (register, edit); ``?near=`` orders by
    distance. Workers' reads of every open station are at ``public-stations/``."""

    queryset = Station.objects.select_related("org")
    serializer_class = StationSerializer
    filterset_class = StationFilterSet
    ordering_fields = ["code", "name", "stars"]
    ordering = ["code"]

    def _data(self, serializer):
        return {
            name: value
            for name, value in serializer.validated_data.items()
            if name in actions.STATION_FIELDS
        }

    def perform_create(self, serializer):
        serializer.instance = actions.station_create(
            actor=self.request.user, data=self._data(serializer)
        )

    def perform_update(self, serializer):
        station = serializer.instance
        data = {name: getattr(station, name) for name in actions.STATION_FIELDS}
        data.update(self._data(serializer))
        serializer.instance = actions.station_update(
            actor=self.request.user, station=station, data=data
        )


class CheckInResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    counted = serializers.BooleanField(help_text="false: a repeat scan within the interval")
    visited_at = serializers.DateTimeField()


@extend_schema_view(list=extend_schema(parameters=NEAR_PARAMETERS))
class PublicStationViewSet(NearMixin, viewsets.ReadOnlyModelViewSet):
    """Every open station, for workers and other apps, no login: ``?near=lat,lng`` gives
    the nearest by true distance; ``{code}/checkin/`` records a visit."""

    queryset = selectors.public_stations()
    serializer_class = PublicStationSerializer
    filterset_class = PublicStationFilterSet
    permission_classes = [AllowAny]
    authentication_classes = []
    lookup_field = "code"
    ordering_fields = ["code", "name", "stars"]
    ordering = ["code"]

    def get_throttles(self):
        scope = "station_checkin" if self.action == "checkin" else "public_stations"
        return [ClientRateThrottle(scope)]

    @extend_schema(request=None, responses=CheckInResultSerializer)
    @action(detail=True, methods=["post"])
    def checkin(self, request, code=None):
        station = self.get_object()
        throttle = ClientRateThrottle("station_checkin")
        client = "|".join((throttle.get_ident(request), request.headers.get("User-Agent", "")))
        try:
            visit, created = actions.station_check_in(station=station, client=client)
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"detail": error.messages}) from error
        return Response({"code": station.code, "counted": created, "visited_at": visit.visited_at})
