import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from assistance import actions, rules
from assistance.choices import CampaignKind, FileStatus, HardshipCategory
from assistance.models import Allocation, AssistanceRecord, HardshipFile
from assistance.tests.helpers import campaign, filed_household, member_in, open_file
from core.models import AuditEntry
from core.scoping import OutOfScope
from members.tests.factories import make_id_number

pytestmark = pytest.mark.django_db


def test_per_capita_income_suggests_the_category_from_the_regional_line(city, today):
    member = member_in(city.union_a)
    file = open_file(member, income="1500")
    actions.household_add(
        actor=None, file=file, name="配偶", relation="spouse", monthly_income="300"
    )
    figures = actions.figures_of(file)
    assert figures.persons == 2 and figures.per_capita == Decimal("900.00")
    assert figures.line == Decimal("1100") and figures.suggested == HardshipCategory.DEEP
    lines = {"default": Decimal("1100"), city.street_a.region_code or "X": Decimal("800")}
    city.street_a.region_code = "330102"
    city.street_a.save()
    with override_settings(
        GONGHUI={
            **__import__("django.conf").conf.settings.GONGHUI,
            "ASSISTANCE_LOW_INCOME_LINES": {**lines, "330102": Decimal("800")},
        }
    ):
        figures = actions.figures_of(HardshipFile.objects.get(pk=file.pk))
    assert figures.line == Decimal("800") and figures.suggested == HardshipCategory.RELATIVE


def test_suggestion_rules():
    line = Decimal("1000")
    assert rules.suggest_category(Decimal("999.99"), line, []) == "deep"
    assert rules.suggest_category(Decimal("1000"), line, []) == "relative"
    assert rules.suggest_category(Decimal("2000"), line, ["accident"]) == "accident"
    assert rules.suggest_category(Decimal("2000"), line, ["schooling"]) == ""


def test_one_open_file_per_household(city, today):
    member = member_in(city.union_a)
    open_file(member)
    with pytest.raises(ValidationError, match="一户一档"):
        open_file(member)
    assert HardshipFile.objects.count() == 1


def test_non_member_head_only_by_referral_and_not_a_member(city, people, today):
    number = make_id_number(birth="19700101")
    with pytest.raises(ValidationError) as error:
        actions.file_open(
            actor=people.district_a_admin,
            org=city.union_a,
            head_name="非会员",
            head_id_number=number,
            causes=["illness"],
            source="application",
        )
    assert "source" in error.value.error_dict
    file = actions.file_open(
        actor=people.district_a_admin,
        org=city.union_a,
        head_name="非会员",
        head_id_number=number,
        causes=["illness"],
        source="referral",
    )
    assert file.member is None and file.head_id_masked.endswith(number[-1])
    assert number not in file.head_id_cipher
    member = member_in(city.union_a, name="会员甲")
    with pytest.raises(ValidationError):
        actions.file_open(
            actor=people.district_a_admin,
            org=city.union_a,
            head_name="x",
            head_id_number=pii_number(member),
            causes=["illness"],
            source="referral",
        )


def pii_number(member):
    from core import pii

    return pii.decrypt(member.id_number_cipher)


def test_workflow_visit_notice_approve_counts_working_days(city, people, time_machine):
    time_machine.move_to(datetime.date(2026, 9, 28))  # before 国庆
    member = member_in(city.union_a)
    file = open_file(member, applied_on=datetime.date(2026, 9, 25))
    with pytest.raises(ValidationError):  # no visit yet
        actions.file_publicize(actor=people.district_a_admin, file=file)
    with pytest.raises(ValidationError) as error:
        actions.file_verify(
            actor=people.district_a_admin,
            file=file,
            visited_on=datetime.date(2026, 9, 26),
            visited_by="王干事",
            findings="属实",
            category="relative",
        )
    assert "category" in error.value.error_dict  # 800 a head is deep, not relative
    file = actions.file_verify(
        actor=people.district_a_admin,
        file=file,
        visited_on=datetime.date(2026, 9, 26),
        visited_by="王干事",
        findings="属实",
        category="deep",
    )
    file = actions.file_publicize(actor=people.district_a_admin, file=file)
    # 9-28, 9-29, 9-30, then the National Day holiday, then 10-9 (a Friday): five working days
    assert file.notice_starts_on == datetime.date(2026, 9, 28)
    assert file.notice_ends_on > datetime.date(2026, 10, 7)
    with pytest.raises(ValidationError, match=file.notice_ends_on.isoformat()):
        actions.file_approve(actor=people.district_a_admin, file=file)
    time_machine.move_to(file.notice_ends_on + datetime.timedelta(days=1))
    file = actions.file_approve(actor=people.district_a_admin, file=file)
    assert file.status == FileStatus.APPROVED
    assert file.review_due_on == file.approved_on + datetime.timedelta(days=365)
    assert AuditEntry.objects.filter(object_id=str(file.pk)).count() >= 4


