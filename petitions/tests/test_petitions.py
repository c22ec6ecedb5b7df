"""信访: the whole workflow, its deadlines under a frozen clock, Chinese errors that change
nothing, scope (handed down, another district), pages, API, the to-do and report figures."""

import datetime
import io

import openpyxl
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEntry
from core.scoping import OutOfScope
from core.tests.test_scope import _api_routes, _html_routes
from petitions import actions, selectors
from petitions.models import Petition
from petitions.tests.factories import make_petition

pytestmark = pytest.mark.django_db

DAY0 = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def _at(days):
    return time_machine.travel(DAY0 + datetime.timedelta(days=days), tick=False)


def test_every_page_and_endpoint_is_walked_by_the_scope_test():
    html = {route for route, _ in _html_routes()}
    assert {
        "petitions/",
        "petitions/<int:pk>/",
        "petitions/<int:pk>/accept/",
        "petitions/<int:pk>/hand-down/",
        "petitions/<int:pk>/review/",
    } <= html
    assert any(route.startswith("api/v1/^petitions") for route, _, _ in _api_routes())


def test_whole_workflow_with_deadlines_hand_down_extension_and_review(city, people):
    admin = people.district_a_admin
    with _at(0):
        petition = make_petition(city.district_a, admin, workers_involved=6)
        assert petition.is_collective
        assert petition.caller_phone_masked == "139****1111"
        assert "13900001111" not in petition.caller_phone_cipher
        assert petition.accept_due_on == datetime.date(2026, 3, 17)
    with _at(16):
        assert selectors.is_overdue(petition, datetime.date(2026, 3, 18))
        todos = {
            t.key: t.count for t in selectors.petition_todos(admin, datetime.date(2026, 3, 18))
        }
        assert todos["petitions-accept-overdue"] == 1
        petition = actions.petition_accept(actor=admin, petition=petition)
        assert petition.handle_due_on == datetime.date(2026, 3, 18) + datetime.timedelta(days=60)
        petition = actions.petition_hand_down(actor=admin, petition=petition, to_org=city.street_a)
    # The street union now handles it and sees it.
    street_admin = _street_admin(city)
    assert Petition.objects.visible_to(street_admin).filter(pk=petition.pk).exists()
    with _at(20):
        petition = actions.petition_extend(
            actor=street_admin, petition=petition, extra_days=30, reason="需调查取证"
        )
        assert petition.handle_due_on == datetime.date(2026, 6, 16)
        with pytest.raises(ValidationError, match="已延期过一次"):
            actions.petition_extend(
                actor=street_admin, petition=petition, extra_days=5, reason="再延"
            )
        petition = actions.petition_reply(
            actor=street_admin, petition=petition, reply="已协调补发。"
        )
    with _at(20 + 31), pytest.raises(ValidationError, match="30"):
        actions.petition_request_review(actor=admin, petition=petition)
    with _at(20 + 30):
        petition = actions.petition_request_review(actor=admin, petition=petition)
    assert petition.review_org == city.district_a  # the union above the street union
    assert petition.review_due_on == datetime.date(2026, 5, 21)
    with pytest.raises(OutOfScope):
        actions.petition_review(actor=street_admin, petition=petition, opinion="维持")
    petition = actions.petition_review(actor=admin, petition=petition, opinion="维持原答复意见。")
    assert petition.status == "reviewed"
    kinds = list(petition.events.values_list("kind", flat=True))
    assert kinds == [
        "registered", "accepted", "handed_down", "extended", "replied", "review_requested",
        "reviewed",
    ]  # fmt: skip
    assert AuditEntry.objects.filter(object_id=str(petition.pk)).count() >= 7


def _street_admin(city):
    from django.contrib.auth import get_user_model

    from core.choices import Role
    from core.models import RoleAssignment

    user = get_user_model().objects.create_user(username="street_a", password="pw-12345678")
    RoleAssignment.objects.create(user=user, org=city.street_a, role=Role.ADMIN)
    return user


