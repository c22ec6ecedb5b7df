"""Assistance figures of the statistics layer (reports/figures.py) and the paragraph of the
work report's 帮扶救助 sub-section on hardship files and aid.

Two sets, one aggregate query each: the hardship files of the subtree's unions filed
(认定建档, ``approved_on``) in the period, by category, and closed (``closed_on``) in it;
and the aid the subtree's unions paid in the period (``delivered_on``) — members reached and
amount, in all, by kind of aid, and out of campaign money (送温暖, 金秋助学, …)."""

from django.db.models import Count, Q, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assistance.choices import AssistanceKind, FileStatus, HardshipCategory
from assistance.models import AssistanceRecord, HardshipFile
from reports.figures import Figure, Section


def files_of_subtree(org):
    return HardshipFile.objects.filter(org__path__startswith=org.path)


def records_of_subtree(org):
    return AssistanceRecord.objects.filter(org__path__startswith=org.path)


def _filed_in(period) -> Q:
    return Q(approved_on__range=(period.start, period.end))


def _closed_in(period) -> Q:
    return Q(status=FileStatus.CLOSED, closed_on__range=(period.start, period.end))


def _paid_in(period) -> Q:
    return Q(delivered_on__range=(period.start, period.end))


def _of_category(category):
    return lambda p: _filed_in(p) & Q(category=category)


def _of_kind(kind):
    return lambda p: _paid_in(p) & Q(kind=kind)


def register():
    from reports import figures, narrative

    households = pgettext_lazy("report unit", "households")
    people = _("people")
    yuan = _("yuan")
    reached = Count("member", distinct=True)
    entries = [
        Figure(
            "assistance.files_filed",
            _("Hardship files filed"),
            households,
            Section.ASSISTANCE,
            base=files_of_subtree,
            where=_filed_in,
            describe=_("hardship households the subtree's unions put on file in the period"),
            order=10,
        ),
        *(
            Figure(
                f"assistance.files_filed_{category}",
                label,
                households,
                Section.ASSISTANCE,
                base=files_of_subtree,
                where=_of_category(category),
                describe=_("households filed in the period in this category"),
                order=11 + number,
            )
            for number, (category, label) in enumerate(
                (
                    (HardshipCategory.DEEP, _("Households filed in deep hardship")),
                    (HardshipCategory.RELATIVE, _("Households filed in relative hardship")),
                    (HardshipCategory.ACCIDENT, _("Households filed in hardship from accidents")),
                )
            )
        ),
        Figure(
            "assistance.files_closed",
            _("Hardship files closed"),
            households,
            Section.ASSISTANCE,
            base=files_of_subtree,
            where=_closed_in,
            describe=_("hardship files closed in the period (out of hardship, moved, …)"),
            order=15,
        ),
        Figure(
            "assistance.people",
            _("Workers given aid"),
            people,
            Section.ASSISTANCE,
            base=records_of_subtree,
            where=_paid_in,
            measure=reached,
            describe=_("members the subtree's unions gave aid to in the period"),
            order=20,
            headline=True,
        ),
        Figure(
            "assistance.amount",
            _("Aid paid"),
            yuan,
            Section.ASSISTANCE,
            base=records_of_subtree,
            where=_paid_in,
            measure=Sum("amount"),
            money=True,
            describe=_("aid the subtree's unions paid in the period"),
            order=21,
            trend_field="delivered_on",
        ),
        Figure(
            "assistance.campaign_spent",
            _("Campaign money spent"),
            yuan,
            Section.ASSISTANCE,
            base=records_of_subtree,
            where=lambda p: _paid_in(p) & Q(campaign__isnull=False),
            measure=Sum("amount"),
            money=True,
            describe=_("aid paid in the period out of campaign allocations"),
            order=22,
        ),
    ]
    for number, kind in enumerate(AssistanceKind):
        entries += [
            Figure(
                f"assistance.people_{kind.value}",
                format_lazy("{}：{}", _("Workers given aid"), kind.label),
                people,
                Section.ASSISTANCE,
                base=records_of_subtree,
                where=_of_kind(kind),
                measure=reached,
                describe=_("members given this kind of aid in the period"),
                order=30 + 2 * number,
            ),
            Figure(
                f"assistance.amount_{kind.value}",
                format_lazy("{}：{}", _("Aid paid"), kind.label),
                yuan,
                Section.ASSISTANCE,
                base=records_of_subtree,
                where=_of_kind(kind),
                measure=Sum("amount"),
                money=True,
                describe=_("this kind of aid paid in the period"),
                order=31 + 2 * number,
            ),
        ]
    figures.register(*entries)
    narrative.register_paragraph(Section.ASSISTANCE, assistance_paragraph, order=10)


def assistance_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("assistance.files_filed", "assistance.files_closed", "assistance.people"):
        return None
    parts = []
    if ctx.positive("assistance.files_filed"):
        categories = "、".join(
            f"{category.label}{ctx.text(f'assistance.files_filed_{category.value}')}"
            for category in HardshipCategory
            if ctx.positive(f"assistance.files_filed_{category.value}")
        )
        parts.append(
            gettext("Unions put %(filed)s hardship households on file (%(categories)s)")
            % {"filed": ctx.text("assistance.files_filed"), "categories": categories}
        )
    if ctx.positive("assistance.files_closed"):
        parts.append(
            gettext("%(closed)s hardship files were closed")
            % {"closed": ctx.text("assistance.files_closed")}
        )
    if ctx.positive("assistance.people"):
        parts.append(
            gettext("aid of %(amount)s reached %(people)s workers")
            % {"amount": ctx.text("assistance.amount"), "people": ctx.text("assistance.people")}
        )
        kinds = "、".join(
            gettext("%(kind)s %(people)s, %(amount)s")
            % {
                "kind": kind.label,
                "people": ctx.text(f"assistance.people_{kind.value}"),
                "amount": ctx.text(f"assistance.amount_{kind.value}"),
            }
            for kind in AssistanceKind
            if ctx.positive(f"assistance.people_{kind.value}")
        )
        if kinds:
            parts.append(gettext("of which %(kinds)s") % {"kinds": kinds})
    if ctx.positive("assistance.campaign_spent"):
        parts.append(
            gettext("campaigns such as Sending Warmth spent %(spent)s")
            % {"spent": ctx.text("assistance.campaign_spent")}
        )
    return joined(parts)