def test_out_of_scope_file_is_refused_and_nothing_changes(city, people, today):
    member = member_in(city.union_b)
    file = open_file(member)
    with pytest.raises(OutOfScope):
        actions.file_verify(
            actor=people.district_a_admin,
            file=file,
            visited_on=today,
            visited_by="x",
            findings="y",
            category="deep",
        )
    assert HardshipFile.objects.get(pk=file.pk).status == FileStatus.APPLIED


def test_review_and_close_and_temporary_expiry(city, time_machine, today):
    file = filed_household(member_in(city.union_a), time_machine)
    reviewed = actions.file_review(
        actor=None,
        file=file,
        reviewed_on=file.approved_on,
        category="deep",
        findings="仍困难",
    )
    assert reviewed.review_due_on == reviewed.last_reviewed_on + datetime.timedelta(days=365)
    closed = actions.file_close(actor=None, file=reviewed, reason="escaped")
    assert closed.status == FileStatus.CLOSED
    temp = filed_household(member_in(city.union_a, name="临时户"), time_machine, is_temporary=True)
    assert actions.close_expired_temporary_files(today=temp.approved_on) == 0
    later = temp.approved_on.replace(year=temp.approved_on.year + 2)
    assert actions.close_expired_temporary_files(today=later) == 1
    temp.refresh_from_db()
    assert temp.status == FileStatus.CLOSED and temp.close_reason == "temporary_expired"


def test_allocations_never_exceed_the_parent_and_follow_the_tree(city, people, today):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    a = actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_a, amount="60000"
    )
    actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_b, amount="40000"
    )
    with pytest.raises(ValidationError, match=r"0\.00"):  # the whole fund is passed down
        actions.assistance_pay(
            actor=people.city_admin,
            allocation=root,
            member=member_in(city.union_b),
            amount="1",
            delivered_on=today,
            delivered_by="x",
        )
    with pytest.raises(ValidationError, match="之间"):  # district B sits between
        actions.allocation_create(
            actor=people.city_admin, parent=root, org=city.union_b, amount="1"
        )
    with pytest.raises(ValidationError, match="下级"):
        actions.allocation_create(actor=people.city_admin, parent=a, org=city.union_b, amount="1")
    street = actions.allocation_create(
        actor=people.district_a_admin, parent=a, org=city.street_a, amount="50000"
    )
    with pytest.raises(ValidationError):
        actions.allocation_create(
            actor=people.district_a_admin, parent=a, org=city.street_a, amount="1"
        )
    with pytest.raises(ValidationError):  # street A is below A; a second-level one goes via it
        actions.allocation_create(
            actor=people.district_a_admin, parent=a, org=city.union_a, amount="1"
        )
    with pytest.raises(ValidationError, match=r"10000\.00"):
        actions.assistance_pay(
            actor=people.district_a_admin,
            allocation=a,
            member=member_in(city.union_a),
            amount="20000",
            delivered_on=today,
            delivered_by="x",
        )
    with pytest.raises(OutOfScope):
        actions.allocation_create(
            actor=people.district_a_admin, parent=root, org=city.street_b, amount="1"
        )
    a.refresh_from_db()
    assert a.sub_allocated == Decimal("50000.00") and a.balance == Decimal("10000.00")
    assert street.parent_id == a.pk


def test_payments_draw_down_and_never_overdraw(city, people, today):
    fund = campaign(city.city, "1000")
    root = fund.allocations.get()
    district = actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_a, amount="500"
    )
    one, two = member_in(city.union_a, "甲一"), member_in(city.union_a, "甲二")
    record = actions.assistance_pay(
        actor=people.district_a_admin,
        allocation=district,
        member=one,
        amount="300",
        delivered_on=today,
        delivered_by="区总 李四",
    )
    assert record.org == city.district_a and record.kind == "condolence"
    with pytest.raises(ValidationError, match="重复"):
        actions.assistance_pay(
            actor=people.district_a_admin,
            allocation=district,
            member=one,
            amount="1",
            delivered_on=today,
            delivered_by="x",
        )
    with pytest.raises(ValidationError, match=r"200\.00"):
        actions.assistance_pay(
            actor=people.district_a_admin,
            allocation=district,
            member=two,
            amount="200.01",
            delivered_on=today,
            delivered_by="x",
        )
    outside = member_in(city.union_b, "乙一")
    with pytest.raises(ValidationError):
        actions.assistance_pay(
            actor=people.city_admin,
            allocation=district,
            member=outside,
            amount="1",
            delivered_on=today,
            delivered_by="x",
        )
    district.refresh_from_db()
    assert district.spent == Decimal("300.00") and district.balance == Decimal("200.00")
    assert AssistanceRecord.objects.count() == 1


