from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from activities.models import (
    Activity,
    ActivityPhoto,
    Notice,
    NoticeAttachment,
    QuizAttempt,
    Registration,
    Submission,
)
from activities.seed import PHOTO_ACTIVITIES

pytestmark = pytest.mark.django_db


def test_seed_city_holds_activities_with_registrations_and_check_ins():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    activities = Activity.objects.exclude(kind="contest").annotate(
        holding=Count("registrations", filter=Q(registrations__status="registered")),
        came=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
    )
    assert activities.count() > 5
    assert not activities.exclude(holding=F("places_taken")).exists()
    assert not activities.exclude(came=F("checked_in_count")).exists()
    assert QuizAttempt.objects.filter(score__isnull=False).exists()
    assert Notice.objects.filter(read_count__gt=0, read_count__lte=F("recipients")).exists()
    assert not activities.filter(places_taken__gt=F("capacity")).exists()
    assert Registration.objects.filter(checked_in_at__isnull=False).exists()
    # A fixed handful of files, whatever the size of the seed.
    assert ActivityPhoto.objects.count() == PHOTO_ACTIVITIES
    assert not ActivityPhoto.objects.filter(activity__summary="").exists()
    assert NoticeAttachment.objects.count() == 1
    for registration in Registration.objects.select_related("member__org", "activity__audience")[
        :200
    ]:
        assert registration.member.org.path.startswith(registration.activity.audience.path)

    # Calls for works: works within each call's audience, the districts' sent to judging.
    calls = Activity.objects.filter(kind="contest").annotate(works=Count("submissions"))
    assert calls.exists() and not calls.exclude(works=F("places_taken")).exists()
    assert not Registration.objects.filter(activity__kind="contest").exists()
    judged = Submission.objects.filter(entry__isnull=False).select_related("entry__contest")
    assert judged.exists()
    assert {s.entry.contest.kind for s in judged} == {"culture"}
    assert all(s.entry.work_title == s.title for s in judged)
