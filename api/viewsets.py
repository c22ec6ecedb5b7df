"""The one base for scoped API resources: querysets come from ``visible_to`` (reads with
the user's view scope, writes with change scope) and out of scope answers 404."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Q
from rest_framework import exceptions, mixins, viewsets

from core.choices import Action

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ScopedViewSetMixin:
    def scope_action(self) -> str:
        return Action.CHANGE if self.request.method in WRITE_METHODS else Action.VIEW

    def base_queryset(self):
        return self.queryset.all()

    def get_queryset(self):
        return self.base_queryset().visible_to(self.request.user, self.scope_action())

    def handle_exception(self, exc):
        if isinstance(exc, DjangoPermissionDenied):
            exc = exceptions.PermissionDenied(str(exc) or None)
        return super().handle_exception(exc)


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedWritableViewSet(
    ScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, read, create and update; nothing with history is deleted through the API.

    A create is checked by the action against the scope of the rows it links to (the parent
    org, the area), so the viewset itself only needs the user's view scope for it.
    """

    def scope_action(self):
        if self.action == "create":
            return Action.VIEW
        return super().scope_action()


class ScopedSerializerMixin:
    """Related-object fields only accept rows the requesting user can see, so a guessed id
    outside the user's scope reads exactly like one that does not exist. On update the
    instance's current links stay valid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not hasattr(queryset, "visible_to"):
                continue
            visible = queryset.visible_to(request.user, Action.VIEW)
            current = getattr(self.instance, f"{name}_id", None) if self.instance else None
            if current is not None:
                visible = queryset.model._default_manager.filter(
                    Q(pk__in=visible.values("pk")) | Q(pk=current)
                )
            field.queryset = visible
