import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from grassroots import actions
from grassroots.choices import ReportStatus
from grassroots.models import Task, TaskReport
from orgs.choices import OrgLevel
from orgs.tests.factories import make_org

pytestmark = pytest.mark.django_db

FIELDS = (
    "职工人数 | 数字 | 必填\n建会日期 | 日期 | 选填\n类型 | 选项 | 必填 | 企业、机关\n"
    "台账 | 文件 | 选填"
)


def _city_task(city, people, **extra):
    return actions.task_issue(
        actor=people.city_admin,
        org=city.city,
        title="2026年度工会统计",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        recipients=[city.district_a, city.district_b],
        fields=actions.parse_fields(FIELDS),
        **extra,
    )


def test_field_lines_are_parsed_with_clear_errors():
    fields = actions.parse_fields(FIELDS)
    assert [f["kind"] for f in fields] == ["number", "date", "choice", "file"]
    assert fields[2]["choices"] == ["企业", "机关"] and fields[1]["required"] is False
    for bad in ("人数 | 金额", "类型 | 选项 | 必填 | 只有一个", "a | 数字\na | 文本"):
        with pytest.raises(ValidationError):
            actions.parse_fields(bad)


def test_city_task_to_all_districts_shows_completion_per_district(city, people, api_for):
    task = _city_task(city, people)
    report_a = task.reports.get(org=city.district_a)
    actions.report_submit(
        actor=people.district_a_admin,
        report=report_a,
        answers={"f1": "1,234", "f3": "企业"},
        files={"f4": SimpleUploadedFile("台账.xlsx", b"PK xlsx")},
    )
    statuses = dict(task.reports.values_list("org__code", "status"))
    assert statuses == {"DA": ReportStatus.SUBMITTED, "DB": ReportStatus.PENDING}
    completion = api_for(people.city_admin).get(f"/api/v1/tasks/{task.pk}/").json()["completion"]
    assert (completion["submitted"], completion["total"]) == (1, 2)
    assert actions.task_remind(actor=people.city_admin, task=task) == 1
    assert task.reports.get(org=city.district_b).reminders == 1


def test_answers_are_checked_field_by_field(city, people):
    task = _city_task(city, people)
    report = task.reports.get(org=city.district_a)
    with pytest.raises(ValidationError) as refused:
        actions.report_submit(
            actor=people.district_a_admin,
            report=report,
            answers={"f1": "很多", "f2": "2026-13-01", "f3": "其他"},
        )
    assert set(refused.value.error_dict) == {"f1", "f2", "f3"}
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING and report.answers == {}


def test_district_sees_only_tasks_sent_to_it_or_its_subtree(city, people):
    task = _city_task(city, people)
    own = actions.task_issue(
        actor=people.district_b_admin,
        org=city.district_b,
        title="西山区内部任务",
        deadline=timezone.localdate(),
        recipients=[city.street_b],
    )
    visible = Task.objects.visible_to(people.district_a_admin)
    assert list(visible) == [task]
    assert own not in Task.objects.visible_to(people.district_a_admin)
    # a recipient sees its own report, not its sibling's
    reports = TaskReport.objects.visible_to(people.district_a_admin)
    assert list(reports.values_list("org__code", flat=True)) == ["DA"]
    # a recipient may not change the issuer's task
    assert not Task.objects.visible_to(people.district_a_admin, "change").exists()


def test_forwarded_task_shows_the_districts_children_to_the_district(city, people):
    task = _city_task(city, people)
    street2 = make_org(city.district_a, OrgLevel.STREET, name="东湖二街道", code="SA2")
    report_a = task.reports.get(org=city.district_a)
    with pytest.raises(ValidationError):  # no later than the parent's deadline
        actions.task_issue(
            actor=people.district_a_admin,
            org=city.district_a,
            title=task.title,
            deadline=task.deadline + datetime.timedelta(days=1),
            recipients=[city.street_a],
            parent=task,
        )
    forwarded = actions.task_issue(
        actor=people.district_a_admin,
        org=city.district_a,
        title=task.title,
        deadline=task.deadline,
        recipients=[city.street_a, street2],
        parent=task,
    )
    assert forwarded.fields == task.fields and report_a.org == city.district_a
    seen = set(
        TaskReport.objects.visible_to(people.district_a_admin).values_list("org__code", flat=True)
    )
    assert seen == {"DA", "SA", "SA2"}
    assert (
        not TaskReport.objects.visible_to(people.district_b_admin).filter(task=forwarded).exists()
    )


def test_recipients_must_lie_below_the_issuer(city, people):
    with pytest.raises(ValidationError):
        actions.task_issue(
            actor=people.district_a_admin,
            org=city.district_a,
            title="越级",
            deadline=timezone.localdate(),
            recipients=[city.union_b],
        )
    assert not Task.objects.exists()


def test_answers_export_to_one_xlsx(client, city, people):
    task = _city_task(city, people)
    for admin, org in (
        (people.district_a_admin, city.district_a),
        (people.district_b_admin, city.district_b),
    ):
        actions.report_submit(
            actor=admin, report=task.reports.get(org=org), answers={"f1": "120", "f3": "机关"}
        )
    client.force_login(people.city_admin)
    response = client.get(f"/tasks/{task.pk}/export/")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "职工人数" in rows[0] and len(rows) == 3
    assert {r[0] for r in rows[1:]} == {"东湖区总工会", "西山区总工会"}
    assert rows[1][rows[0].index("职工人数")] == 120
    # a district exports only its own row
    client.force_login(people.district_a_admin)
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/tasks/{task.pk}/export/").content)
    ).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["东湖区总工会"]
