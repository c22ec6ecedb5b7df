import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.models import AuditEntry
from core.scoping import OutOfScope
from orgs import actions, selectors
from orgs.choices import OrgLevel, OrgStatus
from orgs.models import Election, Enterprise, Org
from orgs.tests.factories import valid_uscc

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def counts():
    return Org.objects.count(), Enterprise.objects.count(), AuditEntry.objects.count()


def grassroots_data(code="NEW1", **extra):
    return {
        "code": code,
        "name": "新建公司工会",
        "level": OrgLevel.GRASSROOTS,
        "grassroots_type": "standalone",
        **extra,
    }


def test_district_admin_creates_union_under_own_street(city, people):
    org = actions.org_create(
        actor=people.district_a_admin, parent=city.street_a, data=grassroots_data()
    )
    assert Org.objects.get_parent(org) == city.street_a
    entry = AuditEntry.objects.get(object_id=str(org.pk), action="create")
    assert entry.actor == people.district_a_admin
    assert entry.changes["name"] == [None, "新建公司工会"]


def test_level_under_wrong_parent_is_refused_in_chinese_and_nothing_written(city, people):
    before = counts()
    with pytest.raises(ValidationError) as error:
        actions.org_create(
            actor=people.city_admin,
            parent=city.city,
            data={"code": "S9", "name": "街道", "level": OrgLevel.STREET},
        )
    assert "不能设在" in str(error.value.message_dict["parent"])
    assert counts() == before


def test_union_group_only_under_grassroots_union(city, people):
    with pytest.raises(ValidationError):
        actions.org_create(
            actor=people.city_admin,
            parent=city.street_a,
            data={"code": "G1", "name": "小组", "level": OrgLevel.GROUP},
        )
    group = actions.org_create(
        actor=people.city_admin,
        parent=city.union_a,
        data={"code": "G1", "name": "一车间工会小组", "level": OrgLevel.GROUP},
    )
    assert group.depth == city.union_a.depth + 1


def test_duplicate_code_refused(city, people):
    with pytest.raises(ValidationError) as error:
        actions.org_create(
            actor=people.city_admin, parent=city.street_a, data=grassroots_data(code="UA")
        )
    assert "已被使用" in error.value.message_dict["code"][0]


def test_district_admin_cannot_create_under_other_district(city, people):
    before = counts()
    with pytest.raises(OutOfScope):
        actions.org_create(
            actor=people.district_a_admin, parent=city.street_b, data=grassroots_data()
        )
    assert counts() == before


def test_move_under_own_descendant_refused(city, people):
    before = counts()
    with pytest.raises(ValidationError) as error:
        actions.org_move(actor=people.city_admin, org=city.district_a, new_parent=city.union_a)
    assert "不能移到" in str(error.value)
    assert counts() == before
    assert Org.objects.get_parent(Org.objects.get(pk=city.district_a.pk)) == city.city


def test_move_out_of_scope_refused_and_tree_unchanged(city, people):
    path_before = Org.objects.get(pk=city.union_a.pk).path
    with pytest.raises(OutOfScope):
        actions.org_move(actor=people.district_a_admin, org=city.union_a, new_parent=city.street_b)
    assert Org.objects.get(pk=city.union_a.pk).path == path_before


def test_move_subtree_moves_figures_with_it(city, people):
    before_a = selectors.coverage_stats(Org.objects.get(pk=city.district_a.pk))
    before_b = selectors.coverage_stats(Org.objects.get(pk=city.district_b.pk))
    assert (before_a["enterprises"], before_b["enterprises"]) == (2, 1)
    actions.org_move(actor=people.city_admin, org=city.street_a, new_parent=city.district_b)
    after_a = selectors.coverage_stats(Org.objects.get(pk=city.district_a.pk))
    after_b = selectors.coverage_stats(Org.objects.get(pk=city.district_b.pk))
    assert after_a["enterprises"] == 0
    assert (after_b["enterprises"], after_b["covered"]) == (3, 2)
    assert Org.objects.find_problems() == ([], [], [], [], [])
    assert AuditEntry.objects.filter(action="move", object_id=str(city.street_a.pk)).exists()


def test_coverage_stats_of_street(city, people):
    stats = selectors.coverage_stats(city.street_a)
    assert stats["enterprises"] == 2
    assert stats["covered"] == 1
    assert stats["coverage_rate"] == 50.0
    assert stats["large"] == 1 and stats["large_separate"] == 1
    assert stats["large_separate_rate"] == 100.0
    assert stats["small"] == 1 and stats["small_covered"] == 0


