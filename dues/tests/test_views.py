import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from core import pii
from core.tests.test_scope import _api_routes, _html_routes
from dues.models import DuesRecord
from members.tests.factories import make_id_number, make_member

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)
APRIL = datetime.date(2026, 4, 1)


@pytest.fixture
def many(city, record_dues):
    members = [
        make_member(
            city.union_a, name=f"会员{n}", id_number=make_id_number(birth="19800101", seq=n)
        )
        for n in range(30)
    ]
    for n, member in enumerate(members):
        record_dues(member, MARCH, wage=str(4000 + n), paid=n % 3 == 0)
    return members


def test_every_dues_page_and_endpoint_is_walked_by_the_scope_test():
    html = {route for route, _ in _html_routes()}
    api = {route for route, _, _ in _api_routes()}
    assert {
        "dues/",
        "dues/summary/",
        "dues/review/",
        "dues/pick-member/",
        "dues/<int:pk>/",
        "dues/<int:pk>/pay/",
        "dues/<int:pk>/correct/",
    } <= html
    assert any(route.startswith("api/v1/^dues") for route in api)


def test_dues_list_is_masked_filterable_and_query_count_flat(
    client_for, people, city, many, member_b, record_dues, django_assert_max_num_queries
):
    record_dues(member_b, MARCH)
    client = client_for(people.district_a_admin)
    url = reverse("dues:list")
    with django_assert_max_num_queries(12):
        page = client.get(url)
    html = page.content.decode()
    assert "会员0" in html and "赵乙会员" not in html
    assert "**********" in html
    for member in many[:3]:
        assert pii.decrypt(member.id_number_cipher) not in html
    fragment = client.get(url, {"status": "paid"}, headers={"HX-Request": "true"})
    assert fragment.content.decode().count('name="ids"') == 0  # paid rows have no box
    unpaid = client.get(url, {"status": "unpaid", "month": "2026-03"}).content.decode()
    assert unpaid.count('name="ids"') == 20
    assert "会员1" in client.get(url, {"q": "会员1"}).content.decode()
    assert "会员0" not in client.get(url, {"month": "2026-04"}).content.decode()
    assert "会员0" in client.get(url, {"org": city.street_a.pk}).content.decode()
    assert "会员0" not in client.get(url, {"member": many[5].pk}).content.decode()
    export = client.get(url, {"export": "xlsx", "month": "2026-03"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
    )
    assert len(rows) == 31
    text = repr(rows)
    assert pii.decrypt(many[0].id_number_cipher) not in text and "**********" in text


def test_record_pay_and_correct_through_the_pages(client_for, people, city, member_a):
    client = client_for(people.district_a_admin)
    form = client.get(reverse("dues:create"), {"member": member_a.pk})
    assert form.status_code == 200 and "钱甲会员" in form.content.decode()
    response = client.post(
        reverse("dues:create"),
        {"member": member_a.pk, "month": "2026-03", "wage_base": "5678.90", "note": ""},
    )
    record = DuesRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == record.get_absolute_url()
    detail = client.get(record.get_absolute_url()).content.decode()
    assert "28.35" in detail and "5670" in detail
    again = client.post(
        reverse("dues:create"), {"member": member_a.pk, "month": "2026-03", "wage_base": "1"}
    )
    assert again.status_code == 200 and 'data-testid="field-error"' in again.content.decode()
    assert DuesRecord.objects.count() == 1
    paid = client.post(reverse("dues:pay", args=[record.pk]), {"paid_on": "2026-04-02"})
    assert paid.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.paid_on) == ("paid", datetime.date(2026, 4, 2))
    refused = client.post(
        reverse("dues:correct", args=[record.pk]),
        {"wage_base": "6000", "status": "paid", "paid_on": "2026-04-02", "note": ""},
    )
    assert refused.status_code == 200
    client.post(
        reverse("dues:correct", args=[record.pk]),
        {"wage_base": "6000", "status": "paid", "paid_on": "2026-04-02", "note": "补正"},
    )
    record.refresh_from_db()
    assert record.amount == Decimal("30.00")
    history = client.get(record.get_absolute_url(), {"tab": "history"}).content.decode()
    assert "5678.90" in history and "6000.00" in history


def test_a_cadre_cannot_pick_a_member_of_another_district(client_for, people, member_a, member_b):
    client = client_for(people.district_a_admin)
    options = client.get(reverse("dues:member-pick"), {"q": "会员"}).content.decode()
    assert "钱甲会员" in options and "赵乙会员" not in options
    response = client.post(
        reverse("dues:create"), {"member": member_b.pk, "month": "2026-03", "wage_base": "5000"}
    )
    assert response.status_code == 200 and not DuesRecord.objects.exists()


