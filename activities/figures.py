"""Figures of the statistics layer (reports/figures.py) for activities and notices, and the
paragraphs of the work report's 思想政治引领 sub-section.

Each set has one ``base`` (one aggregate query): activities hosted in the subtree and
started in the period, with their places taken and check-ins (counters kept on the
activity); notices published in the subtree in the period, with their audience size and
reads (counter kept on the notice)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from activities.choices import ActivityStatus, NoticeStatus
from activities.models import Activity, Notice, QuizAttempt
from reports.figures import Figure, Ratio, Section


def activities_of_subtree(org):
    return Activity.objects.filter(org__path__startswith=org.path)


def notices_of_subtree(org):
    return Notice.objects.filter(org__path__startswith=org.path)


def quiz_papers_of_subtree(org):
    """Papers handed in by the subtree's members, at whichever union's quiz."""
    return QuizAttempt.objects.filter(member__org__path__startswith=org.path)


def _held_in(period) -> Q:
    return Q(starts_at__date__range=(period.start, period.end)) & ~Q(
        status=ActivityStatus.CANCELLED
    )


def _published_in(period) -> Q:
    return Q(publish_at__date__range=(period.start, period.end), status=NoticeStatus.PUBLISHED)


def register():
    from reports import figures, narrative

    person_times = _("person-times")
    figures.register(
        Figure(
            "activities.held",
            _("Activities held"),
            _("activities"),
            Section.GUIDANCE,
            base=activities_of_subtree,
            where=_held_in,
            describe=_("activities hosted in the subtree that started in the period"),
            order=10,
        ),
        Figure(
            "activities.registrations",
            _("Activity registrations"),
            person_times,
            Section.GUIDANCE,
            base=activities_of_subtree,
            where=_held_in,
            measure=Sum("places_taken"),
            describe=_("places taken at the activities of the period"),
            order=11,
        ),
        Figure(
            "activities.attendance",
            _("Activity attendance"),
            person_times,
            Section.GUIDANCE,
            base=activities_of_subtree,
            where=_held_in,
            measure=Sum("checked_in_count"),
            describe=_("check-ins at the activities of the period"),
            order=12,
            headline=True,
            trend_field="starts_at",
        ),
        Figure(
            "notices.published",
            _("Notices published"),
            _("items"),
            Section.GUIDANCE,
            base=notices_of_subtree,
            where=_published_in,
            describe=_("notices and news published in the subtree in the period"),
            order=20,
        ),
        Figure(
            "notices.recipients",
            _("Notice recipients"),
            person_times,
            Section.GUIDANCE,
            base=notices_of_subtree,
            where=_published_in,
            measure=Sum("recipients"),
            describe=_("the audience of each notice of the period when it was published"),
            order=21,
        ),
        Figure(
            "notices.reads",
            _("Notice reads"),
            person_times,
            Section.GUIDANCE,
            base=notices_of_subtree,
            where=_published_in,
            measure=Sum("read_count"),
            describe=_("members and cadres who opened the notices of the period"),
            order=22,
        ),
        Figure(
            "quizzes.participants",
            _("Quiz participants"),
            _("people"),
            Section.GUIDANCE,
            base=quiz_papers_of_subtree,
            where=lambda p: Q(submitted_at__date__range=(p.start, p.end), score__isnull=False),
            measure=Count("member", distinct=True),
            describe=_("members of the subtree who handed in a scored quiz paper in the period"),
            order=15,
            path="member__org__path",
        ),
        Ratio(
            "notices.read_rate",
            _("Notice read rate"),
            "notices.reads",
            "notices.recipients",
            Section.GUIDANCE,
            describe=_("reads / recipients of the notices of the period"),
            order=23,
        ),
    )
    narrative.register_paragraph(Section.GUIDANCE, activities_paragraph, order=10)
    narrative.register_paragraph(Section.GUIDANCE, notices_paragraph, order=20)


def activities_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("activities.held", "quizzes.participants"):
        return None
    quiz = (
        gettext("%(people)s took part in knowledge quizzes")
        % {"people": ctx.text("quizzes.participants")}
        if ctx.positive("quizzes.participants")
        else ""
    )
    if not ctx.positive("activities.held"):
        return joined([quiz])
    return joined(
        [
            gettext("Unions held %(held)s lectures, theme-education, sports and culture activities")
            % {"held": ctx.text("activities.held")},
            gettext("with %(registrations)s registrations and an attendance of %(attendance)s")
            % {
                "registrations": ctx.text("activities.registrations"),
                "attendance": ctx.text("activities.attendance"),
            },
            quiz,
        ]
    )


def notices_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("notices.published"):
        return None
    return joined(
        [
            gettext("Unions published %(published)s notices and news items to workers")
            % {"published": ctx.text("notices.published")},
            gettext("read %(reads)s, a read rate of %(rate)s")
            % {"reads": ctx.text("notices.reads"), "rate": ctx.text("notices.read_rate")},
        ]
    )
