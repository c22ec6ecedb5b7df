import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.audit import history_for
from core.models import AuditEntry
from core.scoping import OutOfScope
from dues import actions
from dues.models import DuesRecord
from members import actions as member_actions
from members.tests.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("wage", "counted", "amount"),
    [
        ("5678.9", "5670", "28.35"),
        ("9.99", "0", "0.00"),
        ("10", "10", "0.05"),
        ("1234.50", "1230", "6.15"),
        ("0", "0", "0.00"),
    ],
)
def test_dues_are_half_a_percent_of_the_wage_floored_to_ten_yuan(wage, counted, amount):
    assert actions.counted_wage(Decimal(wage)) == Decimal(counted)
    assert actions.dues_amount(Decimal(wage)) == Decimal(amount)


def test_rate_and_rounding_unit_are_settings_and_the_fen_rounds_half_up(settings):
    settings.GONGHUI = {**settings.GONGHUI, "DUES_RATE": Decimal("0.01")}
    assert actions.dues_amount(Decimal("5678.9")) == Decimal("56.70")
    settings.GONGHUI = {**settings.GONGHUI, "DUES_WAGE_ROUNDING": 100}
    assert actions.dues_amount(Decimal("5678.9")) == Decimal("56.00")
    settings.GONGHUI = {
        **settings.GONGHUI,
        "DUES_RATE": Decimal("0.0033"),
        "DUES_WAGE_ROUNDING": 10,
    }
    # 1050 × 0.33 % = 3.465: half-up gives 3.47 (banker's rounding would give 3.46)
    assert actions.dues_amount(Decimal("1055")) == Decimal("3.47")


def test_recording_a_month_stores_the_union_amount_and_an_audit_row(
    city, people, member_a, last_month
):
    record = actions.dues_record(
        actor=people.district_a_admin, member=member_a, month=last_month, wage_base="5678.9"
    )
    assert (record.org, record.month, record.status) == (city.union_a, last_month, "unpaid")
    assert (record.wage_base, record.amount, record.source) == (
        Decimal("5678.90"),
        Decimal("28.35"),
        "manual",
    )
    entry = history_for(record).get(action="create")
    assert entry.scope_path == city.union_a.path and entry.changes["amount"] == [None, "28.35"]
    paid = actions.dues_record(
        actor=people.district_a_admin,
        member=member_a,
        month=datetime.date(2025, 1, 15),
        wage_base=Decimal("3000"),
        paid=True,
    )
    assert paid.month == datetime.date(2025, 1, 1)
    assert paid.status == "paid" and paid.paid_on is not None


