from django.urls import path

from honours import views

app_name = "honours"

urlpatterns = [
    path("honours/programmes/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("honours/programmes/new/", views.ProgrammeCreateView.as_view(), name="programme-create"),
    path(
        "honours/programmes/<int:pk>/",
        views.ProgrammeDetailView.as_view(),
        name="programme-detail",
    ),
    path(
        "honours/programmes/<int:pk>/edit/",
        views.ProgrammeUpdateView.as_view(),
        name="programme-update",
    ),
    path("honours/programmes/<int:pk>/quota/", views.QuotaView.as_view(), name="programme-quota"),
    path(
        "honours/programmes/<int:pk>/notice/",
        views.ProgrammeNoticeView.as_view(),
        name="programme-notice",
    ),
    path("honours/nominations/", views.NominationListView.as_view(), name="nomination-list"),
    path(
        "honours/nominations/new/",
        views.NominationCreateView.as_view(),
        name="nomination-create",
    ),
    path(
        "honours/nominations/<int:pk>/",
        views.NominationDetailView.as_view(),
        name="nomination-detail",
    ),
    path(
        "honours/nominations/<int:pk>/submit/",
        views.NominationSubmitView.as_view(),
        name="nomination-submit",
    ),
    path(
        "honours/nominations/<int:pk>/forward/",
        views.NominationForwardView.as_view(),
        name="nomination-forward",
    ),
    path(
        "honours/nominations/<int:pk>/reject/",
        views.NominationRejectView.as_view(),
        name="nomination-reject",
    ),
    path(
        "honours/nominations/<int:pk>/withdraw/",
        views.NominationWithdrawView.as_view(),
        name="nomination-withdraw",
    ),
    path(
        "honours/nominations/<int:pk>/notice/",
        views.NominationNoticeView.as_view(),
        name="nomination-notice",
    ),
    path(
        "honours/nominations/<int:pk>/objection/",
        views.ObjectionCreateView.as_view(),
        name="objection-create",
    ),
    path(
        "honours/nominations/<int:pk>/approve/",
        views.NominationApproveView.as_view(),
        name="nomination-approve",
    ),
    path(
        "honours/nominations/<int:pk>/award/",
        views.NominationAwardView.as_view(),
        name="nomination-award",
    ),
    path(
        "honours/objections/<int:pk>/resolve/",
        views.ObjectionResolveView.as_view(),
        name="objection-resolve",
    ),
    path("honours/model-workers/", views.ModelWorkerListView.as_view(), name="model-worker-list"),
    path(
        "honours/model-workers/new/",
        views.ModelWorkerCreateView.as_view(),
        name="model-worker-create",
    ),
    path(
        "honours/model-workers/<int:pk>/",
        views.ModelWorkerDetailView.as_view(),
        name="model-worker-detail",
    ),
    path(
        "honours/model-workers/<int:pk>/edit/",
        views.ModelWorkerUpdateView.as_view(),
        name="model-worker-update",
    ),
    path(
        "honours/model-workers/<int:pk>/title/",
        views.TitleCreateView.as_view(),
        name="title-create",
    ),
    path(
        "honours/model-workers/<int:pk>/care/",
        views.CareCreateView.as_view(),
        name="care-create",
    ),
    path("honours/titles/", views.TitleListView.as_view(), name="title-list"),
    path("honours/care/", views.CareListView.as_view(), name="care-list"),
    path("honours/pick/orgs/", views.OrgPickView.as_view(), name="org-pick"),
]
