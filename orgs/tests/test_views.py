import io

import openpyxl
import pytest
from django.urls import reverse

from core.models import AuditEntry
from orgs.models import Enterprise, Org
from orgs.tests.factories import EnterpriseFactory, make_org, valid_uscc

pytestmark = pytest.mark.django_db


def test_district_admin_tree_shows_only_own_subtree(client_for, people, city):
    html = client_for(people.district_a_admin).get(reverse("orgs:list")).content.decode()
    assert "东湖区总工会" in html and "甲公司工会" in html
    assert "西山区总工会" not in html and "示范市总工会" not in html


def test_org_page_shows_coverage_and_breadcrumbs(client_for, people, city):
    response = client_for(people.district_a_admin).get(
        reverse("orgs:detail", args=[city.street_a.pk])
    )
    html = response.content.decode()
    assert 'data-testid="coverage-rate">50.0%' in html
    assert "东湖区总工会" in html  # breadcrumb of the visible ancestor
    assert "示范市总工会" not in html  # the city lies above the user's scope


def test_org_list_query_count_is_flat(client_for, people, city, django_assert_max_num_queries):
    client = client_for(people.city_admin)
    street = Org.objects.get(pk=city.street_a.pk)
    for n in range(20):
        street.refresh_from_db()
        make_org(street, "grassroots", name=f"批量工会{n}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("orgs:list"))
    assert response.status_code == 200


def test_enterprise_list_query_count_is_flat(
    client_for, people, city, django_assert_max_num_queries
):
    EnterpriseFactory.create_batch(30, territory=city.street_a, covering_union=city.union_a)
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("orgs:enterprise-list"))
    assert response.content.decode().count("/enterprises/") >= 25


def test_enterprise_list_filters_search_sort_and_paginates(client_for, people, city):
    client = client_for(people.district_a_admin)
    url = reverse("orgs:enterprise-list")
    assert "丙商贸有限公司" in client.get(url, {"coverage": "none"}).content.decode()
    assert "甲科技有限公司" not in client.get(url, {"coverage": "none"}).content.decode()
    assert "甲科技有限公司" in client.get(url, {"q": "甲科技"}).content.decode()
    html = client.get(url, {"sort": "-employee_count"}).content.decode()
    assert html.index("甲科技有限公司") < html.index("丙商贸有限公司")
    EnterpriseFactory.create_batch(30, territory=city.street_a)
    second = client.get(url, {"page": 2})
    assert second.status_code == 200 and "2 / 2" in second.content.decode()


