"""Worker pages (under ``/m/rights/``, on the portal's base template): file a complaint —
anonymously if the worker wishes — or apply for legal aid, and follow either with the
follow-up code. A signed-in member (``portal.auth``) files under their name and finds their
cases listed. The public forms are rate-limited per client address (``core/throttles.py``).
Rules live in ``rights.actions``; these views parse, call and render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from core.throttles import ClientRateThrottle
from core.views import add_form_errors
from portal import auth
from portal.views import _too_many
from rights import actions, selectors
from rights.forms import ComplaintForm, FollowForm, LegalAidApplyForm


def _public_data(form) -> dict:
    return dict(form.cleaned_data)


@method_decorator(never_cache, name="dispatch")
class RightsHomeView(View):
    """The entry page: what the union can do, the two forms, the follow-up box, and a
    signed-in member's own cases."""

    def get(self, request):
        member = auth.current_member(request)
        context = {
            "title": _("Complaints and legal aid"),
            "member": member,
            "follow_form": FollowForm(),
            "tickets": list(selectors.member_tickets(member)[:20]) if member else [],
            "cases": list(selectors.member_legal_aid(member)[:20]) if member else [],
        }
        return render(request, "rights/m_home.html", context)


class _SubmitView(View):
    form_class = None
    template_name = ""
    receipt_template = "rights/m_receipt.html"
    title = ""

    def get(self, request):
        return self.page(request, self.form_class())

    def post(self, request):
        form = self.form_class(request.POST)
        if form.is_valid():
            throttle = ClientRateThrottle("rights_submit")
            if not throttle.allow_request(request, self):
                form.add_error(None, _too_many(throttle))
                return self.page(request, form)
            try:
                record, code = self.submit(_public_data(form), auth.current_member(request))
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                # The code is shown on this response only; it is stored as a hash.
                return render(
                    request,
                    self.receipt_template,
                    {"record": record, "code": code, "title": _("Received and registered")},
                )
        return self.page(request, form)

    def page(self, request, form):
        context = {"form": form, "title": self.title, "member": auth.current_member(request)}
        return render(request, self.template_name, context)


@method_decorator(never_cache, name="dispatch")
class ComplaintView(_SubmitView):
    form_class = ComplaintForm
    template_name = "rights/m_complaint.html"

    @property
    def title(self):
        return _("Complaint or question")

    def submit(self, data, member):
        return actions.ticket_submit(data=data, member=member)


@method_decorator(never_cache, name="dispatch")
class LegalAidApplyView(_SubmitView):
    form_class = LegalAidApplyForm
    template_name = "rights/m_legal_aid.html"

    @property
    def title(self):
        return _("Apply for legal aid")

    def submit(self, data, member):
        return actions.legal_aid_submit(data=data, member=member)


@method_decorator(never_cache, name="dispatch")
class FollowView(View):
    """Follow a complaint or legal-aid application by its code (posted, never in a URL)."""

    def get(self, request):
        return self.page(request, FollowForm())

    def post(self, request):
        form = FollowForm(request.POST)
        if not form.is_valid():
            return self.page(request, form)
        throttle = ClientRateThrottle("rights_follow")
        if not throttle.allow_request(request, self):
            form.add_error(None, _too_many(throttle))
            return self.page(request, form)
        code = form.cleaned_data["code"]
        ticket = selectors.ticket_by_follow_code(code)
        case = None if ticket else selectors.legal_aid_by_follow_code(code)
        if ticket is None and case is None:
            form.add_error(
                "code", _("No complaint or application has this code. Check it and try again.")
            )
            return self.page(request, form)
        context = {"title": _("Follow my case"), "ticket": ticket, "case": case}
        if ticket is not None:
            context["events"] = ticket.events.all()
        else:
            context["progress"] = case.progress.all()
        return render(request, "rights/m_status.html", context)

    def page(self, request, form):
        return render(request, "rights/m_follow.html", {"form": form, "title": _("Follow my case")})


@method_decorator(never_cache, name="dispatch")
class MyTicketView(auth.MemberRequiredMixin, View):
    """A signed-in member's own ticket or case, without the code."""

    def get(self, request, kind, number):
        from django.http import Http404

        if kind == "ticket":
            ticket = selectors.member_tickets(self.member).filter(pk=number).first()
            case = None
        else:
            ticket = None
            case = selectors.member_legal_aid(self.member).filter(pk=number).first()
        if ticket is None and case is None:
            raise Http404(_("Not found."))
        context = {"title": _("Follow my case"), "ticket": ticket, "case": case}
        if ticket is not None:
            context["events"] = ticket.events.all()
        else:
            context["progress"] = case.progress.all()
        return render(request, "rights/m_status.html", context)
