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
]
