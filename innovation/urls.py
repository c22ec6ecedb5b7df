from django.urls import path

from innovation import views

app_name = "innovation"

urlpatterns = [
    path("innovations/", views.InnovationListView.as_view(), name="list"),
    path("innovations/new/", views.InnovationCreateView.as_view(), name="create"),
    path("innovations/<int:pk>/", views.InnovationDetailView.as_view(), name="detail"),
    path("innovations/<int:pk>/review/", views.InnovationReviewView.as_view(), name="review"),
    path(
        "innovations/<int:pk>/implement/",
        views.InnovationImplementView.as_view(),
        name="implement",
    ),
    path("innovations/<int:pk>/forward/", views.InnovationForwardView.as_view(), name="forward"),
    path("innovations/<int:pk>/award/", views.InnovationAwardView.as_view(), name="award"),
    path("studios/", views.StudioListView.as_view(), name="studio-list"),
    path("studios/new/", views.StudioCreateView.as_view(), name="studio-create"),
    path("studios/<int:pk>/", views.StudioDetailView.as_view(), name="studio-detail"),
    path("studios/<int:pk>/edit/", views.StudioUpdateView.as_view(), name="studio-update"),
]
