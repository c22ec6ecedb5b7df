from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F, Sum

from assistance import actions
from assistance.choices import FileStatus
from assistance.models import Allocation, AssistanceRecord, HardshipFile
from assistance.selectors import assistance_stats, fund_totals, fund_tree
from orgs.models import Org

pytestmark = pytest.mark.django_db


def test_seed_city_fills_assistance_consistently():
    call_command("seed_city", members=3000, seed=5, flush=True, stdout=StringIO())
    files = HardshipFile.objects.all()
    assert files.count() >= 15
    assert files.filter(status=FileStatus.APPROVED).exists()
    assert files.exclude(status=FileStatus.APPROVED).exists()
    # Every filed household's category agrees with its figures, as the actions would require.
    for file in files.filter(status=FileStatus.APPROVED).select_related("org")[:30]:
        figures = actions.figures_of(file)
        assert actions._category_problem(file.category, figures, file.cause_list) == "", file
    # No allocation overdrawn; its spent equals its records; children sum to sub_allocated.
    assert not Allocation.objects.filter(amount__lt=F("sub_allocated") + F("spent")).exists()
    for allocation in Allocation.objects.all():
        paid = allocation.records.aggregate(total=Sum("amount"))["total"] or Decimal("0")
        passed = allocation.children.aggregate(total=Sum("amount"))["total"] or Decimal("0")
        assert (allocation.spent, allocation.sub_allocated) == (paid, passed)
    city = Org.objects.get(depth=1)
    for campaign in city.campaigns.all():
        totals = fund_totals(fund_tree(campaign))
        assert totals["spent"] == campaign.records.aggregate(total=Sum("amount"))["total"]
    stats = assistance_stats(city)
    assert stats["filed"] == files.filter(status=FileStatus.APPROVED).count()
    assert AssistanceRecord.objects.count() > stats["filed"]