def test_wrong_steps_get_chinese_errors_and_change_nothing(city, people):
    admin = people.district_a_admin
    petition = make_petition(city.district_a, admin)
    for step, kwargs in (
        (actions.petition_reply, {"reply": "答复"}),
        (actions.petition_extend, {"extra_days": 5, "reason": "原因"}),
        (actions.petition_request_review, {}),
    ):
        with pytest.raises(ValidationError, match="不能"):
            step(actor=admin, petition=petition, **kwargs)
    with pytest.raises(ValidationError, match="告知"):
        actions.petition_reject(actor=admin, petition=petition, reason="")
    with pytest.raises(ValidationError, match="下级"):
        actions.petition_hand_down(actor=admin, petition=petition, to_org=city.district_b)
    actions.petition_accept(actor=admin, petition=petition)
    with pytest.raises(ValidationError, match="1"):
        actions.petition_extend(actor=admin, petition=petition, extra_days=31, reason="太长")
    petition.refresh_from_db()
    assert petition.status == "accepted" and petition.extended_days == 0
    assert petition.events.count() == 2


def test_not_accepted_with_reason(city, people):
    petition = make_petition(city.district_a, people.district_a_admin)
    petition = actions.petition_reject(
        actor=people.district_a_admin, petition=petition, reason="不属于工会职责范围"
    )
    assert petition.status == "not_accepted"
    assert petition.not_accepted_reason == "不属于工会职责范围"


def test_extension_only_before_the_deadline(city, people):
    admin = people.district_a_admin
    with _at(0):
        petition = make_petition(city.district_a, admin)
        actions.petition_accept(actor=admin, petition=petition)
    with _at(61):
        with pytest.raises(ValidationError, match="已过"):
            actions.petition_extend(actor=admin, petition=petition, extra_days=10, reason="晚了")
        todos = {t.key: t.count for t in selectors.petition_todos(admin, datetime.date(2026, 5, 2))}
        assert todos["petitions-handle-overdue"] == 1


def test_create_errors_and_other_district(city, people):
    with pytest.raises(ValidationError) as error:
        actions.petition_create(
            actor=people.district_a_admin,
            data={"org": city.district_a, "channel": "letter", "phone": "123"},
        )
    assert "请" in str(error.value)
    with pytest.raises(OutOfScope):
        make_petition(city.district_b, people.district_a_admin)
    assert not Petition.objects.exists()


