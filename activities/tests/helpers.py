import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
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


# The first bytes of a JPEG, enough for a file the checks take as a photo.
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def work_file(name="work.jpg", content=JPEG_BYTES, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_works_call(org, *, capacity=10, **extra):
    """A call for works that is open now (started an hour ago, ends in an hour)."""
    return make_activity(
        org,
        kind=ActivityKind.CULTURE_CONTEST,
        title=extra.pop("title", "“中国梦·劳动美”职工诗歌征集"),
        capacity=capacity,
        starts_in=-datetime.timedelta(hours=1),
        **extra,
    )


def close_call(activity):
    """Move a call's end into the past (the works may now be sent to judging)."""
    now = timezone.now()
    type(activity).objects.filter(pk=activity.pk).update(
        starts_at=now - datetime.timedelta(days=10), ends_at=now - datetime.timedelta(minutes=1)
    )
    activity.refresh_from_db()
    return activity
