"""Member import: forgiving headers, row-level checks and report, dry run, all-or-nothing,
accept-valid, the command's contract, the upload page with its job, and no plain ID number in
the database afterwards."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from core import pii
from core.choices import JobStatus
from core.importing import normalise_header
from core.models import AuditEntry, ImportJob
from members.models import Member, MembershipChange
from members.tests.factories import make_id_number, make_member

pytestmark = pytest.mark.django_db

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# People edit templates: a title row, full-width brackets, notes, synonyms, spaces.
HEADERS = [
    " 姓名 ",
    "证件号码（18位）",
    "联系电话",
    "民族",
    "文化程度",
    "政治面貌",
    "户口性质",
    "就业形态",
    "统一社会信用代码",
    "入会时间",
]


def _row(name, id_number, *, phone="", uscc="", joined="2024-03-05", education="大学本科"):
    return [name, id_number, phone, "汉族", education, "群众", "农业户口", "快递员", uscc, joined]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def mixed_file(city, tmp_path):
    """Two good rows among five bad ones (one problem each)."""
    other = make_member(city.union_b, name="已有会员", id_number=make_id_number(seq=501))
    good_1 = make_id_number(seq=511)
    good_2 = make_id_number(birth="19920101", seq=512)
    bad_checksum = good_1[:-1] + ("0" if good_1[-1] != "0" else "1")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["示范市会员信息采集表"])
    sheet.append(HEADERS)
    rows = [
        _row("王一", good_1.translate(FULL_WIDTH), phone="13800001111"),
        _row("王二", bad_checksum),
        _row("王三", good_1),
        _row("王四", pii.decrypt(other.id_number_cipher)),
        _row("", make_id_number(seq=514)),
        _row("王六", good_2.lower(), uscc=city.enterprise_a.uscc, joined="2023年5月1日"),
        _row("王七", make_id_number(seq=515), uscc="91110000600037341L"),
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "members.xlsx"
    book.save(path)
    return path, good_1, good_2


def _report(path):
    sheet = openpyxl.load_workbook(path.with_name(f"{path.stem}.report.xlsx")).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("行号", "结果", "问题")
    return {row[0]: (row[1], row[2] or "") for row in rows[1:]}


def test_headers_match_forgivingly():
    assert normalise_header(" 身份证号码（18位）* ") == normalise_header("身份证号码")
    assert normalise_header("手机号码") != normalise_header("身份证号码")


def test_mixed_file_accept_valid_writes_exactly_the_good_rows(city, people, mixed_file):
    path, good_1, _good_2 = mixed_file
    with pytest.raises(CommandError):
        call_command("import_members", str(path), "--org", "UA", "--accept-valid")
    report = _report(path)
    assert 3 not in report and 8 not in report  # accepted rows are counted, not listed
    assert all(result == "未通过" for result, _problems in report.values())
    assert "校验码" in report[4][1]
    assert "与本文件第3行重复" in report[5][1]
    assert "乙公司工会" in report[6][1] and "转会" in report[6][1]
    assert "姓名" in report[7][1] and "为空" in report[7][1]
    assert "91110000600037341L" in report[9][1]
    imported = Member.objects.filter(org=city.union_a).order_by("name")
    assert [m.name for m in imported] == ["王一", "王六"]
    first, sixth = imported
    assert first.employment_form == "courier" and first.is_migrant_worker
    assert first.phone_masked == "138****1111"
    assert first.id_number_masked == good_1[:4] + "*" * 10 + good_1[-4:]
    assert sixth.enterprise == city.enterprise_a
    assert sixth.joined_on == datetime.date(2023, 5, 1)
    assert sixth.card_number == f"2023{sixth.pk:08d}"
    assert MembershipChange.objects.filter(member__in=imported, change_type="1").count() == 2
    job = ImportJob.objects.get()
    assert (job.rows_total, job.rows_accepted, job.rows_rejected, job.rows_written) == (
        7,
        2,
        5,
        2,
    )
    assert AuditEntry.objects.filter(object_id=str(job.pk), action="update").exists()


def test_all_or_nothing_with_one_bad_row_writes_nothing(city, mixed_file):
    path, *_ = mixed_file
    before = (Member.objects.count(), MembershipChange.objects.count())
    with pytest.raises(CommandError) as error:
        call_command("import_members", str(path), "--org", "UA")
    assert error.value.returncode == 1
    assert (Member.objects.count(), MembershipChange.objects.count()) == before
    assert ImportJob.objects.get().status == JobStatus.REJECTED


def test_dry_run_writes_nothing_but_reports(city, mixed_file):
    path, *_ = mixed_file
    before = (Member.objects.count(), MembershipChange.objects.count())
    with pytest.raises(CommandError):
        call_command("import_members", str(path), "--org", "UA", "--dry-run", "--accept-valid")
    assert (Member.objects.count(), MembershipChange.objects.count()) == before
    assert sorted(_report(path)) == [4, 5, 6, 7, 9]


def test_clean_csv_in_gbk_imports_with_exit_code_zero(city, tmp_path):
    ids = [make_id_number(seq=600 + i) for i in range(3)]
    lines = [",".join(HEADERS)] + [",".join(_row(f"李{i}", ids[i])) for i in range(3)]
    path = tmp_path / "members.csv"
    path.write_bytes("\n".join(lines).encode("gb18030"))
    call_command("import_members", str(path), "--org", "UA")
    assert Member.objects.filter(org=city.union_a).count() == 3
    assert _report(path) == {}


def test_missing_required_column_fails_the_file_as_a_whole(city, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机号码"])
    book.active.append(["王一", "13800001111"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(CommandError) as error:
        call_command("import_members", str(path), "--org", "UA")
    assert "身份证号码" in str(error.value)
    assert Member.objects.count() == 0


def test_known_id_number_is_not_in_the_raw_database_after_import(city, mixed_file):
    path, good_1, good_2 = mixed_file
    with pytest.raises(CommandError):
        call_command("import_members", str(path), "--org", "UA", "--accept-valid")
    assert Member.objects.filter(org=city.union_a).count() == 2
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump.append(repr(cursor.fetchall()))
    raw = "".join(dump)
    for plain in (good_1, good_2, good_2.lower(), "13800001111"):
        assert plain not in raw


def test_report_masks_personal_numbers(city, mixed_file):
    path, good_1, _good_2 = mixed_file
    with pytest.raises(CommandError):
        call_command("import_members", str(path), "--org", "UA", "--dry-run")
    book = openpyxl.load_workbook(path.with_name(f"{path.stem}.report.xlsx"))
    text = repr([row for row in book.active.iter_rows(values_only=True)])
    assert good_1 not in text and "13800001111" not in text
    assert not re.search(r"\d{17}[\dXx]", text)  # not even the ID with a wrong checksum


def test_upload_page_runs_the_job_and_offers_the_report(city, people, client_for, media):
    ids = [make_id_number(seq=700 + i) for i in range(2)]
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    for i, id_number in enumerate(ids):
        book.active.append(_row(f"赵{i}", id_number))
    path = media.parent / "upload.xlsx"
    book.save(path)
    client = client_for(people.district_a_admin)
    page = client.get(reverse("import-start", args=["members"]))
    assert page.status_code == 200 and "下载模板" in page.content.decode()
    upload = SimpleUploadedFile("会员.xlsx", path.read_bytes())
    response = client.post(
        reverse("import-start", args=["members"]),
        {"org": city.union_a.pk, "file": upload, "dry_run": ""},
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == JobStatus.DONE and job.rows_written == 2
    assert Member.objects.filter(org=city.union_a).count() == 2
    assert not any((media / "imports").glob("*.xlsx")) or all(
        p.name.endswith(".report.xlsx") for p in (media / "imports").iterdir()
    )
    detail = client.get(job.get_absolute_url()).content.decode()
    assert "已写入" in detail or "2" in detail
    report = client.get(reverse("import-report", args=[job.pk]))
    assert report.status_code == 200
    other = client_for(people.district_b_admin)
    assert other.get(job.get_absolute_url()).status_code == 404
    assert other.get(reverse("import-report", args=[job.pk])).status_code == 404


def test_upload_into_another_district_is_refused(city, people, client_for, media):
    client = client_for(people.district_a_admin)
    upload = SimpleUploadedFile("m.xlsx", b"x")
    response = client.post(
        reverse("import-start", args=["members"]), {"org": city.union_b.pk, "file": upload}
    )
    assert response.status_code == 200
    assert ImportJob.objects.count() == 0


def test_template_download_has_the_chinese_headers(people, client_for):
    response = client_for(people.district_a_admin).get(reverse("import-template", args=["members"]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in sheet[1]]
    for header in ("*姓名", "*身份证号码", "手机号码", "民族", "学历", "政治面貌", "户籍类型"):
        assert header in headers
    assert "就业形态" in headers and "工作单位统一社会信用代码" in headers and "入会日期" in headers


def test_garbage_org_value_is_a_form_error_not_a_crash(people, client_for, media):
    response = client_for(people.district_a_admin).post(
        reverse("import-start", args=["members"]),
        {"org": "26 objects\n672", "file": SimpleUploadedFile("m.xlsx", b"x")},
    )
    assert response.status_code == 200
    assert "org" in response.context["form"].errors
    assert ImportJob.objects.count() == 0
