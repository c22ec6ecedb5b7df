"""Worker-facing pages: without login, apply to join (with the phone code), follow the
application, show the e-membership card, verify a card's QR code; for a member signed in
with the phone code (``portal/auth.py``), the home page and the card. Every rule lives in
``members.joining``, ``members.selectors`` and ``portal.auth``; these views parse, call and
render."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from core import pii
from core.scoping import has_any_role
from core.throttles import ClientRateThrottle
from core.views import add_form_errors
from dues import participation
from members import joining, selectors
from members.choices import JoinStatus
from portal import auth, home
from portal.auth import MemberRequiredMixin
from portal.forms import JoinForm, MemberLoginForm


def _too_many(throttle: ClientRateThrottle) -> str:
    minutes = max(1, round((throttle.wait() or 60) / 60))
    return _("Too many requests from your network; try again in %(minutes)s minutes.") % {
        "minutes": minutes
    }


class JoinView(View):
    """The application form. "Send code" texts the code to the phone typed (an HTMX
    fragment, or the whole page kept as typed without JavaScript); "Submit" checks the
    whole application with the code and leads to the status page."""

    template_name = "portal/join.html"
    code_template = "portal/_code_status.html"

    def get(self, request):
        return self.page(request, JoinForm())

    def post(self, request):
        if "send_code" in request.POST:
            return self.send_code(request)
        form = JoinForm(request.POST)
        if form.is_valid():
            throttle = ClientRateThrottle("join_submit")
            if not throttle.allow_request(request, self):
                form.add_error(None, _too_many(throttle))
                return self.page(request, form)
            try:
                application = joining.join_application_submit(
                    data=form.application_data(), code=form.cleaned_data["code"]
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                return redirect("portal:join-status", token=application.token)
        return self.page(request, form)

    def send_code(self, request):
        throttle = ClientRateThrottle("join_code")
        sent = False
        if not throttle.allow_request(request, self):
            message = _too_many(throttle)
        else:
            try:
                joining.phone_code_send(phone=request.POST.get("phone", ""))
            except ValidationError as error:
                message = error.message_dict["phone"][0]
            else:
                sent = True
                phone = pii.normalise_phone(request.POST["phone"])
                minutes = max(1, settings.GONGHUI_SMS_CODES["TTL_SECONDS"] // 60)
                message = _(
                    "A 6-digit code was sent to %(phone)s; it is valid for %(minutes)s minutes."
                ) % {"phone": pii.mask_phone(phone), "minutes": minutes}
        status = {"code_sent": sent, "code_message": message}
        if request.htmx:
            return render(request, self.code_template, status)
        initial = {
            key: value
            for key, value in request.POST.dict().items()
            if key in JoinForm.base_fields and (key != "enterprise" or value.isdigit())
        }
        return self.page(request, JoinForm(initial=initial), **status)

    def page(self, request, form, **extra):
        context = {"form": form, "title": _("Join the trade union"), **extra}
        return render(request, self.template_name, context)


class EmployerPickView(View):
    """Options for the employer picker of the join form: names of operating employers only."""

    def get(self, request):
        query = request.GET.get("q", "").strip()
        employers = list(selectors.public_employers(query))
        context = {"employers": employers, "too_short": len(query) < 2}
        return render(request, "portal/_employer_options.html", context)


@method_decorator(never_cache, name="dispatch")
class JoinStatusView(View):
    """Where the applicant follows their application (bookmarkable, by its secret token)."""

    def get(self, request, token):
        application = selectors.join_application_by_token(token)
        if application is None:
            raise Http404(_("Not found."))
        context = {
            "application": application,
            "title": _("My membership application"),
            "masked_name": pii.mask_name(application.name),
        }
        return render(request, "portal/join_status.html", context)


class JoinWithdrawView(View):
    def post(self, request, token):
        application = selectors.join_application_by_token(token)
        if application is None:
            raise Http404(_("Not found."))
        try:
            joining.join_application_withdraw(application=application)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your application was withdrawn."))
        return redirect("portal:join-status", token=token)


def _card_context(request, member) -> dict:
    value = selectors.card_verification_value(member)
    verify_url = request.build_absolute_uri(reverse("portal:verify", args=[value]))
    qr = segno.make(verify_url, error="m")
    return {
        "member": member,
        "valid": selectors.card_is_valid(member),
        # segno writes the SVG itself from the URL; nothing user-typed goes in unescaped.
        "qr_svg": mark_safe(qr.svg_inline(scale=5, border=2, dark="#1d273b")),
        "verify_url": verify_url,
        "title": _("Union membership card"),
    }


@method_decorator(never_cache, name="dispatch")
class CardView(View):
    """The e-membership card of an approved applicant, with a QR code that verifies it."""

    def get(self, request, token):
        application = selectors.join_application_by_token(token)
        if application is None or application.status != JoinStatus.APPROVED:
            raise Http404(_("Not found."))
        context = _card_context(request, application.member)
        context["status_url"] = reverse("portal:join-status", args=[token])
        return render(request, "portal/card.html", context)


@method_decorator(never_cache, name="dispatch")
class MyCardView(MemberRequiredMixin, View):
    """The signed-in member's e-membership card, however they joined."""

    def get(self, request):
        context = _card_context(request, self.member)
        context["home_url"] = reverse("portal:home")
        return render(request, "portal/card.html", context)


