import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.choices import Role
from core.models import RoleAssignment
from innovation import actions
from innovation.actions import clean_patent_number, patent_check_digit
from innovation.choices import InnovationStatus
from innovation.models import Innovation
from innovation.selectors import innovation_stats

pytestmark = pytest.mark.django_db


def submit(actor, org, **overrides):
    data = {
        "org": org,
        "kind": "renovation",
        "title": "焊接夹具改进",
        "submitter_kind": "individual",
        "authors": "张三",
        "description": "改进夹具，减少返工。",
        "estimated_benefit": "12.5",
        "submitted_on": datetime.date(2025, 5, 1),
    }
    data.update(overrides)
    return actions.innovation_submit(actor=actor, data=data)


def test_patent_numbers_are_checked_and_normalised():
    digits = "202310123456"
    number = f"ZL{digits}.{patent_check_digit(digits)}"
    assert clean_patent_number(number.lower().replace(".", "")) == number
    assert clean_patent_number(f" {digits}.{patent_check_digit(digits)} ") == number
    wrong = "0" if patent_check_digit(digits) != "0" else "1"
    for bad in [f"ZL{digits}.{wrong}", "ZL12345", "abc"]:
        with pytest.raises(ValueError):
            clean_patent_number(bad)


def test_invention_needs_a_patent_and_five_smalls_their_type(city, people):
    admin = people.union_a_admin
    with pytest.raises(ValidationError) as error:
        submit(admin, city.union_a, kind="invention")
    assert "patent_number" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        submit(admin, city.union_a, kind="five_small", estimated_benefit="-1")
    assert {"five_small", "estimated_benefit"} <= set(error.value.message_dict)
    assert not Innovation.objects.exists()
    digits = "202320456789"
    item = submit(
        admin,
        city.union_a,
        kind="invention",
        patent_number=f"{digits}{patent_check_digit(digits)}",
    )
    assert item.patent_number.startswith("ZL2023") and item.year == 2025


def test_submission_outside_scope_is_refused(city, people):
    with pytest.raises(PermissionDenied):
        submit(people.district_a_admin, city.union_b)
    assert not Innovation.objects.exists()


def test_review_implement_forward_and_award_by_the_holder(city, people):
    item = submit(people.union_a_admin, city.union_a)
    with pytest.raises(ValidationError):
        actions.innovation_review(actor=people.union_a_admin, innovation=item, adopted=False)
    actions.innovation_review(actor=people.union_a_admin, innovation=item, adopted=True)
    actions.innovation_implement(actor=people.union_a_admin, innovation=item)
    item = actions.innovation_forward(actor=people.union_a_admin, innovation=item)
    assert item.forwarded_to == city.street_a and item.status == InnovationStatus.IMPLEMENTED
    # The union no longer holds it: the street forwards and awards now.
    with pytest.raises(PermissionDenied):
        actions.innovation_forward(actor=people.union_a_admin, innovation=item)
    item = actions.innovation_forward(actor=people.district_a_admin, innovation=item)
    assert item.forwarded_to == city.district_a
    item = actions.innovation_award(actor=people.district_a_admin, innovation=item, award="first")
    assert (item.award, item.award_org) == ("first", city.district_a)


def test_forwarded_innovation_is_seen_by_the_receiving_level_not_by_siblings(city, people):
    from django.contrib.auth import get_user_model

    street_cadre = get_user_model().objects.create_user("street_a_cadre")
    RoleAssignment.objects.create(user=street_cadre, org=city.street_a, role=Role.VIEWER)
    sibling = get_user_model().objects.create_user("union_b_cadre")
    RoleAssignment.objects.create(user=sibling, org=city.union_b, role=Role.VIEWER)
    # Recorded at the street-level federation under the district, then sent to the district.
    item = submit(people.district_a_admin, city.street_a)
    actions.innovation_review(actor=people.district_a_admin, innovation=item, adopted=True)
    item = actions.innovation_forward(actor=people.district_a_admin, innovation=item)
    assert item.forwarded_to == city.district_a
    visible = {
        user.username: Innovation.objects.visible_to(user).filter(pk=item.pk).exists()
        for user in (
            people.district_a_admin,
            people.city_admin,
            street_cadre,
            people.district_b_admin,
            people.union_a_admin,
            sibling,
        )
    }
    assert visible == {
        "district_a_admin": True,
        "city_admin": True,
        "street_a_cadre": True,  # its own row
        "district_b_admin": False,  # a sibling district
        "union_a_admin": False,  # below the receiving level, not the submitting union
        "union_b_cadre": False,
    }


