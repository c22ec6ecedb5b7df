import datetime

from django.utils import timezone

from activities import actions
from activities.choices import ActivityKind


def make_activity(
    org, *, audience=None, capacity=10, starts_in=datetime.timedelta(days=3), **extra
):
    starts_at = timezone.now() + starts_in
    data = {
        "org": org,
        "audience": audience or org,
        "kind": ActivityKind.MODEL_WORKER_LECTURE,
        "title": "劳模精神宣讲会",
        "place": "工人文化宫",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=2),
        "capacity": capacity,
        **extra,
    }
    return actions.activity_create(actor=None, data=data)


def start_now(activity):
    """Move the activity so that it is under way (check-in open, registration closed)."""
    now = timezone.now()
    type(activity).objects.filter(pk=activity.pk).update(
        starts_at=now - datetime.timedelta(minutes=5), ends_at=now + datetime.timedelta(hours=2)
    )
    activity.refresh_from_db()
    return activity