def test_htmx_request_gets_table_fragment_only(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.get(reverse("orgs:enterprise-list"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<table" in html and "<html" not in html


def test_export_has_chinese_headers_and_filtered_rows(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.get(reverse("orgs:enterprise-list"), {"coverage": "none", "export": "xlsx"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    assert rows[0][:2] == ("名称", "统一社会信用代码")
    assert [row[0] for row in rows[1:]] == ["丙商贸有限公司"]


def test_create_union_form_shows_chinese_error_for_wrong_level(client_for, people, city):
    client = client_for(people.district_a_admin)
    url = reverse("orgs:create") + f"?parent={city.street_a.pk}"
    response = client.post(
        url, {"parent": city.street_a.pk, "code": "Z1", "name": "某工会", "level": "district"}
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not Org.objects.filter(code="Z1").exists()


def test_create_union_and_link_enterprise_through_the_ui(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("orgs:create") + f"?parent={city.street_a.pk}",
        {
            "parent": city.street_a.pk,
            "code": "Z2",
            "name": "丙商贸有限公司工会",
            "level": "grassroots",
            "grassroots_type": "standalone",
        },
    )
    union = Org.objects.get(code="Z2")
    assert response.status_code == 302 and response["Location"].endswith(f"/orgs/{union.pk}/")
    enterprise = city.enterprise_a2
    data = {
        "uscc": enterprise.uscc,
        "name": enterprise.name,
        "category": enterprise.category,
        "industry": enterprise.industry,
        "employee_count": enterprise.employee_count,
        "territory": city.street_a.pk,
        "covering_union": union.pk,
    }
    response = client.post(reverse("orgs:enterprise-update", args=[enterprise.pk]), data)
    assert response.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).covering_union == union
    page = client.get(reverse("orgs:detail", args=[city.street_a.pk])).content.decode()
    assert 'data-testid="coverage-rate">100.0%' in page


def test_invalid_uscc_form_error_in_chinese(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("orgs:enterprise-create"),
        {
            "uscc": "123",
            "name": "新公司",
            "category": "170",
            "industry": "C",
            "employee_count": 5,
            "territory": city.street_a.pk,
        },
    )
    assert "不是有效的统一社会信用代码" in response.content.decode()
    assert not Enterprise.objects.filter(name="新公司").exists()


def test_move_form_offers_only_orgs_in_scope_and_refuses_descendants(client_for, people, city):
    client = client_for(people.district_a_admin)
    page = client.get(reverse("orgs:move", args=[city.street_a.pk])).content.decode()
    assert "西山街道总工会" not in page and "甲公司工会" not in page
    response = client.post(
        reverse("orgs:move", args=[city.street_a.pk]), {"new_parent": city.district_b.pk}
    )
    assert response.status_code == 200
    assert Org.objects.get(pk=city.street_a.pk).path.startswith(city.district_a.path)


def test_history_tab_shows_field_changes(client_for, people, city):
    client = client_for(people.district_a_admin)
    client.post(
        reverse("orgs:update", args=[city.union_a.pk]),
        {
            "code": "UA",
            "name": "甲公司工会委员会",
            "level": "grassroots",
            "grassroots_type": "standalone",
            "chair_name": "李四",
        },
    )
    html = client.get(
        reverse("orgs:detail", args=[city.union_a.pk]), {"tab": "history"}
    ).content.decode()
    assert "甲公司工会委员会" in html and "主席" in html and "李四" in html
    assert AuditEntry.objects.filter(action="update", actor=people.district_a_admin).exists()


def test_viewer_cannot_open_edit_forms(client_for, people, city):
    client = client_for(people.district_a_viewer)
    assert client.get(reverse("orgs:detail", args=[city.union_a.pk])).status_code == 200
    assert client.get(reverse("orgs:update", args=[city.union_a.pk])).status_code == 404


def test_worker_without_role_sees_empty_state(client_for, people, city):
    html = client_for(people.worker).get(reverse("home")).content.decode()
    assert "您还没有工作权限" in html
    assert client_for(people.worker).get(reverse("orgs:list")).content.decode().count("/orgs/") <= 2


def test_elections_due_page(client_for, people, city):
    Org.objects.filter(pk=city.union_a.pk).update(next_election_due="2020-01-01")
    html = client_for(people.district_a_admin).get(reverse("orgs:elections-due")).content.decode()
    assert "甲公司工会" in html


def test_enterprise_uscc_unique_message(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("orgs:enterprise-create"),
        {
            "uscc": city.enterprise_a.uscc,
            "name": "重复",
            "category": "170",
            "industry": "C",
            "employee_count": 5,
            "territory": city.street_a.pk,
        },
    )
    assert "已登记" in response.content.decode()
    assert valid_uscc(1)


def test_org_picker_offers_only_changeable_orgs_of_the_asked_levels(client_for, people, city):
    client = client_for(people.district_a_admin)
    html = client.get(reverse("orgs:pick"), {"q": "工会", "levels": "grassroots,federation"})
    text = html.content.decode()
    assert "甲公司工会" in text and "乙公司工会" not in text and "东湖街道总工会" not in text
    viewer = client_for(people.district_a_viewer).get(reverse("orgs:pick"), {"q": "甲"})
    assert "甲公司工会" not in viewer.content.decode()


def test_enterprise_form_lists_only_the_current_union(client_for, people, city):
    for n in range(15):
        make_org(Org.objects.get(pk=city.street_a.pk), "grassroots", name=f"候选工会{n}")
    page = client_for(people.district_a_admin).get(
        reverse("orgs:enterprise-update", args=[city.enterprise_a.pk])
    )
    html = page.content.decode()
    assert "候选工会" not in html
    assert f'value="{city.union_a.pk}" selected' in html


def test_list_pages_do_not_render_every_org_into_the_filter_form(client_for, people, city):
    street = Org.objects.get(pk=city.street_a.pk)
    for n in range(30):
        street.refresh_from_db()
        make_org(street, "grassroots", name=f"第{n:02d}号工会")
    client = client_for(people.city_admin)
    first_page = client.get(reverse("orgs:list")).content.decode()
    assert "第29号工会" not in first_page  # on page 2, and not in any dropdown
    enterprises = client.get(reverse("orgs:enterprise-list")).content.decode()
    assert "第29号工会" not in enterprises


def test_closing_an_enterprise_keeps_it_but_drops_it_from_coverage(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.post(reverse("orgs:enterprise-close", args=[city.enterprise_a2.pk]))
    assert response.status_code == 302
    assert Enterprise.objects.get(pk=city.enterprise_a2.pk).status == "closed"
    page = client.get(reverse("orgs:detail", args=[city.street_a.pk])).content.decode()
    assert 'data-testid="coverage-rate">100.0%' in page
