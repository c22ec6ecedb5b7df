"""The statistics layer, the drafted work report and its API: figures built through the
services, counted for the right subtree and period, and written into the .docx."""

import datetime
import io

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from dues import actions as dues_actions
from members.choices import EmploymentForm
from members.tests.factories import make_member
from orgs import actions as org_actions
from reports import figures
from reports.choices import DraftStatus
from reports.document import render_docx
from reports.models import ReportDraft
from reports.numbers import cn_money, cn_number, cn_percent
from reports.periods import Period
from reports.selectors import build_draft

pytestmark = pytest.mark.django_db

YEAR_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def activity(city):
    """District A: 3 members joined in 2025 (one a courier), 1 joined in 2024; dues for
    two of them in 2025 (one paid); one election in 2025. District B: 2 members joined in
    2025 and an election — never to be counted for A."""
    joined = datetime.date(2025, 3, 10)
    members_a = [
        make_member(city.union_a, name="钱一", joined_on=joined),
        make_member(city.union_a, name="钱二", joined_on=joined),
        make_member(
            city.union_a,
            name="钱三",
            joined_on=datetime.date(2025, 6, 1),
            employment_form=EmploymentForm.COURIER,
        ),
    ]
    make_member(city.union_a, name="钱老", joined_on=datetime.date(2024, 5, 1))
    for name in ("赵一", "赵二"):
        make_member(city.union_b, name=name, joined_on=joined)
    dues_actions.dues_record(
        actor=None,
        member=members_a[0],
        month=datetime.date(2025, 4, 1),
        wage_base="8000",
        paid=True,
        paid_on=datetime.date(2025, 4, 20),
    )
    dues_actions.dues_record(
        actor=None, member=members_a[1], month=datetime.date(2025, 4, 1), wage_base="6000"
    )
    for org in (city.union_a, city.union_b):
        org_actions.election_record(
            actor=None,
            org=org,
            held_on=datetime.date(2025, 5, 8),
            term_years=5,
            chair_name="主席",
            committee_members="甲\n乙\n丙",
        )
    return members_a


def test_figures_count_only_the_subtree_and_the_period(city, activity):
    values = figures.compute(city.district_a, YEAR_2025)
    assert values["members.new"].value == 3
    assert values["members.total"].value == 4
    assert values["members.new_forms_joined"].value == 1
    assert values["elections.held"].value == 1
    assert values["dues.due"].value == 2 and values["dues.paid"].value == 1
    assert values["dues.payment_rate"].value == 50.0
    assert values["dues.amount_paid"].value == dues_actions.dues_amount(8000)
    city_values = figures.compute(city.city, YEAR_2025)
    assert city_values["members.new"].value == 5 and city_values["elections.held"].value == 2
    earlier = figures.compute(
        city.district_a, Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    )
    assert earlier["members.new"].value == 1 and earlier["members.total"].value == 1


def test_breakdown_by_child_matches_the_children(city, activity):
    by_child = figures.compute_by_child(city.city, YEAR_2025, ["members.new", "enterprises.total"])
    assert by_child[city.district_a.path]["members.new"].value == 3
    assert by_child[city.district_b.path]["members.new"].value == 2
    assert by_child[city.district_a.path]["enterprises.total"].value == 2


def test_report_carries_each_figure_and_not_the_other_district(city, activity):
    draft = build_draft(city.district_a, YEAR_2025)
    text = _text(render_docx(draft))
    assert "东湖区总工会工作报告" in text
    assert "一、主要工作" in text and "二、存在的问题" in text and "三、下步工作" in text
    assert "本期新发展会员3人" in text  # members.new
    assert "其中新就业形态1人" in text
    assert "共有会员4人" in text
    assert "1个工会按期完成换届" in text
    assert "实缴1人月" in text and "缴纳率50.0%" in text
    assert "西山" not in text.split("附件：数据来源")[0]  # district B is nowhere in the body
    # The appendix lists the figure with its row count and query.
    appendix = text.split("附件：数据来源")[1]
    assert "新发展会员" in appendix and "SELECT" in appendix


