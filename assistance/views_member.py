"""Worker pages (phone, portal styling): my hardship file and aid, and applying for a file.
They read and write only the signed-in member's own rows."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from assistance import actions
from assistance.choices import OPEN_STATUSES
from assistance.forms import MemberApplyForm
from assistance.models import AssistanceRecord, HardshipFile
from core.views import add_form_errors
from portal.auth import MemberRequiredMixin


def _open_file(member):
    return HardshipFile.objects.filter(member=member, status__in=OPEN_STATUSES).first()


@method_decorator(never_cache, name="dispatch")
class MyAssistanceView(MemberRequiredMixin, View):
    def get(self, request):
        files = HardshipFile.objects.filter(member=self.member).select_related("org")
        records = (
            AssistanceRecord.objects.filter(member=self.member)
            .select_related("campaign")
            .order_by("-delivered_on", "-id")[:50]
        )
        return render(
            request,
            "assistance/m_mine.html",
            {"files": files, "records": records, "can_apply": _open_file(self.member) is None},
        )


@method_decorator(never_cache, name="dispatch")
class ApplyView(MemberRequiredMixin, View):
    template_name = "assistance/m_apply.html"

    def get(self, request):
        if _open_file(self.member) is not None:
            messages.info(request, _("Your household already has a hardship file."))
            return redirect("assistance:m-mine")
        return render(request, self.template_name, {"form": MemberApplyForm()})

    def post(self, request):
        form = MemberApplyForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("consent")
            try:
                actions.file_apply(member=self.member, **data)
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your application was sent to %(union)s. A cadre will visit your home.")
                    % {"union": self.member.org.name},
                )
                return redirect("assistance:m-mine")
        return render(request, self.template_name, {"form": form})
