from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


ACTIVITY_COLUMNS = [
    Column("title", pgettext_lazy("activities", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("org", pgettext_lazy("activities", "Host"), sort="org__name", wrap=True),
    Column("starts_at", _("Starts at"), sort="starts_at", accessor=lambda a: _when(a.starts_at)),
    Column("place", _("Place"), wrap=True),
    Column("capacity", _("Places"), sort="capacity", css="text-end"),
    Column("places_taken", _("Places taken"), sort="places_taken", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

REGISTRATION_COLUMNS = [
    Column("member", _("Member"), sort="member__name_pinyin", accessor=lambda r: r.member.name),
    Column("member__org", _("Union"), wrap=True),
    Column("activity", _("Activity"), link=True, wrap=True, accessor=lambda r: r.activity.title),
    Column("status", _("Status"), sort="status"),
    Column(
        "registered_at",
        _("Registered at"),
        sort="registered_at",
        accessor=lambda r: _when(r.registered_at),
    ),
    Column(
        "checked_in_at",
        _("Checked in at"),
        sort="checked_in_at",
        accessor=lambda r: _when(r.checked_in_at),
    ),
    Column("checkin_method", _("Check-in method")),
]


def _read_rate(notice):
    if not notice.recipients:
        return ""
    return f"{notice.read_count * 100.0 / notice.recipients:.1f}%"


NOTICE_COLUMNS = [
    Column("title", pgettext_lazy("activities", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("audience", _("Audience"), sort="audience"),
    Column("org", _("Publisher"), sort="org__name", wrap=True),
    Column(
        "publish_at", _("Publish at"), sort="publish_at", accessor=lambda n: _when(n.publish_at)
    ),
    Column("status", _("Status"), sort="status"),
    Column("recipients", _("Recipients"), sort="recipients", css="text-end"),
    Column("read_count", _("Read"), sort="read_count", css="text-end"),
    Column("read_rate", _("Read rate"), accessor=_read_rate, css="text-end"),
]


BANK_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("org", pgettext_lazy("activities", "Owner"), sort="org__name", wrap=True),
    Column("question_count", _("Questions"), sort="question_count", css="text-end"),
    Column(
        "created_at", _("Imported at"), sort="created_at", accessor=lambda b: _when(b.created_at)
    ),
]

QUIZ_COLUMNS = [
    Column("title", pgettext_lazy("activities", "Title"), sort="title", link=True, wrap=True),
    Column("org", pgettext_lazy("activities", "Host"), sort="org__name", wrap=True),
    Column("bank", _("Question bank"), wrap=True),
    Column("question_count", _("Questions per paper"), css="text-end"),
    Column("time_limit_minutes", _("Time limit (minutes)"), css="text-end"),
    Column(
        "opens_at",
        pgettext_lazy("activities", "Opens at"),
        sort="opens_at",
        accessor=lambda q: _when(q.opens_at),
    ),
    Column(
        "closes_at",
        pgettext_lazy("activities", "Closes at"),
        sort="closes_at",
        accessor=lambda q: _when(q.closes_at),
    ),
]

ATTEMPT_COLUMNS = [
    Column("member", _("Member"), sort="member__name_pinyin", accessor=lambda a: a.member.name),
    Column("member__org", _("Union"), wrap=True),
    Column("quiz", _("Quiz"), link=True, wrap=True, accessor=lambda a: a.quiz.title),
    Column("number", _("Attempt"), css="text-end"),
    Column(
        "started_at", _("Started at"), sort="started_at", accessor=lambda a: _when(a.started_at)
    ),
    Column(
        "submitted_at",
        _("Handed in at"),
        sort="submitted_at",
        accessor=lambda a: _when(a.submitted_at),
    ),
    Column("score", pgettext_lazy("activities", "Score"), sort="score", css="text-end"),
    Column("late", _("Late"), accessor=lambda a: _("Yes") if a.late else ""),
]
