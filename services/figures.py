"""Service figures of the statistics layer (reports/figures.py): requests made and answered
in the period, answered within the working-day deadline, satisfied ratings, and the year's
practical projects (实事项目) against their targets. Two aggregate queries in all. (Overdue
requests are on the cadre's workbench through ``core/todos.py``.)"""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from reports.figures import Figure, Ratio, Section
from services.choices import RequestStatus
from services.models import PracticalProject, ServiceRequest


def requests_of_subtree(org):
    return ServiceRequest.objects.filter(org__path__startswith=org.path)


def projects_of_subtree(org):
    return PracticalProject.objects.filter(org__path__startswith=org.path)


def _closed_done(period) -> Q:
    return Q(status=RequestStatus.DONE, closed_at__date__range=(period.start, period.end))


def _projects_of_year(period) -> Q:
    return Q(year=period.end.year)


def register():
    from reports import figures

    requests = _("requests")
    projects = _("projects")
    figures.register(
        Figure(
            "services.requests",
            _("Service requests"),
            requests,
            Section.RIGHTS,
            base=requests_of_subtree,
            where=lambda p: Q(submitted_at__date__range=(p.start, p.end)),
            describe=_("requests for union services made by members in the period"),
            order=50,
            trend_field="submitted_at",
        ),
        Figure(
            "services.done",
            _("Service requests completed"),
            requests,
            Section.RIGHTS,
            base=requests_of_subtree,
            where=_closed_done,
            describe=_("requests completed in the period"),
            order=51,
        ),
        Figure(
            "services.done_in_time",
            _("Completed within the deadline"),
            requests,
            Section.RIGHTS,
            base=requests_of_subtree,
            where=lambda p: _closed_done(p) & Q(closed_at__date__lte=F("due_on")),
            describe=_("requests completed in the period by their working-day deadline"),
            order=52,
        ),
        Ratio(
            "services.in_time_rate",
            _("Service requests completed in time"),
            "services.done_in_time",
            "services.done",
            Section.RIGHTS,
            describe=_("completed within the deadline / completed"),
            order=53,
        ),
        Figure(
            "services.rated",
            _("Rated service requests"),
            requests,
            Section.RIGHTS,
            base=requests_of_subtree,
            where=lambda p: Q(rated_at__date__range=(p.start, p.end)),
            describe=_("requests the members rated in the period"),
            order=54,
        ),
        Figure(
            "services.satisfied",
            _("Satisfied ratings"),
            requests,
            Section.RIGHTS,
            base=requests_of_subtree,
            where=lambda p: Q(rated_at__date__range=(p.start, p.end), rating__gte=4),
            describe=_("ratings of 4 or 5 stars given in the period"),
            order=55,
        ),
        Ratio(
            "services.satisfaction",
            _("Member satisfaction with services"),
            "services.satisfied",
            "services.rated",
            Section.RIGHTS,
            describe=_("ratings of 4 or 5 stars / ratings"),
            order=56,
        ),
        Figure(
            "projects.total",
            _("Practical projects for workers"),
            projects,
            Section.RIGHTS,
            base=projects_of_subtree,
            where=_projects_of_year,
            stock=True,
            describe=_("practical projects of the year in which the period ends"),
            order=57,
        ),
        Figure(
            "projects.at_target",
            _("Practical projects at target"),
            projects,
            Section.RIGHTS,
            base=projects_of_subtree,
            where=lambda p: _projects_of_year(p) & Q(achieved__gte=F("target_quantity")),
            stock=True,
            describe=_("practical projects of the year whose achievement reached the target"),
            order=58,
        ),
        Ratio(
            "projects.at_target_rate",
            _("Practical projects at target (rate)"),
            "projects.at_target",
            "projects.total",
            Section.RIGHTS,
            stock=True,
            describe=_("projects at target / projects of the year"),
            order=59,
        ),
    )
