"""Rows of district A and district B for the scope test (core/tests/test_scope.py)."""

import datetime

from django.utils import timezone

from assistance import actions
from assistance.models import Allocation, AssistanceRecord, Campaign, HardshipFile
from members.tests.factories import make_id_number, make_member


def samples(city, people) -> dict:
    today = timezone.localdate()
    rows = {}
    for key, marker, union, district in (
        ("a", "钱甲", city.union_a, city.district_a),
        ("b", "赵乙", city.union_b, city.district_b),
    ):
        head = make_member(union, name=f"{marker}困难户", id_number=make_id_number())
        receiver = make_member(union, name=f"{marker}受助人", id_number=make_id_number())
        file = actions.file_open(
            actor=None, member=head, causes=["illness"], head_monthly_income="500"
        )
        campaign = actions.campaign_create(
            actor=None,
            org=district,
            title=f"{marker}送温暖活动",
            kind="winter_warmth",
            year=today.year,
            budget="10000",
            starts_on=today - datetime.timedelta(days=10),
            ends_on=today + datetime.timedelta(days=30),
        )
        allocation = campaign.allocations.get()
        record = actions.assistance_pay(
            actor=None,
            allocation=allocation,
            member=receiver,
            amount="500",
            delivered_on=today,
            delivered_by="工会干部",
        )
        rows[key] = (marker, file, campaign, allocation, record)
    (ma, fa, ca, aa, ra), (mb, fb, cb, ab, rb) = rows["a"], rows["b"]
    return {
        HardshipFile: (fa, fb, f"{ma}困难户", f"{mb}困难户"),
        Campaign: (ca, cb, f"{ma}送温暖活动", f"{mb}送温暖活动"),
        Allocation: (aa, ab, f"{ma}送温暖活动", f"{mb}送温暖活动"),
        AssistanceRecord: (ra, rb, f"{ma}受助人", f"{mb}受助人"),
    }
