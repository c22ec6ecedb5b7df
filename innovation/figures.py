"""Innovation figures of the statistics layer (reports/figures.py) and the paragraph of the
work report's 建功立业 sub-section on worker technical innovation.

One aggregate query: the innovations submitted through the subtree's unions in the period
(``submitted_on``), by kind (技术革新, 发明创造, 合理化建议, 先进操作法, 五小), those of them
adopted or implemented, and the estimated benefit of the adopted ones (kept in 万元 on the
record, counted here in yuan)."""

from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Q, Sum, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from innovation.choices import InnovationKind, InnovationStatus
from innovation.models import Innovation
from reports.figures import Figure, Ratio, Section

ADOPTED = (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED)


def innovations_of_subtree(org):
    return Innovation.objects.filter(org__path__startswith=org.path)


def _submitted_in(period) -> Q:
    return Q(submitted_on__range=(period.start, period.end))


def _adopted_in(period) -> Q:
    return _submitted_in(period) & Q(status__in=ADOPTED)


BENEFIT_IN_YUAN = ExpressionWrapper(
    F("estimated_benefit") * Value(Decimal(10_000)),
    output_field=DecimalField(max_digits=18, decimal_places=2),
)

KIND_FIGURES = (
    ("renovation", InnovationKind.RENOVATION, _("Technical renovations submitted")),
    ("invention", InnovationKind.INVENTION, _("Inventions submitted")),
    ("suggestion", InnovationKind.SUGGESTION, _("Rationalisation proposals submitted")),
    ("method", InnovationKind.METHOD, _("Advanced operating methods submitted")),
    ("five_small", InnovationKind.FIVE_SMALL, _("Five-small innovations submitted")),
)


def _of_kind(kind):
    return lambda p: _submitted_in(p) & Q(kind=kind)


def register():
    from reports import figures, narrative

    items = pgettext_lazy("report unit", "innovations")
    figures.register(
        Figure(
            "innovation.submitted",
            _("Innovations submitted"),
            items,
            Section.CONTRIBUTION,
            base=innovations_of_subtree,
            where=_submitted_in,
            describe=_("innovations submitted through the subtree's unions in the period"),
            order=20,
            headline=True,
            trend_field="submitted_on",
        ),
        *(
            Figure(
                f"innovation.{key}",
                label,
                items,
                Section.CONTRIBUTION,
                base=innovations_of_subtree,
                where=_of_kind(kind),
                describe=_("submissions of the period of this kind"),
                order=21 + number,
            )
            for number, (key, kind, label) in enumerate(KIND_FIGURES)
        ),
        Figure(
            "innovation.adopted",
            _("Innovations adopted"),
            items,
            Section.CONTRIBUTION,
            base=innovations_of_subtree,
            where=_adopted_in,
            describe=_("submissions of the period adopted or already implemented"),
            order=27,
        ),
        Ratio(
            "innovation.adoption_rate",
            _("Innovation adoption rate"),
            "innovation.adopted",
            "innovation.submitted",
            Section.CONTRIBUTION,
            describe=_("adopted / submitted in the period"),
            order=28,
        ),
        Figure(
            "innovation.benefit",
            _("Estimated benefit of adopted innovations"),
            _("yuan"),
            Section.CONTRIBUTION,
            base=innovations_of_subtree,
            where=_adopted_in,
            measure=Sum(BENEFIT_IN_YUAN),
            money=True,
            describe=_("estimated benefit of the adopted submissions of the period"),
            order=29,
        ),
    )
    narrative.register_paragraph(Section.CONTRIBUTION, innovation_paragraph, order=20)
    narrative.register_problem(low_adoption, order=60)


def innovation_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("innovation.submitted"):
        return None
    kinds = [
        f"{kind.label}{ctx.text(f'innovation.{key}')}"
        for key, kind, _label in KIND_FIGURES
        if ctx.positive(f"innovation.{key}")
    ]
    parts = [
        gettext("Workers put forward %(submitted)s technical innovations (%(kinds)s)")
        % {"submitted": ctx.text("innovation.submitted"), "kinds": "、".join(kinds)}
    ]
    if ctx.positive("innovation.adopted"):
        parts.append(
            gettext("%(adopted)s of them were adopted, an adoption rate of %(rate)s")
            % {
                "adopted": ctx.text("innovation.adopted"),
                "rate": ctx.text("innovation.adoption_rate"),
            }
        )
    if ctx.positive("innovation.benefit"):
        parts.append(
            gettext("with an estimated benefit of %(benefit)s")
            % {"benefit": ctx.text("innovation.benefit")}
        )
    return joined(parts)


def low_adoption(ctx):
    """Many submissions, few adopted: fewer than a third of at least ten."""
    from django.utils.translation import gettext

    from reports.narrative import Problem

    submitted, rate = ctx.value("innovation.submitted"), ctx.value("innovation.adoption_rate")
    if not submitted or submitted < 10 or rate is None or rate >= 100 / 3:
        return []
    return [
        Problem(
            gettext(
                "Only %(rate)s of the %(submitted)s technical innovations submitted were adopted."
            )
            % {
                "rate": ctx.text("innovation.adoption_rate"),
                "submitted": ctx.text("innovation.submitted"),
            },
            gettext(
                "Review the submissions with the enterprises and help workers turn "
                "proposals into adopted improvements."
            ),
        )
    ]
