from django.urls import path

from activities import portal_views, views

app_name = "activities"

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="list"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="update"),
    path("activities/<int:pk>/cancel/", views.ActivityCancelView.as_view(), name="cancel"),
    path("activities/<int:pk>/summary/", views.ActivitySummaryView.as_view(), name="summary"),
    path("activities/<int:pk>/check-in/", views.ActivityCheckInView.as_view(), name="check-in"),
    path("activities/photos/<int:pk>/", views.ActivityPhotoView.as_view(), name="photo"),
    path(
        "activities/photos/<int:pk>/remove/",
        views.ActivityPhotoRemoveView.as_view(),
        name="photo-remove",
    ),
    path(
        "activities/<int:pk>/send-to-judging/",
        views.SendToJudgingView.as_view(),
        name="send-to-judging",
    ),
    path("activity-works/<int:pk>/file/", views.SubmissionFileView.as_view(), name="work-file"),
    path(
        "activity-registrations/",
        views.RegistrationListView.as_view(),
        name="registration-list",
    ),
    path("notices/", views.NoticeListView.as_view(), name="notice-list"),
    path("notices/new/", views.NoticeCreateView.as_view(), name="notice-create"),
    path("notices/inbox/", views.CadreInboxView.as_view(), name="inbox"),
    path("notices/inbox/<int:pk>/", views.CadreInboxDetailView.as_view(), name="inbox-detail"),
    path("notices/<int:pk>/", views.NoticeDetailView.as_view(), name="notice-detail"),
    path("notices/<int:pk>/withdraw/", views.NoticeWithdrawView.as_view(), name="notice-withdraw"),
    path(
        "notices/attachments/<int:pk>/",
        views.NoticeAttachmentView.as_view(),
        name="notice-attachment",
    ),
    path("question-banks/", views.QuestionBankListView.as_view(), name="bank-list"),
    path("question-banks/import/", views.QuestionBankImportView.as_view(), name="bank-import"),
    path("question-banks/<int:pk>/", views.QuestionBankDetailView.as_view(), name="bank-detail"),
    path("quizzes/", views.QuizListView.as_view(), name="quiz-list"),
    path("quizzes/new/", views.QuizCreateView.as_view(), name="quiz-create"),
    path("quizzes/<int:pk>/", views.QuizDetailView.as_view(), name="quiz-detail"),
    path("quiz-attempts/", views.QuizAttemptListView.as_view(), name="attempt-list"),
    # The member's pages in the worker portal.
    path("m/activities/", portal_views.MemberActivityListView.as_view(), name="m-list"),
    path(
        "m/activities/check-in/",
        portal_views.MemberCheckInView.as_view(),
        name="m-check-in",
    ),
    path(
        "m/activities/<int:pk>/",
        portal_views.MemberActivityDetailView.as_view(),
        name="m-detail",
    ),
    path(
        "m/activities/<int:pk>/register/",
        portal_views.MemberRegisterView.as_view(),
        name="m-register",
    ),
    path(
        "m/activities/<int:pk>/cancel/",
        portal_views.MemberCancelView.as_view(),
        name="m-cancel",
    ),
    path("m/activities/<int:pk>/work/", portal_views.MemberWorkView.as_view(), name="m-work"),
    path(
        "m/activities/<int:pk>/work/withdraw/",
        portal_views.MemberWorkWithdrawView.as_view(),
        name="m-work-withdraw",
    ),
    path("m/quizzes/", portal_views.MemberQuizListView.as_view(), name="m-quizzes"),
    path("m/quizzes/<int:pk>/", portal_views.MemberQuizView.as_view(), name="m-quiz"),
    path(
        "m/quizzes/attempts/<int:pk>/",
        portal_views.MemberAttemptView.as_view(),
        name="m-attempt",
    ),
    path(
        "m/activities/photos/<int:pk>/",
        portal_views.MemberActivityPhotoView.as_view(),
        name="m-photo",
    ),
    path("m/notices/", portal_views.MemberNoticeListView.as_view(), name="m-notices"),
    path(
        "m/notices/attachments/<int:pk>/",
        portal_views.MemberNoticeAttachmentView.as_view(),
        name="m-notice-attachment",
    ),
    path(
        "m/notices/<int:pk>/",
        portal_views.MemberNoticeDetailView.as_view(),
        name="m-notice",
    ),
]