@method_decorator(never_cache, name="dispatch")
class MemberLoginView(View):
    """Sign in with the phone on the member record and an SMS code. "Send code" answers the
    same whether or not the number is a member's, so the page reveals nobody's membership."""

    template_name = "portal/login.html"

    def get(self, request):
        if auth.current_member(request) is not None:
            return redirect(auth.safe_next(request, reverse("portal:home")))
        return self.page(request, MemberLoginForm())

    def post(self, request):
        if "send_code" in request.POST:
            return self.send_code(request)
        form = MemberLoginForm(request.POST)
        form.is_valid()
        throttle = ClientRateThrottle("login_submit")
        if not throttle.allow_request(request, self):
            form.add_error(None, _too_many(throttle))
            return self.page(request, form)
        try:
            auth.member_login(
                request, phone=form.cleaned_data["phone"], code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
            return self.page(request, form)
        return redirect(auth.safe_next(request, reverse("portal:home")))

    def send_code(self, request):
        throttle = ClientRateThrottle("login_code")
        sent = False
        if not throttle.allow_request(request, self):
            message = _too_many(throttle)
        else:
            try:
                auth.login_code_send(phone=request.POST.get("phone", ""))
            except ValidationError as error:
                message = error.message_dict["phone"][0]
            else:
                sent = True
                phone = pii.normalise_phone(request.POST["phone"])
                message = _(
                    "If %(phone)s is the number on your member record, a 6-digit code is on "
                    "its way. No code? Your union may have another number for you, or you "
                    "have not joined yet."
                ) % {"phone": pii.mask_phone(phone)}
        status = {"code_sent": sent, "code_message": message}
        if request.htmx:
            return render(request, "portal/_code_status.html", status)
        form = MemberLoginForm(initial={"phone": request.POST.get("phone", "")})
        return self.page(request, form, **status)

    def page(self, request, form, **extra):
        context = {
            "form": form,
            "title": _("Sign in"),
            "next": auth.safe_next(request, ""),
            **extra,
        }
        return render(request, self.template_name, context)


class MemberLogoutView(View):
    def post(self, request):
        auth.member_logout(request)
        messages.success(request, _("You have signed out."))
        return redirect("portal:login")


@method_decorator(never_cache, name="dispatch")
class MemberHomeView(MemberRequiredMixin, View):
    """The signed-in member's home: who they are, and what the union offers them."""

    def get(self, request):
        context = {
            "member": self.member,
            "valid": selectors.card_is_valid(self.member),
            "entries": home.entries(),
            "title": _("My union"),
        }
        return render(request, "portal/home.html", context)


@method_decorator(never_cache, name="dispatch")
class MyParticipationView(MemberRequiredMixin, View):
    """我的参与: the signed-in member's own participation record — the same sources as the
    member page of the cadres (``dues.participation``), with no cadre scope since every row
    is the member's own, and links to the member's pages."""

    def get(self, request):
        rows = participation.own_record(self.member)
        context = {
            "rows": rows,
            "kinds": participation.kind_counts(rows),
            "title": _("My participation"),
        }
        return render(request, "portal/participation.html", context)


@method_decorator(never_cache, name="dispatch")
class VerifyView(View):
    """What a card's QR code opens. Anyone sees whether the card is valid and its union; a
    logged-in cadre also sees the card number, status, joining date and the name partly
    masked, to compare with the person in front of them."""

    def get(self, request, value):
        member = selectors.member_by_card_value(value)
        context = {
            "member": member,
            "valid": selectors.card_is_valid(member),
            "cadre": has_any_role(request.user),
            "masked_name": pii.mask_name(member.name) if member else "",
            "title": _("Membership card check"),
        }
        return render(request, "portal/verify.html", context)
