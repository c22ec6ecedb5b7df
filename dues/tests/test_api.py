import datetime

import pytest

from dues.models import DuesRecord
from members.tests.factories import make_id_number, make_member

pytestmark = pytest.mark.django_db

URL = "/api/v1/dues/"


def test_api_list_is_scoped_masked_and_query_count_flat(
    api_for, people, city, member_b, record_dues, django_assert_max_num_queries
):
    for n in range(20):
        member = make_member(
            city.union_a, name=f"会员{n}", id_number=make_id_number(birth="19810101", seq=n)
        )
        record_dues(member, datetime.date(2026, 3, 1), wage=str(5000 + n))
    record_dues(member_b, datetime.date(2026, 3, 1))
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(6):
        body = api.get(URL, {"page_size": 100}).json()
    assert body["count"] == 20
    row = body["results"][0]
    assert set(row) >= {"member", "member_name", "org", "month", "wage_base", "amount", "status"}
    assert row["month"] == "2026-03" and "赵乙会员" not in repr(body)
    assert api.get(URL, {"status": "paid"}).json()["count"] == 0
    assert api.get(URL, {"month": "2026-03"}).json()["count"] == 20


def test_api_create_pay_and_correct(api_for, people, member_a):
    api = api_for(people.district_a_admin)
    created = api.post(
        URL, {"member": member_a.pk, "month": "2026/3", "wage_base": "5678.90"}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["amount"] == "28.35" and created.json()["status"] == "unpaid"
    pk = created.json()["id"]
    duplicate = api.post(
        URL, {"member": member_a.pk, "month": "2026-03", "wage_base": "100"}, format="json"
    )
    assert duplicate.status_code == 400 and "month" in duplicate.json()
    paid = api.post(f"{URL}{pk}/pay/", {"paid_on": "2026-04-01"}, format="json")
    assert paid.status_code == 200 and paid.json()["status"] == "paid"
    corrected = api.post(
        f"{URL}{pk}/correct/",
        {"wage_base": "6000", "status": "unpaid", "note": "错账"},
        format="json",
    )
    assert corrected.status_code == 200
    assert corrected.json()["amount"] == "30.00" and corrected.json()["paid_on"] is None


def test_api_mark_paid_by_selection_and_by_month(
    api_for, people, city, member_a, member_b, record_dues
):
    a1 = record_dues(member_a, datetime.date(2026, 3, 1))
    a2 = record_dues(member_a, datetime.date(2026, 4, 1))
    b1 = record_dues(member_b, datetime.date(2026, 3, 1))
    api = api_for(people.district_a_admin)
    refused = api.post(f"{URL}mark-paid/", {"ids": [a1.pk, b1.pk]}, format="json")
    assert refused.status_code == 400
    assert DuesRecord.objects.filter(status="paid").count() == 0
    marked = api.post(f"{URL}mark-paid/", {"ids": [a1.pk]}, format="json")
    assert marked.json() == {"marked": 1}
    month = api.post(
        f"{URL}mark-paid/", {"org": city.union_a.pk, "month": "2026-04"}, format="json"
    )
    assert month.json() == {"marked": 1}
    a2.refresh_from_db()
    assert a2.status == "paid"
    other = api.post(
        f"{URL}mark-paid/", {"org": city.union_b.pk, "month": "2026-03"}, format="json"
    )
    assert other.status_code == 400  # an org outside the caller's scope reads as unknown
    assert api.post(f"{URL}mark-paid/", {}, format="json").status_code == 400


def test_api_refuses_members_and_records_of_another_district(
    api_for, people, member_b, record_dues
):
    api = api_for(people.district_a_admin)
    created = api.post(
        URL, {"member": member_b.pk, "month": "2026-03", "wage_base": "5000"}, format="json"
    )
    assert created.status_code == 400 and not DuesRecord.objects.exists()
    record = record_dues(member_b, datetime.date(2026, 3, 1))
    assert api.get(f"{URL}{record.pk}/").status_code == 404
    assert api.post(f"{URL}{record.pk}/pay/", {}, format="json").status_code == 404
    record.refresh_from_db()
    assert record.status == "unpaid"


def test_a_viewer_can_read_but_not_mark(api_for, people, member_a, record_dues):
    record = record_dues(member_a, datetime.date(2026, 3, 1))
    api = api_for(people.district_a_viewer)
    assert api.get(f"{URL}{record.pk}/").status_code == 200
    assert api.post(f"{URL}{record.pk}/pay/", {}, format="json").status_code == 404
    assert api.post(f"{URL}mark-paid/", {"ids": [record.pk]}, format="json").status_code == 400
    record.refresh_from_db()
    assert record.status == "unpaid"