def test_mark_the_ticked_rows_paid_from_the_list(client_for, people, many, member_b, record_dues):
    client = client_for(people.district_a_admin)
    ids = list(DuesRecord.objects.filter(status="unpaid").values_list("pk", flat=True)[:3])
    back = reverse("dues:list") + "?month=2026-03"
    response = client.post(
        reverse("dues:mark-selected"),
        {"ids": ids, "paid_on": "2026-04-01", "next": back},  # one value per ticked box
    )
    assert response.status_code == 302 and response["Location"] == back
    assert DuesRecord.objects.filter(pk__in=ids, status="paid").count() == 3
    other = record_dues(member_b, MARCH)
    refused = client.post(
        reverse("dues:mark-selected"),
        {"ids": f"{ids[0]},{other.pk}", "paid_on": "2026-04-01", "next": "https://evil.example/"},
    )
    assert refused.status_code == 200
    other.refresh_from_db()
    assert other.status == "unpaid"
    nothing = client.post(reverse("dues:mark-selected"), {"paid_on": "2026-04-01"})
    assert nothing.status_code == 200 and 'data-testid="form-errors"' in nothing.content.decode()
    unsafe = client.post(
        reverse("dues:mark-selected"),
        {"ids": str(other.pk - 1), "paid_on": "2026-04-01", "next": "https://evil.example/"},
    )
    assert unsafe["Location"] == reverse("dues:list")


def test_mark_a_whole_month_of_a_union_paid(client_for, people, city, many):
    client = client_for(people.district_a_admin)
    assert client.get(reverse("dues:mark-month-paid")).status_code == 200
    response = client.post(
        reverse("dues:mark-month-paid"),
        {"org": city.union_a.pk, "month": "2026-03", "paid_on": "2026-04-05"},
    )
    assert response.status_code == 302
    assert DuesRecord.objects.filter(status="unpaid").count() == 0
    refused = client.post(
        reverse("dues:mark-month-paid"),
        {"org": city.union_b.pk, "month": "2026-03", "paid_on": "2026-04-05"},
    )
    assert refused.status_code == 200


def test_month_summary_per_union(
    client_for, people, city, many, member_b, record_dues, django_assert_max_num_queries
):
    record_dues(member_b, MARCH, paid=True)
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("dues:summary"), {"month": "2026-03"})
    html = page.content.decode()
    assert "甲公司工会" in html and "乙公司工会" not in html
    export = client.get(reverse("dues:summary"), {"month": "2026-03", "export": "xlsx"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
    )
    assert rows[1][0] == "甲公司工会"
    assert rows[1][1:4] == (30, 10, "33.3%")
    assert Decimal(rows[1][5]) == sum(
        Decimal(4000 + n) // 10 * 10 * Decimal("0.005") for n in range(30)
    )
    assert Decimal(rows[1][6]) == sum(
        Decimal(4000 + n) // 10 * 10 * Decimal("0.005") for n in range(0, 30, 3)
    )
    under = client.get(reverse("dues:summary"), {"month": "2026-03", "under": city.street_a.pk})
    assert "甲公司工会" in under.content.decode()
    empty = client.get(reverse("dues:summary"), {"month": "2026-04"}).content.decode()
    assert "甲公司工会" not in empty


def test_member_page_has_a_dues_tab_and_the_menu_a_dues_entry(
    client_for, people, member_a, member_b, record_dues
):
    record_dues(member_a, MARCH, paid=True)
    record_dues(member_a, APRIL)
    client = client_for(people.district_a_admin)
    tab = client.get(member_a.get_absolute_url(), {"tab": "dues"}).content.decode()
    assert 'data-testid="member-dues"' in tab
    assert "2026-03" in tab and "2026-04" in tab
    assert reverse("dues:list") in tab


def test_org_page_and_workbench_show_dues_figures(client_for, people, city, many):
    client = client_for(people.district_a_admin)
    org_page = client.get(city.district_a.get_absolute_url()).content.decode()
    assert 'data-testid="dues-stats"' in org_page
    home = client.get(reverse("home")).content.decode()
    assert 'data-testid="dues-stats"' in home and reverse("dues:list") in home
    stats = client.get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert stats["dues"]["records_due"] == 30 and stats["dues"]["records_paid"] == 10
