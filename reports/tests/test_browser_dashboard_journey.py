"""Browser journey (Playwright, Debian chromium): a district admin reads the dashboard,
drills into a street, exports the statistical table, drafts the work report and downloads
a .docx that opens."""

import datetime
import io

import docx
import openpyxl
import pytest
from django.utils import timezone

from core.tests.browser import SHOTS, login
from members.choices import EmploymentForm
from members.tests.factories import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_district_admin_dashboard_to_report(browser, live_server, city, people):
    from playwright.sync_api import expect

    this_year = timezone.localdate().replace(month=1, day=1)
    make_member(city.union_a, name="钱一", joined_on=this_year)
    make_member(
        city.union_a, name="钱二", joined_on=this_year, employment_form=EmploymentForm.COURIER
    )
    make_member(city.union_b, name="赵一", joined_on=this_year)
    make_member(city.union_a, name="钱老", joined_on=datetime.date(2020, 1, 1))

    page = login(browser, live_server, "district_a_admin")
    page.get_by_role("link", name="驾驶舱").first.click()
    expect(page.locator(".page-title")).to_contain_text("东湖区总工会")
    expect(page.get_by_test_id("headline-members.new")).to_have_text("2人")
    expect(page.get_by_test_id("headline-members.total")).to_have_text("3人")
    expect(page.get_by_test_id("breakdown")).not_to_contain_text("西山")
    page.screenshot(path=str(SHOTS / "dashboard-district.png"), full_page=True)

    page.get_by_test_id("drill").filter(has_text="东湖街道总工会").click()
    expect(page.locator(".page-title")).to_contain_text("东湖街道总工会")
    expect(page.get_by_test_id("breakdown")).to_contain_text("甲公司工会")
    expect(page.get_by_test_id("dashboard-breadcrumbs")).to_contain_text("东湖区总工会")

    with page.expect_download() as download_info:
        page.get_by_test_id("export-breakdown").click()
    sheet = openpyxl.load_workbook(io.BytesIO(download_info.value.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][0] == "组织" and rows[3][0] == "甲公司工会"

    page.get_by_test_id("draft-report").click()
    expect(page.locator("#id_org option:checked")).to_have_text("东湖街道总工会")
    page.get_by_test_id("preview").click()
    preview = page.get_by_test_id("report-preview")
    expect(preview).to_contain_text("东湖街道总工会工作报告")
    expect(preview).to_contain_text("本期新发展会员2人")
    page.screenshot(path=str(SHOTS / "report-preview.png"), full_page=True)
    page.fill("#id_outline", "推动小微企业建会\n做好新就业形态劳动者入会")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("draft-status")).to_contain_text("已生成")
    with page.expect_download() as download_info:
        page.get_by_test_id("download").click()
    assert download_info.value.suggested_filename.endswith(".docx")
    document = docx.Document(io.BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "东湖街道总工会工作报告" in text and "本期新发展会员2人" in text
    assert "推动小微企业建会" in text and "赵一" not in text
