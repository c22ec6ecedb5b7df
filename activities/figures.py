"""Activity figures of the statistics layer (reports/figures.py) and the paragraph of the
work report's 思想政治引领 sub-section."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.choices import ActivityStatus, RegistrationStatus
from activities.models import Activity, Registration
from reports.figures import Figure, Section


def activities_of_subtree(org):
    return Activity.objects.filter(org__path__startswith=org.path)


def registrations_of_subtree(org):
    """Registrations of the subtree's members, at whichever union's activity."""
    return Registration.objects.filter(member__org__path__startswith=org.path)


def _started_in(period) -> Q:
    return Q(starts_at__date__range=(period.start, period.end))


def register():
    from reports import figures

    figures.register(
        Figure(
            "activities.held",
            _("Activities held"),
            _("activities"),
            Section.GUIDANCE,
            base=activities_of_subtree,
            where=lambda p: _started_in(p) & ~Q(status=ActivityStatus.CANCELLED),
            describe=_("activities hosted in the subtree that started in the period"),
            order=10,
        ),
        Figure(
            "activities.registrations",
            _("Activity registrations"),
            _("person-times"),
            Section.GUIDANCE,
            base=registrations_of_subtree,
            where=lambda p: (
                Q(activity__starts_at__date__range=(p.start, p.end))
                & ~Q(status=RegistrationStatus.CANCELLED)
            ),
            describe=_("registrations of the subtree's members for activities of the period"),
            order=11,
            path="member__org__path",
        ),
        Figure(
            "activities.attendance",
            _("Activity attendance"),
            _("person-times"),
            Section.GUIDANCE,
            base=registrations_of_subtree,
            where=lambda p: Q(checked_in_at__date__range=(p.start, p.end)),
            describe=_("check-ins of the subtree's members at activities in the period"),
            order=12,
            path="member__org__path",
            headline=True,
            trend_field="checked_in_at",
        ),
    )
    from reports import narrative

    narrative.register_paragraph(Section.GUIDANCE, activities_paragraph, order=10)


def activities_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("activities.held", "activities.attendance"):
        return None
    return joined(
        [
            gettext("Unions held %(held)s lectures, theme-education, sports and culture activities")
            % {"held": ctx.text("activities.held")},
            gettext("with %(registrations)s registrations and an attendance of %(attendance)s")
            % {
                "registrations": ctx.text("activities.registrations"),
                "attendance": ctx.text("activities.attendance"),
            },
        ]
    )
