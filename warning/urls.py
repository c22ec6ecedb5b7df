from django.urls import path

from warning import views

app_name = "warning"

urlpatterns = [
    path("risk/", views.RiskListView.as_view(), name="risk-list"),
    path("risk/<int:pk>/", views.RiskDetailView.as_view(), name="risk-detail"),
    path("risk/model/", views.RiskModelView.as_view(), name="model"),
    path("risk/model/edit/", views.RiskModelEditView.as_view(), name="model-edit"),
    path("risk-signals/", views.SignalListView.as_view(), name="signal-list"),
    path("risk-signals/new/", views.SignalCreateView.as_view(), name="signal-create"),
    path("risk-signals/<int:pk>/", views.SignalDetailView.as_view(), name="signal-detail"),
    path(
        "risk-signals/<int:pk>/resolve/", views.SignalResolveView.as_view(), name="signal-resolve"
    ),
    path("alerts/", views.AlertListView.as_view(), name="alert-list"),
    path("alerts/<int:pk>/", views.AlertDetailView.as_view(), name="alert-detail"),
    path("alerts/<int:pk>/verify/", views.AlertVerifyView.as_view(), name="alert-verify"),
    path("alerts/<int:pk>/handle/", views.AlertHandleView.as_view(), name="alert-handle"),
    path("alerts/<int:pk>/resolve/", views.AlertResolveView.as_view(), name="alert-resolve"),
    path("alerts/<int:pk>/escalate/", views.AlertEscalateView.as_view(), name="alert-escalate"),
    path("campaigns/", views.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/new/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path("campaigns/<int:pk>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("campaigns/<int:pk>/close/", views.CampaignCloseView.as_view(), name="campaign-close"),
    path("inspections/", views.InspectionListView.as_view(), name="inspection-list"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="inspection-detail"),
    path(
        "inspections/<int:pk>/record/",
        views.InspectionRecordView.as_view(),
        name="inspection-record",
    ),
]
