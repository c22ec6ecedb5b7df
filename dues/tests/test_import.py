import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.audit import history_for
from core.importing import run_import
from core.jobs import import_start
from core.models import ImportJob
from core.scoping import OutOfScope
from dues import actions
from dues.importers import PayrollImporter
from dues.models import DuesRecord
from dues.months import parse_month
from members import actions as member_actions
from members.tests.factories import make_id_number, make_member

pytestmark = pytest.mark.django_db

HEADER = ["身份证号", "姓名", "月份", "应发工资", "是否已缴"]


def write_xlsx(path, rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2026年工资表"])  # a title row above the headers
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def ids():
    return {key: make_id_number(birth="19820101", seq=n) for n, key in enumerate("acbsxuk")}


@pytest.fixture
def people_of(city, ids):
    return {
        "a": make_member(city.union_a, name="钱甲会员", id_number=ids["a"]),
        "c": make_member(city.union_a, name="周丙", id_number=ids["c"]),
        "b": make_member(city.union_b, name="赵乙会员", id_number=ids["b"]),
        "s": make_member(city.street_a, name="孙街道", id_number=ids["s"]),
    }


def importer(people, city, org=None):
    return PayrollImporter(actor=people.district_a_admin, org=org or city.union_a)


def report_text(path) -> str:
    sheet = openpyxl.load_workbook(path).active
    return "\n".join(
        " | ".join("" if v is None else str(v) for v in row)
        for row in sheet.iter_rows(values_only=True)
    )


def problems_by_row(path) -> dict[int, str]:
    sheet = openpyxl.load_workbook(path).active
    return {
        row[0]: row[2] or ""
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[1] == "未通过"
    }


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2026-03", "2026-03-01"),
        ("2026/3", "2026-03-01"),
        ("202603", "2026-03-01"),
        ("2026年3月", "2026-03-01"),
        ("２０２６年３月", "2026-03-01"),
        ("2026.03", "2026-03-01"),
        ("2026-03-15", "2026-03-01"),
        ("2026-03-15 00:00:00", "2026-03-01"),
        ("46082", "2026-03-01"),  # an Excel day number that lost its date format
    ],
)
def test_months_are_read_the_way_payroll_sheets_write_them(text, month):
    assert parse_month(text) == datetime.date.fromisoformat(month)


@pytest.mark.parametrize("text", ["2026-13", "2026", "March", "2026-02-30", "", "123"])
def test_months_that_are_not_months(text):
    with pytest.raises(ValueError):
        parse_month(text)


def test_good_and_bad_rows_are_reported_row_by_row_and_nothing_is_written(
    tmp_path, city, people, people_of, ids
):
    bad_id = ids["u"][:-1] + ("1" if ids["u"][-1] != "1" else "2")
    path = write_xlsx(
        tmp_path / "payroll.xlsx",
        [
            (ids["a"], "钱甲会员", "2026-03", "5678.9", "是"),  # 3
            (ids["c"], "周 丙", "2026/3", "5,000", ""),  # 4
            (ids["c"], "周丙", "202602", 4999.99, "否"),  # 5
            (ids["c"], "周丙", "2026年1月", "￥4000元", None),  # 6
            (ids["c"], "周丙", datetime.datetime(2025, 12, 1), 3000, None),  # 7
            (ids["x"], "无此人", "2026-03", "5000", ""),  # 8
            (ids["b"], "赵乙会员", "2026-03", "5000", ""),  # 9
            (ids["s"], "孙街道", "2026-03", "5000", ""),  # 10
            (ids["a"], "王五", "2026-02", "5000", ""),  # 11
            (ids["a"], "钱甲会员", "2026-03", "5000", ""),  # 12
            (ids["c"], "周丙", "2026-13", "5000", ""),  # 13
            (ids["c"], "周丙", "2099-01", "5000", ""),  # 14
            (ids["c"], "周丙", "2025-11", "abc", ""),  # 15
            (ids["c"], "周丙", "2025-10", "-1", ""),  # 16
            (ids["c"], "周丙", "2025-09", "5000", "maybe"),  # 17
            (bad_id, "某人", "2025-09", "5000", ""),  # 18
            (ids["c"], "周丙", "2024-04", "5000", ""),  # 19 (joined 2024-05-01)
        ],
    )
    result = run_import(importer(people, city), path)
    assert (result.total, result.accepted, result.rejected, result.written) == (17, 5, 12, 0)
    assert not DuesRecord.objects.exists()
    masked_bad = bad_id[:4] + "**********" + bad_id[-4:]
    assert problems_by_row(result.report_path) == {
        8: "No member of 甲公司工会 has this ID number.",
        9: "No member of 甲公司工会 has this ID number.",
        10: "The member belongs to 东湖街道总工会, outside 甲公司工会.",
        11: "姓名 does not match the member record.",
        12: "The same member and month are in row 3 of this file.",
        13: "月份: “2026-13” is not a month (e.g. 2026-03).",
        14: "月份: The month cannot be in the future.",
        15: "工资基数: Enter the wage as an amount of yuan, e.g. 5678.90.",
        16: "工资基数: The wage cannot be negative.",
        17: "是否已缴: “maybe” is not 是 or 否.",
        18: f"身份证号码: The ID number {masked_bad} is not valid: wrong check digit.",
        19: "月份: The member joined the union only on 2024-05-01.",
    }
    text = report_text(result.report_path)
    for plain in (*ids.values(), bad_id):
        assert plain not in text
    assert ids["a"][:4] + "**********" + ids["a"][-4:] in text


