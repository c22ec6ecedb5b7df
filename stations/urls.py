from django.urls import path

from stations import views

app_name = "stations"

urlpatterns = [
    path("stations/", views.StationListView.as_view(), name="list"),
    path("stations/new/", views.StationCreateView.as_view(), name="create"),
    path("stations/reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("stations/coverage/", views.CoverageListView.as_view(), name="coverage"),
    path("stations/coverage/set/", views.DistrictAreaSetView.as_view(), name="area-set"),
    path(
        "stations/coverage/<int:pk>/",
        views.CoverageDetailView.as_view(),
        name="coverage-detail",
    ),
    path("stations/<int:pk>/", views.StationDetailView.as_view(), name="detail"),
    path("stations/<int:pk>/edit/", views.StationEditView.as_view(), name="edit"),
    path("stations/<int:pk>/status/", views.StationStatusView.as_view(), name="status"),
    path("stations/<int:pk>/review/", views.StationReviewView.as_view(), name="review"),
    path("stations/<int:pk>/qr/", views.StationQrView.as_view(), name="qr"),
    path("stations/<int:pk>/photos/add/", views.StationPhotoAddView.as_view(), name="photo-add"),
    path(
        "stations/photos/<int:pk>/remove/",
        views.StationPhotoRemoveView.as_view(),
        name="photo-remove",
    ),
    path("m/stations/photos/<int:pk>/", views.PhotoView.as_view(), name="photo"),
    # Worker pages: public, every open station.
    path("m/stations/", views.NearestView.as_view(), name="m-nearest"),
    path("m/stations/<str:code>/", views.PublicStationView.as_view(), name="m-detail"),
    path("m/stations/<str:code>/checkin/", views.CheckInView.as_view(), name="m-checkin"),
]