def test_linking_enterprise_raises_rates_up_the_tree(city, people):
    new_union = actions.org_create(
        actor=people.district_a_admin, parent=city.street_a, data=grassroots_data()
    )
    rates = [
        selectors.coverage_stats(o)["coverage_rate"]
        for o in (city.street_a, city.district_a, city.city)
    ]
    actions.enterprise_update(
        actor=people.district_a_admin,
        enterprise=city.enterprise_a2,
        data={"covering_union": new_union},
    )
    after = [
        selectors.coverage_stats(o)["coverage_rate"]
        for o in (city.street_a, city.district_a, city.city)
    ]
    assert rates == [50.0, 50.0, 66.7]
    assert after == [100.0, 100.0, 100.0]


def test_invalid_uscc_refused_in_chinese(city, people):
    before = counts()
    data = {
        "uscc": "91330100123456789X",
        "name": "某公司",
        "category": "170",
        "industry": "C",
        "employee_count": 10,
        "territory": city.street_a,
    }
    with pytest.raises(ValidationError) as error:
        actions.enterprise_create(actor=people.district_a_admin, data=data)
    assert "统一社会信用代码" in error.value.message_dict["uscc"][0]
    assert counts() == before


def test_uscc_is_normalised(city, people):
    code = valid_uscc(424242)
    data = {
        "uscc": f" {code.lower()[:8]} {code.lower()[8:]} ",
        "name": "某公司",
        "category": "170",
        "industry": "C",
        "employee_count": 10,
        "territory": city.street_a,
    }
    enterprise = actions.enterprise_create(actor=people.district_a_admin, data=data)
    assert enterprise.uscc == code


def test_enterprise_cannot_be_linked_to_other_districts_union(city, people):
    with pytest.raises(OutOfScope):
        actions.enterprise_update(
            actor=people.district_a_admin,
            enterprise=city.enterprise_a2,
            data={"covering_union": city.union_b},
        )
    assert Enterprise.objects.get(pk=city.enterprise_a2.pk).covering_union is None


def test_dissolve_keeps_history_and_uncovers_enterprises(city, people):
    today = datetime.date.today()
    with pytest.raises(ValidationError):
        actions.org_dissolve(actor=people.city_admin, org=city.street_a, on=today, reason="合并")
    actions.org_dissolve(
        actor=people.district_a_admin, org=city.union_a, on=today, reason="企业迁出"
    )
    union = Org.objects.get(pk=city.union_a.pk)
    assert union.status == OrgStatus.DISSOLVED
    assert Enterprise.objects.get(pk=city.enterprise_a.pk).covering_union is None
    assert AuditEntry.objects.filter(action="dissolve", object_id=str(union.pk)).exists()


def test_election_rules(city, people):
    held = datetime.date(2025, 6, 1)
    with pytest.raises(ValidationError) as error:
        actions.election_record(
            actor=people.district_a_admin,
            org=city.union_a,
            held_on=held,
            term_years=4,
            chair_name="张三",
            committee_members="甲\n乙\n丙\n丁",
            audit_committee_members="戊\n己",
        )
    messages = error.value.message_dict
    assert set(messages) == {"term_years", "committee_members", "audit_committee_members"}
    assert "奇数" in messages["committee_members"][0]
    assert Election.objects.count() == 0
    actions.election_record(
        actor=people.district_a_admin,
        org=city.union_a,
        held_on=held,
        term_years=3,
        chair_name="张三",
        committee_members="甲\n乙\n丙",
        audit_committee_members="戊\n己\n庚",
    )
    union = Org.objects.get(pk=city.union_a.pk)
    assert union.next_election_due == datetime.date(2028, 6, 1)
    assert union.chair_name == "张三"


def test_elections_todo_lists_overdue_in_scope_only(city, people):
    Org.objects.filter(pk=city.union_a.pk).update(next_election_due=datetime.date(2020, 1, 1))
    Org.objects.filter(pk=city.union_b.pk).update(next_election_due=datetime.date(2020, 1, 1))
    due = list(selectors.elections_todo(people.district_a_admin, datetime.date(2026, 11, 23)))
    assert due == [Org.objects.get(pk=city.union_a.pk)]


def test_cadre_cannot_dissolve_or_move_the_org_they_were_granted(city, people):
    with pytest.raises(OutOfScope):
        actions.org_dissolve(
            actor=people.union_a_admin, org=city.union_a, on=datetime.date.today(), reason="x"
        )
    with pytest.raises(OutOfScope):
        actions.org_move(actor=people.district_a_admin, org=city.district_a, new_parent=city.city)
    assert Org.objects.get(pk=city.union_a.pk).status == OrgStatus.ACTIVE
