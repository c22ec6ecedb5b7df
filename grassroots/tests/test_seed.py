from io import StringIO

import pytest
from django.core.management import call_command

from core import stats
from grassroots.choices import BookingStatus, EvaluationStatus
from grassroots.models import Booking, HomeEvaluation, Task, TaskReport, Venue
from orgs.models import Org

pytestmark = pytest.mark.django_db


def test_seed_city_fills_venues_bookings_homes_and_tasks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_city", members=2000, seed=5, flush=True, stdout=StringIO())
    assert Venue.objects.count() == 4 + 2 * Org.objects.filter(level="district").count()
    assert Booking.objects.filter(status=BookingStatus.USED).exists()
    assert Booking.objects.filter(status=BookingStatus.BOOKED).exists()
    assert Booking.objects.filter(member__isnull=False).exists()
    awarded = HomeEvaluation.objects.filter(status=EvaluationStatus.AWARDED)
    assert awarded.exists() and awarded.filter(stars__gt=0).exists()
    for evaluation in HomeEvaluation.objects.exclude(status=EvaluationStatus.DRAFT)[:5]:
        assert evaluation.evidence.get().file.read().startswith(b"%PDF")
    city_task = Task.objects.get(org__depth=1)
    assert city_task.reports.count() == Org.objects.filter(level="district").count()
    assert Task.objects.filter(parent=city_task).exists()
    assert TaskReport.objects.filter(status="submitted").exists()
    figures = stats.figures_for(Org.objects.get(depth=1))["grassroots"]
    assert figures["homes_awarded"] == awarded.count()
    assert figures["task_reports"] == TaskReport.objects.count()
