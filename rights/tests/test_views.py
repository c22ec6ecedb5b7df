"""Cadre pages of tickets, legal aid, lawyers and disputes: lists (query counts, filters,
export, HTMX), details, every step form, and creation with the follow-up code shown once."""

import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from core.tests.test_scope import _api_routes, _html_routes
from rights import actions
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket
from rights.tests.factories import (
    make_admin,
    make_dispute,
    make_lawyer,
    make_legal_aid,
    make_ticket,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(city, people):
    return [
        make_ticket(
            people.city_admin,
            enterprise=city.enterprise_a,
            subject=f"欠薪工单{n}",
            phone=f"1390000{n:04d}",
            workers_involved=12 if n % 5 == 0 else 1,
        )
        for n in range(30)
    ]


def test_every_page_and_endpoint_is_walked_by_the_scope_test():
    html = {route for route, _ in _html_routes()}
    api = {route for route, _, _ in _api_routes()}
    assert {
        "tickets/",
        "tickets/todo/",
        "tickets/<int:pk>/",
        "tickets/<int:pk>/reply/",
        "legal-aid/",
        "legal-aid/<int:pk>/assign/",
        "lawyers/",
        "lawyers/<int:pk>/edit/",
        "disputes/",
        "disputes/<int:pk>/session/",
    } <= html
    for prefix in ("tickets", "legal-aid", "disputes", "lawyers"):
        assert any(route.startswith(f"api/v1/^{prefix}") for route in api), prefix


def test_ticket_list_masks_filters_exports_and_keeps_queries_flat(
    client_for, people, city, many, django_assert_max_num_queries
):
    make_ticket(people.city_admin, enterprise=city.enterprise_b, subject="西山工单")
    client = client_for(people.district_a_admin)
    url = reverse("rights:ticket-list")
    with django_assert_max_num_queries(12):
        page = client.get(url)
    html = page.content.decode()
    assert "欠薪工单29" in html and "西山工单" not in html
    assert "139****0029" in html and "13900000029" not in html
    assert client.get(url, {"q": "13900000007"}).content.decode().count("欠薪工单") == 1
    group = client.get(url, {"is_group": "true"}, headers={"HX-Request": "true"})
    assert group.content.decode().count("欠薪工单") == 6
    number = many[3].number
    assert "欠薪工单3<" in client.get(url, {"q": number}).content.decode()
    export = client.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 31
    assert "13900000001" not in str(list(sheet.iter_rows(values_only=True)))


def test_other_lists_query_counts(client_for, people, city, django_assert_max_num_queries):
    admin = people.district_a_admin
    lawyer = make_lawyer(city.district_a, admin)
    for n in range(5):
        case = make_legal_aid(admin, enterprise=city.enterprise_a, caller_name=f"申请人{n}")
        actions.legal_aid_accept(actor=admin, case=case)
        actions.legal_aid_assign(actor=admin, case=case, lawyer=lawyer)
        make_dispute(admin, org=city.union_a, enterprise=city.enterprise_a, workers=f"当事人{n}")
        make_lawyer(city.union_a, admin, name=f"律师{n}")
    client = client_for(admin)
    for name, marker in (
        ("rights:legal-aid-list", "申请人4"),
        ("rights:dispute-list", "当事人4"),
        ("rights:lawyer-list", "律师4"),
    ):
        with django_assert_max_num_queries(12):
            page = client.get(reverse(name))
        assert marker in page.content.decode(), name
    assert client.get(reverse("rights:lawyer-detail", args=[lawyer.pk])).status_code == 200


def test_cadre_handles_a_ticket_through_the_pages(client_for, people, city):
    client = client_for(people.union_a_admin)
    response = client.post(
        reverse("rights:ticket-create"),
        {
            "kind": "complaint",
            "tier": "ordinary",
            "channel": "hotline",
            "category": "wage_arrears",
            "caller_name": "刘师傅",
            "phone": "13612345678",
            "enterprise": city.enterprise_a.pk,
            "workers_involved": "2",
            "subject": "工资拖欠",
            "content": "两个月未发工资",
        },
        follow=True,
    )
    ticket = Ticket.objects.get()
    html = response.content.decode()
    assert ticket.number in html and "查询码" in html
    code = html.split("查询码不再显示：")[1][:14]
    assert actions.follow_code_hash(code) == ticket.follow_code_hash
    # The code is shown once only.
    assert code not in client.get(ticket.get_absolute_url()).content.decode()
    steps = [
        (
            "rights:ticket-reclassify",
            {"tier": "complex", "category": "wage_arrears", "workers_involved": "2"},
        ),
        ("rights:ticket-start", {}),
        ("rights:ticket-reply", {"reply": "已协调企业发放", "resolved": "on"}),
        ("rights:ticket-close", {}),
        ("rights:ticket-callback", {"satisfaction": "satisfied"}),
    ]
    for name, data in steps:
        url = reverse(name, args=[ticket.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, data).status_code == 302, name
    ticket.refresh_from_db()
    assert ticket.status == "closed" and ticket.satisfaction == "satisfied"
    assert ticket.tier == "complex"
    detail = client.get(ticket.get_absolute_url()).content.decode()
    assert "满意度回访" in detail and "已协调企业发放" in detail
    history = client.get(ticket.get_absolute_url(), {"tab": "history"})
    assert history.status_code == 200


def test_step_forms_show_chinese_errors_and_change_nothing(client_for, people, city):
    ticket = make_ticket(people.union_a_admin, enterprise=city.enterprise_a)
    client = client_for(people.union_a_admin)
    response = client.post(reverse("rights:ticket-reply", args=[ticket.pk]), {"reply": "答复"})
    assert "不能进行" in response.content.decode()
    response = client.post(reverse("rights:ticket-reroute", args=[ticket.pk]), {"to_org_code": "X"})
    assert "没有使用该代码的有效工会" in response.content.decode()
    response = client.post(reverse("rights:ticket-create"), {"kind": "complaint"})
    assert response.status_code == 200 and "invalid-feedback" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == "received" and Ticket.objects.count() == 1


def test_viewer_reads_but_cannot_take_steps(client_for, people, city):
    ticket = make_ticket(people.district_a_admin, enterprise=city.enterprise_a)
    client = client_for(people.district_a_viewer)
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert 'data-testid="start"' not in page
    assert client.get(reverse("rights:ticket-start", args=[ticket.pk])).status_code == 404


def test_todo_list_flags_overdue_tickets_of_the_union_below(client_for, people, city):
    with time_machine.travel(datetime.datetime(2026, 2, 13, 2, tzinfo=datetime.UTC)):
        overdue = make_ticket(
            people.union_a_admin, enterprise=city.enterprise_a, subject="甲超期工单"
        )
    fresh = make_ticket(people.district_a_admin, enterprise=city.enterprise_a2, subject="新到")
    street_admin = make_admin(city.street_a)
    page = client_for(street_admin).get(reverse("rights:ticket-todo")).content.decode()
    assert "甲超期工单" in page and "已超期" in page
    assert "新到" in page  # at the street itself
    assert fresh.org == city.street_a
    district_page = client_for(people.district_a_admin).get(reverse("rights:ticket-todo"))
    assert "甲超期工单" not in district_page.content.decode()
    actions.tickets_remind_and_escalate()
    overdue.refresh_from_db()
    detail = client_for(street_admin).get(overdue.get_absolute_url()).content.decode()
    assert 'data-testid="escalated-flag"' in detail and 'data-testid="overdue-flag"' in detail


def test_legal_aid_and_dispute_pages(client_for, people, city):
    admin = people.district_a_admin
    client = client_for(admin)
    ticket = make_ticket(admin, enterprise=city.enterprise_a, workers_involved=3)
    form = client.get(reverse("rights:legal-aid-create"), {"ticket": ticket.pk})
    assert ticket.content in form.content.decode()
    other = make_ticket(people.city_admin, enterprise=city.enterprise_b)
    assert client.get(reverse("rights:legal-aid-create"), {"ticket": other.pk}).status_code == 404
    response = client.post(
        reverse("rights:legal-aid-create"),
        {
            "ticket": ticket.pk,
            "caller_name": "王师傅",
            "phone": "13900001111",
            "category": "wage_arrears",
            "channel": "visit",
            "workers_involved": "3",
            "matter": ticket.content,
            "enterprise": city.enterprise_a.pk,
        },
    )
    case = LegalAidCase.objects.get()
    assert response.status_code == 302 and case.ticket == ticket
    lawyer = make_lawyer(city.district_a, admin)
    for name, data in (
        ("rights:legal-aid-accept", {}),
        ("rights:legal-aid-assign", {"lawyer": lawyer.pk}),
        ("rights:legal-aid-progress", {"on": datetime.date.today().isoformat(), "note": "会见"}),
        ("rights:legal-aid-conclude", {"outcome": "settled", "amount_recovered": "9000",
                                       "on": datetime.date.today().isoformat()}),
    ):  # fmt: skip
        assert client.post(reverse(name, args=[case.pk]), data).status_code == 302, name
    case.refresh_from_db()
    assert case.status == "concluded"
    assert "9000" in client.get(case.get_absolute_url()).content.decode()
    form = client.get(reverse("rights:dispute-create"), {"legal_aid": case.pk})
    assert ticket.content in form.content.decode()
    response = client.post(
        reverse("rights:dispute-create"),
        {
            "legal_aid": case.pk,
            "workers": "王师傅等3人",
            "workers_involved": "3",
            "category": "wage_arrears",
            "claims": "支付工资",
            "registered_on": datetime.date.today().isoformat(),
            "enterprise": city.enterprise_a.pk,
        },
    )
    dispute = DisputeCase.objects.get()
    assert response.status_code == 302 and dispute.legal_aid == case
    today = datetime.date.today().isoformat()
    client.post(
        reverse("rights:dispute-session", args=[dispute.pk]), {"held_on": today, "summary": "调解"}
    )
    client.post(
        reverse("rights:dispute-close", args=[dispute.pk]), {"outcome": "mediated", "on": today}
    )
    dispute.refresh_from_db()
    assert dispute.outcome == "mediated"
    org_page = client.get(city.district_a.get_absolute_url()).content.decode()
    assert 'data-testid="rights-stats"' in org_page


def test_lawyer_roster_pages(client_for, people, city):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("rights:lawyer-create"),
        {"org": city.district_a.pk, "name": "孙律师", "kind": "lawyer", "is_active": "on"},
    )
    assert response.status_code == 302
    lawyer = Lawyer.objects.get(name="孙律师")
    response = client.post(
        reverse("rights:lawyer-edit", args=[lawyer.pk]),
        {"name": "孙律师", "kind": "assistant", "firm": "援助中心"},
    )
    lawyer.refresh_from_db()
    assert response.status_code == 302 and not lawyer.is_active and lawyer.kind == "assistant"
    response = client.post(
        reverse("rights:lawyer-create"), {"org": city.district_b.pk, "name": "越权律师"}
    )
    assert response.status_code == 200 and not Lawyer.objects.filter(name="越权律师").exists()


def test_caller_phone_reveal_is_audited_and_needs_the_right(client_for, people, city):
    from core.models import AuditEntry

    ticket = make_ticket(people.district_a_admin, enterprise=city.enterprise_a, phone="13711112222")
    url = reverse("rights:ticket-reveal-phone", args=[ticket.pk])
    viewer = client_for(people.district_a_viewer)
    assert (
        'data-testid="reveal-phone"' not in viewer.get(ticket.get_absolute_url()).content.decode()
    )
    assert viewer.post(url).status_code == 404
    admin = client_for(people.district_a_admin)
    assert 'data-testid="reveal-phone"' in admin.get(ticket.get_absolute_url()).content.decode()
    assert "13711112222" in admin.post(url).content.decode()
    assert AuditEntry.objects.filter(action="reveal", object_id=str(ticket.pk)).count() == 1
    case = make_legal_aid(people.district_a_admin, enterprise=city.enterprise_a)
    revealed = admin.post(reverse("rights:legal-aid-reveal-phone", args=[case.pk]))
    assert "13900002222" in revealed.content.decode()
