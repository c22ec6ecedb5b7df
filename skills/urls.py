from django.urls import path

from skills import views

app_name = "skills"

urlpatterns = [
    path("trainings/", views.TrainingListView.as_view(), name="list"),
    path("trainings/new/", views.TrainingCreateView.as_view(), name="create"),
    path("trainings/<int:pk>/", views.TrainingDetailView.as_view(), name="detail"),
    path("trainings/<int:pk>/edit/", views.TrainingUpdateView.as_view(), name="update"),
    path("trainings/<int:pk>/enrol/", views.EnrolView.as_view(), name="enrol"),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolment-list"),
    path(
        "enrolments/<int:pk>/result/",
        views.EnrolmentFinishView.as_view(),
        name="enrolment-finish",
    ),
    path("skill-awards/", views.SkillAwardListView.as_view(), name="award-list"),
    path("skill-awards/new/", views.SkillAwardCreateView.as_view(), name="award-create"),
    path("skill-awards/<int:pk>/", views.SkillAwardDetailView.as_view(), name="award-detail"),
]
