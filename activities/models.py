from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.choices import (
    ActivityKind,
    ActivityStatus,
    CheckInMethod,
    NoticeAudience,
    NoticeKind,
    NoticeStatus,
    QuestionKind,
    RegistrationStatus,
    SubmissionStatus,
)
from core.models import UploadedPhoto
from core.scoping import ScopedQuerySet, path_and_ancestors
from core.uploads import random_name


class Activity(models.Model):
    """An activity a union holds for workers (宣讲, 主题教育, 劳模宣讲, 文体活动, 作品征集).

    ``places_taken`` counts the registrations holding a place; registration takes a place
    with one conditional UPDATE (``places_taken < capacity``), so two members racing for the
    last place can never both get it, on any database."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="activities", verbose_name=_("host")
    )
    audience = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("audience"),
        help_text=_("Members of this organisation and the unions below it may register."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(pgettext_lazy("activities", "description"), blank=True)
    place = models.CharField(_("place"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("places"))
    places_taken = models.PositiveIntegerField(_("places taken"), default=0)
    # Kept with each check-in so that period figures of a subtree cost one aggregate query.
    checked_in_count = models.PositiveIntegerField(_("checked in"), default=0)
    checkin_code = models.CharField(_("check-in code"), max_length=6)
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.OPEN
    )
    # A call for works (作品征集) is judged as a contest of kind "culture" (C10 judging);
    # set when the host sends the works to judging.
    contest = models.OneToOneField(
        "contests.Contest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="works_call",
        verbose_name=_("judged in"),
    )
    summary = models.TextField(_("summary"), blank=True)
    summarised_at = models.DateTimeField(_("summarised at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_at", "id"]
        indexes = [models.Index(fields=["org", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(places_taken__lte=models.F("capacity")),
                name="activity_places_taken_within_capacity",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.pk])

    @property
    def name(self) -> str:
        """What breadcrumbs and form titles call the object."""
        return self.title

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - self.places_taken)

    @property
    def is_works_call(self) -> bool:
        return self.kind == ActivityKind.CULTURE_CONTEST


def submission_path(instance, filename):
    # Stored names never carry the member's file name (kept in ``file_name``).
    return f"activities/works/{instance.activity_id}/{random_name(filename)}"


class Submission(models.Model):
    """A work a member sends to a call for works (作品征集): a title, a text (a poem, an
    essay) and/or a file (a photo, a video, a document). One per member and call; a
    submission takes one of the call's places. Sent to judging, it becomes an entry of the
    call's contest (``entry``), whose award is the submission's result."""

    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("activity")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="work_submissions",
        verbose_name=_("member"),
    )
    title = models.CharField(_("title of the work"), max_length=120)
    text = models.TextField(_("text of the work"), blank=True)
    file = models.FileField(
        _("file of the work"), upload_to=submission_path, max_length=200, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    entry = models.OneToOneField(
        "contests.ContestEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submission",
        verbose_name=_("contest entry"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("member__org", "activity__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("work submission")
        verbose_name_plural = _("work submissions")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "member"], name="submission_one_per_member_activity"
            )
        ]

    def __str__(self):
        return f"{self.member.name} ·《{self.title}》"

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.activity_id]) + "?tab=works"


class Registration(models.Model):
    """A member's registration for an activity: holding a place, waiting for one (promoted
    in order of ``waiting_since`` when a place frees), or cancelled; checked in on site."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("activity"),
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="activity_registrations",
        verbose_name=_("member"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(_("registered at"))
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checkin_method = models.CharField(
        _("check-in method"), max_length=8, choices=CheckInMethod.choices, blank=True
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    # A member registers with their own union; the host sees them since the audience lies
    # within the host's subtree.
    scope_fields = ("member__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity registration")
        verbose_name_plural = _("activity registrations")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "member"], name="one_registration_per_member_activity"
            )
        ]
        indexes = [
            models.Index(fields=["activity", "status", "waiting_since"]),
            models.Index(fields=["checked_in_at"]),
        ]

    def __str__(self):
        return f"{self.member.name} · {self.activity.title}"

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.activity_id]) + "?tab=registrations"


