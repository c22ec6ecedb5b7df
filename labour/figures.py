"""Labour-relations figures of the statistics layer (reports/figures.py): collective
contracts signed in the period, contracts in force at its end and the workers they cover,
职代会 sessions held and 厂务公开 disclosures made in the period; the report paragraph of
section RIGHTS. One aggregate query per model (contracts, congresses, disclosures)."""

from django.db.models import Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from labour.models import Congress, Contract, Disclosure
from labour.selectors import in_force_on
from reports.figures import Figure, Section


def contracts_of_subtree(org):
    return Contract.objects.filter(org__path__startswith=org.path)


def congresses_of_subtree(org):
    return Congress.objects.filter(org__path__startswith=org.path)


def disclosures_of_subtree(org):
    return Disclosure.objects.filter(org__path__startswith=org.path)


def register():
    from reports import figures, narrative

    contracts = pgettext_lazy("labour unit", "contracts")
    figures.register(
        Figure(
            "labour.contracts_signed",
            gettext_lazy("Collective contracts signed"),
            contracts,
            Section.RIGHTS,
            base=contracts_of_subtree,
            where=lambda p: Q(signed_on__range=(p.start, p.end)),
            describe=gettext_lazy("collective contracts signed in the period"),
            order=70,
        ),
        Figure(
            "labour.contracts_in_force",
            gettext_lazy("Collective contracts in force"),
            contracts,
            Section.RIGHTS,
            base=contracts_of_subtree,
            where=lambda p: in_force_on(p.end),
            stock=True,
            describe=gettext_lazy("collective contracts in force on the last day of the period"),
            order=71,
        ),
        Figure(
            "labour.workers_covered",
            gettext_lazy("Workers covered by collective contracts"),
            pgettext_lazy("labour unit", "workers"),
            Section.RIGHTS,
            base=contracts_of_subtree,
            where=lambda p: in_force_on(p.end),
            measure=Sum("workers_covered"),
            stock=True,
            describe=gettext_lazy(
                "workers covered by the contracts in force on the last day of the period"
            ),
            order=72,
        ),
        Figure(
            "labour.congresses",
            gettext_lazy("Workers' congress sessions held"),
            pgettext_lazy("labour unit", "sessions"),
            Section.RIGHTS,
            base=congresses_of_subtree,
            where=lambda p: Q(held_on__range=(p.start, p.end)),
            describe=gettext_lazy("workers' congress sessions held in the period"),
            order=73,
        ),
        Figure(
            "labour.disclosures",
            gettext_lazy("Factory-affairs disclosures"),
            pgettext_lazy("labour unit", "disclosures"),
            Section.RIGHTS,
            base=disclosures_of_subtree,
            where=lambda p: Q(disclosed_on__range=(p.start, p.end)),
            describe=gettext_lazy("factory-affairs disclosures (厂务公开) made in the period"),
            order=74,
        ),
    )
    narrative.register_paragraph(Section.RIGHTS, labour_paragraph, order=20)


def labour_paragraph(ctx):
    """集体协商和民主管理: contracts signed and in force, 职代会, 厂务公开."""
    from reports.narrative import joined

    if not ctx.positive("labour.contracts_signed", "labour.congresses", "labour.disclosures"):
        return None
    parts = []
    if ctx.positive("labour.contracts_signed"):
        parts.append(
            _("%(n)s collective contracts were signed in the period")
            % {"n": ctx.text("labour.contracts_signed")}
        )
    if ctx.positive("labour.contracts_in_force"):
        parts.append(
            _("at %(end)s, %(n)s were in force, covering %(workers)s")
            % {
                "end": ctx.end_label,
                "n": ctx.text("labour.contracts_in_force"),
                "workers": ctx.text("labour.workers_covered"),
            }
        )
    if ctx.positive("labour.congresses"):
        parts.append(
            _("%(n)s of workers' congresses were held") % {"n": ctx.text("labour.congresses")}
        )
    if ctx.positive("labour.disclosures"):
        parts.append(
            _("factory affairs were disclosed %(n)s") % {"n": ctx.text("labour.disclosures")}
        )
    return joined(parts)
