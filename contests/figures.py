"""Contest figures of the statistics layer (reports/figures.py) and the paragraph of the work
report's 建功立业 sub-section on labour and skills contests.

Two sets, one aggregate query each: contests hosted in the subtree that started in the
period (leaving out those still in preparation), and the entries the subtree's unions made
to contests that started in the period, whoever hosted them — with the workers who took part
through them (``participant_count``) and the entries awarded a prize."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.choices import ContestKind, ContestStatus, EntryStatus
from contests.models import Contest, ContestEntry
from reports.figures import Figure, Section


# Works contests (职工文化作品征集) belong to workers' culture: activities count them.
def contests_of_subtree(org):
    return Contest.objects.filter(host__path__startswith=org.path).exclude(kind=ContestKind.CULTURE)


def entries_of_subtree(org):
    return ContestEntry.objects.filter(org__path__startswith=org.path).exclude(
        contest__kind=ContestKind.CULTURE
    )


def _contests_held_in(period) -> Q:
    return Q(starts_on__range=(period.start, period.end)) & ~Q(status=ContestStatus.DRAFT)


def _entries_in(period) -> Q:
    return Q(
        contest__starts_on__range=(period.start, period.end), status=EntryStatus.REGISTERED
    ) & ~Q(contest__status=ContestStatus.DRAFT)


def register():
    from reports import figures, narrative

    figures.register(
        Figure(
            "contests.held",
            _("Labour and skills contests held"),
            pgettext_lazy("report unit", "contests"),
            Section.CONTRIBUTION,
            base=contests_of_subtree,
            where=_contests_held_in,
            describe=_("contests hosted in the subtree that started in the period"),
            order=10,
            path="host__path",
            trend_field="starts_on",
        ),
        Figure(
            "contests.entries",
            _("Contest entries"),
            pgettext_lazy("report unit", "entries"),
            Section.CONTRIBUTION,
            base=entries_of_subtree,
            where=_entries_in,
            describe=_("entries of the subtree's unions to contests that started in the period"),
            order=11,
        ),
        Figure(
            "contests.participants",
            _("Contest participants"),
            _("person-times"),
            Section.CONTRIBUTION,
            base=entries_of_subtree,
            where=_entries_in,
            measure=Sum("participant_count"),
            describe=_("workers who took part through those entries (participants per entry)"),
            order=12,
            headline=True,
        ),
        Figure(
            "contests.awarded",
            _("Contest entries awarded"),
            pgettext_lazy("report unit", "entries"),
            Section.CONTRIBUTION,
            base=entries_of_subtree,
            where=lambda p: _entries_in(p) & ~Q(award=""),
            measure=Count("pk"),
            describe=_("those entries that won a first, second or third prize"),
            order=13,
        ),
    )
    narrative.register_paragraph(Section.CONTRIBUTION, contests_paragraph, order=10)


def contests_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("contests.held", "contests.participants"):
        return None
    parts = []
    if ctx.positive("contests.held"):
        parts.append(
            gettext("Unions organised %(held)s labour and skills contests")
            % {"held": ctx.text("contests.held")}
        )
    if ctx.positive("contests.participants"):
        parts.append(
            gettext("%(participants)s of workers took part through %(entries)s contest entries")
            % {
                "participants": ctx.text("contests.participants"),
                "entries": ctx.text("contests.entries"),
            }
        )
    if ctx.positive("contests.awarded"):
        parts.append(
            gettext("%(awarded)s contest entries won prizes")
            % {"awarded": ctx.text("contests.awarded")}
        )
    return joined(parts)
