"""Labour and skills contests (劳动和技能竞赛, C10): contests, entries, judged stages.

A contest is hosted by an org and open to the workers of the host's subtree. Entries come
from individuals, teams or whole enterprises; each keeps its number of participants, so
"X万名职工参加" is a sum over entries even where the individuals are not listed. Each
stage (初赛/复赛/决赛) is judged by its own panel against a weighted rubric.

Ranking rule (also shown on the ranking page):

* judge total = Σ weight × score over the stage's criteria;
* entry score = the contest's aggregation of its judges' totals: the plain average, or
  去掉一个最高分和一个最低分 (drop one highest and one lowest total, then average), which
  needs at least three totals — with fewer nothing is dropped; rounded half-up to 0.01;
* ties on the entry score are broken by the average score on the heaviest criterion (the
  first of equally heavy ones, all of the entry's judges, 0.01); entries still equal share
  the rank and the next rank is skipped (1, 2, 2, 4).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.choices import (
    ROUND_ORDER,
    Aggregation,
    AwardGrade,
    ContestKind,
    ContestLevel,
    ContestStatus,
    EntryKind,
    EntryStatus,
    StageRound,
    StageStatus,
)
from core.scoping import ScopedQuerySet
from core.uploads import random_name


class Contest(models.Model):
    host = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="hosted_contests",
        verbose_name=_("host"),
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    level = models.CharField(_("level"), max_length=16, choices=ContestLevel.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=ContestKind.choices, db_index=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    trade = models.CharField(_("trade or event"), max_length=100, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    aggregation = models.CharField(
        _("scoring rule"),
        max_length=16,
        choices=Aggregation.choices,
        default=Aggregation.TRIMMED,
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="qualifiers",
        verbose_name=_("qualifies for"),
        help_text=_("The higher contest this one's entries can be nominated into."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ContestStatus.choices, default=ContestStatus.DRAFT
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("host",)
    # Contests hosted above the user's subtrees are open to read and enter: a city
    # contest is open to every district's workers.
    offered_below_field = "host"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-year", "-starts_on", "id"]
        indexes = [models.Index(fields=["host", "year"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contests:detail", args=[self.pk])


def work_path(instance, filename):
    # Stored names never carry the entrant's file name: a blind panel sees the file too.
    return f"contests/works/{instance.contest_id}/{random_name(filename)}"


class ContestEntry(models.Model):
    """One entrant of a contest: a worker, a team or an enterprise, entered through its
    union (``org``). ``participant_count`` is how many workers took part through it."""

    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="entries", verbose_name=_("contest")
    )
    kind = models.CharField(_("entry type"), max_length=16, choices=EntryKind.choices)
    name = models.CharField(_("entrant"), max_length=200)
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contest_entries",
        verbose_name=_("member"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contest_entries",
        verbose_name=_("enterprise"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="contest_entries",
        verbose_name=_("union"),
    )
    team_members = models.TextField(_("team members"), blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), default=1)
    number = models.CharField(_("entry number"), max_length=20)
    status = models.CharField(
        _("status"), max_length=16, choices=EntryStatus.choices, default=EntryStatus.REGISTERED
    )
    nominated_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("nominated from"),
    )
    # A works contest (职工文化作品征集) judges a work rather than a performance: its title,
    # its text (a poem, an essay) and/or a file (a photo, a video, a document).
    work_title = models.CharField(_("work"), max_length=200, blank=True)
    work_text = models.TextField(_("text of the work"), blank=True)
    work_file = models.FileField(
        _("file of the work"), upload_to=work_path, max_length=200, blank=True
    )
    award = models.CharField(_("award"), max_length=16, choices=AwardGrade.choices, blank=True)
    final_rank = models.PositiveIntegerField(_("final rank"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "contest__host")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        ordering = ["contest", "number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="one_entry_number"),
            models.UniqueConstraint(
                fields=["contest", "nominated_from"],
                condition=Q(nominated_from__isnull=False),
                name="one_nomination_per_contest",
            ),
        ]
        indexes = [models.Index(fields=["org", "status"])]

    def __str__(self):
        return f"{self.number} {self.name}"

    def get_absolute_url(self):
        return reverse("contests:entry-detail", args=[self.pk])

    @property
    def has_work(self) -> bool:
        return bool(self.work_title or self.work_text or self.work_file)


class ContestStage(models.Model):
    """A round of a contest judged by its own panel. The first round takes every
    registered entry; a later round takes those the round before advanced."""

    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="stages", verbose_name=_("contest")
    )
    round = models.CharField(_("round"), max_length=16, choices=StageRound.choices)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    blind = models.BooleanField(
        _("blind judging"),
        default=False,
        help_text=_("Judges see entry codes only, never names or units."),
    )
    advance_count = models.PositiveIntegerField(
        _("entries advancing"),
        null=True,
        blank=True,
        help_text=_("How many go on to the next round (ties at the cut-off all go on)."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=StageStatus.choices, default=StageStatus.SETUP
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("contest__host",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contest stage")
        verbose_name_plural = _("contest stages")
        ordering = ["contest", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "round"], name="one_stage_per_round")
        ]

    def __str__(self):
        return f"{self.contest.name} · {self.get_round_display()}"

    def get_absolute_url(self):
        return reverse("contests:stage-detail", args=[self.pk])

    @property
    def order(self) -> int:
        return ROUND_ORDER[self.round]


class Criterion(models.Model):
    """A line of the stage's rubric: a judge scores it from 0 to ``max_score``; the
    judge's total weighs each score by ``weight``."""

    stage = models.ForeignKey(
        ContestStage, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("stage")
    )
    name = models.CharField(_("criterion"), max_length=100)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)
    max_score = models.DecimalField(_("maximum score"), max_digits=6, decimal_places=2)

    scope_fields = ("stage__contest__host",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        ordering = ["stage", "id"]
        constraints = [models.UniqueConstraint(fields=["stage", "name"], name="one_criterion_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.stage.get_absolute_url()


class JudgeQuerySet(ScopedQuerySet):
    def of_user(self, user):
        """The panel seats of ``user`` (a judge needs no org role to score)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class JudgeAssignment(models.Model):
    """A seat on a stage's panel. The judge's own enterprise and union are recorded here
    (or taken from the linked member), so the conflict-of-interest check reads data."""

    stage = models.ForeignKey(
        ContestStage, on_delete=models.CASCADE, related_name="judges", verbose_name=_("stage")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="judge_seats",
        verbose_name=_("user account"),
    )
    name = models.CharField(_("judge"), max_length=50)
    title = models.CharField(_("title or employer"), max_length=100, blank=True)
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="judge_seats",
        verbose_name=_("member"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="judge_seats",
        verbose_name=_("own enterprise"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="judge_seats",
        verbose_name=_("own union"),
    )

    scope_fields = ("stage__contest__host",)
    objects = JudgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        ordering = ["stage", "id"]
        constraints = [models.UniqueConstraint(fields=["stage", "user"], name="one_seat_per_judge")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.stage.get_absolute_url()

    def conflicts_with(self, entry: ContestEntry) -> bool:
        """A judge may not score an entry of their own enterprise or of a union in their
        own union's subtree (回避)."""
        if self.enterprise_id and entry.enterprise_id == self.enterprise_id:
            return True
        return bool(self.org_id and entry.org.path.startswith(self.org.path))


class StageEntryQuerySet(ScopedQuerySet):
    def judged_by(self, user):
        """Entries of stages where ``user`` holds a panel seat."""
        seats = JudgeAssignment.objects.of_user(user).values("stage_id")
        return self.filter(stage_id__in=seats)


class StageEntry(models.Model):
    """An entry in one round: its blind code, and once the round is closed its score,
    rank and whether it advanced."""

    stage = models.ForeignKey(
        ContestStage,
        on_delete=models.CASCADE,
        related_name="stage_entries",
        verbose_name=_("stage"),
    )
    entry = models.ForeignKey(
        ContestEntry,
        on_delete=models.CASCADE,
        related_name="stage_entries",
        verbose_name=_("entry"),
    )
    code = models.CharField(_("code"), max_length=12)
    score = models.DecimalField(
        pgettext_lazy("contests", "score"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    advanced = models.BooleanField(_("advanced"), default=False)

    scope_fields = ("entry__org", "stage__contest__host")
    objects = StageEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entry in a round")
        verbose_name_plural = _("entries in a round")
        ordering = ["stage", "code"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "entry"], name="one_stage_entry"),
            models.UniqueConstraint(fields=["stage", "code"], name="one_stage_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.entry.name}"

    def get_absolute_url(self):
        return self.entry.get_absolute_url()


class Score(models.Model):
    """One judge's score of one entry on one criterion."""

    stage_entry = models.ForeignKey(
        StageEntry, on_delete=models.CASCADE, related_name="scores", verbose_name=_("entry")
    )
    judge = models.ForeignKey(
        JudgeAssignment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("judge")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.DecimalField(pgettext_lazy("contests", "score"), max_digits=6, decimal_places=2)
    entered_at = models.DateTimeField(auto_now=True)

    scope_fields = ("stage_entry__stage__contest__host",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("contests", "score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["stage_entry", "judge", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.stage_entry.code} {self.criterion.name} {self.value}"
