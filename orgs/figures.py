"""Organisation figures of the statistics layer (reports/figures.py): unions, enterprises
and coverage (建会率, 单独建会率) of a subtree, elections held."""

from django.conf import settings
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from orgs.choices import GrassrootsType, OrgLevel, OrgStatus
from orgs.models import Election, Org
from orgs.selectors import enterprise_child_path, enterprises_of_subtree
from reports.figures import Figure, Ratio, Section

COVERED = Q(covering_union__status=OrgStatus.ACTIVE)
SEPARATE = COVERED & Q(
    covering_union__level=OrgLevel.GRASSROOTS,
    covering_union__grassroots_type=GrassrootsType.STANDALONE,
)


def orgs_of_subtree(org):
    return Org.objects.filter(path__startswith=org.path)


def elections_of_subtree(org):
    return Election.objects.filter(org__path__startswith=org.path)


def _large(period):
    return Q(employee_count__gte=settings.GONGHUI["SEPARATE_UNION_EMPLOYEE_THRESHOLD"])


def register():
    from reports import figures

    people = _("people")
    units = _("units")
    figures.register(
        Figure(
            "orgs.grassroots",
            _("Grassroots unions"),
            units,
            Section.BUILDING,
            base=orgs_of_subtree,
            path="path",
            where=lambda p: Q(level=OrgLevel.GRASSROOTS, status=OrgStatus.ACTIVE),
            stock=True,
            describe=_("active grassroots unions in the subtree (as they stand now)"),
            order=10,
            headline=True,
        ),
        Figure(
            "orgs.founded",
            _("Unions founded"),
            units,
            Section.BUILDING,
            base=orgs_of_subtree,
            path="path",
            where=lambda p: Q(founded_on__range=(p.start, p.end)),
            describe=_("unions of the subtree whose founding date falls in the period"),
            order=11,
        ),
        Figure(
            "enterprises.total",
            _("Operating enterprises"),
            units,
            Section.BUILDING,
            base=enterprises_of_subtree,
            child_key=enterprise_child_path,
            stock=True,
            describe=_("operating enterprises located in or covered by the subtree"),
            order=20,
        ),
        Figure(
            "enterprises.covered",
            _("Enterprises with a union"),
            units,
            Section.BUILDING,
            base=enterprises_of_subtree,
            child_key=enterprise_child_path,
            where=lambda p: COVERED,
            stock=True,
            describe=_("operating enterprises covered by an active union"),
            order=21,
        ),
        Ratio(
            "enterprises.coverage_rate",
            _("Union coverage rate"),
            "enterprises.covered",
            "enterprises.total",
            Section.BUILDING,
            stock=True,
            describe=_("enterprises with a union / operating enterprises"),
            order=22,
            headline=True,
        ),
        Figure(
            "enterprises.large",
            _("Enterprises at or above the separate-union size"),
            units,
            Section.BUILDING,
            base=enterprises_of_subtree,
            child_key=enterprise_child_path,
            where=_large,
            stock=True,
            order=23,
        ),
        Figure(
            "enterprises.large_separate",
            _("Of these, with a union of their own"),
            units,
            Section.BUILDING,
            base=enterprises_of_subtree,
            child_key=enterprise_child_path,
            where=lambda p: _large(p) & SEPARATE,
            stock=True,
            order=24,
        ),
        Ratio(
            "enterprises.separate_rate",
            _("Separate union rate"),
            "enterprises.large_separate",
            "enterprises.large",
            Section.BUILDING,
            stock=True,
            describe=_("enterprises at or above the threshold with a union of their own"),
            order=25,
        ),
        Figure(
            "enterprises.employees_covered",
            _("Employees of enterprises with a union"),
            people,
            Section.BUILDING,
            base=enterprises_of_subtree,
            child_key=enterprise_child_path,
            where=lambda p: COVERED,
            measure=Sum("employee_count"),
            stock=True,
            order=26,
        ),
        Figure(
            "orgs.elections_overdue",
            _("Unions overdue for elections"),
            units,
            Section.SELF,
            base=orgs_of_subtree,
            path="path",
            where=lambda p: Q(status=OrgStatus.ACTIVE, next_election_due__lt=p.end),
            stock=True,
            describe=_("active unions whose next election was due before the period's end"),
            order=11,
        ),
        Figure(
            "elections.held",
            _("Unions that held elections"),
            units,
            Section.SELF,
            base=elections_of_subtree,
            where=lambda p: Q(held_on__range=(p.start, p.end)),
            describe=_("committee elections (换届) held in the period"),
            order=10,
        ),
    )
    register_narrative()
    register_dashboard()