def test_accept_valid_writes_the_good_rows_with_their_amounts(
    tmp_path, city, people, people_of, ids
):
    path = write_xlsx(
        tmp_path / "payroll.csv.xlsx",
        [
            (ids["a"], "钱甲会员", "2026-03", "5678.9", "是"),
            (ids["c"], "周丙", "2026-02", "4999.99", "否"),
            (ids["x"], "无此人", "2026-03", "5000", ""),
        ],
    )
    result = run_import(importer(people, city), path, accept_valid=True)
    assert (result.accepted, result.rejected, result.written) == (2, 1, 2)
    paid = DuesRecord.objects.get(member=people_of["a"])
    assert (paid.month, paid.wage_base, paid.amount, paid.status, paid.source) == (
        datetime.date(2026, 3, 1),
        Decimal("5678.90"),
        Decimal("28.35"),
        "paid",
        "payroll",
    )
    assert paid.paid_on == timezone.localdate() and paid.org == city.union_a
    unpaid = DuesRecord.objects.get(member=people_of["c"])
    assert (unpaid.amount, unpaid.status, unpaid.paid_on) == (Decimal("24.95"), "unpaid", None)


def test_a_dry_run_writes_nothing(tmp_path, city, people, people_of, ids):
    path = write_xlsx(tmp_path / "p.xlsx", [(ids["a"], "钱甲会员", "2026-03", "5000", "是")])
    result = run_import(importer(people, city), path, dry_run=True)
    assert (result.accepted, result.written) == (1, 0)
    assert not DuesRecord.objects.exists()


def test_a_recorded_month_is_updated_in_place_and_the_change_audited(
    tmp_path, city, people, people_of, ids
):
    before = actions.dues_record(
        actor=None,
        member=people_of["a"],
        month=datetime.date(2026, 3, 1),
        wage_base="3000",
        paid=True,
        paid_on=datetime.date(2026, 4, 10),
        note="手工",
    )
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            (ids["a"], "钱甲会员", "2026-03", "5678.9", ""),
            (ids["c"], "周丙", "2026-03", "5000", ""),
        ],
    )
    result = run_import(importer(people, city), path)
    assert result.written == 2 and DuesRecord.objects.count() == 2
    after = DuesRecord.objects.get(pk=before.pk)
    assert (after.wage_base, after.amount, after.status, after.paid_on, after.note) == (
        Decimal("5678.90"),
        Decimal("28.35"),
        "paid",  # an empty 是否已缴 keeps the payment recorded
        datetime.date(2026, 4, 10),
        "手工",
    )
    assert after.source == "payroll"
    entry = history_for(after).get(action="update")
    assert entry.actor == people.district_a_admin
    assert entry.changes == {
        "wage_base": ["3000.00", "5678.90"],
        "amount": ["15.00", "28.35"],
        "source": ["manual", "payroll"],
    }
    undo = write_xlsx(tmp_path / "undo.xlsx", [(ids["a"], "钱甲会员", "2026-03", "5678.9", "否")])
    assert problems_by_row(run_import(importer(people, city), undo).report_path) == {
        3: "This month is already recorded as paid; correct the record on its page."
    }


