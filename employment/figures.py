"""Employment figures of the statistics layer (reports/figures.py) and the paragraph of the
work report's 帮扶救助 sub-section on 就业帮扶.

Three sets, one aggregate query each: job postings the subtree's unions published in the
period (``published_on``) and the positions they offered; job fairs held in the period; and
members the unions helped who went back to work in the period (``reemployed_on``)."""

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from employment.choices import AidStatus, FairStatus
from employment.models import EmploymentAid, JobFair, JobPosting
from reports.figures import Figure, Section


def postings_of_subtree(org):
    return JobPosting.objects.filter(org__path__startswith=org.path)


def fairs_of_subtree(org):
    return JobFair.objects.filter(org__path__startswith=org.path)


def aid_of_subtree(org):
    return EmploymentAid.objects.filter(org__path__startswith=org.path)


def _published_in(period) -> Q:
    return Q(published_on__range=(period.start, period.end))


def register():
    from reports import figures, narrative

    figures.register(
        Figure(
            "employment.postings",
            _("Job postings published"),
            pgettext_lazy("report unit", "postings"),
            Section.ASSISTANCE,
            base=postings_of_subtree,
            where=_published_in,
            describe=_("job postings the subtree's unions published in the period"),
            order=40,
        ),
        Figure(
            "employment.positions",
            _("Positions offered"),
            pgettext_lazy("report unit", "positions"),
            Section.ASSISTANCE,
            base=postings_of_subtree,
            where=_published_in,
            measure=Sum("positions"),
            describe=_("positions of the job postings published in the period"),
            order=41,
        ),
        Figure(
            "employment.fairs",
            _("Job fairs held"),
            pgettext_lazy("report unit", "fairs"),
            Section.ASSISTANCE,
            base=fairs_of_subtree,
            where=lambda p: Q(status=FairStatus.HELD, held_on__range=(p.start, p.end)),
            describe=_("job fairs of the subtree's unions held in the period"),
            order=42,
        ),
        Figure(
            "employment.reemployed",
            _("Workers helped back into work"),
            _("people"),
            Section.ASSISTANCE,
            base=aid_of_subtree,
            where=lambda p: Q(status=AidStatus.REEMPLOYED, reemployed_on__range=(p.start, p.end)),
            describe=_("members given employment aid who found work again in the period"),
            order=43,
        ),
    )
    narrative.register_paragraph(Section.ASSISTANCE, employment_paragraph, order=40)


def employment_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("employment.postings", "employment.fairs", "employment.reemployed"):
        return None
    parts = []
    if ctx.positive("employment.postings"):
        parts.append(
            gettext("Unions published %(postings)s job postings offering %(positions)s")
            % {
                "postings": ctx.text("employment.postings"),
                "positions": ctx.text("employment.positions"),
            }
        )
    if ctx.positive("employment.fairs"):
        parts.append(gettext("held %(fairs)s job fairs") % {"fairs": ctx.text("employment.fairs")})
    if ctx.positive("employment.reemployed"):
        parts.append(
            gettext("and helped %(people)s who had lost their jobs back into work")
            % {"people": ctx.text("employment.reemployed")}
        )
    return joined(parts)
