from io import StringIO

import pytest
from django.core.management import call_command

from labour.models import Congress, Contract, Disclosure
from warning.models import Alert, Campaign, RiskScore

pytestmark = pytest.mark.django_db


def test_seed_city_fills_labour_relations_and_early_warning_with_enterprises_in_red():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert Contract.objects.filter(status__in=("filed", "published")).exists()
    assert Contract.objects.filter(coverage="regional", covered_enterprises__isnull=False).exists()
    assert {"requested", "negotiating", "signed"} & set(
        Contract.objects.values_list("status", flat=True)
    )
    assert Congress.objects.exists() and Disclosure.objects.exists()
    red = RiskScore.objects.filter(level="red")
    assert red.count() >= 3
    drifting = Alert.objects.filter(enterprise__in=red.values("enterprise")).first()
    # Opened months before the reference date and raised since: a drift into red.
    assert drifting.events.filter(step="raised").exists()
    assert drifting.events.first().at < drifting.events.last().at
    assert Alert.objects.filter(status="resolved").exists()
    assert Campaign.objects.exists()
