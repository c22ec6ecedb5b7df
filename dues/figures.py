"""Dues figures of the statistics layer (reports/figures.py): member-months of the period's
months, how many were paid, and the amount collected."""

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from dues.choices import DuesStatus
from dues.models import DuesRecord
from reports.figures import Figure, Ratio, Section


def dues_of_subtree(org):
    return DuesRecord.objects.filter(org__path__startswith=org.path)


def _months(period) -> Q:
    return Q(month__range=(period.start.replace(day=1), period.end))


def register():
    from reports import figures

    member_months = _("member-months")
    figures.register(
        Figure(
            "dues.due",
            _("Dues owed"),
            member_months,
            Section.SELF,
            base=dues_of_subtree,
            where=lambda p: _months(p) & ~Q(status=DuesStatus.EXEMPT),
            describe=_("monthly dues records of the period's months, exempt months left out"),
            order=20,
        ),
        Figure(
            "dues.paid",
            _("Dues paid"),
            member_months,
            Section.SELF,
            base=dues_of_subtree,
            where=lambda p: _months(p) & Q(status=DuesStatus.PAID),
            order=21,
        ),
        Ratio(
            "dues.payment_rate",
            _("Dues payment rate"),
            "dues.paid",
            "dues.due",
            Section.SELF,
            describe=_("paid member-months / owed member-months"),
            order=22,
        ),
        Figure(
            "dues.amount_paid",
            _("Dues collected"),
            _("yuan"),
            Section.SELF,
            base=dues_of_subtree,
            where=lambda p: _months(p) & Q(status=DuesStatus.PAID),
            measure=Sum("amount"),
            money=True,
            describe=_("the amounts of the paid records of the period's months"),
            order=23,
            headline=True,
            trend_field="month",
        ),
    )
    register_narrative()


def dues_paragraph(ctx):
    from reports.narrative import joined

    if not ctx.positive("dues.due"):
        return None
    return joined(
        [
            _("Dues were paid for %(paid)s of %(due)s member-months, a payment rate of %(rate)s")
            % {
                "paid": ctx.text("dues.paid"),
                "due": ctx.text("dues.due"),
                "rate": ctx.text("dues.payment_rate"),
            },
            _("%(amount)s were collected") % {"amount": ctx.text("dues.amount_paid")},
        ]
    )


def register_narrative():
    from reports import narrative

    narrative.register_paragraph(Section.SELF, dues_paragraph, order=20)
