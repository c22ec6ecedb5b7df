from django.urls import path

from orgs import views

app_name = "orgs"

urlpatterns = [
    path("orgs/", views.OrgListView.as_view(), name="list"),
    path("orgs/new/", views.OrgCreateView.as_view(), name="create"),
    path("orgs/pick/", views.OrgPickView.as_view(), name="pick"),
    path("orgs/elections-due/", views.ElectionTodoView.as_view(), name="elections-due"),
    path("orgs/<int:pk>/", views.OrgDetailView.as_view(), name="detail"),
    path("orgs/<int:pk>/edit/", views.OrgUpdateView.as_view(), name="update"),
    path("orgs/<int:pk>/move/", views.OrgMoveView.as_view(), name="move"),
    path("orgs/<int:pk>/dissolve/", views.OrgDissolveView.as_view(), name="dissolve"),
    path(
        "orgs/<int:pk>/elections/new/", views.ElectionCreateView.as_view(), name="election-create"
    ),
    path("enterprises/", views.EnterpriseListView.as_view(), name="enterprise-list"),
    path("enterprises/new/", views.EnterpriseCreateView.as_view(), name="enterprise-create"),
    path("enterprises/pick/", views.EnterprisePickView.as_view(), name="enterprise-pick"),
    path("enterprises/<int:pk>/", views.EnterpriseDetailView.as_view(), name="enterprise-detail"),
    path(
        "enterprises/<int:pk>/edit/", views.EnterpriseUpdateView.as_view(), name="enterprise-update"
    ),
    path(
        "enterprises/<int:pk>/close/", views.EnterpriseCloseView.as_view(), name="enterprise-close"
    ),
]
