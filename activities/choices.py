from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityKind(models.TextChoices):
    LECTURE = "lecture", _("Lecture tour")  # 宣讲
    THEME_EDUCATION = "theme", _("Theme education")  # 主题教育
    MODEL_WORKER_LECTURE = "model_worker", _("Model-worker lecture")  # 劳模宣讲
    SPORTS_CULTURE = "sports", _("Sports and culture")  # 文体活动
    CULTURE_CONTEST = "contest", _("Workers' culture contest")  # 职工文化作品征集


class ActivityStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("activities", "Open")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CheckInMethod(models.TextChoices):
    CARD = "card", _("E-card scanned by a cadre")
    CODE = "code", _("Activity code entered by the member")


class NoticeKind(models.TextChoices):
    NOTICE = "notice", _("Notice")  # 通知
    NEWS = "news", _("News")  # 新闻


class NoticeAudience(models.TextChoices):
    MEMBERS = "members", _("Members")
    CADRES = "cadres", _("Union cadres")


class NoticeStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
