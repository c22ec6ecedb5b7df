import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from core.models import AuditEntry
from core.scoping import OutOfScope
from members import actions, selectors
from members.models import Member, MembershipChange
from members.tests.factories import make_id_number, make_member, member_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def test_create_normalises_id_derives_facts_and_masks(city, people):
    plain = make_id_number(birth="19850612", seq=124)  # even 17th digit → female
    full_width = (
        plain[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + plain[-1]
    )
    member = make_member(
        city.union_a, people.district_a_admin, name="李晓红", id_number=full_width.lower()
    )
    assert member.gender == "female"
    assert member.birth_date == datetime.date(1985, 6, 12)
    assert member.id_number_masked == plain[:4] + "*" * 10 + plain[-4:]
    assert member.phone_masked == "138****0000"
    assert (member.name_pinyin, member.name_initials) == ("lixiaohong", "lxh")
    assert member.changes.get().change_type == "1"
    assert member.card_number.startswith("2024")


def test_plain_id_number_and_phone_never_reach_the_database_or_the_audit_log(city, people):
    plain_id = make_id_number(seq=777)
    make_member(city.union_a, people.district_a_admin, id_number=plain_id, phone="13912345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM members_member")
        raw = repr(cursor.fetchall())
        cursor.execute("SELECT changes FROM core_auditentry")
        raw += repr(cursor.fetchall())
    assert plain_id not in raw and plain_id[6:14] + plain_id[14:] not in raw
    assert "13912345678" not in raw


def test_invalid_and_duplicate_id_numbers_are_refused_and_nothing_written(city, people):
    existing = make_member(city.union_b, people.district_b_admin)
    before = (Member.objects.count(), MembershipChange.objects.count())
    valid = make_id_number()
    bad = valid[:-1] + ("1" if valid[-1] != "1" else "2")
    for id_number in (bad, actions.pii.decrypt(existing.id_number_cipher)):
        with pytest.raises(ValidationError) as error:
            actions.member_create(
                actor=people.district_a_admin, data=member_data(city.union_a, id_number=id_number)
            )
        assert "身份证" in error.value.message_dict["id_number"][0] or "会员" in str(error.value)
    assert (Member.objects.count(), MembershipChange.objects.count()) == before


def test_whole_record_errors_are_reported_at_once(city, people):
    with pytest.raises(ValidationError) as error:
        actions.member_create(
            actor=people.district_a_admin,
            data=member_data(city.union_a, name="", phone="12345", education="", id_number="1"),
        )
    assert set(error.value.message_dict) >= {"name", "phone", "education", "id_number"}


def test_cannot_register_a_member_in_another_district(city, people):
    with pytest.raises(OutOfScope):
        make_member(city.union_b, people.district_a_admin)
    assert Member.objects.count() == 0


@pytest.mark.parametrize(
    "query", ["zhangw", "zw", "张", "CARD", "ID", "PHONE"], ids=lambda q: q.lower()
)
def test_search_by_pinyin_initials_name_card_id_and_phone(city, people, query):
    target = make_member(city.union_a, name="张伟", phone="13700001111")
    make_member(city.union_a, name="李娜", phone="13700002222")
    text = {
        "CARD": target.card_number,
        "ID": actions.pii.decrypt(target.id_number_cipher),
        "PHONE": "137 0000 1111",
    }.get(query, query)
    found = list(Member.objects.filter(selectors.search_condition(text)))
    assert found == [target]


def test_reveal_is_audited_and_needs_a_revealing_role(client_for, people, city):
    member = make_member(city.union_a)
    plain = actions.pii.decrypt(member.id_number_cipher)
    url = reverse("members:reveal", args=[member.pk])
    viewer = client_for(people.district_a_viewer).post(url, {"field": "id_number"})
    assert viewer.status_code == 404
    admin = client_for(people.district_a_admin).post(url, {"field": "id_number"})
    assert plain in admin.content.decode()
    entry = AuditEntry.objects.get(action="reveal")
    assert entry.actor == people.district_a_admin and plain not in repr(entry.changes)


def test_leave_and_restore_membership(city, people):
    member = make_member(city.union_a)
    with pytest.raises(ValidationError):
        actions.member_change_status(
            actor=people.district_a_admin,
            member=member,
            change_type="6",
            reason="",
            on=datetime.date(2025, 1, 1),
        )
    actions.member_change_status(
        actor=people.district_a_admin,
        member=member,
        change_type="6",
        reason="5",
        on=datetime.date(2025, 1, 1),
    )
    assert Member.objects.get(pk=member.pk).status == "left"
    actions.member_change_status(
        actor=people.district_a_admin,
        member=member,
        change_type="7",
        reason="",
        on=datetime.date(2025, 2, 1),
    )
    assert Member.objects.get(pk=member.pk).status == "active"
    assert [c.change_type for c in member.changes.order_by("id")] == ["1", "6", "7"]


def test_membership_stats_of_subtrees(city, people):
    make_member(
        city.union_a,
        enterprise=city.enterprise_a,
        household_type="agricultural",
        id_number=make_id_number(birth="19950101", seq=2),
    )
    make_member(
        city.union_a,
        enterprise=city.enterprise_a,
        employment_form="courier",
        id_number=make_id_number(birth="19700101", seq=3),
    )
    make_member(city.union_b, enterprise=city.enterprise_b)
    stats = selectors.membership_stats(city.district_a, today=datetime.date(2026, 11, 23))
    assert stats["members"] == 2
    assert stats["migrant_workers"] == 1
    assert stats["new_employment_forms"] == 1
    assert stats["by_employment_form"]["courier"] == 1
    assert stats["women"] == 1  # sequence 002 is even (female), 003 odd (male)
    assert stats["age_bands"] == {"under_35": 1, "35_to_49": 0, "50_and_over": 1}
    assert stats["employees_of_covered_enterprises"] == 120
    assert stats["join_rate"] == round(2 * 100 / 120, 1)
    assert selectors.membership_stats(city.city)["members"] == 3


def test_member_list_is_masked_searchable_and_query_count_flat(
    client_for, people, city, django_assert_max_num_queries
):
    for n in range(30):
        make_member(
            city.union_a, name=f"会员{n}", id_number=make_id_number(seq=n), phone=f"1380000{n:04d}"
        )
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("members:list"))
    html = page.content.decode()
    assert "**********" in html and "1380000" not in html
    export = client.get(reverse("members:list"), {"export": "xlsx"})
    assert export.status_code == 200
    found = client.get(reverse("members:list"), {"q": "hy"}).content.decode()
    assert "会员1" in found


