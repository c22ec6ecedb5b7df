from django.urls import path

from employment import views

app_name = "employment"

urlpatterns = [
    path("jobs/", views.JobListView.as_view(), name="job-list"),
    path("jobs/new/", views.JobCreateView.as_view(), name="job-create"),
    path("jobs/applications/", views.ApplicationListView.as_view(), name="application-list"),
    path(
        "jobs/applications/<int:pk>/decide/",
        views.ApplicationDecideView.as_view(),
        name="application-decide",
    ),
    path("jobs/<int:pk>/", views.JobDetailView.as_view(), name="job-detail"),
    path("jobs/<int:pk>/edit/", views.JobEditView.as_view(), name="job-edit"),
    path("jobs/<int:pk>/status/", views.JobStatusView.as_view(), name="job-status"),
    path("job-fairs/", views.FairListView.as_view(), name="fair-list"),
    path("job-fairs/new/", views.FairCreateView.as_view(), name="fair-create"),
    path("job-fairs/<int:pk>/", views.FairDetailView.as_view(), name="fair-detail"),
    path("job-fairs/<int:pk>/edit/", views.FairEditView.as_view(), name="fair-edit"),
    path("job-fairs/<int:pk>/status/", views.FairStatusView.as_view(), name="fair-status"),
    path(
        "job-fairs/<int:pk>/enterprises/add/",
        views.FairEnterpriseAddView.as_view(),
        name="fair-enterprise-add",
    ),
    path(
        "job-fairs/<int:pk>/enterprises/remove/",
        views.FairEnterpriseRemoveView.as_view(),
        name="fair-enterprise-remove",
    ),
    path("employment-aid/", views.AidListView.as_view(), name="aid-list"),
    path("employment-aid/new/", views.AidCreateView.as_view(), name="aid-create"),
    path("employment-aid/<int:pk>/", views.AidDetailView.as_view(), name="aid-detail"),
    path("employment-aid/<int:pk>/help/", views.AidHelpView.as_view(), name="aid-help"),
    path(
        "employment-aid/<int:pk>/reemployed/",
        views.AidReemployedView.as_view(),
        name="aid-reemployed",
    ),
    path("employment-aid/<int:pk>/close/", views.AidCloseView.as_view(), name="aid-close"),
    # Worker pages.
    path("m/jobs/", views.MemberJobsView.as_view(), name="m-jobs"),
    path("m/jobs/mine/", views.MemberMineView.as_view(), name="m-mine"),
    path("m/jobs/<int:pk>/", views.MemberJobView.as_view(), name="m-job"),
    path("m/jobs/<int:pk>/apply/", views.MemberApplyView.as_view(), name="m-apply"),
    path("m/job-fairs/", views.MemberFairsView.as_view(), name="m-fairs"),
    path(
        "m/job-fairs/<int:pk>/register/",
        views.MemberFairRegisterView.as_view(),
        name="m-fair-register",
    ),
]
