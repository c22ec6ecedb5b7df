from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("reports/", views.ReportDraftListView.as_view(), name="draft-list"),
    path("reports/new/", views.ReportCreateView.as_view(), name="draft-create"),
    path("reports/<int:pk>/", views.ReportDraftDetailView.as_view(), name="draft-detail"),
    path("reports/<int:pk>/download/", views.ReportDownloadView.as_view(), name="draft-download"),
]
