"""Skills figures of the statistics layer (reports/figures.py) and the paragraph of the work
report's 建功立业 sub-section on skills improvement.

Three sets, one aggregate query each: trainings the subtree's unions started in the period;
members who completed (结业) a training of the subtree in the period; and skills awards
(technician promotions, patents, mentoring) the unions paid in the period, with the amount."""

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reports.figures import Figure, Section
from skills.choices import EnrolmentStatus
from skills.models import Enrolment, SkillAward, Training


def trainings_of_subtree(org):
    return Training.objects.filter(org__path__startswith=org.path)


def enrolments_of_subtree(org):
    return Enrolment.objects.filter(training__org__path__startswith=org.path)


def awards_of_subtree(org):
    return SkillAward.objects.filter(org__path__startswith=org.path)


def _granted_in(period) -> Q:
    return Q(granted_on__range=(period.start, period.end))


def register():
    from reports import figures, narrative

    figures.register(
        Figure(
            "skills.trainings",
            _("Skills trainings held"),
            pgettext_lazy("report unit", "trainings"),
            Section.CONTRIBUTION,
            base=trainings_of_subtree,
            where=lambda p: Q(starts_on__range=(p.start, p.end)),
            describe=_("trainings of the subtree's unions that started in the period"),
            order=30,
        ),
        Figure(
            "skills.completed",
            _("Members who completed a training"),
            _("people"),
            Section.CONTRIBUTION,
            base=enrolments_of_subtree,
            where=lambda p: Q(
                status=EnrolmentStatus.COMPLETED, completed_on__range=(p.start, p.end)
            ),
            describe=_("members who completed a training of the subtree in the period"),
            order=31,
            path="training__org__path",
        ),
        Figure(
            "skills.awards",
            _("Skills awards paid"),
            pgettext_lazy("report unit", "awards"),
            Section.CONTRIBUTION,
            base=awards_of_subtree,
            where=_granted_in,
            describe=_("skills awards the subtree's unions paid in the period"),
            order=32,
        ),
        Figure(
            "skills.award_amount",
            _("Skills award money"),
            _("yuan"),
            Section.CONTRIBUTION,
            base=awards_of_subtree,
            where=_granted_in,
            measure=Sum("amount"),
            money=True,
            describe=_("the amount of the skills awards paid in the period"),
            order=33,
        ),
    )
    narrative.register_paragraph(Section.CONTRIBUTION, skills_paragraph, order=30)


def skills_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("skills.trainings", "skills.completed", "skills.awards"):
        return None
    parts = []
    if ctx.positive("skills.trainings"):
        parts.append(
            gettext("Unions ran %(trainings)s skills trainings")
            % {"trainings": ctx.text("skills.trainings")}
        )
    if ctx.positive("skills.completed"):
        parts.append(
            gettext("%(completed)s completed their training")
            % {"completed": ctx.text("skills.completed")}
        )
    if ctx.positive("skills.awards"):
        parts.append(
            gettext("%(awards)s skills awards totalling %(amount)s were paid")
            % {"awards": ctx.text("skills.awards"), "amount": ctx.text("skills.award_amount")}
        )
    return joined(parts)
