import datetime
from decimal import Decimal

import pytest

from assistance import actions
from assistance.choices import FileStatus
from assistance.models import Allocation, AssistanceRecord, HardshipFile
from assistance.tests.helpers import campaign, filed_household, member_in, open_file

pytestmark = pytest.mark.django_db


def test_cadre_takes_a_file_through_the_pages(client_for, city, people, time_machine, today):
    client = client_for(people.district_a_admin)
    member = member_in(city.union_a, "页面困难户")
    response = client.post(
        "/assistance/files/new/",
        {
            "member": member.pk,
            "source": "application",
            "causes": ["illness", "schooling"],
            "head_monthly_income": "1200",
            "essential_costs": "200",
            "situation": "配偶患病",
            "applied_on": today.isoformat(),
        },
    )
    file = HardshipFile.objects.get(member=member)
    assert response.status_code == 302 and response["Location"] == file.get_absolute_url()
    response = client.post(
        f"/assistance/files/{file.pk}/household/",
        {"name": "配偶", "relation": "spouse", "monthly_income": "0", "school_level": ""},
    )
    assert response.status_code == 302
    page = client.get(f"/assistance/files/{file.pk}/?tab=household").content.decode()
    assert "500.00" in page  # (1200 - 200) / 2
    page = client.get(f"/assistance/files/{file.pk}/verify/").content.decode()
    assert 'value="deep" selected' in page or "selected" in page
    bad = client.post(
        f"/assistance/files/{file.pk}/verify/",
        {
            "visited_on": today.isoformat(),
            "visited_by": "王",
            "findings": "属实",
            "category": "relative",
        },
    )
    assert bad.status_code == 200 and "深度困难" in bad.content.decode()
    assert HardshipFile.objects.get(pk=file.pk).status == FileStatus.APPLIED
    client.post(
        f"/assistance/files/{file.pk}/verify/",
        {
            "visited_on": today.isoformat(),
            "visited_by": "王",
            "findings": "属实",
            "category": "deep",
        },
    )
    client.post(f"/assistance/files/{file.pk}/publicize/", {"starts_on": today.isoformat()})
    file.refresh_from_db()
    assert file.status == FileStatus.PUBLICIZING
    early = client.post(f"/assistance/files/{file.pk}/approve/", {"note": ""})
    assert early.status_code == 200 and file.notice_ends_on.isoformat() in early.content.decode()
    time_machine.move_to(file.notice_ends_on + datetime.timedelta(days=1))
    client.post(f"/assistance/files/{file.pk}/approve/", {"note": "无异议"})
    file.refresh_from_db()
    assert file.status == FileStatus.APPROVED
    history = client.get(f"/assistance/files/{file.pk}/?tab=history").content.decode()
    assert "公示" in history or "status" in history


def test_viewer_cannot_change_a_file(client_for, city, people, today):
    file = open_file(member_in(city.union_a))
    client = client_for(people.district_a_viewer)
    assert client.get(f"/assistance/files/{file.pk}/").status_code == 200
    assert client.get(f"/assistance/files/{file.pk}/verify/").status_code == 404
    assert client.post(f"/assistance/files/{file.pk}/approve/", {}).status_code == 404


def test_review_todo_lists_overdue_and_expired_temporary(
    client_for, city, people, time_machine, today
):
    due = filed_household(member_in(city.union_a, "到期户"), time_machine)
    fresh = filed_household(member_in(city.union_a, "新建户"), time_machine)
    HardshipFile.objects.filter(pk=due.pk).update(review_due_on=datetime.date(2026, 1, 1))
    page = client_for(people.district_a_admin).get("/assistance/files/review/").content.decode()
    assert "到期户" in page and "新建户" not in page and "复核已逾期" in page
    home = client_for(people.district_a_admin).get("/").content.decode()
    assert 'data-testid="assistance-stats"' in home
    assert fresh.status == FileStatus.APPROVED


def test_lists_have_fixed_query_counts(
    client_for, city, people, time_machine, today, django_assert_max_num_queries
):
    fund = campaign(city.city)
    root = fund.allocations.get()
    for i in range(4):
        file = filed_household(member_in(city.union_a, f"户{i}"), time_machine)
        actions.assistance_pay(
            actor=None,
            allocation=root,
            member=file.member,
            amount="100",
            delivered_on=file.approved_on,
            delivered_by="x",
        )
    client = client_for(people.city_admin)
    for url in (
        "/assistance/files/",
        "/assistance/records/",
        "/assistance/campaigns/",
        "/assistance/funds/",
        "/assistance/files/review/",
        f"/assistance/campaigns/{fund.pk}/",
        f"/assistance/funds/{root.pk}/",
    ):
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200, url
    export = client.get("/assistance/records/", {"export": "xlsx"})
    assert export.status_code == 200