def test_an_empty_period_reports_no_achievements(city, activity):
    quiet = Period(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
    draft = build_draft(city.district_b, quiet)
    text = _text(render_docx(draft))
    assert "平台中没有" in text or "没有记录" in text
    assert "新发展会员0" not in text and "0人" not in text.split("附件：数据来源")[0]
    assert draft.sections and all(not section.paragraphs for section in draft.sections[:4])


def test_numbers_are_written_in_report_style():
    assert cn_number(9999) == "9999" and cn_number(56789) == "5.68万" and cn_number(20000) == "2万"
    assert cn_number(123456789) == "1.23亿"
    assert cn_money(800) == "800元" and cn_money("123456.5") == "12.35万元"
    assert cn_percent(75.25) == "75.3%" and cn_percent(80) == "80.0%"


def test_draft_report_command_writes_a_docx(city, activity, tmp_path):
    out = tmp_path / "report.docx"
    call_command(
        "draft_report",
        org="DA",
        start="2025-01-01",
        end="2025-12-31",
        out=str(out),
        stdout=io.StringIO(),
    )
    assert "本期新发展会员3人" in _text(out.read_bytes())


def test_stats_api_serves_every_figure_of_the_period(api_for, people, city, activity):
    api = api_for(people.district_a_admin)
    url = reverse("api:org-stats", args=[city.district_a.pk])
    body = api.get(url, {"from": "2025-01-01", "to": "2025-12-31"}).json()
    assert body["period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    assert body["figures"]["members.new"]["value"] == 3
    assert body["figures"]["members.new"]["text"] == "3人"
    assert "coverage" in body  # the org page's sections stay
    bad = api.get(url, {"from": "2025-13-01", "to": "2025-12-31"})
    assert bad.status_code == 400 and "from" in bad.json()
    assert api.get(reverse("api:org-stats", args=[city.district_b.pk])).status_code == 404


def test_report_api_drafts_in_the_background_and_serves_the_file(api_for, people, city, activity):
    api = api_for(people.district_a_admin)
    response = api.post(
        reverse("api:report-draft-list"),
        {"org": city.district_a.pk, "from": "2025-01-01", "to": "2025-12-31"},
        format="json",
    )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == DraftStatus.DONE and body["download_url"]
    download = api.get(reverse("api:report-draft-download", args=[body["id"]]))
    assert download.status_code == 200
    assert "本期新发展会员3人" in _text(download.content)
    refused = api.post(
        reverse("api:report-draft-list"),
        {"org": city.district_b.pk, "from": "2025-01-01", "to": "2025-12-31"},
        format="json",
    )
    assert refused.status_code == 400 and "org" in refused.json()
    backwards = api.post(
        reverse("api:report-draft-list"),
        {"org": city.district_a.pk, "from": "2025-12-31", "to": "2025-01-01"},
        format="json",
    )
    assert backwards.status_code == 400
    assert ReportDraft.objects.count() == 1


def test_a_district_report_never_holds_another_district(client_for, people, city, activity):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("reports:draft-create"),
        {"org": city.district_b.pk, "period_start": "2025-01-01", "period_end": "2025-12-31"},
    )
    assert response.status_code == 200 and not ReportDraft.objects.exists()
    preview = client.post(
        reverse("reports:draft-create"),
        {
            "org": city.district_a.pk,
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "outline": "做好明年工作\n\n加强队伍建设",
            "preview": "1",
        },
    ).content.decode()
    assert "本期新发展会员3人" in preview and "赵一" not in preview
    assert "<li>做好明年工作</li>" in preview and not ReportDraft.objects.exists()
    created = client.post(
        reverse("reports:draft-create"),
        {
            "org": city.district_a.pk,
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "outline": "做好明年工作",
        },
    )
    draft = ReportDraft.objects.get()
    assert created.url == reverse("reports:draft-detail", args=[draft.pk])
    assert "做好明年工作" in _text(bytes(draft.content))
    download = client.get(reverse("reports:draft-download", args=[draft.pk]))
    assert download.status_code == 200 and ".docx" in download["Content-Disposition"]


def test_dashboard_shows_the_scope_and_drills_down(
    client_for, people, city, activity, django_assert_max_num_queries
):
    client = client_for(people.district_a_admin)
    url = reverse("reports:dashboard")
    period = {"from": "2025-01-01", "to": "2025-12-31"}
    # Each group of figures sharing a base costs three queries (period, previous period,
    # breakdown by child) plus one per monthly trend; the bound grows with the capabilities.
    # 45 → 90: the 建功立业 and 帮扶救助 figures add thirteen bases (contest and entry,
    # innovation, training, enrolment and skills award, hardship file and aid record, job
    # posting, fair and employment aid, station and check-in) and their trends (82 now).
    with django_assert_max_num_queries(90):
        page = client.get(url, period)
    html = page.content.decode()
    assert page.status_code == 200 and "东湖区总工会" in html
    assert 'data-testid="headline-members.new"' in html and "东湖街道总工会" in html
    assert "西山" not in html
    assert client.get(url, {"org": city.district_b.pk}).status_code == 404
    street = client.get(url, {"org": city.street_a.pk, **period}).content.decode()
    assert "甲公司工会" in street
    export = client.get(url, {"org": city.district_a.pk, **period, "export": "xlsx"})
    assert export.status_code == 200
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[2][0] == "组织" and "会员" in rows[2]
    assert rows[3][0] == "东湖街道总工会" and rows[4][0].startswith("合计")


def test_dashboard_period_errors_are_shown_in_chinese(client_for, people):
    page = client_for(people.district_a_admin).get(
        reverse("reports:dashboard"), {"from": "x", "to": "2025-01-01"}
    )
    assert page.status_code == 200 and "YYYY-MM-DD" in page.content.decode()


def test_dashboard_serves_a_snapshot_and_refreshes_it(client_for, people, city, activity, settings):
    from reports.models import FigureSnapshot

    client = client_for(people.district_a_admin)
    url = reverse("reports:dashboard")
    period = {"from": "2025-01-01", "to": "2025-12-31"}
    client.get(url, period)
    snapshot = FigureSnapshot.objects.get(org=city.district_a)
    assert snapshot.data["values"]["members.new"] == 3
    make_member(city.union_a, name="钱新", joined_on=datetime.date(2025, 8, 1))
    page = client.get(url, period).content.decode()  # fresh enough: the snapshot is shown
    assert 'data-testid="headline-members.new">3人' in page
    FigureSnapshot.objects.filter(pk=snapshot.pk).update(
        computed_at=snapshot.computed_at - datetime.timedelta(hours=1)
    )
    stale = client.get(url, period).content.decode()  # too old: shown, refresh queued
    assert "后台更新" in stale
    snapshot.refresh_from_db()
    assert snapshot.data["values"]["members.new"] == 4  # the (inline) refresh ran
    refreshed = client.get(url, {**period, "refresh": "1"}).content.decode()
    assert 'data-testid="headline-members.new">4人' in refreshed


def test_dashboard_lists_waiting_work_of_the_subtree(client_for, people, city):
    from members.tests.factories import submit_join_application

    submit_join_application(name="钱申请", enterprise=city.enterprise_a)
    submit_join_application(name="赵申请", enterprise=city.enterprise_b)
    page = client_for(people.district_a_admin).get(reverse("reports:dashboard"))
    todos = page.content.decode().split('data-testid="todos"')[1].split("</div>\n</div>")[0]
    assert "入会申请待审核" in todos and '<span class="badge bg-orange-lt">1</span>' in todos
