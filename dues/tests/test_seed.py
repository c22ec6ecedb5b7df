from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from dues import selectors
from dues.actions import dues_amount
from dues.models import DuesRecord
from dues.seed import seed_months
from orgs.models import Org

pytestmark = pytest.mark.django_db


def test_seed_city_writes_dues_for_a_sample_of_unions_and_some_members_to_review():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    records = DuesRecord.objects.all()
    assert records.exists()
    assert set(records.values_list("month", flat=True).distinct()) <= set(seed_months())
    assert set(records.values_list("status", flat=True).distinct()) >= {"paid", "unpaid"}
    unions = records.values("org").distinct().count()
    members = records.values("member").distinct().count()
    assert 0 < members < 3000 * 0.3 and unions < Org.objects.count()
    for record in records.filter(status="paid")[:20]:
        assert record.amount == dues_amount(record.wage_base) and record.paid_on
    assert not records.values("member", "month").annotate(n=Count("pk")).filter(n__gt=1)
    city = Org.objects.get(depth=1)
    as_of = selectors.review_as_of(records, seed_months()[-1].replace(year=2030))
    to_review = selectors.members_to_review(city, as_of)
    assert 0 < to_review.count() < members