def _list_queries(client, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(reverse("petitions:list"))
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_pages_scope_export_and_queries(client_for, city, people, django_assert_max_num_queries):
    make_petition(city.union_a, subject="来访0", workers_involved=5)
    client = client_for(people.district_a_admin)
    few, _response = _list_queries(client, django_assert_max_num_queries, 20)
    for n in range(1, 12):
        make_petition(city.union_a, subject=f"来访{n}", workers_involved=5 if n % 3 == 0 else 1)
    other = make_petition(city.union_b, subject="西山来访")
    _many, response = _list_queries(client, django_assert_max_num_queries, few)
    assert "来访11" in response.text and "西山来访" not in response.text
    assert "139****1111" in response.text and "13900001111" not in response.text
    response = client.get(reverse("petitions:list"), {"is_collective": "true"})
    assert "来访3" in response.text and "来访1<" not in response.text
    assert "来访9" in response.text and "来访10" not in response.text
    response = client.get(reverse("petitions:list"), {"q": "来访11"})
    assert "来访11" in response.text and "来访10" not in response.text
    response = client.get(reverse("petitions:list"), {"channel": "letter"})
    assert "来访11" not in response.text
    response = client.get(reverse("petitions:list"), {"sort": "-received_on"})
    assert response.status_code == 200
    export = client.get(reverse("petitions:list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert "139****1111" in cells and "13900001111" not in " ".join(cells)
    assert "西山来访" not in cells and len(list(sheet.iter_rows())) == 13
    assert client.get(reverse("petitions:detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("petitions:accept", args=[other.pk])).status_code == 404
    mine = Petition.objects.filter(org=city.union_a).first()
    detail = client.get(reverse("petitions:detail", args=[mine.pk]))
    assert detail.status_code == 200 and "受理期限" in detail.text
    history = client.get(reverse("petitions:detail", args=[mine.pk]), {"tab": "history"})
    assert history.status_code == 200 and 'data-testid="timeline"' in history.text
    revealed = client.post(reverse("petitions:reveal-phone", args=[mine.pk]))
    assert "13900001111" in revealed.text
    assert AuditEntry.objects.filter(action="reveal", object_id=str(mine.pk)).exists()


def test_overdue_filter_and_workbench_todo(client_for, city, people):
    with _at(0):
        late = make_petition(city.district_a, people.district_a_admin, subject="逾期未受理")
    make_petition(city.district_a, people.district_a_admin, subject="新来信")
    client = client_for(people.district_a_admin)
    response = client.get(reverse("petitions:list"), {"overdue": "true"})
    assert "逾期未受理" in response.text and "新来信" not in response.text
    home = client.get(reverse("home"))
    assert "1件信访超过受理期限未作决定" in home.text
    detail = client.get(reverse("petitions:detail", args=[late.pk]))
    assert 'data-testid="overdue-flag"' in detail.text
    # Another district's cadre sees no to-do of district A.
    other = client_for(people.district_b_admin).get(reverse("home"))
    assert "信访超过受理期限" not in other.text


def test_create_and_step_pages(client_for, city, people):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("petitions:create"),
        {
            "org": city.district_a.pk,
            "channel": "letter",
            "category": "contract",
            "caller_name": "李女士",
            "phone": "13911112222",
            "workers_involved": 1,
            "subject": "合同纠纷来信",
            "content": "单位不签劳动合同。",
            "received_on": "2026-03-01",
        },
    )
    petition = Petition.objects.get()
    assert response.status_code == 302 and petition.subject == "合同纠纷来信"
    response = client.post(reverse("petitions:reply", args=[petition.pk]), {"reply": "答复"})
    assert response.status_code == 200 and "不能" in response.text
    response = client.post(reverse("petitions:accept", args=[petition.pk]), {})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == "accepted"


def test_api_list_create_steps_and_scope(api_for, city, people, django_assert_max_num_queries):
    for n in range(10):
        make_petition(city.union_a, subject=f"来信{n}")
    other = make_petition(city.union_b)
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(10):
        response = api.get("/api/v1/petitions/")
    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert len(rows) == 10 and all(r["caller_phone_masked"] == "139****1111" for r in rows)
    response = api.post(
        "/api/v1/petitions/",
        {
            "org": city.district_a.pk,
            "channel": "online",
            "category": "wage_arrears",
            "caller_name": "赵先生",
            "subject": "网上信访",
            "content": "欠薪。",
            "workers_involved": 8,
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["is_collective"] is True
    pk = response.json()["id"]
    assert api.post(f"/api/v1/petitions/{pk}/accept/", {}, format="json").status_code == 200
    response = api.post(f"/api/v1/petitions/{pk}/accept/", {}, format="json")
    assert response.status_code == 400 and "不能" in str(response.json())
    assert api.post(f"/api/v1/petitions/{other.pk}/accept/", {}).status_code == 404
    schema = api.get("/api/v1/schema/")
    assert schema.status_code == 200 and "/api/v1/petitions/" in schema.content.decode()


def test_report_figures_and_paragraph(city, people):
    from reports import figures
    from reports.periods import Period
    from reports.selectors import build_draft

    admin = people.district_a_admin
    with _at(0):
        p = make_petition(city.district_a, admin, workers_involved=5)
        actions.petition_accept(actor=admin, petition=p)
        actions.petition_reply(actor=admin, petition=p, reply="已办结。")
        make_petition(city.district_a, admin)
        make_petition(city.union_b)
    period = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    values = {k: v.value for k, v in figures.compute(city.district_a, period).items()}
    assert values["petitions.received"] == 2 and values["petitions.accepted"] == 1
    assert values["petitions.collective"] == 1 and values["petitions.on_time_rate"] == 100.0
    assert figures.compute(city.city, period)["petitions.received"].value == 3
    sections = {s.key: s for s in build_draft(city.district_a, period).sections}
    text = "".join(str(x) for x in sections["rights"].paragraphs)
    assert "信访" in text
    quiet = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    sections = {s.key: s for s in build_draft(city.district_a, quiet).sections}
    assert "信访" not in "".join(str(x) for x in sections["rights"].paragraphs)