def _refused(expected_field, expected_message, **call):
    before = (DuesRecord.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as error:
        actions.dues_record(**call)
    assert expected_message in error.value.message_dict[expected_field]
    assert (DuesRecord.objects.count(), AuditEntry.objects.count()) == before


def test_invalid_records_are_refused_field_by_field_and_nothing_is_written(
    people, member_a, city, this_month, last_month, record_dues
):
    base = {"actor": people.district_a_admin, "member": member_a, "month": last_month}
    _refused("wage_base", "The wage cannot be negative.", **base, wage_base="-1")
    _refused(
        "wage_base",
        "A monthly wage of 2,000,000.00 yuan is not plausible.",
        **base,
        wage_base="2000000",
    )
    _refused(
        "wage_base",
        "Enter the wage as an amount of yuan, e.g. 5678.90.",
        **base,
        wage_base="lots",
    )
    next_month = (this_month + datetime.timedelta(days=31)).replace(day=1)
    _refused(
        "month",
        "The month cannot be in the future.",
        **{**base, "month": next_month},
        wage_base="5000",
    )
    _refused(
        "month",
        "The member joined the union only on 2024-05-01.",
        **{**base, "month": datetime.date(2024, 4, 1)},
        wage_base="5000",
    )
    record_dues(member_a, last_month)
    _refused(
        "month",
        f"Dues of this member for {last_month:%Y-%m} are already recorded; correct that record.",
        **base,
        wage_base="5000",
    )
    left = make_member(city.union_a, name="已退会")
    member_actions.member_change_status(
        actor=None, member=left, change_type="6", reason="5", on=datetime.date(2025, 1, 1)
    )
    _refused(
        "member",
        "The membership has ended; no dues are recorded for it.",
        **{**base, "member": left},
        wage_base="5000",
    )


def test_whole_record_errors_are_reported_at_once(people, member_a, this_month):
    with pytest.raises(ValidationError) as error:
        actions.dues_record(
            actor=people.district_a_admin,
            member=member_a,
            month=datetime.date(2030, 1, 1),
            wage_base="-5",
        )
    assert set(error.value.message_dict) == {"month", "wage_base"}


def test_a_member_of_another_district_cannot_be_recorded(people, member_b, last_month):
    with pytest.raises(OutOfScope):
        actions.dues_record(
            actor=people.district_a_admin, member=member_b, month=last_month, wage_base="5000"
        )
    assert not DuesRecord.objects.exists()


def test_a_kept_membership_is_exempt_and_pays_nothing(people, city, last_month):
    kept = make_member(city.union_a, name="保留会员")
    member_actions.member_change_status(
        actor=None, member=kept, change_type="3", reason="4", on=datetime.date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        actions.dues_record(
            actor=people.district_a_admin,
            member=kept,
            month=last_month,
            wage_base="3000",
            paid=True,
        )
    assert error.value.message_dict["paid"] == ["The membership is kept; kept members pay no dues."]
    record = actions.dues_record(
        actor=people.district_a_admin, member=kept, month=last_month, wage_base="3000"
    )
    assert (record.status, record.amount, record.paid_on) == ("exempt", Decimal("0.00"), None)


def test_marking_a_selection_paid_is_all_or_nothing_within_scope(
    people, member_a, member_b, city, last_month, record_dues
):
    a1 = record_dues(member_a, last_month)
    a2 = record_dues(member_a, datetime.date(2025, 1, 1), paid=True)
    b1 = record_dues(member_b, last_month)
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        actions.dues_mark_paid(actor=people.district_a_admin, records=[a1.pk, b1.pk])
    with pytest.raises(ValidationError):
        actions.dues_mark_paid(actor=people.district_a_admin, records=[a1.pk, 987654])
    assert DuesRecord.objects.filter(status="paid").count() == 1
    assert AuditEntry.objects.count() == audit_rows
    marked = actions.dues_mark_paid(
        actor=people.district_a_admin, records=[a1, a2], paid_on=datetime.date(2025, 2, 3)
    )
    assert marked == 1  # a2 was paid already
    a1.refresh_from_db()
    assert (a1.status, a1.paid_on) == ("paid", datetime.date(2025, 2, 3))
    entry = history_for(a1).get(action="update")
    assert entry.actor == people.district_a_admin
    assert entry.changes == {"status": ["unpaid", "paid"], "paid_on": [None, "2025-02-03"]}
    assert entry.scope_path == city.union_a.path


def test_paid_on_cannot_be_in_the_future(people, member_a, last_month, record_dues):
    record = record_dues(member_a, last_month)
    with pytest.raises(ValidationError) as error:
        actions.dues_mark_paid(
            actor=people.district_a_admin,
            records=[record],
            paid_on=datetime.date.today() + datetime.timedelta(days=2),
        )
    assert error.value.message_dict == {"paid_on": ["The date cannot be in the future."]}
    record.refresh_from_db()
    assert record.status == "unpaid"


def test_marking_a_whole_month_of_a_union_paid(
    people, city, member_a, last_month, record_dues, django_assert_max_num_queries
):
    others = [make_member(city.union_a, name=f"会员{n}") for n in range(3)]
    for member in [member_a, *others]:
        record_dues(member, last_month)
    record_dues(member_a, datetime.date(2025, 1, 1))
    with django_assert_max_num_queries(8):
        marked = actions.dues_mark_month_paid(
            actor=people.district_a_admin, org=city.union_a, month=last_month
        )
    assert marked == 4
    assert DuesRecord.objects.filter(month=last_month, status="paid").count() == 4
    assert DuesRecord.objects.get(month=datetime.date(2025, 1, 1)).status == "unpaid"
    assert AuditEntry.objects.filter(action="update").count() == 4
    with pytest.raises(ValidationError):
        actions.dues_mark_month_paid(
            actor=people.district_a_admin, org=city.union_a, month=last_month
        )
    with pytest.raises(OutOfScope):
        actions.dues_mark_month_paid(
            actor=people.district_a_admin, org=city.union_b, month=last_month
        )


def test_a_correction_needs_a_reason_and_keeps_before_and_after(
    people, member_a, last_month, record_dues
):
    record = record_dues(member_a, last_month, wage="5678.9", paid=True)
    with pytest.raises(ValidationError) as error:
        actions.dues_correct(
            actor=people.district_a_admin,
            record=record,
            wage_base="6000",
            status="unpaid",
            note=" ",
        )
    assert error.value.message_dict == {"note": ["Say why the record is corrected."]}
    corrected = actions.dues_correct(
        actor=people.district_a_admin,
        record=record,
        wage_base="6000",
        status="unpaid",
        note="工资录入错误",
    )
    assert (corrected.amount, corrected.status, corrected.paid_on) == (
        Decimal("30.00"),
        "unpaid",
        None,
    )
    entry = history_for(record).get(action="update")
    assert entry.changes["wage_base"] == ["5678.90", "6000.00"]
    assert entry.changes["amount"] == ["28.35", "30.00"]
    assert entry.changes["status"] == ["paid", "unpaid"]


def test_a_correction_outside_scope_is_refused(people, member_b, last_month, record_dues):
    record = record_dues(member_b, last_month)
    with pytest.raises(OutOfScope):
        actions.dues_correct(
            actor=people.district_a_admin,
            record=record,
            wage_base="1",
            status="paid",
            note="x",
        )
    record.refresh_from_db()
    assert record.status == "unpaid"
