import datetime

import pytest
from django.utils import timezone

from warning import actions
from warning.choices import SignalKind
from warning.models import Alert, Campaign, RiskModel, RiskSignal
from warning.tests.helpers import feed_arrears_and_group_tickets

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_alert(city, people):
    feed_arrears_and_group_tickets(city.enterprise_a)
    return Alert.objects.get(enterprise=city.enterprise_a)


def test_pages_render_for_the_district(
    client_for, people, red_alert, django_assert_max_num_queries
):
    client = client_for(people.district_a_admin)
    for url in (
        "/risk/",
        "/risk/?level=red",
        f"/risk/{red_alert.enterprise.risk_score.pk}/",
        "/risk/model/",
        "/risk-signals/",
        "/risk-signals/new/",
        f"/risk-signals/{RiskSignal.objects.first().pk}/",
        "/alerts/?open=true",
        f"/alerts/{red_alert.pk}/",
        f"/alerts/{red_alert.pk}/?tab=history",
        f"/alerts/{red_alert.pk}/verify/",
        "/campaigns/",
        "/campaigns/new/",
        "/inspections/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "甲科技有限公司" not in client.get("/alerts/?overdue=true").content.decode()
    Alert.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    assert "甲科技有限公司" in client.get("/alerts/?overdue=true").content.decode()
    with django_assert_max_num_queries(20):
        page = client.get("/risk/").content.decode()
    assert "甲科技有限公司" in page and 'data-testid="count-red">1<' in page
    assert 'data-testid="by-child"' in page and "东湖街道总工会" in page
    street = client.get(f"/risk/?org={red_alert.enterprise.territory_id}").content.decode()
    assert 'data-testid="count-red">1<' in street and "甲公司工会" in street


def test_verify_and_resolve_through_the_pages(client_for, people, red_alert):
    client = client_for(people.union_a_admin)
    response = client.post(f"/alerts/{red_alert.pk}/resolve/", {"disposal": "x"})
    assert response.status_code == 200 and "form-errors" in response.content.decode()
    response = client.post(
        f"/alerts/{red_alert.pk}/verify/", {"finding": "属实", "confirmed": "yes"}
    )
    assert response.status_code == 302
    response = client.post(f"/alerts/{red_alert.pk}/resolve/", {"disposal": "已补发工资"})
    assert response.status_code == 302
    red_alert.refresh_from_db()
    assert red_alert.status == "resolved" and red_alert.disposal == "已补发工资"


def test_record_a_signal_page_refuses_bad_input_and_writes_nothing(client_for, people, city):
    client = client_for(people.union_a_admin)
    response = client.post(
        "/risk-signals/new/",
        {
            "enterprise": city.enterprise_a.pk,
            "kind": "wage_arrears",
            "observed_on": "2020-01-01",
            "count": 1,
        },
    )
    assert response.status_code == 200 and not RiskSignal.objects.exists()
    response = client.post(
        "/risk-signals/new/",
        {
            "enterprise": city.enterprise_b.pk,
            "kind": "shutdown",
            "observed_on": "2025-01-01",
            "count": 1,
        },
    )
    assert response.status_code == 200 and not RiskSignal.objects.exists()


def test_only_the_city_admin_edits_the_model(client_for, people):
    district = client_for(people.district_a_admin)
    assert district.get("/risk/model/edit/").status_code == 403
    city_client = client_for(people.city_admin)
    page = city_client.get("/risk/model/edit/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["alert_levels"] = ["red", "orange"]
    data["weight_wage_arrears"] = "30"
    data["note"] = "调整欠薪权重"
    response = city_client.post("/risk/model/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    model = RiskModel.objects.get(version=2)
    assert model.config["indicators"]["wage_arrears"]["weight"] == 30
    assert model.config["alert_levels"] == ["red", "orange"]


def test_campaign_lists_restructuring_enterprises_and_an_inspection_records_a_signal(
    client_for, people, city
):
    actions.record_signal(
        actor=None,
        enterprise=city.enterprise_a,
        kind=SignalKind.RESTRUCTURING,
        observed_on=timezone.localdate(),
    )
    client = client_for(people.district_a_admin)
    today = timezone.localdate().isoformat()
    response = client.post(
        "/campaigns/new/",
        {
            "org": city.district_a.pk,
            "title": "改制企业专项排查",
            "starts_on": today,
            "due_on": today,
            "signal_kinds": ["restructuring"],
            "assignees": [people.union_a_admin.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get()
    inspection = campaign.inspections.get()
    assert (inspection.enterprise, inspection.assignee) == (city.enterprise_a, people.union_a_admin)
    union = client_for(people.union_a_admin)
    response = union.post(
        f"/inspections/{inspection.pk}/record/",
        {
            "inspected_on": today,
            "finding": "拟搬迁，未公布职工安置方案",
            "hazard_found": "on",
            "signal_kind": "relocation",
        },
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == "done" and inspection.signal.kind == "relocation"
