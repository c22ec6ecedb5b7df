"""Honours figures of the statistics layer (reports/figures.py) and the paragraph of the work
report's 建功立业 sub-section on 选树表彰 and model workers (劳模).

Four sets, one aggregate query each:

* titles kept by the subtree's unions with an award date in the period, by level and by
  honour (titles entered without a date are history, not the period's work);
* nominations the subtree's unions put forward — their 民主推荐 meeting in the period,
  drafts and withdrawn ones left out — and those whose public notice (公示) ran in the period;
* the model-worker registry as it stands (living model workers, those in hardship): the
  registry keeps no history of when a person joined it;
* care records of the subtree's model workers in the period: visits (走访慰问), the model
  workers reached by any care, the money paid and the 困难劳模 assistance among it.
"""

from django.db.models import Count, Q, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from honours.choices import CareKind, HonourKind, HonourLevel, ModelWorkerStatus, NominationStatus
from honours.models import CareRecord, HonourTitle, ModelWorker, Nomination
from reports.figures import Figure, Section

# Highest level first, as a report lists them.
LEVELS = (HonourLevel.NATIONAL, HonourLevel.PROVINCIAL, HonourLevel.CITY, HonourLevel.DISTRICT)
NOT_PUT_FORWARD = (NominationStatus.DRAFT, NominationStatus.WITHDRAWN)


def titles_of_subtree(org):
    return HonourTitle.objects.filter(org__path__startswith=org.path)


def nominations_of_subtree(org):
    return Nomination.objects.filter(org__path__startswith=org.path)


def model_workers_of_subtree(org):
    return ModelWorker.objects.filter(org__path__startswith=org.path)


def care_of_subtree(org):
    return CareRecord.objects.filter(model_worker__org__path__startswith=org.path)


def _awarded_in(period) -> Q:
    return Q(awarded_on__range=(period.start, period.end))


def _at_level(level):
    return lambda p: _awarded_in(p) & Q(level=level)


def _of_kind(kind):
    return lambda p: _awarded_in(p) & Q(kind=kind)


def _put_forward_in(period) -> Q:
    return Q(meeting_date__range=(period.start, period.end)) & ~Q(status__in=NOT_PUT_FORWARD)


def _in_notice_during(period) -> Q:
    return Q(notice_start__lte=period.end, notice_end__gte=period.start)


_LIVING = ~Q(status=ModelWorkerStatus.DECEASED)


def _cared_in(period) -> Q:
    return Q(on__range=(period.start, period.end))


def _care_of_kind(kind):
    return lambda p: _cared_in(p) & Q(kind=kind)


def register():
    from reports import figures, narrative

    titles = pgettext_lazy("report unit", "titles")
    people = _("people")
    figures.register(
        Figure(
            "honours.titles",
            _("Honour titles awarded"),
            titles,
            Section.CONTRIBUTION,
            base=titles_of_subtree,
            where=_awarded_in,
            describe=_("titles kept by the subtree's unions with an award date in the period"),
            order=40,
            trend_field="awarded_on",
        ),
        *(
            Figure(
                f"honours.titles_{level}",
                format_lazy(_("Honour titles awarded at {level} level"), level=level.label),
                titles,
                Section.CONTRIBUTION,
                base=titles_of_subtree,
                where=_at_level(level),
                describe=_("titles awarded in the period at this level"),
                order=41 + number,
            )
            for number, level in enumerate(LEVELS)
        ),
        *(
            Figure(
                f"honours.titles_{kind}",
                format_lazy(_("Titles awarded: {honour}"), honour=kind.label),
                titles,
                Section.CONTRIBUTION,
                base=titles_of_subtree,
                where=_of_kind(kind),
                describe=_("titles awarded in the period of this honour"),
                order=45 + number,
            )
            for number, kind in enumerate(HonourKind)
        ),
        Figure(
            "honours.nominated",
            _("Candidates nominated for honours"),
            pgettext_lazy("report unit", "nominations"),
            Section.CONTRIBUTION,
            base=nominations_of_subtree,
            where=_put_forward_in,
            describe=_(
                "nominations of the subtree's unions whose democratic recommendation meeting "
                "falls in the period (drafts and withdrawn nominations left out)"
            ),
            order=53,
        ),
        Figure(
            "honours.noticed",
            _("Nominations in public notice"),
            pgettext_lazy("report unit", "nominations"),
            Section.CONTRIBUTION,
            base=nominations_of_subtree,
            where=_in_notice_during,
            describe=_("nominations of the subtree's unions whose public notice ran in the period"),
            order=54,
        ),
        Figure(
            "honours.model_workers",
            _("Model workers on the registry"),
            people,
            Section.CONTRIBUTION,
            base=model_workers_of_subtree,
            where=lambda p: _LIVING,
            stock=True,
            describe=_("living model workers kept by the subtree's unions, as the registry stands"),
            order=55,
        ),
        Figure(
            "honours.model_workers_in_hardship",
            _("Model workers in hardship"),
            people,
            Section.CONTRIBUTION,
            base=model_workers_of_subtree,
            where=lambda p: _LIVING & Q(in_hardship=True),
            stock=True,
            describe=_("of those, the model workers marked in hardship (困难劳模)"),
            order=56,
        ),
        Figure(
            "honours.visits",
            _("Visits to model workers"),
            _("person-times"),
            Section.CONTRIBUTION,
            base=care_of_subtree,
            where=_care_of_kind(CareKind.VISIT),
            describe=_("visits (走访慰问) to the subtree's model workers in the period"),
            order=57,
            path="model_worker__org__path",
        ),
        Figure(
            "honours.cared",
            _("Model workers given benefits or care"),
            people,
            Section.CONTRIBUTION,
            base=care_of_subtree,
            where=_cared_in,
            measure=Count("model_worker", distinct=True),
            describe=_("model workers with any care record (benefit, visit, aid) in the period"),
            order=58,
            path="model_worker__org__path",
        ),
        Figure(
            "honours.care_amount",
            _("Money paid to model workers"),
            _("yuan"),
            Section.CONTRIBUTION,
            base=care_of_subtree,
            where=_cared_in,
            measure=Sum("amount"),
            money=True,
            describe=_("allowances, visit money and assistance paid in the period"),
            order=59,
            path="model_worker__org__path",
        ),
        Figure(
            "honours.hardship_aid",
            _("Assistance to model workers in hardship"),
            _("yuan"),
            Section.CONTRIBUTION,
            base=care_of_subtree,
            where=_care_of_kind(CareKind.HARDSHIP_AID),
            measure=Sum("amount"),
            money=True,
            describe=_("困难劳模 assistance paid in the period"),
            order=60,
            path="model_worker__org__path",
        ),
    )
    narrative.register_paragraph(Section.CONTRIBUTION, honours_paragraph, order=40)


