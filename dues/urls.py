from django.urls import path

from dues import views

app_name = "dues"

urlpatterns = [
    path("dues/", views.DuesListView.as_view(), name="list"),
    path("dues/new/", views.DuesCreateView.as_view(), name="create"),
    path("dues/summary/", views.MonthSummaryView.as_view(), name="summary"),
    path("dues/review/", views.ReviewListView.as_view(), name="review"),
    path("dues/mark-paid/", views.MarkMonthPaidView.as_view(), name="mark-month-paid"),
    path("dues/mark-selected/", views.MarkSelectedPaidView.as_view(), name="mark-selected"),
    path("dues/pick-member/", views.DuesMemberPickView.as_view(), name="member-pick"),
    path("dues/<int:pk>/", views.DuesDetailView.as_view(), name="detail"),
    path("dues/<int:pk>/pay/", views.DuesPayView.as_view(), name="pay"),
    path("dues/<int:pk>/correct/", views.DuesCorrectView.as_view(), name="correct"),
]