def test_stats_count_by_kind_for_any_subtree(city, people):
    submit(None, city.union_a, kind="suggestion", estimated_benefit="1")
    submit(None, city.union_a, kind="five_small", five_small="design")
    adopted = submit(None, city.union_b, kind="method", estimated_benefit="2.25")
    actions.innovation_review(actor=None, innovation=adopted, adopted=True)
    city_figures = innovation_stats(city.city)
    assert city_figures["innovations"] == 3
    assert city_figures["by_kind"] == {
        "renovation": 0,
        "invention": 0,
        "suggestion": 1,
        "method": 1,
        "five_small": 1,
    }
    assert innovation_stats(city.district_a)["innovations"] == 2
    assert innovation_stats(city.district_b)["by_kind"]["method"] == 1
    assert Decimal(innovation_stats(city.district_b)["adopted_benefit"]) == Decimal("2.25")
    for org in (city.city, city.district_a, city.street_b, city.union_a):
        expected = Innovation.objects.filter(org__path__startswith=org.path).count()
        assert innovation_stats(org)["innovations"] == expected


def test_stats_endpoint_serves_innovation_and_contest_figures(api_for, city, people):
    from contests.tests.factories import make_contest, make_entry, open_contest

    submit(None, city.union_a, kind="suggestion")
    submit(None, city.union_b, kind="suggestion")
    contest = make_contest(None, city.city, name="安康杯")
    open_contest(None, contest)
    make_entry(
        None,
        contest,
        city.union_a,
        "甲科技",
        kind="enterprise",
        count=120,
        enterprise=city.enterprise_a,
    )
    make_entry(
        None,
        contest,
        city.union_b,
        "乙物流",
        kind="enterprise",
        count=60,
        enterprise=city.enterprise_b,
    )
    api = api_for(people.city_admin)
    body = api.get(f"/api/v1/orgs/{city.city.pk}/stats/").json()
    assert body["innovation"]["by_kind"]["suggestion"] == 2
    assert body["contests"]["participants"] == 180
    assert {"contests", "skills"} <= set(body)
    district = api.get(f"/api/v1/orgs/{city.district_b.pk}/stats/").json()
    assert district["innovation"]["by_kind"]["suggestion"] == 1
    assert district["contests"]["participants"] == 60
    union = api_for(people.union_a_admin).get(f"/api/v1/orgs/{city.union_a.pk}/stats/").json()
    assert union["contests"]["participants"] == 120 and union["innovation"]["innovations"] == 1


def test_api_submit_review_and_forward(api_for, city, people):
    api = api_for(people.district_a_admin)
    response = api.post(
        "/api/v1/innovations/",
        {
            "org": city.union_a.pk,
            "kind": "suggestion",
            "title": "节能建议",
            "submitter_kind": "individual",
            "authors": "李四",
            "description": "关灯",
            "estimated_benefit": "0.5",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert (
        api.post(f"/api/v1/innovations/{pk}/review/", {"adopted": True}, format="json").status_code
        == 200
    )
    forwarded = api.post(f"/api/v1/innovations/{pk}/forward/", format="json")
    assert forwarded.json()["forwarded_to"] == city.street_a.pk
    other = api_for(people.district_b_admin)
    assert other.get(f"/api/v1/innovations/{pk}/").status_code == 404


def test_pages_list_detail_and_forms(client_for, city, people, django_assert_max_num_queries):
    for i in range(4):
        submit(None, city.union_a, title=f"革新{i}")
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        page = client.get("/innovations/")
    assert page.status_code == 200 and "革新3" in page.content.decode()
    item = Innovation.objects.first()
    assert client.get(item.get_absolute_url()).status_code == 200
    assert client.get(f"/innovations/{item.pk}/?tab=history").status_code == 200
    response = client.post(f"/innovations/{item.pk}/review/", {"adopted": "0", "note": ""})
    assert response.status_code == 200  # the note is required to turn it down
    item.refresh_from_db()
    assert item.status == InnovationStatus.SUBMITTED
    response = client.post(f"/innovations/{item.pk}/review/", {"adopted": "1", "note": "好"})
    assert response.status_code == 302
    response = client.post(
        "/innovations/new/",
        {
            "kind": "invention",
            "title": "新发明",
            "submitter_kind": "individual",
            "authors": "王五",
            "org": city.union_a.pk,
            "description": "说明",
            "patent_number": "ZL12",
            "estimated_benefit": "1",
        },
    )
    assert response.status_code == 200 and 'data-testid="field-error"' in response.content.decode()
    export = client.get("/innovations/", {"export": "xlsx"})
    assert export.status_code == 200


def test_studio_with_achievements(client_for, city, people):
    studio = actions.studio_save(
        actor=people.district_a_admin,
        data={
            "org": city.union_a,
            "name": "李工匠创新工作室",
            "kind": "craftsman",
            "level": "city",
            "leader_name": "李工匠",
            "team": "甲\n乙\n",
            "named_on": datetime.date(2024, 5, 1),
        },
    )
    assert studio.team_names == ["甲", "乙"]
    submit(None, city.union_a, studio=studio, estimated_benefit="8")
    client = client_for(people.district_a_admin)
    page = client.get(studio.get_absolute_url()).content.decode()
    assert "焊接夹具改进" in page
    assert client.get("/studios/").status_code == 200
    with pytest.raises(PermissionDenied):
        actions.studio_save(
            actor=people.district_a_admin,
            data={
                "org": city.union_b,
                "name": "越权",
                "kind": "worker",
                "level": "city",
                "leader_name": "某",
                "named_on": datetime.date(2024, 5, 1),
            },
        )
