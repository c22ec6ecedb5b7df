"""信访 figures of the statistics layer (reports/figures.py), section RIGHTS (维权服务, where
union work reports count letters and visits): petitions received, accepted, collective, and
replied by the deadline (按期办结率) in the period, by subtree. Also the report paragraph."""

from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from petitions.models import Petition
from reports.figures import Figure, Ratio, Section


def petitions_of_subtree(org):
    return Petition.objects.filter(org__path__startswith=org.path)


def _received(period) -> Q:
    return Q(received_on__range=(period.start, period.end))


def _replied(period) -> Q:
    return Q(replied_on__range=(period.start, period.end))


def register():
    from reports import figures, narrative

    unit = pgettext_lazy("petitions unit", "petitions")
    figures.register(
        Figure(
            "petitions.received",
            gettext_lazy("Petitions received"),
            unit,
            Section.RIGHTS,
            base=petitions_of_subtree,
            where=_received,
            describe=gettext_lazy("letters and visits received in the period"),
            order=60,
        ),
        Figure(
            "petitions.accepted",
            gettext_lazy("Petitions accepted"),
            unit,
            Section.RIGHTS,
            base=petitions_of_subtree,
            where=lambda p: Q(accepted_on__range=(p.start, p.end)),
            describe=gettext_lazy("petitions accepted in the period"),
            order=61,
        ),
        Figure(
            "petitions.collective",
            gettext_lazy("Collective petitions"),
            unit,
            Section.RIGHTS,
            base=petitions_of_subtree,
            where=lambda p: _received(p) & Q(is_collective=True),
            describe=gettext_lazy("collective petitions (five people or more) received"),
            order=62,
        ),
        Figure(
            "petitions.replied",
            gettext_lazy("Petitions replied"),
            unit,
            Section.RIGHTS,
            base=petitions_of_subtree,
            where=_replied,
            describe=gettext_lazy("petitions closed with a written reply in the period"),
            order=63,
        ),
        Figure(
            "petitions.replied_on_time",
            gettext_lazy("Petitions replied by the deadline"),
            unit,
            Section.RIGHTS,
            base=petitions_of_subtree,
            where=lambda p: _replied(p) & Q(replied_on__lte=F("handle_due_on")),
            describe=gettext_lazy("petitions replied in the period by their deadline"),
            order=64,
        ),
        Ratio(
            "petitions.on_time_rate",
            gettext_lazy("Petitions closed on time"),
            "petitions.replied_on_time",
            "petitions.replied",
            Section.RIGHTS,
            describe=gettext_lazy("replied by the deadline / replied"),
            order=65,
        ),
    )
    narrative.register_paragraph(Section.RIGHTS, petitions_paragraph, order=40)


def petitions_paragraph(ctx):
    """Letters and visits of the period; None when there were none."""
    from reports.narrative import joined

    if not ctx.positive("petitions.received", "petitions.replied"):
        return None
    parts = [
        _("Letters and visits received: %(n)s, accepted: %(accepted)s")
        % {"n": ctx.text("petitions.received"), "accepted": ctx.text("petitions.accepted")}
    ]
    if ctx.positive("petitions.collective"):
        parts.append(
            _("collective petitions among them: %(n)s") % {"n": ctx.text("petitions.collective")}
        )
    if ctx.positive("petitions.replied"):
        parts.append(
            _("replied: %(n)s, replied on time: %(rate)s")
            % {"n": ctx.text("petitions.replied"), "rate": ctx.text("petitions.on_time_rate")}
        )
    return joined(parts)