class Notice(models.Model):
    """An article or notice (新媒体) published by a union to the members or the cadres of
    its subtree. It stays hidden until ``publish_at``. ``recipients`` is the size of the
    audience when the notice was published, the base of its read rate."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="notices", verbose_name=_("publisher")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=NoticeKind.choices)
    audience = models.CharField(_("audience"), max_length=8, choices=NoticeAudience.choices)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    publish_at = models.DateTimeField(_("publish at"))
    status = models.CharField(
        _("status"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.PUBLISHED
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    # Kept with each first read, so read rates need no join to the receipts.
    read_count = models.PositiveIntegerField(_("reads"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-publish_at", "-id"]
        indexes = [models.Index(fields=["audience", "status", "publish_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:notice-detail", args=[self.pk])

    @property
    def name(self) -> str:
        """What breadcrumbs and form titles call the object."""
        return self.title


def cadre_inbox_condition(paths, now, prefix: str = "") -> models.Q:
    """Published notices for cadres from a union at or above any of ``paths``: what the
    cadre inbox of a user with those subtrees shows (``prefix`` reaches the notice from a
    related model, e.g. ``"notice__"``)."""
    above = sorted({ancestor for path in paths for ancestor in path_and_ancestors(path)})
    return models.Q(
        **{
            f"{prefix}audience": NoticeAudience.CADRES,
            f"{prefix}status": NoticeStatus.PUBLISHED,
            f"{prefix}publish_at__lte": now,
            f"{prefix}org__path__in": above,
        }
    )


def notice_attachment_path(attachment, filename: str) -> str:
    # Stored names never carry the uploader's file name: it is kept in ``name``.
    return f"activities/notices/{attachment.notice_id}/{random_name(filename)}"


class NoticeAttachmentQuerySet(ScopedQuerySet):
    """An attachment is seen by whoever sees its notice: the publisher's subtree and, for
    viewing, the cadres whose inbox holds the notice (unions below the publisher)."""

    def extra_view_condition(self, paths):
        return cadre_inbox_condition(paths, timezone.now(), prefix="notice__")


class NoticeAttachment(models.Model):
    """A file published with a notice; served only through the scoped download views (the
    cadre's and the member's)."""

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("notice")
    )
    file = models.FileField(_("file"), upload_to=notice_attachment_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    scope_fields = ("notice__org",)
    audit_hidden_fields = ("file",)
    objects = NoticeAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice attachment")
        verbose_name_plural = _("notice attachments")
        ordering = ["id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("activities:notice-attachment", args=[self.pk])

    def get_member_url(self):
        return reverse("activities:m-notice-attachment", args=[self.pk])


class NoticeRead(models.Model):
    """A read receipt: a member (portal) or a cadre (user) opened the notice."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="reads")
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    read_at = models.DateTimeField(_("read at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notice", "member"], name="one_read_per_member"),
            models.UniqueConstraint(fields=["notice", "user"], name="one_read_per_user"),
        ]

    def __str__(self):
        return f"{self.notice_id} · {self.member_id or self.user_id}"


def activity_photo_path(photo, filename: str) -> str:
    # The action names the file from its content type; the uploader's name is not kept.
    return f"activities/photos/{photo.activity_id}/{random_name(filename)}"


class ActivityPhoto(UploadedPhoto):
    """A photo taken at an activity, added with its summary; served by the app (cadres of
    the host, members who may see the activity), never as a public media file."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="photos", verbose_name=_("activity")
    )
    image = models.FileField(_("photo"), upload_to=activity_photo_path, max_length=200)

    scope_fields = ("activity__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta(UploadedPhoto.Meta):
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")

    def __str__(self):
        return f"{self.activity.title} {self.caption or self.pk}"

    def get_absolute_url(self):
        return reverse("activities:photo", args=[self.pk])

    def get_member_url(self):
        return reverse("activities:m-photo", args=[self.pk])


class QuestionBank(models.Model):
    """A bank of quiz questions (题库), imported from a spreadsheet."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="question_banks",
        verbose_name=pgettext_lazy("activities", "owner"),
    )
    name = models.CharField(_("name"), max_length=120)
    question_count = models.PositiveIntegerField(_("questions"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("activities:bank-detail", args=[self.pk])


class Question(models.Model):
    """One question; ``options`` in the bank's order, ``answer`` the indexes of the right
    options in that order (shuffling on a paper never changes them)."""

    bank = models.ForeignKey(QuestionBank, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    options = models.JSONField(_("options"))
    answer = models.JSONField(_("answer"))

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.text[:40]

    @property
    def answer_letters(self) -> str:
        if self.kind == QuestionKind.TRUE_FALSE:
            return self.options[self.answer[0]] if self.answer else ""
        return "".join("ABCDEF"[i] for i in self.answer)


class Quiz(models.Model):
    """A knowledge contest (知识竞赛): questions drawn from a bank for each attempt, a time
    limit, a window, and how many attempts a member has."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="quizzes", verbose_name=_("host")
    )
    audience = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("audience")
    )
    bank = models.ForeignKey(
        QuestionBank, on_delete=models.PROTECT, related_name="quizzes", verbose_name=_("bank")
    )
    title = models.CharField(_("title"), max_length=120)
    question_count = models.PositiveIntegerField(_("questions per paper"))
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"))
    opens_at = models.DateTimeField(pgettext_lazy("activities", "opens at"))
    closes_at = models.DateTimeField(pgettext_lazy("activities", "closes at"))
    attempts_allowed = models.PositiveIntegerField(_("attempts per member"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["-opens_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:quiz-detail", args=[self.pk])

    @property
    def name(self) -> str:
        """What breadcrumbs and form titles call the object."""
        return self.title


class QuizAttempt(models.Model):
    """One member's paper: the questions drawn and the order their options were shown in
    (``paper``: ``[{"q": id, "order": [original indexes]}]``), the answers given (original
    indexes), and the score — ``None`` when handed in after the time limit."""

    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("quiz")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
        verbose_name=_("member"),
    )
    number = models.PositiveIntegerField(_("attempt"), default=1)
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(pgettext_lazy("activities", "deadline"))
    paper = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    score = models.PositiveIntegerField(pgettext_lazy("activities", "score"), null=True, blank=True)
    late = models.BooleanField(_("late"), default=False)

    scope_fields = ("member__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "member", "number"], name="one_attempt_number_per_member"
            )
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]

    def __str__(self):
        return f"{self.member.name} · {self.quiz.title}"

    def get_absolute_url(self):
        return reverse("activities:quiz-detail", args=[self.quiz_id]) + "?tab=attempts"
