import datetime

import pytest
from django.utils import timezone

from warning.models import Alert, RiskScore

pytestmark = pytest.mark.django_db


def test_signal_posted_through_the_api_rescores_and_the_alert_is_disposed_of(
    api_for, city, people, django_assert_max_num_queries
):
    api = api_for(people.union_a_admin)
    today = timezone.localdate()
    response = api.post(
        "/api/v1/risk-signals/",
        {
            "enterprise": city.enterprise_a.pk,
            "kind": "wage_arrears",
            "observed_on": str(today - datetime.timedelta(days=1)),
            "months": 2,
            "workers": 40,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    score = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (score.score, score.level) == (40, "orange")
    listed = api.get("/api/v1/risk-scores/").json()
    assert listed["count"] == 1 and listed["results"][0]["level"] == "orange"
    alert = Alert.objects.get()
    district = api_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        assert district.get("/api/v1/alerts/").json()["count"] == 1
    assert (
        district.post(f"/api/v1/alerts/{alert.pk}/resolve/", {"disposal": "x"}).status_code == 400
    )
    assert (
        district.post(f"/api/v1/alerts/{alert.pk}/verify/", {"finding": "属实"}).status_code == 200
    )
    body = district.post(f"/api/v1/alerts/{alert.pk}/resolve/", {"disposal": "已补发"}).json()
    assert body["status"] == "resolved" and body["disposal"] == "已补发"
    assert [e["step"] for e in body["events"]] == ["opened", "verify", "resolve"]


def test_signal_for_another_district_reads_like_missing(api_for, city, people):
    api = api_for(people.district_b_admin)
    response = api.post(
        "/api/v1/risk-signals/",
        {"enterprise": city.enterprise_a.pk, "kind": "shutdown", "observed_on": "2025-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "enterprise" in response.json()
    assert not RiskScore.objects.exists()


def test_schema_lists_the_new_resources(client):
    schema = client.get("/api/v1/schema/").content.decode()
    for path in ("/contracts/", "/congresses/", "/risk-signals/", "/risk-scores/", "/alerts/"):
        assert f"/api/v1{path}" in schema
