"""Early-warning figures of the statistics layer (reports/figures.py): alerts opened and
resolved in the period, enterprises at red or orange at the end of it (their current score,
reached by then); the problem finder for red enterprises; the dashboard panel of enterprises
by level and the to-do of alerts awaiting disposal. One aggregate query per model."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from reports.figures import Figure, Section
from warning.choices import OPEN_ALERT_STATUSES, AlertStatus, RiskLevel
from warning.models import Alert, RiskScore


def alerts_of_subtree(org):
    return Alert.objects.filter(org__path__startswith=org.path)


def scores_of_subtree(org):
    from warning.selectors import in_subtree

    return in_subtree(RiskScore.objects.all(), org)


def _at_level(level):
    return lambda p: Q(level=level, level_since__date__lte=p.end)


def register():
    from reports import figures

    alerts = pgettext_lazy("warning unit", "alerts")
    enterprises = pgettext_lazy("warning unit", "enterprises")
    figures.register(
        Figure(
            "warning.alerts_opened",
            gettext_lazy("Early-warning alerts opened"),
            alerts,
            Section.RIGHTS,
            base=alerts_of_subtree,
            where=lambda p: Q(opened_at__date__range=(p.start, p.end)),
            describe=gettext_lazy("labour-relations alerts opened in the period"),
            order=60,
            trend_field="opened_at",
        ),
        Figure(
            "warning.alerts_resolved",
            gettext_lazy("Early-warning alerts resolved"),
            alerts,
            Section.RIGHTS,
            base=alerts_of_subtree,
            where=lambda p: Q(status=AlertStatus.RESOLVED, closed_at__date__range=(p.start, p.end)),
            describe=gettext_lazy("alerts closed as resolved (化解) in the period"),
            order=61,
        ),
        Figure(
            "warning.red",
            gettext_lazy("Enterprises at red warning level"),
            enterprises,
            Section.RIGHTS,
            base=scores_of_subtree,
            where=_at_level(RiskLevel.RED),
            stock=True,
            path="enterprise__territory__path",
            describe=gettext_lazy("enterprises whose current level is red, reached by the end"),
            order=62,
        ),
        Figure(
            "warning.orange",
            gettext_lazy("Enterprises at orange warning level"),
            enterprises,
            Section.RIGHTS,
            base=scores_of_subtree,
            where=_at_level(RiskLevel.ORANGE),
            stock=True,
            path="enterprise__territory__path",
            describe=gettext_lazy("enterprises whose current level is orange, reached by the end"),
            order=63,
        ),
    )
    from reports import narrative

    narrative.register_paragraph(Section.RIGHTS, warning_paragraph, order=40)
    narrative.register_problem(red_enterprises, order=55)
    register_dashboard()


def warning_paragraph(ctx):
    """劳动关系预警: alerts opened and resolved, enterprises at red/orange at the end."""
    from reports.narrative import joined

    if not ctx.positive("warning.alerts_opened", "warning.alerts_resolved"):
        return None
    parts = [
        _("%(n)s labour-relations alerts were opened and %(done)s resolved")
        % {"n": ctx.text("warning.alerts_opened"), "done": ctx.text("warning.alerts_resolved")}
    ]
    if ctx.positive("warning.red", "warning.orange"):
        parts.append(
            _("at %(end)s, %(red)s were at red and %(orange)s at orange level")
            % {
                "end": ctx.end_label,
                "red": ctx.text("warning.red"),
                "orange": ctx.text("warning.orange"),
            }
        )
    return joined(parts)


def red_enterprises(ctx):
    from reports.narrative import Problem

    if not ctx.positive("warning.red"):
        return []
    return [
        Problem(
            _("At %(end)s, %(n)s were still at the red warning level.")
            % {"end": ctx.end_label, "n": ctx.text("warning.red")},
            _(
                "Dispose of the red-level enterprises one by one with the departments "
                "concerned, wages and social insurance first."
            ),
        )
    ]


# --- the dashboard ------------------------------------------------------------------------------


def risk_panel(org, period, user):
    """Enterprises by warning level in ``org``'s subtree (the same for every user): kept in
    the dashboard's snapshot, one grouped query when it is refreshed."""
    from warning.selectors import level_counts

    return {"org_id": org.pk, "counts": level_counts(scores_of_subtree(org))}


def risk_panel_context(data):
    """The stored counts with their level names, linked to the risk list."""
    counts = data["counts"]
    return {"org_id": data["org_id"], "levels": [(level, RiskLevel(level).label, counts[level])
                                                 for level in counts]}  # fmt: skip


def alerts_todo(user, org):
    from django.urls import reverse

    count = (
        Alert.objects.visible_to(user)
        .filter(status__in=OPEN_ALERT_STATUSES, org__path__startswith=org.path)
        .count()
    )
    return count, f"{reverse('warning:alert-list')}?org={org.pk}&open=true"


def register_dashboard():
    from reports import dashboard

    dashboard.register_panel(
        "warning-risk",
        "warning/_dashboard_risk.html",
        risk_panel,
        order=10,
        stored=True,
        present=risk_panel_context,
    )
    dashboard.register_todo(
        "warning-alerts", gettext_lazy("Alerts awaiting disposal"), alerts_todo, order=40
    )
