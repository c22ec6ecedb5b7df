from django.urls import path

from services import member_views, views

app_name = "services"

urlpatterns = [
    path("services/", views.ServiceListView.as_view(), name="list"),
    path("services/new/", views.ServiceCreateView.as_view(), name="create"),
    path("services/<int:pk>/", views.ServiceDetailView.as_view(), name="detail"),
    path("services/<int:pk>/edit/", views.ServiceEditView.as_view(), name="edit"),
    path("services/pick/", views.ServicePickView.as_view(), name="pick"),
    path("service-requests/", views.RequestListView.as_view(), name="request-list"),
    path("service-requests/new/", views.RequestRecordView.as_view(), name="request-record"),
    path("service-requests/<int:pk>/", views.RequestDetailView.as_view(), name="request-detail"),
    path(
        "service-requests/<int:pk>/accept/",
        views.RequestAcceptView.as_view(),
        name="request-accept",
    ),
    path(
        "service-requests/<int:pk>/start/", views.RequestStartView.as_view(), name="request-start"
    ),
    path(
        "service-requests/<int:pk>/complete/",
        views.RequestCompleteView.as_view(),
        name="request-complete",
    ),
    path(
        "service-requests/<int:pk>/reject/",
        views.RequestRejectView.as_view(),
        name="request-reject",
    ),
    path("practical-projects/", views.ProjectListView.as_view(), name="project-list"),
    path("practical-projects/new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("practical-projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("practical-projects/<int:pk>/edit/", views.ProjectEditView.as_view(), name="project-edit"),
    path(
        "practical-projects/<int:pk>/progress/",
        views.ProjectProgressView.as_view(),
        name="project-progress",
    ),
    path(
        "practical-projects/<int:pk>/milestones/new/",
        views.MilestoneAddView.as_view(),
        name="milestone-add",
    ),
    path(
        "practical-projects/milestones/<int:pk>/reached/",
        views.MilestoneReachView.as_view(),
        name="milestone-reach",
    ),
    # The member's pages (worker portal).
    path("m/services/", member_views.CatalogueView.as_view(), name="m-catalogue"),
    path("m/services/<int:pk>/", member_views.ServiceView.as_view(), name="m-service"),
    path("m/requests/", member_views.MyRequestsView.as_view(), name="m-requests"),
    path("m/requests/<int:pk>/", member_views.MyRequestView.as_view(), name="m-request"),
    path("m/requests/<int:pk>/rate/", member_views.RateView.as_view(), name="m-rate"),
    path("m/requests/<int:pk>/withdraw/", member_views.WithdrawView.as_view(), name="m-withdraw"),
]
