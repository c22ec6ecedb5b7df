import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from innovation.actions import patent_check_digit
from members.tests.factories import make_member
from skills import actions
from skills.models import Enrolment, SkillAward, Training
from skills.selectors import skills_stats

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def during_the_camp(time_machine):
    time_machine.move_to("2025-05-10 10:00 +0800")


def make_training(actor, org, **overrides):
    data = {
        "org": org,
        "name": "焊工工匠训练营",
        "kind": "camp",
        "trade": "焊工",
        "starts_on": datetime.date(2025, 4, 1),
        "ends_on": datetime.date(2025, 5, 31),
        "hours": 80,
        "capacity": 2,
        "description": "",
    }
    data.update(overrides)
    return actions.training_save(actor=actor, data=data)


def grant(actor, org, member, **overrides):
    data = {
        "org": org,
        "member": member,
        "kind": "technician",
        "amount": "2000",
        "fund": "union_funds",
        "granted_on": datetime.date(2025, 5, 1),
        "reference": "",
    }
    data.update(overrides)
    return actions.award_grant(actor=actor, data=data)


def test_enrolment_capacity_completion_and_stats(city, people):
    admin = people.district_a_admin
    training = make_training(admin, city.district_a)
    members = [make_member(city.union_a, name=f"学员{i}") for i in range(3)]
    first = actions.enrol(actor=admin, training=training, member=members[0])
    actions.enrol(actor=admin, training=training, member=members[1])
    with pytest.raises(ValidationError):
        actions.enrol(actor=admin, training=training, member=members[2])
    with pytest.raises(ValidationError):
        actions.enrol(actor=admin, training=training, member=members[0])
    with pytest.raises(ValidationError):
        actions.enrolment_finish(
            actor=admin, enrolment=first, completed=True, on=datetime.date(2025, 3, 1)
        )
    actions.enrolment_finish(
        actor=admin, enrolment=first, completed=True, on=datetime.date(2025, 5, 10)
    )
    figures = skills_stats(city.district_a)
    assert (
        figures["trainings"],
        figures["camps"],
        figures["enrolments"],
        figures["completions"],
    ) == (1, 1, 2, 1)
    assert skills_stats(city.district_b)["enrolments"] == 0


def test_member_of_another_district_cannot_be_enrolled(city, people):
    training = make_training(people.district_a_admin, city.district_a)
    outsider = make_member(city.union_b)
    with pytest.raises(PermissionDenied):
        actions.enrol(actor=people.district_a_admin, training=training, member=outsider)
    assert not Enrolment.objects.exists()


def test_awards_amount_fund_once_per_member_and_patent(city, people, settings):
    admin = people.district_a_admin
    member = make_member(city.union_a)
    grant(admin, city.union_a, member)
    with pytest.raises(ValidationError):
        grant(admin, city.union_a, member)  # one promotion award per member and grade
    settings.GONGHUI = {**settings.GONGHUI, "SKILL_AWARD_MAX_YUAN": 3000}
    with pytest.raises(ValidationError):
        grant(admin, city.union_a, member, kind="mentor", amount="3000.01")
    with pytest.raises(ValidationError):
        grant(admin, city.union_a, member, kind="patent", reference="ZL123")
    digits = "202310000001"
    patent = f"ZL{digits}.{patent_check_digit(digits)}"
    grant(admin, city.union_a, member, kind="patent", amount="3000", reference=patent)
    with pytest.raises(ValidationError):
        grant(admin, city.union_a, make_member(city.union_a), kind="patent", reference=patent)
    with pytest.raises(PermissionDenied):
        grant(admin, city.union_b, member, kind="mentor")
    figures = skills_stats(city.city)
    assert figures["awards"] == 2 and figures["award_amount"] == "5000.00"
    assert figures["awards_by_kind"]["patent"] == 1
    assert SkillAward.objects.count() == 2


def test_pages_and_api(client_for, api_for, city, people, django_assert_max_num_queries):
    training = make_training(people.district_a_admin, city.district_a)
    member = make_member(city.union_a, name="王学员")
    client = client_for(people.district_a_admin)
    response = client.post(f"/trainings/{training.pk}/enrol/", {"member": member.pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    response = client.post(
        f"/enrolments/{enrolment.pk}/result/", {"completed": "1", "on": "2025-04-20"}
    )
    assert response.status_code == 302
    for url in [
        "/trainings/",
        f"/trainings/{training.pk}/",
        "/enrolments/",
        "/skill-awards/",
        "/skill-awards/new/?kind=patent",
        "/trainings/new/",
    ]:
        assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(12):
        assert "王学员" in client.get("/enrolments/").content.decode()
    response = client.post(
        "/skill-awards/new/",
        {
            "member": member.pk,
            "org": city.union_a.pk,
            "kind": "mentor",
            "amount": "800",
            "fund": "special",
            "reference": "带徒 3 名",
        },
    )
    assert response.status_code == 302
    api = api_for(people.district_a_admin)
    body = api.get("/api/v1/trainings/").json()
    assert body["results"][0]["enrolled"] == 1 and body["results"][0]["completed"] == 1
    created = api.post(
        "/api/v1/trainings/",
        {
            "org": city.union_a.pk,
            "name": "电工培训",
            "kind": "course",
            "starts_on": "2025-05-01",
            "ends_on": "2025-04-01",
        },
        format="json",
    )
    assert created.status_code == 400 and "ends_on" in created.json()
    assert Training.objects.count() == 1
