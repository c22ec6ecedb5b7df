from django.contrib.auth import views as auth_views
from django.urls import path

from core import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", views.AuditLogView.as_view(), name="audit-log"),
    path("healthz", views.healthz, name="healthz"),
    path("imports/", views.ImportJobListView.as_view(), name="import-list"),
    path("imports/<int:pk>/", views.ImportJobDetailView.as_view(), name="import-job"),
    path("imports/<int:pk>/report/", views.ImportReportView.as_view(), name="import-report"),
    path("imports/new/<slug:kind>/", views.ImportStartView.as_view(), name="import-start"),
    path(
        "imports/template/<slug:kind>.xlsx",
        views.ImportTemplateView.as_view(),
        name="import-template",
    ),
]
