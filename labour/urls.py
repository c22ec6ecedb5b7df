from django.urls import path

from labour import views

app_name = "labour"

STEPS = {
    "reply": views.ContractReplyView,
    "sign": views.ContractSignView,
    "file": views.ContractFileView,
    "objection": views.ContractObjectionView,
    "publish": views.ContractPublishView,
    "terminate": views.ContractTerminateView,
    "renew": views.ContractRenewView,
}

urlpatterns = [
    path("contracts/", views.ContractListView.as_view(), name="contract-list"),
    path("contracts/new/", views.ContractCreateView.as_view(), name="contract-create"),
    path("contracts/todo/", views.ContractTodoView.as_view(), name="contract-todo"),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="contract-detail"),
    *[
        path(f"contracts/<int:pk>/{step}/", view.as_view(), name=f"contract-{step}")
        for step, view in STEPS.items()
    ],
    path("congresses/", views.CongressListView.as_view(), name="congress-list"),
    path("congresses/new/", views.CongressCreateView.as_view(), name="congress-create"),
    path("congresses/<int:pk>/", views.CongressDetailView.as_view(), name="congress-detail"),
    path(
        "congresses/<int:pk>/motions/new/", views.MotionCreateView.as_view(), name="motion-create"
    ),
    path("disclosures/", views.DisclosureListView.as_view(), name="disclosure-list"),
    path("disclosures/new/", views.DisclosureCreateView.as_view(), name="disclosure-create"),
]