def test_campaign_page_totals_equal_the_records_and_ui_cannot_overspend(
    client_for, city, people, today
):
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    client = client_for(people.city_admin)
    for org, amount in ((city.district_a, "60000"), (city.district_b, "40000")):
        response = client.post(
            f"/assistance/funds/{root.pk}/allocate/", {"org": org.pk, "amount": amount}
        )
        assert response.status_code == 302
    too_much = client.post(
        f"/assistance/funds/{root.pk}/allocate/", {"org": city.street_a.pk, "amount": "1"}
    )
    assert too_much.status_code == 200
    district_a = Allocation.objects.get(campaign=fund, org=city.district_a)
    district_client = client_for(people.district_a_admin)
    members = [member_in(city.union_a, f"受助{i}") for i in range(3)]
    for member in members[:2]:
        response = district_client.post(
            f"/assistance/funds/{district_a.pk}/pay/",
            {
                "member": member.pk,
                "amount": "25000",
                "delivered_on": today.isoformat(),
                "delivered_by": "区总",
            },
        )
        assert response.status_code == 302
    over = district_client.post(
        f"/assistance/funds/{district_a.pk}/pay/",
        {
            "member": members[2].pk,
            "amount": "10000.01",
            "delivered_on": today.isoformat(),
            "delivered_by": "区总",
        },
    )
    assert over.status_code == 200 and "10000.00" in over.content.decode()
    assert AssistanceRecord.objects.count() == 2
    page = client_for(people.city_admin).get(f"/assistance/campaigns/{fund.pk}/").content.decode()
    total = sum(r.amount for r in AssistanceRecord.objects.filter(campaign=fund))
    assert total == Decimal("50000.00") and "50,000.00" in page
    city_page = client_for(people.city_admin).get(f"/orgs/{city.city.pk}/").content.decode()
    assert "50,000.00" in city_page


def test_api_files_funds_and_overspend(api_for, city, people, time_machine, today):
    api = api_for(people.district_a_admin)
    member = member_in(city.union_a, "接口户")
    created = api.post(
        "/api/v1/hardship-files/",
        {"member": member.pk, "causes": ["illness"], "head_monthly_income": "600"},
        format="json",
    )
    assert created.status_code == 201, created.content
    file_id = created.json()["id"]
    again = api.post(
        "/api/v1/hardship-files/", {"member": member.pk, "causes": ["illness"]}, format="json"
    )
    assert again.status_code == 400
    step = api.post(
        f"/api/v1/hardship-files/{file_id}/verify/",
        {
            "visited_on": today.isoformat(),
            "visited_by": "王",
            "findings": "属实",
            "category": "deep",
        },
        format="json",
    )
    assert step.status_code == 200 and step.json()["status"] == "verified"
    fund = campaign(city.district_a, "1000")
    root = fund.allocations.get()
    paid = api.post(
        f"/api/v1/campaign-funds/{root.pk}/pay/",
        {
            "member": member.pk,
            "amount": "800",
            "delivered_on": today.isoformat(),
            "delivered_by": "区总",
        },
        format="json",
    )
    assert paid.status_code == 201, paid.content
    other = member_in(city.union_a, "接口二")
    over = api.post(
        f"/api/v1/campaign-funds/{root.pk}/pay/",
        {
            "member": other.pk,
            "amount": "200.01",
            "delivered_on": today.isoformat(),
            "delivered_by": "区总",
        },
        format="json",
    )
    assert over.status_code == 400
    funds = api.get(f"/api/v1/campaigns/{fund.pk}/funds/").json()
    assert funds[0]["subtree_spent"] == "800.00" and funds[0]["balance"] == "200.00"
    stats = api.get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert stats["assistance"]["amount"] == "800.00"


def test_campaign_and_record_forms(client_for, city, people, time_machine, today):
    client = client_for(people.district_a_admin)
    bad = client.post("/assistance/campaigns/new/", {"org": city.district_a.pk, "title": ""})
    assert bad.status_code == 200 and 'data-testid="form-errors"' in bad.content.decode()
    response = client.post(
        "/assistance/campaigns/new/",
        {
            "org": city.district_a.pk,
            "title": "夏送清凉",
            "kind": "summer_cool",
            "year": "2026",
            "budget": "5000",
            "fund_source": "union_funds",
            "starts_on": "2026-06-01",
            "ends_on": "2026-08-31",
        },
    )
    assert response.status_code == 302
    outside = client.post(
        "/assistance/campaigns/new/",
        {
            "org": city.district_b.pk,
            "title": "越权",
            "kind": "special",
            "year": "2026",
            "budget": "5000",
            "fund_source": "union_funds",
            "starts_on": "2026-06-01",
            "ends_on": "2026-08-31",
        },
    )
    assert outside.status_code == 200
    assert list(Allocation.objects.values_list("amount", flat=True)) == [Decimal("5000.00")]
    file = filed_household(member_in(city.union_a, "医疗户"), time_machine)
    response = client.post(
        "/assistance/records/new/",
        {
            "member": file.member_id,
            "kind": "medical",
            "amount": "1500",
            "fund_source": "union_funds",
            "delivered_on": file.approved_on.isoformat(),
            "delivered_by": "区总 李四",
        },
    )
    record = AssistanceRecord.objects.get()
    assert response.status_code == 302 and record.file == file and record.org == city.union_a
    page = client.get(f"/assistance/files/{file.pk}/?tab=assistance").content.decode()
    assert "1500.00" in page


def test_api_lists_have_fixed_query_counts(
    api_for, city, people, time_machine, today, django_assert_max_num_queries
):
    fund = campaign(city.city)
    root = fund.allocations.get()
    for i in range(4):
        file = filed_household(member_in(city.union_a, f"接口户{i}"), time_machine)
        actions.assistance_pay(
            actor=None,
            allocation=root,
            member=file.member,
            amount="100",
            delivered_on=file.approved_on,
            delivered_by="x",
        )
    api = api_for(people.city_admin)
    for url in (
        "/api/v1/hardship-files/",
        "/api/v1/assistance/",
        "/api/v1/campaigns/",
        "/api/v1/campaign-funds/",
        f"/api/v1/campaigns/{fund.pk}/funds/",
    ):
        with django_assert_max_num_queries(8):
            response = api.get(url)
        assert response.status_code == 200, url
    files = api.get("/api/v1/hardship-files/").json()["results"]
    assert len(files) == 4 and len(files[0]["household"]) == 2
    assert files[0]["causes"] == ["illness"] and "head_id_number" not in files[0]