def test_autumn_school_amount_follows_file_and_level(city, people, time_machine, today):
    filed = filed_household(member_in(city.union_a, "建档户"), time_machine)
    temp = filed_household(member_in(city.union_a, "临时户"), time_machine, is_temporary=True)
    nofile = member_in(city.union_a, "未建档")
    fund = campaign(city.district_a, "50000", kind=CampaignKind.AUTUMN_SCHOOL)
    root = fund.allocations.get()
    pay = dict(
        actor=people.district_a_admin,
        allocation=root,
        delivered_on=filed.approved_on,
        delivered_by="x",
    )
    assert actions.assistance_pay(
        member=filed.member, school_level="higher", **pay
    ).amount == Decimal("5000.00")
    assert actions.assistance_pay(
        member=temp.member, school_level="higher", **pay
    ).amount == Decimal("4000.00")
    with pytest.raises(ValidationError):
        actions.assistance_pay(member=nofile, school_level="higher", **pay)
    with pytest.raises(ValidationError):  # no child at senior high in that household
        actions.assistance_pay(
            member=member_in(city.union_a, "x"), school_level="senior_high", **pay
        )


def test_living_aid_needs_a_file_and_sanatorium_places_are_capped(
    city, people, time_machine, today
):
    member = member_in(city.union_a, "无档", enterprise=city.enterprise_a2)
    base = dict(
        actor=people.district_a_admin,
        fund_source="union_funds",
        delivered_on=today,
        delivered_by="x",
    )
    with pytest.raises(ValidationError, match="建档"):
        actions.assistance_record(member=member, kind="living", amount="500", **base)
    # enterprise A2 has 8 staff: a third of 8 → 2 places a year
    others = [member_in(city.union_a, f"疗{i}", enterprise=city.enterprise_a2) for i in range(3)]
    actions.assistance_record(member=others[0], kind="sanatorium", amount="600", **base)
    actions.assistance_record(member=others[1], kind="sanatorium", amount="600", **base)
    with pytest.raises(ValidationError, match="2"):
        actions.assistance_record(member=others[2], kind="sanatorium", amount="600", **base)
    assert rules.sanatorium_places(120) == 24 and rules.sanatorium_places(49) == 16


def test_stats_totals_equal_the_records(city, people, today):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    a = actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_a, amount="60000"
    )
    b = actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_b, amount="40000"
    )
    street = actions.allocation_create(
        actor=people.city_admin, parent=a, org=city.street_a, amount="10000"
    )
    for i, (alloc, org) in enumerate(
        [(a, city.union_a), (b, city.union_b), (street, city.union_a)]
    ):
        actions.assistance_pay(
            actor=people.city_admin,
            allocation=alloc,
            member=member_in(org, f"人{i}"),
            amount="1000",
            delivered_on=today,
            delivered_by="x",
        )
    from assistance.selectors import assistance_stats, fund_totals, fund_tree

    totals = fund_totals(fund_tree(fund))
    assert totals["spent"] == Decimal("3000.00") and totals["people"] == 3
    rows = {row.org_id: row for row in fund_tree(fund)}
    assert rows[city.district_a.pk].subtree_spent == Decimal("2000.00")
    assert rows[city.street_a.pk].subtree_spent == Decimal("1000.00")
    stats = assistance_stats(city.city, today)
    assert stats["amount"] == "3000.00" and stats["people"] == 3
    assert Decimal(stats["amount"]) == sum(r.amount for r in AssistanceRecord.objects.all())
    assert Allocation.objects.get(pk=root.pk).sub_allocated == Decimal("100000.00")


def test_close_temporary_files_command(city, time_machine, today):
    from io import StringIO

    from django.core.management import call_command

    file = filed_household(member_in(city.union_a), time_machine, is_temporary=True)
    time_machine.move_to(file.approved_on.replace(year=file.approved_on.year + 2))
    out = StringIO()
    call_command("close_temporary_files", stdout=out)
    assert "1 temporary" in out.getvalue()
    file.refresh_from_db()
    assert file.status == FileStatus.CLOSED
