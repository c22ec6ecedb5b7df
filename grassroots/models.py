"""Grassroots work (基层建设, C15): venues and their bookings (阵地预约), 职工之家 programmes
with self-assessment, review, 公示, award and yearly re-review, and 上下联动 tasks handed
down the tree and reported back up."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from core.uploads import file_suffix
from grassroots.choices import (
    ACTIVE_BOOKING_STATUSES,
    BookingStatus,
    EvaluationStatus,
    ProgrammeKind,
    ReportStatus,
    TaskStatus,
    VenueKind,
)


class Venue(models.Model):
    """A place workers use (工人文化宫 room, 职工书屋, sports ground), owned by a union and
    bookable by the unions (and members) of that union's subtree, slot by slot."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="venues", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=VenueKind.choices)
    address = models.CharField(_("address"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=60)
    # ISO weekdays the venue is open, e.g. "12345" for Monday to Friday.
    open_weekdays = models.CharField(_("open on weekdays"), max_length=7, default="1234567")
    book_ahead_days = models.PositiveSmallIntegerField(_("bookable days ahead"), default=14)
    cancel_hours = models.PositiveSmallIntegerField(
        _("cancellation allowed until (hours before)"), default=24
    )
    description = models.TextField(pgettext_lazy("grassroots", "description"), blank=True)
    is_active = models.BooleanField(_("open for booking"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    offered_below_field = "org"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grassroots:venue-detail", args=[self.pk])

    def is_open_on(self, day: datetime.date) -> bool:
        return str(day.isoweekday()) in self.open_weekdays

    def slots(self) -> list[tuple[datetime.time, datetime.time]]:
        """The (start, end) times of the slots of one opening day."""
        result = []
        day = datetime.date(2000, 1, 1)
        start = datetime.datetime.combine(day, self.opens_at)
        close = datetime.datetime.combine(day, self.closes_at)
        step = datetime.timedelta(minutes=self.slot_minutes or 60)
        while start + step <= close:
            result.append((start.time(), (start + step).time()))
            start += step
        return result


class Booking(models.Model):
    """One slot of a venue on one day, booked by a union (a cadre) or by a member."""

    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("venue")
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="venue_bookings",
        verbose_name=_("booked for"),
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="venue_bookings",
        verbose_name=_("member"),
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("to"))
    # Kept with the row so usage hours add up in one SQL sum on every database.
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    purpose = models.CharField(_("purpose"), max_length=200)
    headcount = models.PositiveIntegerField(_("number of people"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=200, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by"),
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The booking union's cadres and the venue owner's cadres both see the booking.
    scope_fields = ("org", "venue__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-date", "-starts_at", "-id"]
        constraints = [
            # The database, not a read-then-write check, guarantees one holder per slot:
            # of two racing inserts exactly one commits.
            models.UniqueConstraint(
                fields=["venue", "date", "starts_at"],
                condition=Q(status__in=ACTIVE_BOOKING_STATUSES),
                name="one_active_booking_per_venue_slot",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["venue", "date"]), models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.venue} {self.date:%Y-%m-%d} {self.starts_at:%H:%M}"

    def get_absolute_url(self):
        return reverse("grassroots:booking-detail", args=[self.pk])

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


class HomeProgramme(models.Model):
    """A 职工之家 creation round run by a higher org: which title, which year, the criteria
    checklist with their scores, and how long the 公示 lasts."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="home_programmes",
        verbose_name=pgettext_lazy("grassroots", "run by"),
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        pgettext_lazy("grassroots", "title"), max_length=20, choices=ProgrammeKind.choices
    )
    year = models.PositiveSmallIntegerField(_("year"))
    apply_until = models.DateField(_("self-assessments due"))
    pass_score = models.PositiveSmallIntegerField(_("score needed"), default=80)
    # Review scores needed for 1..5 stars (star-rated programmes only).
    star_thresholds = models.CharField(
        _("scores for 1–5 stars"), max_length=40, default="60,70,80,90,95", blank=True
    )
    publicity_workdays = models.PositiveSmallIntegerField(_("public notice (working days)"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    offered_below_field = "org"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("workers' home programme")
        verbose_name_plural = _("workers' home programmes")
        ordering = ["-year", "name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grassroots:programme-detail", args=[self.pk])

    def thresholds(self) -> list[int]:
        return [int(x) for x in self.star_thresholds.replace("，", ",").split(",") if x.strip()]

    def stars_for(self, score) -> int:
        if self.kind != ProgrammeKind.STAR_HOME:
            return 0
        return sum(1 for threshold in self.thresholds() if score >= threshold)

    @property
    def max_score(self) -> int:
        return sum(c.max_score for c in self.criteria.all())


class HomeCriterion(models.Model):
    """One line of a programme's checklist (by default the "六有")."""

    programme = models.ForeignKey(HomeProgramme, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(pgettext_lazy("grassroots", "criterion"), max_length=120)
    guidance = models.CharField(_("what counts"), max_length=300, blank=True)
    max_score = models.PositiveSmallIntegerField(_("full score"))

    class Meta:
        verbose_name = pgettext_lazy("grassroots", "criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title


class HomeEvaluation(models.Model):
    """A grassroots union's entry in a programme: self-assessment with evidence → review by
    the programme's org → 公示 for N working days → award, then yearly re-review."""

    programme = models.ForeignKey(
        HomeProgramme,
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("home programme"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="home_evaluations",
        verbose_name=_("union"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.DRAFT,
    )
    summary = models.TextField(_("summary of the work"), blank=True)
    self_score = models.DecimalField(
        _("self-assessed score"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    review_score = models.DecimalField(
        _("review score"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    stars = models.PositiveSmallIntegerField(_("stars"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    publicity_from = models.DateField(_("public notice from"), null=True, blank=True)
    publicity_until = models.DateField(_("public notice until"), null=True, blank=True)
    awarded_on = models.DateField(_("named on"), null=True, blank=True)
    last_rereview_year = models.PositiveSmallIntegerField(
        _("last re-review"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("workers' home evaluation")
        verbose_name_plural = _("workers' home evaluations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "org"], name="one_evaluation_per_union_and_programme"
            )
        ]
        indexes = [models.Index(fields=["status", "stars"])]

    def __str__(self):
        return f"{self.org} · {self.programme}"

    def get_absolute_url(self):
        return reverse("grassroots:evaluation-detail", args=[self.pk])


class HomeScore(models.Model):
    """The union's and the reviewer's score on one criterion."""

    evaluation = models.ForeignKey(HomeEvaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(HomeCriterion, on_delete=models.PROTECT, related_name="+")
    self_score = models.DecimalField(_("self score"), max_digits=5, decimal_places=1, null=True)
    self_note = models.CharField(_("how it is met"), max_length=500, blank=True)
    review_score = models.DecimalField(_("review score"), max_digits=5, decimal_places=1, null=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="one_home_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion} {self.self_score}"


def evidence_path(instance, filename):
    # Stored names never carry the uploader's file name: it is kept in ``name``.
    return f"grassroots/evidence/{instance.evaluation_id}/{instance.token}.{file_suffix(filename)}"


class EvidenceFile(models.Model):
    """A file backing a self-assessment; served only through the scoped download view."""

    evaluation = models.ForeignKey(
        HomeEvaluation, on_delete=models.CASCADE, related_name="evidence"
    )
    criterion = models.ForeignKey(
        HomeCriterion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("grassroots", "criterion"),
    )
    token = models.CharField(max_length=32, editable=False)
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    scope_fields = ("evaluation__org",)
    audit_hidden_fields = ("file", "token")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grassroots:evidence-download", args=[self.pk])


class HomeReReview(models.Model):
    """The yearly re-review (复核) of an awarded home: criteria found lapsed lower the stars
    (or withdraw the title)."""

    evaluation = models.ForeignKey(
        HomeEvaluation, on_delete=models.CASCADE, related_name="rereviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    lapsed = models.ManyToManyField(HomeCriterion, blank=True, verbose_name=_("lapsed criteria"))
    stars_before = models.PositiveSmallIntegerField(_("stars before"))
    stars_after = models.PositiveSmallIntegerField(_("stars after"))
    withdrawn = models.BooleanField(_("title withdrawn"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "year"], name="one_rereview_per_year")
        ]

    def __str__(self):
        return f"{self.evaluation} {self.year}"


class FormTemplate(models.Model):
    """A reusable report form (e.g. the yearly 统计 collection): a list of fields, each
    ``{"key", "label", "kind", "required", "choices"}``."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="form_templates", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(
        pgettext_lazy("grassroots", "description"), max_length=300, blank=True
    )
    fields = models.JSONField(_("fields"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    offered_below_field = "org"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grassroots:form-detail", args=[self.pk])


class TaskQuerySet(ScopedQuerySet):
    """A task is seen by its issuer's subtree and, for viewing, by every org it was sent to
    (each recipient then sees its own report only: see ``TaskReport.scope_fields``)."""

    def extra_view_condition(self, paths):
        recipient = Q()
        for path in paths:
            recipient |= Q(org__path__startswith=path)
        return Q(Exists(TaskReport.objects.filter(recipient, task=OuterRef("pk"))))


class Task(models.Model):
    """A task (上下联动) handed down by an org to chosen subordinate orgs, with a deadline
    and, where data is wanted, a form; forwarded tasks point to the task they came from."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="issued_tasks",
        verbose_name=_("issued by"),
    )
    title = models.CharField(_("subject"), max_length=150)
    instructions = models.TextField(_("instructions"), blank=True)
    deadline = models.DateField(_("deadline"))
    fields = models.JSONField(_("form fields"), default=list)
    template = models.ForeignKey(
        FormTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("report form"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwards",
        verbose_name=_("forwarded from"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grassroots:task-detail", args=[self.pk])


class TaskReport(models.Model):
    """One recipient org's answer to a task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="task_reports",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    answers = models.JSONField(_("answers"), default=dict)
    note = models.TextField(_("note"), blank=True)
    return_reason = models.CharField(_("reason for returning"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminders = models.PositiveSmallIntegerField(_("reminders"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The recipient's subtree sees its report; the issuer's subtree sees every report.
    scope_fields = ("org", "task__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["task_id", "org__path"]
        constraints = [
            models.UniqueConstraint(fields=["task", "org"], name="one_report_per_task_and_org")
        ]
        indexes = [models.Index(fields=["org", "status"])]

    def __str__(self):
        return f"{self.task} · {self.org}"

    def get_absolute_url(self):
        return reverse("grassroots:report-detail", args=[self.pk])


def report_file_path(instance, filename):
    return f"grassroots/reports/{instance.report_id}/{instance.token}.{file_suffix(filename)}"


class ReportFile(models.Model):
    """A file answer of a task report; served only through the scoped download view."""

    report = models.ForeignKey(TaskReport, on_delete=models.CASCADE, related_name="files")
    field_key = models.CharField(max_length=40)
    token = models.CharField(max_length=32, editable=False)
    file = models.FileField(_("file"), upload_to=report_file_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("report__org", "report__task__org")
    audit_hidden_fields = ("file", "token")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grassroots:report-file", args=[self.pk])