def test_member_form_round_trip(client_for, people, city):
    client = client_for(people.district_a_admin)
    data = member_data(city.union_a, name="王芳")
    data.update(org=city.union_a.pk, enterprise="", joined_on="2024-05-01")
    response = client.post(reverse("members:create"), data)
    member = Member.objects.get(name="王芳")
    assert response.status_code == 302
    detail = client.get(member.get_absolute_url()).content.decode()
    assert member.id_number_masked in detail and "显示" in detail
    response = client.post(
        reverse("members:update", args=[member.pk]),
        {**data, "id_number": "", "phone": "", "education": "10"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.education == "10" and member.phone_masked == "138****0000"


def test_api_masks_personal_data(api_for, people, city):
    make_member(city.union_a)
    body = api_for(people.district_a_admin).get("/api/v1/members/").json()
    row = body["results"][0]
    assert "id_number" not in row and row["id_number_masked"].count("*") == 10
    created = api_for(people.district_a_admin).post(
        "/api/v1/members/",
        {
            **member_data(city.union_a, name="赵六", id_number=make_id_number(seq=5)),
            "org": city.union_a.pk,
            "enterprise": None,
            "joined_on": "2024-01-01",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert "id_number" not in created.json()


def test_org_stats_api_includes_membership(api_for, people, city):
    make_member(city.union_a, enterprise=city.enterprise_a)
    body = api_for(people.district_a_admin).get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert body["membership"]["members"] == 1
    assert body["coverage"]["enterprises"] == 2