def honours_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("honours.titles", "honours.nominated", "honours.noticed", "honours.cared"):
        return None
    parts = []
    if ctx.positive("honours.titles"):
        levels = [
            f"{level.label}{ctx.text(f'honours.titles_{level}')}"
            for level in LEVELS
            if ctx.positive(f"honours.titles_{level}")
        ]
        parts.append(
            gettext("%(titles)s honour titles were newly awarded (%(levels)s)")
            % {"titles": ctx.text("honours.titles"), "levels": "、".join(levels)}
        )
        kinds = [
            f"{kind.label}{ctx.text(f'honours.titles_{kind}')}"
            for kind in HonourKind
            if ctx.positive(f"honours.titles_{kind}")
        ]
        parts.append(gettext("of which %(kinds)s") % {"kinds": "、".join(kinds)})
    if ctx.positive("honours.nominated"):
        parts.append(
            gettext("%(nominated)s candidates were nominated through democratic recommendation")
            % {"nominated": ctx.text("honours.nominated")}
        )
    if ctx.positive("honours.noticed"):
        parts.append(
            gettext("%(noticed)s candidates were put to public notice")
            % {"noticed": ctx.text("honours.noticed")}
        )
    if ctx.positive("honours.cared"):
        workers, hardship = "honours.model_workers", "honours.model_workers_in_hardship"
        if ctx.positive(hardship):
            parts.append(
                gettext("%(workers)s model workers are on the registry, %(hardship)s in hardship")
                % {"workers": ctx.text(workers), "hardship": ctx.text(hardship)}
            )
        elif ctx.positive(workers):
            parts.append(
                gettext("%(workers)s model workers are on the registry")
                % {"workers": ctx.text(workers)}
            )
        if ctx.positive("honours.visits"):
            parts.append(
                gettext("%(cared)s received benefits or care, with %(visits)s of visits")
                % {"cared": ctx.text("honours.cared"), "visits": ctx.text("honours.visits")}
            )
        else:
            parts.append(
                gettext("%(cared)s received benefits or care")
                % {"cared": ctx.text("honours.cared")}
            )
        if ctx.positive("honours.hardship_aid"):
            parts.append(
                gettext("%(amount)s was paid to them, %(aid)s of it to model workers in hardship")
                % {
                    "amount": ctx.text("honours.care_amount"),
                    "aid": ctx.text("honours.hardship_aid"),
                }
            )
        elif ctx.positive("honours.care_amount"):
            parts.append(
                gettext("%(amount)s was paid to them") % {"amount": ctx.text("honours.care_amount")}
            )
    return joined(parts)
