from django.urls import path

from assistance import views, views_member

app_name = "assistance"

urlpatterns = [
    path("assistance/files/", views.FileListView.as_view(), name="file-list"),
    path("assistance/files/new/", views.FileCreateView.as_view(), name="file-create"),
    path("assistance/files/review/", views.ReviewTodoView.as_view(), name="file-review-todo"),
    path("assistance/files/<int:pk>/", views.FileDetailView.as_view(), name="file-detail"),
    path(
        "assistance/files/<int:pk>/household/",
        views.HouseholdAddView.as_view(),
        name="household-add",
    ),
    path(
        "assistance/files/<int:pk>/household/remove/",
        views.HouseholdRemoveView.as_view(),
        name="household-remove",
    ),
    path("assistance/files/<int:pk>/verify/", views.FileVerifyView.as_view(), name="file-verify"),
    path(
        "assistance/files/<int:pk>/publicize/",
        views.FilePublicizeView.as_view(),
        name="file-publicize",
    ),
    path(
        "assistance/files/<int:pk>/approve/", views.FileApproveView.as_view(), name="file-approve"
    ),
    path("assistance/files/<int:pk>/reject/", views.FileRejectView.as_view(), name="file-reject"),
    path("assistance/files/<int:pk>/review/", views.FileReviewView.as_view(), name="file-review"),
    path("assistance/files/<int:pk>/close/", views.FileCloseView.as_view(), name="file-close"),
    path("assistance/records/", views.RecordListView.as_view(), name="record-list"),
    path("assistance/records/new/", views.RecordCreateView.as_view(), name="record-create"),
    path("assistance/records/<int:pk>/", views.RecordDetailView.as_view(), name="record-detail"),
    path("assistance/campaigns/", views.CampaignListView.as_view(), name="campaign-list"),
    path("assistance/campaigns/new/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path(
        "assistance/campaigns/<int:pk>/",
        views.CampaignDetailView.as_view(),
        name="campaign-detail",
    ),
    path(
        "assistance/campaigns/<int:pk>/close/",
        views.CampaignCloseView.as_view(),
        name="campaign-close",
    ),
    path("assistance/funds/", views.FundListView.as_view(), name="fund-list"),
    path("assistance/funds/<int:pk>/", views.FundDetailView.as_view(), name="fund-detail"),
    path(
        "assistance/funds/<int:pk>/allocate/",
        views.FundAllocateView.as_view(),
        name="fund-allocate",
    ),
    path("assistance/funds/<int:pk>/pay/", views.FundPayView.as_view(), name="fund-pay"),
    # Worker pages (phone).
    path("m/assistance/", views_member.MyAssistanceView.as_view(), name="m-mine"),
    path("m/assistance/apply/", views_member.ApplyView.as_view(), name="m-apply"),
]
