import datetime

import pytest
from django.urls import reverse

from activities import actions
from activities.models import Activity, Registration
from activities.tests.helpers import make_activity, start_now
from members.selectors import card_verification_value
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(city):
    return make_member(city.union_a, name="孙会员", phone="13811115555")


def test_cadre_publishes_an_activity_and_bad_input_writes_nothing(client_for, people, city):
    client = client_for(people.district_a_admin)
    data = {
        "org": city.district_a.pk,
        "audience": city.district_a.pk,
        "kind": "model_worker",
        "title": "劳模进企业宣讲",
        "place": "区职工服务中心",
        "starts_at": "2030-05-01T09:00",
        "ends_at": "2030-05-01T08:00",
        "capacity": 30,
    }
    refused = client.post(reverse("activities:create"), data)
    assert refused.status_code == 200 and "结束时间须晚于开始时间" in refused.content.decode()
    assert not Activity.objects.exists()
    data["ends_at"] = "2030-05-01T11:00"
    response = client.post(reverse("activities:create"), data)
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "劳模进企业宣讲" in page and activity.checkin_code in page


def test_activity_list_query_count_does_not_grow_with_rows(
    client_for, people, city, django_assert_max_num_queries
):
    for i in range(5):
        make_activity(city.district_a, title=f"活动{i}")
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("activities:list"))
    assert response.status_code == 200 and "活动4" in response.content.decode()
    export = client.get(reverse("activities:list"), {"export": "xlsx"})
    assert export.status_code == 200


def test_member_registers_on_the_phone_and_the_cadre_scans_the_card(client, people, city, member):
    activity = make_activity(city.district_a, capacity=1)
    login_member(client, member)
    listing = client.get(reverse("activities:m-list")).content.decode()
    assert activity.title in listing
    client.post(reverse("activities:m-register", args=[activity.pk]))
    registration = Registration.objects.get(member=member)
    assert registration.status == "registered"
    detail = client.get(reverse("activities:m-detail", args=[activity.pk])).content.decode()
    assert "取消报名" in detail
    start_now(activity)
    client.force_login(people.district_a_admin)
    url = reverse("activities:check-in", args=[activity.pk])
    scanned = "http://testserver" + reverse("portal:verify", args=[card_verification_value(member)])
    response = client.post(url, {"scanned": scanned}, follow=True)
    assert "孙会员（甲公司工会）已签到" in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    tab = client.get(member.get_absolute_url(), {"tab": "activities"}).content.decode()
    assert 'data-testid="participation-record"' in tab and activity.title in tab
    org_page = client.get(city.district_a.get_absolute_url()).content.decode()
    assert 'data-testid="activity-attendance">1<' in org_page


def test_full_activity_offers_the_waiting_list_and_a_cancellation_moves_it_up(client, city, member):
    other = make_member(city.union_a, name="周会员", phone="13811116666")
    activity = make_activity(city.district_a, capacity=1)
    holder = actions.registration_create(member=other, activity=activity)
    login_member(client, member)
    page = client.get(reverse("activities:m-detail", args=[activity.pk])).content.decode()
    assert "加入候补" in page
    refused = client.post(reverse("activities:m-register", args=[activity.pk]), follow=True)
    assert "名额已满" in refused.content.decode()
    client.post(reverse("activities:m-register", args=[activity.pk]), {"wait": "1"})
    assert Registration.objects.get(member=member).status == "waiting"
    actions.registration_cancel(member=other, registration=holder)
    assert Registration.objects.get(member=member).status == "registered"


def test_member_checks_in_with_the_activity_code(client, city, member):
    activity = make_activity(city.district_a, starts_in=datetime.timedelta(minutes=30))
    actions.registration_create(member=member, activity=activity)
    login_member(client, member)
    wrong = client.post(reverse("activities:m-check-in"), {"code": "12"})
    assert "6 位签到码" in wrong.content.decode()
    code = activity.checkin_code
    response = client.post(reverse("activities:m-check-in"), {"code": code}, follow=True)
    assert "已在" in response.content.decode()
    assert Registration.objects.get(member=member).checkin_method == "code"


def test_member_of_another_district_cannot_open_the_activity(client, city):
    outsider = make_member(city.union_b, name="外区会员", phone="13822227777")
    activity = make_activity(city.district_a)
    login_member(client, outsider)
    assert client.get(reverse("activities:m-detail", args=[activity.pk])).status_code == 404
    assert client.post(reverse("activities:m-register", args=[activity.pk])).status_code == 404


def test_api_lists_and_checks_in(api_for, people, city, member):
    activity = make_activity(city.district_a)
    actions.registration_create(member=member, activity=activity)
    start_now(activity)
    api = api_for(people.district_a_admin)
    listing = api.get("/api/v1/activities/").json()
    assert listing["count"] == 1
    response = api.post(
        f"/api/v1/activities/{activity.pk}/check-in/",
        {"scanned": card_verification_value(member)},
        format="json",
    )
    assert response.status_code == 200 and response.json()["checked_in_at"]
    regs = api.get("/api/v1/activity-registrations/").json()
    assert regs["count"] == 1
