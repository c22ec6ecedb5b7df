"""The member's pages (worker portal, phone-first): the services their union and the
unions above it offer them, requesting one, following their requests, rating the result.
The member signs in with phone + SMS code (``portal.auth``); every page answers for the
signed-in member only, and someone else's request reads like one that does not exist."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from core.views import add_form_errors
from portal.auth import MemberRequiredMixin
from services import actions, selectors
from services.choices import OPEN_STATUSES, RequestStatus, ServiceCategory
from services.forms import RatingForm, ServiceRequestForm
from services.models import ServiceRequest

PAGE_SIZE = 20


@method_decorator(never_cache, name="dispatch")
class CatalogueView(MemberRequiredMixin, View):
    def get(self, request):
        category = request.GET.get("category", "")
        services = selectors.catalogue_for(self.member, category)
        page = Paginator(services, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "page": page,
            "categories": ServiceCategory.choices,
            "category": category if category in ServiceCategory.values else "",
            "title": _("Request a service"),
        }
        return render(request, "services/m/catalogue.html", context)


@method_decorator(never_cache, name="dispatch")
class ServiceView(MemberRequiredMixin, View):
    """One service with its request form; only services in the member's catalogue open."""

    def service(self, pk):
        service = selectors.catalogue_for(self.member).filter(pk=pk).first()
        if service is None:
            raise Http404(_("Not found."))
        return service

    def get(self, request, pk):
        return self.page(request, self.service(pk), ServiceRequestForm())

    def post(self, request, pk):
        service = self.service(pk)
        form = ServiceRequestForm(request.POST)
        if form.is_valid():
            try:
                created = actions.request_submit(
                    member=self.member, service=service, details=form.cleaned_data["details"]
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your request was sent to %(org)s. The answer is due by %(due)s.")
                    % {"org": service.org.name, "due": created.due_on.isoformat()},
                )
                return redirect("services:m-request", pk=created.pk)
        return self.page(request, service, form)

    def page(self, request, service, form):
        full = False
        if service.capacity is not None:
            full = actions.places_taken(service, timezone.now()) >= service.capacity
        context = {
            "service": service,
            "form": form,
            "full": full,
            "full_message": actions.full_message(service) if full else "",
            "title": service.name,
        }
        return render(request, "services/m/service.html", context)


@method_decorator(never_cache, name="dispatch")
class MyRequestsView(MemberRequiredMixin, View):
    def get(self, request):
        page = Paginator(selectors.member_requests(self.member), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context = {
            "page": page,
            "today": timezone.localdate(),
            "open_statuses": OPEN_STATUSES,
            "title": _("My service requests"),
        }
        return render(request, "services/m/requests.html", context)


class _OwnRequestMixin(MemberRequiredMixin):
    def own_request(self, pk) -> ServiceRequest:
        found = selectors.member_request(self.member, pk)
        if found is None:
            raise Http404(_("Not found."))
        return found


@method_decorator(never_cache, name="dispatch")
class MyRequestView(_OwnRequestMixin, View):
    def get(self, request, pk):
        return self.page(request, self.own_request(pk), RatingForm())

    def page(self, request, service_request, rating_form):
        today = timezone.localdate()
        context = {
            "object": service_request,
            "events": service_request.events.all(),
            "overdue": service_request.overdue_on(today),
            "can_rate": service_request.status == RequestStatus.DONE
            and service_request.rating is None,
            "can_withdraw": service_request.status == RequestStatus.SUBMITTED,
            "rating_form": rating_form,
            "title": service_request.service.name,
        }
        return render(request, "services/m/request.html", context)


class RateView(MyRequestView):
    def get(self, request, pk):
        return redirect("services:m-request", pk=pk)

    def post(self, request, pk):
        service_request = self.own_request(pk)
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                actions.request_rate(
                    member=self.member,
                    request=service_request,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("Thank you for your rating."))
                return redirect("services:m-request", pk=pk)
        return self.page(request, service_request, form)


class WithdrawView(_OwnRequestMixin, View):
    def post(self, request, pk):
        service_request = self.own_request(pk)
        try:
            actions.request_withdraw(member=self.member, request=service_request)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your request was withdrawn."))
        return redirect(reverse("services:m-request", args=[pk]))
