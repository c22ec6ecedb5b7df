from django.urls import path

from grassroots import member_views, views

app_name = "grassroots"

urlpatterns = [
    path("venues/", views.VenueListView.as_view(), name="venue-list"),
    path("venues/new/", views.VenueCreateView.as_view(), name="venue-create"),
    path("venues/<int:pk>/", views.VenueDetailView.as_view(), name="venue-detail"),
    path("venues/<int:pk>/edit/", views.VenueEditView.as_view(), name="venue-edit"),
    path("bookings/", views.BookingListView.as_view(), name="booking-list"),
    path("bookings/new/", views.BookingCreateView.as_view(), name="booking-create"),
    path("bookings/<int:pk>/", views.BookingDetailView.as_view(), name="booking-detail"),
    path("bookings/<int:pk>/cancel/", views.BookingCancelView.as_view(), name="booking-cancel"),
    path("bookings/<int:pk>/use/", views.BookingUseView.as_view(), name="booking-use"),
    path("homes/programmes/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("homes/programmes/new/", views.ProgrammeCreateView.as_view(), name="programme-create"),
    path(
        "homes/programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme-detail"
    ),
    path(
        "homes/programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme-edit"
    ),
    path(
        "homes/programmes/<int:pk>/join/",
        views.EvaluationStartView.as_view(),
        name="programme-join",
    ),
    path("homes/", views.EvaluationListView.as_view(), name="evaluation-list"),
    path("homes/<int:pk>/", views.EvaluationDetailView.as_view(), name="evaluation-detail"),
    path("homes/<int:pk>/assess/", views.SelfAssessView.as_view(), name="evaluation-assess"),
    path(
        "homes/<int:pk>/evidence/", views.EvidenceUploadView.as_view(), name="evaluation-evidence"
    ),
    path("homes/<int:pk>/submit/", views.EvaluationSubmitView.as_view(), name="evaluation-submit"),
    path("homes/<int:pk>/review/", views.EvaluationReviewView.as_view(), name="evaluation-review"),
    path(
        "homes/<int:pk>/conclude/",
        views.EvaluationConcludeView.as_view(),
        name="evaluation-conclude",
    ),
    path(
        "homes/<int:pk>/rereview/",
        views.EvaluationReReviewView.as_view(),
        name="evaluation-rereview",
    ),
    path(
        "homes/evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence-download"
    ),
    path(
        "homes/evidence/<int:pk>/remove/",
        views.EvidenceRemoveView.as_view(),
        name="evidence-remove",
    ),
    path("report-forms/", views.TemplateListView.as_view(), name="form-list"),
    path("report-forms/new/", views.TemplateCreateView.as_view(), name="form-create"),
    path("report-forms/<int:pk>/", views.TemplateDetailView.as_view(), name="form-detail"),
    path("report-forms/<int:pk>/edit/", views.TemplateEditView.as_view(), name="form-edit"),
    path("tasks/", views.TaskListView.as_view(), name="task-list"),
    path("tasks/new/", views.TaskCreateView.as_view(), name="task-create"),
    path("tasks/<int:pk>/", views.TaskDetailView.as_view(), name="task-detail"),
    path("tasks/<int:pk>/remind/", views.TaskRemindView.as_view(), name="task-remind"),
    path("tasks/<int:pk>/close/", views.TaskCloseView.as_view(), name="task-close"),
    path("tasks/<int:pk>/export/", views.TaskExportView.as_view(), name="task-export"),
    path("task-reports/", views.ReportListView.as_view(), name="report-list"),
    path("task-reports/<int:pk>/", views.ReportDetailView.as_view(), name="report-detail"),
    path("task-reports/<int:pk>/fill/", views.ReportFillView.as_view(), name="report-fill"),
    path("task-reports/<int:pk>/return/", views.ReportReturnView.as_view(), name="report-return"),
    path(
        "task-reports/<int:pk>/forward/", views.ReportForwardView.as_view(), name="report-forward"
    ),
    path("task-reports/files/<int:pk>/", views.ReportFileView.as_view(), name="report-file"),
    # Worker pages (phone): members book venues open to their union.
    path("m/venues/", member_views.MemberVenueListView.as_view(), name="m-venues"),
    path("m/venues/<int:pk>/", member_views.MemberVenueDayView.as_view(), name="m-venue-day"),
    path(
        "m/bookings/<int:pk>/cancel/",
        member_views.MemberBookingCancelView.as_view(),
        name="m-booking-cancel",
    ),
]
