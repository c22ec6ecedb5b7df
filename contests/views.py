import mimetypes

from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from contests import actions, selectors
from contests.choices import Aggregation, ContestStatus, EntryStatus, StageStatus
from contests.filtersets import ContestFilterSet, EntryFilterSet, JudgingFilterSet
from contests.forms import (
    AwardForm,
    ContestEditForm,
    ContestForm,
    ContestStatusForm,
    CriterionForm,
    EntryForm,
    JudgeForm,
    ScoreForm,
    StageForm,
)
from contests.models import (
    Contest,
    ContestEntry,
    ContestStage,
    Criterion,
    JudgeAssignment,
    StageEntry,
)
from contests.tables import CONTEST_COLUMNS, ENTRY_COLUMNS, JUDGING_COLUMNS, RANKING_COLUMNS
from core.choices import Action
from core.exports import xlsx_response
from core.forms import ConfirmForm
from core.uploads import file_response, file_suffix
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)

REGISTERED = Q(entries__status=EntryStatus.REGISTERED)
RANKING_PAGE = 100


def can_change(model, user, obj) -> bool:
    return model.objects.visible_to(user, Action.CHANGE).filter(pk=obj.pk).exists()


class ContestListView(ObjectListView):
    model = Contest
    filterset_class = ContestFilterSet
    columns = CONTEST_COLUMNS
    title = gettext_lazy("Labour and skills contests")
    export_name = "劳动和技能竞赛"
    create_url_name = "contests:create"
    template_name = "contests/contest_list.html"
    default_sort = ("-year", "-starts_on", "pk")

    def base_queryset(self):
        return Contest.objects.select_related("host").annotate(
            entry_count=Count("entries", filter=REGISTERED),
            participants=Sum("entries__participant_count", filter=REGISTERED),
        )


class ContestDetailView(ObjectDetailView):
    model = Contest
    template_name = "contests/contest_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Contest.objects.select_related("host", "parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contest = self.object
        context["can_change"] = can_change(Contest, self.request.user, contest)
        context["figures"] = contest.entries.filter(status=EntryStatus.REGISTERED).aggregate(
            entries=Count("pk"),
            participants=Sum("participant_count"),
            orgs=Count("org", distinct=True),
            awarded=Count("pk", filter=~Q(award="")),
        )
        context["stages"] = (
            ContestStage.objects.filter(contest=contest)
            .visible_to(self.request.user)
            .annotate(entry_count=Count("stage_entries", distinct=True))
        )
        context["qualifiers"] = contest.qualifiers.visible_to(self.request.user)
        context["taking_entries"] = contest.status in (ContestStatus.DRAFT, ContestStatus.OPEN)
        return context


class ContestCreateView(ActionFormView):
    form_class = ContestForm
    title = gettext_lazy("New contest")
    success_message = gettext_lazy("The contest was created.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["parent"].queryset = Contest.objects.visible_to(self.request.user).exclude(
            status=ContestStatus.CLOSED
        )
        return form

    def get_initial(self):
        return {"aggregation": Aggregation.TRIMMED, "host": self.request.GET.get("host")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("contests:list")
        return context

    def perform(self, form):
        return actions.contest_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class ContestUpdateView(ScopedObjectFormView):
    model = Contest
    form_class = ContestEditForm
    success_message = gettext_lazy("The contest was saved.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["parent"].queryset = (
            Contest.objects.visible_to(self.request.user)
            .exclude(status=ContestStatus.CLOSED)
            .exclude(pk=self.object.pk)
        )
        return form

    def get_initial(self):
        c = self.object
        fields = [
            "name",
            "year",
            "kind",
            "level",
            "theme",
            "trade",
            "starts_on",
            "ends_on",
            "aggregation",
            "description",
        ]
        return {name: getattr(c, name) for name in fields} | {"parent": c.parent_id}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.contest_update(
            actor=self.request.user, contest=self.object, data=form.cleaned_data
        )


class ContestStatusView(ScopedObjectFormView):
    model = Contest
    form_class = ContestStatusForm
    success_message = gettext_lazy("The status was changed.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"contest": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Change the status of %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.contest_set_status(
            actor=self.request.user, contest=self.object, status=form.cleaned_data["status"]
        )


class StageCreateView(ScopedObjectFormView):
    model = Contest
    form_class = StageForm
    success_message = gettext_lazy("The round was added.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Add a round to %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.stage_create(
            actor=self.request.user, contest=self.object, data=form.cleaned_data
        )


class ContestAwardView(ScopedObjectFormView):
    model = Contest
    form_class = AwardForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Give the awards of %(name)s") % {"name": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        self.count = actions.contest_award(
            actor=self.request.user, contest=self.object, **form.cleaned_data
        )
        return self.object

    @property
    def success_message(self):
        return _("%(count)s entries were awarded; the contest is closed.") % {"count": self.count}


