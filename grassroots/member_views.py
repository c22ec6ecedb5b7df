"""Worker pages (phone, ``/m/...``, portal look): a signed-in member books a free slot of a
venue open to their union and cancels their own bookings. The member comes from the
portal session (``portal.auth``), never from a cadre login."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from grassroots import actions, selectors
from grassroots.choices import BookingStatus
from portal.auth import MemberRequiredMixin


class MemberBookingForm(forms.Form):
    starts_at = forms.TimeField(widget=forms.HiddenInput)
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    headcount = forms.IntegerField(
        label=gettext_lazy("People"),
        min_value=1,
        initial=1,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
    )


def _day(request) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("date") or request.POST.get("date"))
    except (TypeError, ValueError):
        return timezone.localdate()


@method_decorator(never_cache, name="dispatch")
class MemberVenueListView(MemberRequiredMixin, View):
    def get(self, request):
        context = {
            "title": _("Book a venue"),
            "venues": selectors.member_venues(self.member),
            "bookings": selectors.member_bookings(self.member)[:20],
            "today": timezone.localdate(),
        }
        return render(request, "grassroots/m_venues.html", context)


@method_decorator(never_cache, name="dispatch")
class MemberVenueDayView(MemberRequiredMixin, View):
    def venue(self, pk):
        try:
            return selectors.member_venues(self.member).get(pk=pk)
        except Exception as error:  # not offered to this member's union reads like missing
            raise Http404(_("Not found.")) from error

    def page(self, request, venue, form, day):
        slots = selectors.venue_day(venue, day, selectors.member_bookings(self.member))
        context = {
            "title": venue.name,
            "venue": venue,
            "day": day,
            "previous_day": day - datetime.timedelta(days=1),
            "next_day": day + datetime.timedelta(days=1),
            "open_that_day": venue.is_open_on(day),
            "slots": slots,
            "form": form,
        }
        return render(request, "grassroots/m_venue_day.html", context)

    def get(self, request, pk):
        return self.page(request, self.venue(pk), MemberBookingForm(), _day(request))

    def post(self, request, pk):
        venue, day = self.venue(pk), _day(request)
        form = MemberBookingForm(request.POST)
        if form.is_valid():
            try:
                actions.booking_create(
                    actor=None,
                    member=self.member,
                    venue=venue,
                    org=self.member.org,
                    date=day,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("The slot is booked."))
                return redirect("grassroots:m-venues")
        return self.page(request, venue, form, day)


class MemberBookingCancelView(MemberRequiredMixin, View):
    def post(self, request, pk):
        booking = (
            selectors.member_bookings(self.member)
            .filter(pk=pk, status=BookingStatus.BOOKED)
            .first()
        )
        if booking is None:
            raise Http404(_("Not found."))
        try:
            actions.booking_cancel(actor=None, booking=booking, by_member=self.member)
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        else:
            messages.success(request, _("The booking was cancelled."))
        return redirect("grassroots:m-venues")
