"""Browser journey: the city hands the yearly statistics down to every district with a
form, district A reports, the city sees completion per district, reminds the others and
downloads the answers; the venue day plan renders too."""

import datetime

import pytest

from core.tests.browser import SHOTS, login
from grassroots.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_city_task_to_all_districts_is_reported_and_exported(
    browser, live_server, city, people, venue
):
    from playwright.sync_api import expect

    deadline = datetime.date.today() + datetime.timedelta(days=10)
    page = login(browser, live_server, "city_admin")
    page.goto(f"{live_server.url}/tasks/new/")
    page.fill("#id_title", "年度工会统计")
    page.fill("#id_deadline", deadline.isoformat())
    page.fill("#id_fields", "职工人数 | 数字 | 必填\n数据来源 | 选项 | 必填 | 系统导出、手工汇总")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("completion")).to_contain_text("0 / 2")
    task = Task.objects.get(title="年度工会统计")
    page.context.close()

    district = login(browser, live_server, "district_a_admin")
    district.goto(f"{live_server.url}/tasks/")
    district.get_by_role("link", name="年度工会统计").click()
    district.get_by_role("link", name="东湖区总工会").click()
    district.get_by_test_id("fill").click()
    district.fill("#id_f1", "很多")
    district.select_option("#id_f2", "手工汇总")
    district.get_by_role("button", name="报送").click()
    expect(district.get_by_test_id("field-error")).to_contain_text("请输入数字")
    district.fill("#id_f1", "12345")
    district.get_by_role("button", name="报送").click()
    expect(district.get_by_test_id("status")).to_have_text("已报送")
    district.goto(f"{live_server.url}{venue.get_absolute_url()}")
    expect(district.get_by_test_id("slots")).to_be_visible()
    district.screenshot(path=str(SHOTS / "grassroots-venue-day.png"), full_page=True)
    district.context.close()

    city_page = login(browser, live_server, "city_admin")
    city_page.goto(f"{live_server.url}{task.get_absolute_url()}")
    expect(city_page.get_by_test_id("completion")).to_contain_text("1 / 2")
    city_page.get_by_test_id("remind").click()
    expect(city_page.get_by_test_id("reports")).to_contain_text("西山区总工会")
    with city_page.expect_download() as download:
        city_page.get_by_test_id("export-answers").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    city_page.screenshot(path=str(SHOTS / "grassroots-task-completion.png"), full_page=True)
    assert task.reports.get(org=city.district_b).reminders == 1
