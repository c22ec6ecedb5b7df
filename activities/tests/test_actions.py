import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities import actions, selectors
from activities.choices import RegistrationStatus
from activities.models import Activity, Registration
from activities.tests.helpers import make_activity, start_now
from core.scoping import OutOfScope
from dues import participation
from members.selectors import card_verification_value
from members.tests.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(city):
    return [make_member(city.union_a, name=f"会员{i}", phone=f"1381111000{i}") for i in range(4)]


def test_last_place_goes_to_one_member_and_the_next_is_refused(city, members):
    activity = make_activity(city.district_a, capacity=1)
    first = actions.registration_create(member=members[0], activity=activity)
    assert first.status == RegistrationStatus.REGISTERED
    with pytest.raises(ValidationError, match="名额已满"):
        actions.registration_create(member=members[1], activity=activity)
    activity.refresh_from_db()
    assert activity.places_taken == 1
    assert not Registration.objects.filter(member=members[1]).exists()


def test_cancellation_promotes_the_first_on_the_waiting_list(city, members):
    activity = make_activity(city.district_a, capacity=1)
    holder = actions.registration_create(member=members[0], activity=activity)
    first_waiting = actions.registration_create(member=members[1], activity=activity, wait=True)
    second_waiting = actions.registration_create(member=members[2], activity=activity, wait=True)
    assert first_waiting.status == second_waiting.status == RegistrationStatus.WAITING
    actions.registration_cancel(member=members[0], registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    activity.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.REGISTERED
    assert second_waiting.status == RegistrationStatus.WAITING
    assert activity.places_taken == 1


def test_more_places_move_the_waiting_list_up(city, members, people):
    activity = make_activity(city.district_a, capacity=1)
    actions.registration_create(member=members[0], activity=activity)
    waiting = actions.registration_create(member=members[1], activity=activity, wait=True)
    actions.activity_update(actor=people.district_a_admin, activity=activity, data={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    with pytest.raises(ValidationError) as error:
        actions.activity_update(
            actor=people.district_a_admin, activity=activity, data={"capacity": 1}
        )
    assert "capacity" in error.value.message_dict


def test_only_the_audience_may_register(city):
    outsider = make_member(city.union_b, name="外区会员", phone="13822220000")
    activity = make_activity(city.district_a)
    with pytest.raises(ValidationError, match="东湖区总工会"):
        actions.registration_create(member=outsider, activity=activity)


def test_registering_twice_is_refused_and_a_cancelled_member_may_come_back(city, members):
    activity = make_activity(city.district_a)
    registration = actions.registration_create(member=members[0], activity=activity)
    with pytest.raises(ValidationError, match="已报名"):
        actions.registration_create(member=members[0], activity=activity)
    actions.registration_cancel(member=members[0], registration=registration)
    again = actions.registration_create(member=members[0], activity=activity)
    assert again.pk == registration.pk and again.status == RegistrationStatus.REGISTERED


def test_audience_outside_the_host_and_end_before_start_are_refused(city, people):
    with pytest.raises(ValidationError) as error:
        make_activity(city.district_a, audience=city.district_b, ends_at=None)
    assert "audience" in error.value.message_dict


def test_a_cadre_cannot_hold_an_activity_for_another_district(city, people):
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(OutOfScope):
        actions.activity_create(
            actor=people.district_a_admin,
            data={
                "org": city.district_b,
                "audience": city.district_b,
                "kind": "lecture",
                "title": "越权",
                "place": "某地",
                "starts_at": now,
                "ends_at": now + datetime.timedelta(hours=1),
                "capacity": 5,
            },
        )
    assert not Activity.objects.filter(title="越权").exists()


def test_check_in_by_scanning_the_card_url_and_by_the_activity_code(city, members, people):
    activity = make_activity(city.district_a)
    for member in members[:2]:
        actions.registration_create(member=member, activity=activity)
    with pytest.raises(ValidationError, match="签到"):
        actions.check_in_by_code(member=members[1], code=activity.checkin_code)
    start_now(activity)
    url = "https://gh.example.cn" + reverse(
        "portal:verify", args=[card_verification_value(members[0])]
    )
    scanned = actions.check_in_by_card(
        actor=people.district_a_admin, activity=activity, scanned=url
    )
    assert scanned.checked_in_at and scanned.checkin_method == "card"
    again = actions.check_in_by_card(actor=people.district_a_admin, activity=activity, scanned=url)
    assert again.checked_in_at == scanned.checked_in_at
    by_code = actions.check_in_by_code(member=members[1], code=activity.checkin_code)
    assert by_code.checkin_method == "code"
    with pytest.raises(ValidationError, match="未报名"):
        actions.check_in_by_card(
            actor=people.district_a_admin,
            activity=activity,
            scanned=card_verification_value(members[2]),
        )
    with pytest.raises(ValidationError):
        actions.check_in_by_card(
            actor=people.district_a_admin, activity=activity, scanned="forged:abc"
        )
    assert selectors.activity_counts(activity)["checked_in"] == 2


def test_check_in_counts_as_taking_part_for_the_six_month_rule(city, members, people):
    activity = start_now(make_activity(city.district_a, starts_in=datetime.timedelta(hours=1)))
    Registration.objects.create(
        activity=activity, member=members[0], status="registered", registered_at=activity.starts_at
    )
    actions.check_in_by_code(member=members[0], code=activity.checkin_code)
    today = activity.starts_at.date()
    ids = type(members[0]).objects.filter(org=city.union_a).values("pk")
    found = set()
    for queryset in participation.participants(ids, today, today + datetime.timedelta(days=1)):
        found |= {row["member_id"] for row in queryset}
    assert found == {members[0].pk}


def test_subtree_figures_count_attendance_in_person_times(city, members, people):
    activity = make_activity(city.district_a)
    for member in members[:3]:
        actions.registration_create(member=member, activity=activity)
    start_now(activity)
    actions.check_in_by_code(member=members[0], code=activity.checkin_code)
    stats = selectors.activity_stats(city.district_a)
    assert stats["activities_held"] == 1
    assert stats["registrations"] == 3 and stats["attendance"] == 1
    assert selectors.activity_stats(city.district_b)["attendance"] == 0