class EntryListView(ObjectListView):
    model = ContestEntry
    filterset_class = EntryFilterSet
    columns = ENTRY_COLUMNS
    title = gettext_lazy("Contest entries")
    export_name = "参赛报名"
    create_url_name = "contests:entry-create"
    default_sort = ("contest", "number", "pk")

    def base_queryset(self):
        return ContestEntry.objects.select_related("contest", "org", "enterprise")


class EntryDetailView(ObjectDetailView):
    model = ContestEntry
    template_name = "contests/entry_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return ContestEntry.objects.select_related(
            "contest", "contest__parent", "org", "enterprise", "member", "nominated_from"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        user = self.request.user
        context["can_change"] = can_change(ContestEntry, user, entry)
        context["can_nominate"] = bool(entry.contest.parent_id) and can_change(
            Contest, user, entry.contest
        )
        context["rounds"] = (
            StageEntry.objects.filter(entry=entry).select_related("stage").order_by("stage__id")
        )
        context["nominations"] = entry.nominations.visible_to(user).select_related("contest")
        return context


class EntryCreateView(ActionFormView):
    form_class = EntryForm
    title = gettext_lazy("New contest entry")
    success_message = gettext_lazy("The entry was registered.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Contests hosted above the user's unions take entries from them too.
        form.fields["contest"].queryset = Contest.objects.visible_to(self.request.user).filter(
            status__in=(ContestStatus.DRAFT, ContestStatus.OPEN)
        )
        return form

    def get_initial(self):
        return {"contest": self.request.GET.get("contest"), "participant_count": 1}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("contests:entry-list")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        contest = data.pop("contest")
        return actions.entry_create(actor=self.request.user, contest=contest, data=data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class EntryWithdrawView(ScopedObjectFormView):
    model = ContestEntry
    form_class = ConfirmForm
    success_message = gettext_lazy("The entry was withdrawn.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Withdraw %(entry)s") % {"entry": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.entry_withdraw(actor=self.request.user, entry=self.object)


class EntryNominateView(ScopedObjectFormView):
    model = ContestEntry
    form_class = ConfirmForm
    success_message = gettext_lazy("The entry was nominated into the higher contest.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = self.object.contest.parent
        context["title"] = _("Nominate %(entry)s into %(contest)s") % {
            "entry": self.object,
            "contest": target or "—",
        }
        return context

    def perform(self, form):
        return actions.entry_nominate(actor=self.request.user, entry=self.object)


class StageDetailView(ObjectDetailView):
    model = ContestStage
    template_name = "contests/stage_detail.html"
    tabs = [("overview", gettext_lazy("Rubric and panel")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return ContestStage.objects.select_related("contest", "contest__host")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stage = self.object
        context["can_change"] = can_change(ContestStage, self.request.user, stage)
        context["criteria"] = selectors.criteria_of(stage)
        context["judges"] = stage.judges.select_related("user", "org", "enterprise")
        context["entry_count"] = stage.stage_entries.count()
        if stage.status == StageStatus.SCORING:
            context["missing"] = selectors.missing_scores(stage)
        return context


class StageRankingView(ScopedMixin, TemplateView):
    """The ranking of a round, with the scoring and tie rules spelled out; xlsx export of
    every row, pages of ``RANKING_PAGE`` on screen."""

    model = ContestStage
    template_name = "contests/ranking.html"

    def base_queryset(self):
        return ContestStage.objects.select_related("contest")

    def get(self, request, pk):
        stage = self.get_scoped_object(pk)
        rows = selectors.stage_results(stage)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(f"{stage}排名", RANKING_COLUMNS, rows)
        page = Paginator(rows, RANKING_PAGE).get_page(request.GET.get("page"))
        return self.render_to_response(
            self.get_context_data(
                object=stage,
                rows=page.object_list,
                page=page,
                title=_("Ranking of %(stage)s") % {"stage": stage},
            )
        )


class StageChildFormView(ScopedObjectFormView):
    model = ContestStage

    def get_success_url(self):
        return self.object.get_absolute_url()


class CriterionCreateView(StageChildFormView):
    form_class = CriterionForm
    success_message = gettext_lazy("The criterion was added.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Add a criterion to %(stage)s") % {"stage": self.object}
        return context

    def perform(self, form):
        return actions.criterion_add(
            actor=self.request.user, stage=self.object, **form.cleaned_data
        )


class JudgeCreateView(StageChildFormView):
    form_class = JudgeForm
    success_message = gettext_lazy("The judge was seated.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Seat a judge for %(stage)s") % {"stage": self.object}
        return context

    def perform(self, form):
        return actions.judge_add(actor=self.request.user, stage=self.object, **form.cleaned_data)


class StageOpenView(StageChildFormView):
    form_class = ConfirmForm
    success_message = gettext_lazy("Scoring has begun.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Start scoring %(stage)s") % {"stage": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.stage_open(actor=self.request.user, stage=self.object)


class StageCloseView(StageChildFormView):
    form_class = ConfirmForm
    success_message = gettext_lazy("The results are out.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Publish the results of %(stage)s") % {"stage": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.stage_close(actor=self.request.user, stage=self.object)


class CriterionRemoveView(ScopedObjectFormView):
    model = Criterion
    form_class = ConfirmForm
    success_message = gettext_lazy("The criterion was removed.")

    def base_queryset(self):
        return Criterion.objects.select_related("stage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Remove the criterion %(name)s") % {"name": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.criterion_remove(actor=self.request.user, criterion=self.object)


class JudgeRemoveView(ScopedObjectFormView):
    model = JudgeAssignment
    form_class = ConfirmForm
    success_message = gettext_lazy("The judge was removed from the panel.")

    def base_queryset(self):
        return JudgeAssignment.objects.select_related("stage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Remove %(name)s from the panel") % {"name": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.judge_remove(actor=self.request.user, judge=self.object)


# --- the judges' pages: reached through a panel seat, not an org role -------------------


class JudgeSeatMixin:
    def get_queryset(self):
        seats = JudgeAssignment.objects.of_user(self.request.user).values("stage_id")
        return self.base_queryset().filter(pk__in=seats)


class JudgingListView(JudgeSeatMixin, ObjectListView):
    """The rounds the user judges."""

    model = ContestStage
    filterset_class = JudgingFilterSet
    columns = JUDGING_COLUMNS
    title = gettext_lazy("My judging")
    table_template = "contests/_judging_table.html"
    export_name = "评审任务"
    default_sort = ("-id",)

    def base_queryset(self):
        return ContestStage.objects.select_related("contest")


class JudgeSheetView(JudgeSeatMixin, ScopedMixin, TemplateView):
    """A judge's sheet: only the entries of their round, names hidden when blind."""

    model = ContestStage
    template_name = "contests/judge_sheet.html"

    def base_queryset(self):
        return ContestStage.objects.select_related("contest")

    def get(self, request, pk):
        stage = self.get_scoped_object(pk)
        judge = selectors.seat_of(request.user, stage)
        rows = selectors.judge_sheet(judge)
        context = self.get_context_data(
            object=stage,
            judge=judge,
            criteria=selectors.criteria_of(stage),
            rows=rows,
            has_works=any(row["stage_entry"].entry.has_work for row in rows),
            title=_("Score sheet of %(stage)s") % {"stage": stage},
        )
        return self.render_to_response(context)


class ScoreEntryView(ScopedObjectFormView):
    """A judge scores one entry on every criterion."""

    model = StageEntry
    form_class = ScoreForm
    template_name = "contests/score_form.html"
    success_message = gettext_lazy("The scores were saved.")

    def get_queryset(self):
        return StageEntry.objects.judged_by(self.request.user).select_related(
            "stage", "stage__contest", "entry", "entry__org", "entry__enterprise"
        )

    def get_form_kwargs(self):
        self.criteria = selectors.criteria_of(self.object.stage)
        return super().get_form_kwargs() | {"criteria": self.criteria}

    def get_initial(self):
        judge = selectors.seat_of(self.request.user, self.object.stage)
        if judge is None:
            raise Http404
        values = self.object.scores.filter(judge=judge).values_list("criterion_id", "value")
        return {f"criterion_{cid}": value for cid, value in values}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        se = self.object
        shown = se.code if se.stage.blind else f"{se.code} {se.entry.name}"
        context["title"] = _("Score %(entry)s") % {"entry": shown}
        context["cancel_url"] = reverse("contests:judge-sheet", args=[se.stage_id])
        context["work_url"] = reverse("contests:judge-work", args=[se.pk])
        return context

    def perform(self, form):
        values = {c.pk: form.cleaned_data.get(f"criterion_{c.pk}") for c in self.criteria}
        actions.score_submit(actor=self.request.user, stage_entry=self.object, values=values)
        return self.object

    def get_success_url(self):
        return reverse("contests:judge-sheet", args=[self.object.stage_id])


# --- the file of a work (职工文化作品): for the entry's cadres and for its judges ------------


def work_response(entry: ContestEntry, label: str):
    """The work's file under a neutral name (``label``), so that a blind panel learns
    nothing from it; pictures, videos, recordings and PDFs open in the browser, other files
    download."""
    if not entry.work_file:
        raise Http404(_("The file is not available."))
    suffix = file_suffix(entry.work_file.name)
    content_type = mimetypes.guess_type(f"work.{suffix}")[0] or ""
    if content_type.startswith(("image/", "video/", "audio/", "application/pdf")):
        return file_response(entry.work_file, content_type=content_type)
    return file_response(entry.work_file, filename=f"{label}.{suffix}")


class EntryWorkView(ScopedMixin, View):
    model = ContestEntry

    def get(self, request, pk):
        entry = self.get_scoped_object(pk)
        return work_response(entry, _("Work %(number)s") % {"number": entry.number})


class JudgeWorkView(ScopedMixin, View):
    """A judge opens the work of an entry of their round (by its code only)."""

    model = StageEntry

    def get_queryset(self):
        return StageEntry.objects.judged_by(self.request.user).select_related("entry")

    def get(self, request, pk):
        stage_entry = self.get_scoped_object(pk)
        return work_response(stage_entry.entry, _("Work %(number)s") % {"number": stage_entry.code})
