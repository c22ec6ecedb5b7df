"""Cadre pages of the stations (registry, reviews, coverage gaps) and the worker pages
(nearest stations, a station, check-in from its QR code). The worker pages need no login
and show every open station, whoever hosts it; the cadre pages are scoped as usual."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from core.choices import Action
from core.exports import xlsx_response
from core.tables import Column
from core.throttles import ClientRateThrottle
from core.uploads import file_response
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)
from portal.auth import current_member
from stations import actions, selectors
from stations.choices import FACILITIES, StationStatus
from stations.filtersets import DistrictAreaFilterSet, ReviewFilterSet, StationFilterSet
from stations.forms import (
    DistrictAreaForm,
    NearForm,
    StationForm,
    StationPhotoForm,
    StationReviewForm,
    StationStatusForm,
)
from stations.models import DistrictArea, Station, StationPhoto, StationReview
from stations.tables import AREA_COLUMNS, STATION_COLUMNS

VISIT_WINDOW_DAYS = 365
NEAREST_LIMIT = 10


def qr_svg(url: str, scale: int = 5) -> str:
    # segno writes the SVG itself from the URL; nothing user-typed goes in unescaped.
    return mark_safe(segno.make(url, error="m").svg_inline(scale=scale, border=2, dark="#1d273b"))


def check_in_url(request, station: Station) -> str:
    return request.build_absolute_uri(reverse("stations:m-checkin", args=[station.code]))


def map_settings() -> dict:
    return {
        "tile_url": settings.GONGHUI["MAP_TILE_URL"],
        "attribution": settings.GONGHUI["MAP_TILE_ATTRIBUTION"],
    }


# --- cadre pages ---------------------------------------------------------------------------


class StationListView(ObjectListView):
    model = Station
    filterset_class = StationFilterSet
    columns = STATION_COLUMNS
    title = gettext_lazy("Outdoor-worker stations")
    export_name = "户外劳动者服务站点"
    create_url_name = "stations:create"
    default_sort = ("code",)
    template_name = "stations/station_list.html"

    def base_queryset(self):
        return Station.objects.select_related("org").annotate(
            visit_count=selectors.recent_visit_count(VISIT_WINDOW_DAYS)
        )


class StationDetailView(ObjectDetailView):
    model = Station
    template_name = "stations/station_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("reviews", gettext_lazy("Star reviews")),
        ("visits", gettext_lazy("Visits")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Station.objects.select_related("org", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        station = self.object
        context["can_change"] = (
            Station.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=station.pk)
            .exists()
        )
        context["qr_svg"] = qr_svg(check_in_url(self.request, station), scale=4)
        context["check_in_url"] = check_in_url(self.request, station)
        context["photos"] = list(station.photos.all())
        if context["tab"] == "reviews":
            context["reviews"] = station.reviews.select_related("reviewed_by")
        if context["tab"] == "visits":
            context["visits_by_month"] = selectors.visits_by_month(station)
        return context


class StationQrView(ScopedMixin, View):
    """A printable poster: the station's name, code and the QR code workers scan."""

    model = Station

    def get(self, request, pk):
        station = self.get_scoped_object(pk)
        url = check_in_url(request, station)
        context = {"station": station, "qr_svg": qr_svg(url, scale=10), "url": url}
        return render(request, "stations/station_qr.html", context)


class StationPhotoAddView(ScopedObjectFormView):
    model = Station
    form_class = StationPhotoForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Add a photo of %(station)s") % {"station": self.object}
        return context

    def perform(self, form):
        actions.station_photo_add(
            actor=self.request.user,
            station=self.object,
            upload=form.cleaned_data["image"],
            caption=form.cleaned_data["caption"],
        )
        return self.object

    @property
    def success_message(self):
        return _("The photo was added.")


class StationPhotoRemoveView(ScopedMixin, View):
    model = StationPhoto
    scope_action = Action.CHANGE

    def post(self, request, pk):
        photo = self.get_scoped_object(pk)
        station = photo.station
        actions.station_photo_remove(actor=request.user, photo=photo)
        messages.success(request, _("The photo was removed."))
        return redirect(station.get_absolute_url())


