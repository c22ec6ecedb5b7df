from django.urls import path

from contests import views

app_name = "contests"

urlpatterns = [
    path("contests/", views.ContestListView.as_view(), name="list"),
    path("contests/new/", views.ContestCreateView.as_view(), name="create"),
    path("contests/<int:pk>/", views.ContestDetailView.as_view(), name="detail"),
    path("contests/<int:pk>/edit/", views.ContestUpdateView.as_view(), name="update"),
    path("contests/<int:pk>/status/", views.ContestStatusView.as_view(), name="status"),
    path("contests/<int:pk>/stages/new/", views.StageCreateView.as_view(), name="stage-create"),
    path("contests/<int:pk>/awards/", views.ContestAwardView.as_view(), name="award"),
    path("contest-entries/", views.EntryListView.as_view(), name="entry-list"),
    path("contest-entries/new/", views.EntryCreateView.as_view(), name="entry-create"),
    path("contest-entries/<int:pk>/", views.EntryDetailView.as_view(), name="entry-detail"),
    path("contest-entries/<int:pk>/work/", views.EntryWorkView.as_view(), name="entry-work"),
    path(
        "contest-entries/<int:pk>/withdraw/",
        views.EntryWithdrawView.as_view(),
        name="entry-withdraw",
    ),
    path(
        "contest-entries/<int:pk>/nominate/",
        views.EntryNominateView.as_view(),
        name="entry-nominate",
    ),
    path("contest-stages/<int:pk>/", views.StageDetailView.as_view(), name="stage-detail"),
    path(
        "contest-stages/<int:pk>/ranking/", views.StageRankingView.as_view(), name="stage-ranking"
    ),
    path(
        "contest-stages/<int:pk>/criteria/new/",
        views.CriterionCreateView.as_view(),
        name="criterion-create",
    ),
    path(
        "contest-stages/<int:pk>/judges/new/", views.JudgeCreateView.as_view(), name="judge-create"
    ),
    path("contest-stages/<int:pk>/open/", views.StageOpenView.as_view(), name="stage-open"),
    path("contest-stages/<int:pk>/close/", views.StageCloseView.as_view(), name="stage-close"),
    path(
        "contest-criteria/<int:pk>/remove/",
        views.CriterionRemoveView.as_view(),
        name="criterion-remove",
    ),
    path("contest-judges/<int:pk>/remove/", views.JudgeRemoveView.as_view(), name="judge-remove"),
    path("judging/", views.JudgingListView.as_view(), name="judging"),
    path("judging/stages/<int:pk>/", views.JudgeSheetView.as_view(), name="judge-sheet"),
    path("judging/entries/<int:pk>/", views.ScoreEntryView.as_view(), name="score"),
    path("judging/entries/<int:pk>/work/", views.JudgeWorkView.as_view(), name="judge-work"),
]
