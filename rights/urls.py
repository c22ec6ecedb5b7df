from django.urls import path

from rights import portal_views, views

app_name = "rights"

urlpatterns = [
    path("tickets/", views.TicketListView.as_view(), name="ticket-list"),
    path("tickets/todo/", views.TicketTodoView.as_view(), name="ticket-todo"),
    path("tickets/new/", views.TicketCreateView.as_view(), name="ticket-create"),
    path("tickets/<int:pk>/", views.TicketDetailView.as_view(), name="ticket-detail"),
    path("tickets/<int:pk>/assign/", views.TicketAssignView.as_view(), name="ticket-assign"),
    path("tickets/<int:pk>/start/", views.TicketStartView.as_view(), name="ticket-start"),
    path("tickets/<int:pk>/reply/", views.TicketReplyView.as_view(), name="ticket-reply"),
    path("tickets/<int:pk>/close/", views.TicketCloseView.as_view(), name="ticket-close"),
    path(
        "tickets/<int:pk>/reclassify/",
        views.TicketReclassifyView.as_view(),
        name="ticket-reclassify",
    ),
    path("tickets/<int:pk>/reroute/", views.TicketRerouteView.as_view(), name="ticket-reroute"),
    path("tickets/<int:pk>/transfer/", views.TicketTransferView.as_view(), name="ticket-transfer"),
    path("tickets/<int:pk>/callback/", views.TicketCallbackView.as_view(), name="ticket-callback"),
    path(
        "tickets/<int:pk>/reveal-phone/",
        views.TicketPhoneRevealView.as_view(),
        name="ticket-reveal-phone",
    ),
    path("legal-aid/", views.LegalAidListView.as_view(), name="legal-aid-list"),
    path("legal-aid/new/", views.LegalAidCreateView.as_view(), name="legal-aid-create"),
    path("legal-aid/<int:pk>/", views.LegalAidDetailView.as_view(), name="legal-aid-detail"),
    path("legal-aid/<int:pk>/accept/", views.LegalAidAcceptView.as_view(), name="legal-aid-accept"),
    path("legal-aid/<int:pk>/reject/", views.LegalAidRejectView.as_view(), name="legal-aid-reject"),
    path("legal-aid/<int:pk>/assign/", views.LegalAidAssignView.as_view(), name="legal-aid-assign"),
    path(
        "legal-aid/<int:pk>/progress/",
        views.LegalAidProgressView.as_view(),
        name="legal-aid-progress",
    ),
    path(
        "legal-aid/<int:pk>/conclude/",
        views.LegalAidConcludeView.as_view(),
        name="legal-aid-conclude",
    ),
    path(
        "legal-aid/<int:pk>/reveal-phone/",
        views.LegalAidPhoneRevealView.as_view(),
        name="legal-aid-reveal-phone",
    ),
    path("lawyers/", views.LawyerListView.as_view(), name="lawyer-list"),
    path("lawyers/new/", views.LawyerCreateView.as_view(), name="lawyer-create"),
    path("lawyers/<int:pk>/", views.LawyerDetailView.as_view(), name="lawyer-detail"),
    path("lawyers/<int:pk>/edit/", views.LawyerEditView.as_view(), name="lawyer-edit"),
    path("disputes/", views.DisputeListView.as_view(), name="dispute-list"),
    path("disputes/new/", views.DisputeCreateView.as_view(), name="dispute-create"),
    path("disputes/<int:pk>/", views.DisputeDetailView.as_view(), name="dispute-detail"),
    path("disputes/<int:pk>/session/", views.DisputeSessionView.as_view(), name="dispute-session"),
    path("disputes/<int:pk>/close/", views.DisputeCloseView.as_view(), name="dispute-close"),
    path("m/rights/", portal_views.RightsHomeView.as_view(), name="m-home"),
    path("m/rights/complaint/", portal_views.ComplaintView.as_view(), name="m-complaint"),
    path("m/rights/legal-aid/", portal_views.LegalAidApplyView.as_view(), name="m-legal-aid"),
    path("m/rights/follow/", portal_views.FollowView.as_view(), name="m-follow"),
    path(
        "m/rights/mine/<str:kind>/<int:number>/",
        portal_views.MyTicketView.as_view(),
        name="m-mine",
    ),
]