def test_a_month_recorded_by_another_union_is_not_overwritten(
    tmp_path, city, people, people_of, ids
):
    moved = people_of["b"]
    actions.dues_record(actor=None, member=moved, month=datetime.date(2026, 2, 1), wage_base="4000")
    transfer = member_actions.transfer_request(
        actor=None, member=moved, to_org_code=city.union_a.code, reason="1"
    )
    member_actions.transfer_accept(actor=None, transfer=transfer)
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            (ids["b"], "赵乙会员", "2026-02", "5000", ""),
            (ids["b"], "赵乙会员", "2026-03", "5000", ""),
        ],
    )
    result = run_import(importer(people, city), path)
    assert problems_by_row(result.report_path) == {
        3: "Dues for this month are already recorded by another union."
    }
    assert DuesRecord.objects.get(member=moved).org == city.union_b


def test_kept_members_rows_become_exempt_months(tmp_path, city, people, people_of, ids):
    kept = people_of["c"]
    member_actions.member_change_status(
        actor=None, member=kept, change_type="3", reason="3", on=datetime.date(2025, 6, 1)
    )
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            (ids["c"], "周丙", "2026-02", "3000", ""),
            (ids["c"], "周丙", "2026-03", "3000", "是"),
        ],
    )
    result = run_import(importer(people, city), path, accept_valid=True)
    assert problems_by_row(result.report_path) == {
        4: "The membership is kept; kept members pay no dues."
    }
    record = DuesRecord.objects.get(member=kept)
    assert (record.status, record.amount) == ("exempt", Decimal("0.00"))


def test_rows_are_checked_with_a_few_queries_not_one_per_row(
    tmp_path, city, people, django_assert_max_num_queries
):
    rows = []
    for n in range(60):
        id_number = make_id_number(birth="19830101", seq=n)
        make_member(city.union_a, name=f"会员{n}", id_number=id_number)
        rows.append((id_number, f"会员{n}", "2026-03", str(3000 + n), "是" if n % 2 else ""))
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    with django_assert_max_num_queries(8):
        result = run_import(importer(people, city), path)
    assert result.written == 60
    assert DuesRecord.objects.filter(status="paid").count() == 30
    # Importing the same file again updates the 60 months in place.
    with django_assert_max_num_queries(10):
        again = run_import(importer(people, city), path)
    assert again.written == 60 and DuesRecord.objects.count() == 60


def test_the_import_runs_as_a_job_from_the_upload_page(
    tmp_path, settings, client_for, city, people, people_of, ids
):
    settings.MEDIA_ROOT = tmp_path / "media"
    path = write_xlsx(tmp_path / "p.xlsx", [(ids["a"], "钱甲会员", "2026-03", "5000", "是")])
    client = client_for(people.district_a_admin)
    page = client.get(reverse("import-start", args=["dues_payroll"]))
    assert page.status_code == 200
    response = client.post(
        reverse("import-start", args=["dues_payroll"]),
        {
            "org": city.union_a.pk,
            "file": SimpleUploadedFile("工资表.xlsx", path.read_bytes()),
            "dry_run": "",
        },
    )
    job = ImportJob.objects.get(kind="dues_payroll")
    assert response.status_code == 302
    assert response["Location"] == reverse("import-job", args=[job.pk])
    assert (job.status, job.rows_total, job.rows_written) == ("done", 1, 1)
    assert DuesRecord.objects.get().member == people_of["a"]
    # The upload (personal data in the clear) is gone; the masked report stays.
    left = [p.name for p in (tmp_path / "media" / "imports").iterdir()]
    assert left and all(name.endswith(".report.xlsx") for name in left)
    template = client.get(reverse("import-template", args=["dues_payroll"]))
    headers = [c.value for c in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]]
    assert headers[:4] == ["*身份证号码", "*姓名", "*月份", "*工资基数"]


def test_import_start_refuses_an_org_outside_scope(tmp_path, settings, city, people, ids):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = SimpleUploadedFile("p.csv", "身份证号码,姓名,月份,工资基数\n".encode())
    with pytest.raises(OutOfScope):
        import_start(
            actor=people.district_a_admin, kind="dues_payroll", org=city.union_b, upload=upload
        )
    assert not ImportJob.objects.exists()
