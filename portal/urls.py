from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("join/", views.JoinView.as_view(), name="join"),
    path("join/employers/", views.EmployerPickView.as_view(), name="join-employers"),
    path("join/status/<str:token>/", views.JoinStatusView.as_view(), name="join-status"),
    path(
        "join/status/<str:token>/withdraw/",
        views.JoinWithdrawView.as_view(),
        name="join-withdraw",
    ),
    path("card/<str:token>/", views.CardView.as_view(), name="card"),
    path("verify/<str:value>/", views.VerifyView.as_view(), name="verify"),
    path("m/", views.MemberHomeView.as_view(), name="home"),
    path("m/login/", views.MemberLoginView.as_view(), name="login"),
    path("m/logout/", views.MemberLogoutView.as_view(), name="logout"),
    path("m/card/", views.MyCardView.as_view(), name="my-card"),
    path("m/participation/", views.MyParticipationView.as_view(), name="my-participation"),
]
