"""Browser journey (Playwright, Debian chromium): a district admin downloads the template,
uploads a member file with one bad row, reads the result, imports the valid rows, and finds
the new members in the list."""

import io

import openpyxl
import pytest

from core.tests.browser import SHOTS, login, pick
from members.tests.factories import make_id_number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADERS = ["姓名", "身份证号码", "手机号码", "民族", "学历", "政治面貌", "户籍类型", "就业形态"]


def test_district_admin_imports_members_from_excel(
    browser, live_server, city, people, settings, tmp_path
):
    from playwright.sync_api import expect

    settings.MEDIA_ROOT = tmp_path / "media"
    good = make_id_number(seq=801)
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    book.active.append(
        ["孙小美", good, "13700001111", "汉族", "大专", "群众", "农业户口", "快递员"]
    )
    book.active.append(
        ["孙小坏", good[:-1] + "0" if good[-1] != "0" else good[:-1] + "1"] + [""] * 6
    )
    upload = tmp_path / "会员名单.xlsx"
    book.save(upload)

    page = login(browser, live_server, "district_a_admin")
    page.goto(f"{live_server.url}/members/")
    page.get_by_test_id("import").click()
    expect(page.get_by_test_id("import-help")).to_contain_text("逐行")
    with page.expect_download() as download:
        page.get_by_test_id("import-template").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    pick(page, "id_org", "甲公司工会")
    page.set_input_files("#id_file", str(upload))
    page.uncheck("#id_dry_run")
    page.screenshot(path=str(SHOTS / "import-form.png"), full_page=True)
    page.get_by_test_id("object-form").get_by_role("button", name="开始导入").click()

    expect(page.get_by_test_id("import-message")).to_contain_text("未写入任何数据")
    expect(page.get_by_test_id("rows-rejected")).to_have_text("1")
    page.screenshot(path=str(SHOTS / "import-rejected.png"), full_page=True)
    with page.expect_download() as report:
        page.get_by_test_id("import-report").click()
    sheet = openpyxl.load_workbook(io.BytesIO(report.value.path().read_bytes())).active
    problems = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(problems) == 1 and "校验码" in problems[0] and "民族为空" in problems[0]

    page.goto(f"{live_server.url}/imports/new/members/?org={city.union_a.pk}")
    page.set_input_files("#id_file", str(upload))
    page.uncheck("#id_dry_run")
    page.check("#id_accept_valid")
    page.get_by_test_id("object-form").get_by_role("button", name="开始导入").click()
    expect(page.get_by_test_id("rows-written")).to_have_text("1")
    expect(page.get_by_test_id("import-message")).to_contain_text("已写入 1 行")
    page.screenshot(path=str(SHOTS / "import-done.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(SHOTS / "import-done-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/members/?q=sxm")
    expect(page.get_by_test_id("list-table")).to_contain_text("孙小美")
    expect(page.get_by_test_id("list-table")).to_contain_text("137****1111")
