from django.urls import path

from petitions import views

app_name = "petitions"

urlpatterns = [
    path("petitions/", views.PetitionListView.as_view(), name="list"),
    path("petitions/new/", views.PetitionCreateView.as_view(), name="create"),
    path("petitions/<int:pk>/", views.PetitionDetailView.as_view(), name="detail"),
    path("petitions/<int:pk>/accept/", views.AcceptView.as_view(), name="accept"),
    path("petitions/<int:pk>/reject/", views.RejectView.as_view(), name="reject"),
    path("petitions/<int:pk>/hand-down/", views.HandDownView.as_view(), name="hand-down"),
    path("petitions/<int:pk>/extend/", views.ExtendView.as_view(), name="extend"),
    path("petitions/<int:pk>/reply/", views.ReplyView.as_view(), name="reply"),
    path(
        "petitions/<int:pk>/request-review/",
        views.RequestReviewView.as_view(),
        name="request-review",
    ),
    path("petitions/<int:pk>/review/", views.ReviewView.as_view(), name="review"),
    path(
        "petitions/<int:pk>/reveal-phone/",
        views.PetitionPhoneRevealView.as_view(),
        name="reveal-phone",
    ),
]