def organising_paragraph(ctx):
    """组织建设: unions, coverage and new unions of the subtree."""
    from reports.narrative import joined

    if not ctx.positive("orgs.grassroots", "enterprises.total"):
        return None
    parts = [
        _("As of %(date)s, %(org)s had %(unions)s grassroots unions")
        % {"date": ctx.end_label, "org": ctx.org.name, "unions": ctx.text("orgs.grassroots")}
    ]
    if ctx.positive("enterprises.total"):
        parts.append(
            _(
                "covering %(covered)s of %(total)s operating enterprises, "
                "a coverage rate of %(rate)s"
            )
            % {
                "covered": ctx.text("enterprises.covered"),
                "total": ctx.text("enterprises.total"),
                "rate": ctx.text("enterprises.coverage_rate"),
            }
        )
    if ctx.positive("enterprises.large"):
        parts.append(
            _("the separate union rate of enterprises with %(n)s or more employees was %(rate)s")
            % {
                "n": settings.GONGHUI["SEPARATE_UNION_EMPLOYEE_THRESHOLD"],
                "rate": ctx.text("enterprises.separate_rate"),
            }
        )
    if ctx.positive("orgs.founded"):
        parts.append(
            _("%(founded)s new unions were founded in the period")
            % {"founded": ctx.text("orgs.founded")}
        )
    return joined(parts)


def elections_paragraph(ctx):
    if not ctx.positive("elections.held"):
        return None
    return _("%(n)s unions held their committee elections on time in the period.") % {
        "n": ctx.text("elections.held")
    }


def coverage_gaps(ctx):
    """Children whose coverage rate lies well below the org's own (by the setting's points)."""
    from reports.narrative import Problem

    overall = ctx.value("enterprises.coverage_rate")
    if overall is None:
        return []
    gap = settings.GONGHUI["REPORT_COVERAGE_GAP_POINTS"]
    behind = [
        row
        for row in ctx.children
        if row["values"]["enterprises.coverage_rate"].value is not None
        and row["values"]["enterprises.coverage_rate"].value <= overall - gap
    ]
    behind.sort(key=lambda row: row["values"]["enterprises.coverage_rate"].value)
    if not behind:
        return []
    named = "、".join(
        f"{row['org'].name}（{row['values']['enterprises.coverage_rate'].text()}）"
        for row in behind[:3]
    )
    return [
        Problem(
            _("Union coverage lags in %(names)s, below the average of %(org)s (%(rate)s).")
            % {"names": named, "org": ctx.org.name, "rate": ctx.text("enterprises.coverage_rate")},
            _(
                "Extend union coverage in %(names)s, above all in small and micro enterprises "
                "and among workers in new forms of employment."
            )
            % {"names": "、".join(row["org"].name for row in behind[:3])},
        )
    ]


def overdue_elections(ctx):
    from reports.narrative import Problem

    if not ctx.positive("orgs.elections_overdue"):
        return []
    overdue = ctx.text("orgs.elections_overdue")
    return [
        Problem(
            _("%(n)s were overdue for their committee elections at the end of the period.")
            % {"n": overdue},
            _("Urge the %(n)s overdue for elections to hold them.") % {"n": overdue},
        )
    ]


def register_narrative():
    from reports import narrative

    narrative.register_paragraph(Section.BUILDING, organising_paragraph, order=10)
    narrative.register_paragraph(Section.SELF, elections_paragraph, order=10)
    narrative.register_problem(coverage_gaps, order=10)
    narrative.register_problem(overdue_elections, order=40)


def elections_todo(user, org):
    from django.urls import reverse
    from django.utils import timezone

    from orgs.selectors import elections_todo as due

    count = due(user, timezone.localdate()).filter(path__startswith=org.path).count()
    return count, reverse("orgs:elections-due")


def register_dashboard():
    from reports import dashboard

    dashboard.register_todo(
        "elections", _("Elections overdue or due soon"), elections_todo, order=50
    )
