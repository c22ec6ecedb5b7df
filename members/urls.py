from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("members/", views.MemberListView.as_view(), name="list"),
    path("members/new/", views.MemberCreateView.as_view(), name="create"),
    path("members/<int:pk>/", views.MemberDetailView.as_view(), name="detail"),
    path("members/<int:pk>/edit/", views.MemberUpdateView.as_view(), name="update"),
    path("members/<int:pk>/status/", views.MemberStatusView.as_view(), name="status"),
    path("members/<int:pk>/reveal/", views.MemberRevealView.as_view(), name="reveal"),
    path("members/<int:pk>/transfer/", views.TransferRequestView.as_view(), name="transfer"),
    path("transfers/", views.TransferListView.as_view(), name="transfer-list"),
    path("transfers/<int:pk>/", views.TransferDetailView.as_view(), name="transfer-detail"),
    path(
        "transfers/<int:pk>/accept/",
        views.TransferDecisionView.as_view(decision="accept"),
        name="transfer-accept",
    ),
    path(
        "transfers/<int:pk>/reject/",
        views.TransferDecisionView.as_view(decision="reject"),
        name="transfer-reject",
    ),
    path(
        "transfers/<int:pk>/cancel/",
        views.TransferDecisionView.as_view(decision="cancel"),
        name="transfer-cancel",
    ),
    path("join-applications/", views.JoinApplicationListView.as_view(), name="join-list"),
    path(
        "join-applications/<int:pk>/",
        views.JoinApplicationDetailView.as_view(),
        name="join-detail",
    ),
    path(
        "join-applications/<int:pk>/approve/",
        views.JoinDecisionView.as_view(decision="approve"),
        name="join-approve",
    ),
    path(
        "join-applications/<int:pk>/reject/",
        views.JoinDecisionView.as_view(decision="reject"),
        name="join-reject",
    ),
]