class PhotoView(View):
    """A station's photo, for anyone while the station is listed (public pages show it)."""

    def get(self, request, pk):
        photo = (
            StationPhoto.objects.select_related("station")
            .exclude(station__status=StationStatus.REMOVED)
            .filter(pk=pk)
            .first()
        )
        if photo is None:
            raise Http404(_("Not found."))
        response = file_response(photo.image, content_type=photo.content_type)
        response["Cache-Control"] = "public, max-age=86400"
        return response


class StationCreateView(ActionFormView):
    form_class = StationForm
    title = gettext_lazy("Register a station")

    def get_initial(self):
        return {"org": self.request.GET.get("org"), "has_water": True, "has_rest": True}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("stations:list")
        return context

    def perform(self, form):
        return actions.station_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The station was registered with code %(code)s.") % {"code": self.result.code}


class StationEditView(ScopedObjectFormView):
    model = Station
    form_class = StationForm

    def get_initial(self):
        station = self.object
        names = [name for name in StationForm.base_fields] + [f"has_{c}" for c, _l in FACILITIES]
        return {name: getattr(station, name) for name in names}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(station)s") % {"station": self.object}
        return context

    def perform(self, form):
        return actions.station_update(
            actor=self.request.user, station=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The station was saved.")


class StationStatusView(ScopedObjectFormView):
    model = Station
    form_class = StationStatusForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Change the status of %(station)s") % {"station": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.station_set_status(
            actor=self.request.user, station=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The status was changed.")


class StationReviewView(ScopedObjectFormView):
    model = Station
    form_class = StationReviewForm
    template_name = "stations/review_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Yearly star review of %(station)s") % {"station": self.object}
        context["five_star_problems"] = actions.five_star_problems(self.object)
        context["cut_per_failure"] = settings.GONGHUI["STATION_STARS_CUT_PER_FAILURE"]
        return context

    def perform(self, form):
        return actions.station_review(
            actor=self.request.user, station=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The review was recorded: %(stars)s stars.") % {"stars": self.result.stars}


class ReviewListView(ObjectListView):
    """Every yearly review in scope: which stations lost stars, for what."""

    model = StationReview
    filterset_class = ReviewFilterSet
    title = gettext_lazy("Station star reviews")
    export_name = "站点星级评定"
    default_sort = ("-year", "station__code")
    columns = [
        Column("year", gettext_lazy("Year"), sort="year"),
        Column("station", gettext_lazy("Station"), sort="station__code", link=True, wrap=True),
        Column("assessed_stars", gettext_lazy("Stars assessed"), sort="assessed_stars"),
        Column(
            "failures",
            gettext_lazy("Failures found"),
            accessor=lambda r: "、".join(r.failure_labels),
            wrap=True,
        ),
        Column("stars", gettext_lazy("Stars awarded"), sort="stars"),
        Column("reviewed_on", pgettext_lazy("stations", "Reviewed on"), sort="reviewed_on"),
    ]

    def base_queryset(self):
        return StationReview.objects.select_related("station")


class CoverageListView(ObjectListView):
    """Per district: the grid over its area and how many cells have no station within the
    service radius."""

    model = DistrictArea
    filterset_class = DistrictAreaFilterSet
    columns = AREA_COLUMNS
    title = gettext_lazy("Station coverage gaps")
    export_name = "驿站覆盖盲区"
    create_url_name = "stations:area-set"
    default_sort = ("org__path",)
    template_name = "stations/coverage_list.html"
    paginate_by = 10

    def base_queryset(self):
        return DistrictArea.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["radius_m"] = settings.GONGHUI["STATION_SERVICE_RADIUS_M"]
        context["cell_m"] = settings.GONGHUI["STATION_GRID_CELL_M"]
        return context


class CoverageDetailView(ObjectDetailView):
    """One district's grid: an SVG picture (a Leaflet map when tiles are configured) and
    the table of cells without a station in reach, also as xlsx."""

    model = DistrictArea
    template_name = "stations/coverage_detail.html"
    cells_per_page = 50

    def base_queryset(self):
        return DistrictArea.objects.select_related("org")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.result = selectors.coverage(self.object)
        if request.GET.get("export") == "xlsx":
            columns = [
                Column("row", _("Row")),
                Column("col", _("Column")),
                Column("lat", _("Latitude")),
                Column("lng", _("Longitude")),
                Column("nearest_m", _("Nearest station (m)")),
                Column("nearest_code", _("Nearest station code")),
            ]
            rows = [_CellRow(cell) for cell in self.result.uncovered]
            return xlsx_response(f"{self.object.org.name}覆盖盲区", columns, rows)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = self.result
        context["coverage"] = result
        context["page"] = Paginator(result.uncovered, self.cells_per_page).get_page(
            self.request.GET.get("page")
        )
        # Cells of 6–24 px, so a small district fills the card and a county still fits.
        size = max(6, min(24, 720 // max(result.cols, 1)))
        context["svg"] = {"size": size, "width": result.cols * size, "height": result.rows * size}
        context["map"] = map_settings()
        context["stations"] = list(
            selectors.public_stations()
            .filter(
                latitude__range=(self.object.south, self.object.north),
                longitude__range=(self.object.west, self.object.east),
            )
            .values("code", "name", "latitude", "longitude")[:2000]
        )
        context["can_change"] = (
            DistrictArea.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=self.object.pk)
            .exists()
        )
        return context


class _CellRow:
    def __init__(self, cell: dict):
        self.__dict__.update(cell)


class DistrictAreaSetView(ActionFormView):
    form_class = DistrictAreaForm
    title = gettext_lazy("Area of a district")

    def get_initial(self):
        org_id = self.request.GET.get("org")
        if org_id and org_id.isdigit():
            area = DistrictArea.objects.visible_to(self.request.user).filter(org_id=org_id).first()
            if area:
                return {k: getattr(area, k) for k in ("south", "west", "north", "east")} | {
                    "org": org_id
                }
            return {"org": org_id}
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("stations:coverage")
        return context

    def perform(self, form):
        return actions.district_area_set(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The area was saved.")


# --- worker pages (no login) ------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class NearestView(View):
    """Stations nearest to the worker: the page asks the phone for its position (or the
    worker types it), the server computes the distances."""

    def get(self, request):
        form = NearForm(request.GET or None)
        found = None
        if form.is_bound and form.is_valid():
            lat, lng = form.cleaned_data["lat"], form.cleaned_data["lng"]
            found = selectors.nearest(selectors.public_stations(), lat, lng, NEAREST_LIMIT)
        context = {
            "form": form,
            "found": found,
            "title": _("Nearest rest stations"),
            "map": map_settings(),
            "markers": [
                {
                    "lat": item.station.latitude,
                    "lng": item.station.longitude,
                    "name": item.station.name,
                    "url": item.station.get_public_url(),
                    "distance": item.distance_label,
                }
                for item in found or []
            ],
            "radius_km": settings.GONGHUI["STATION_SEARCH_MAX_RADIUS_M"] // 1000,
        }
        return render(request, "stations/m_nearest.html", context)


class PublicStationView(View):
    def get(self, request, code):
        station = selectors.station_by_code(code)
        if station is None:
            raise Http404(_("Not found."))
        context = {
            "station": station,
            "photos": list(station.photos.all()),
            "title": _("Rest station"),
            "map": map_settings(),
        }
        return render(request, "stations/m_station.html", context)


@method_decorator(never_cache, name="dispatch")
class CheckInView(View):
    """What the QR code at the station's door opens: a button that records the visit
    (a GET never writes). Repeat scans within the interval count once; each client
    address is also rate-limited."""

    def get(self, request, code):
        station = selectors.station_by_code(code)
        if station is None:
            raise Http404(_("Not found."))
        return self.page(request, station)

    def post(self, request, code):
        station = selectors.station_by_code(code)
        if station is None:
            raise Http404(_("Not found."))
        throttle = ClientRateThrottle("station_checkin")
        if not throttle.allow_request(request, self):
            messages.error(request, _("Too many check-ins from your network; try again later."))
            return self.page(request, station)
        client = "|".join(
            (throttle.get_ident(request), request.headers.get("User-Agent", "")[:200])
        )
        try:
            _visit, created = actions.station_check_in(
                station=station, client=client, member=current_member(request)
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return self.page(request, station)
        return self.page(request, station, checked_in=True, created=created)

    def page(self, request, station, **extra):
        context = {"station": station, "title": _("Check in"), **extra}
        return render(request, "stations/m_checkin.html", context)
