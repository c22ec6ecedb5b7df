"""Browser journey (Playwright, Debian chromium): a worker files an anonymous 欠薪
complaint on a phone, a cadre of the covering union handles it, and the worker reads the
reply with the follow-up code."""

import pytest

from core.tests.browser import PHONE, SHOTS, login, no_sideways_scroll, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anonymous_wage_complaint_is_handled_and_the_worker_reads_the_reply(
    browser, live_server, city, people
):
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    worker = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True).new_page()
    worker.goto(f"{live_server.url}/m/rights/")
    worker.get_by_test_id("file-complaint").click()
    expect(worker.get_by_test_id("complaint-form")).to_be_visible()
    worker.select_option("#id_category", "wage_arrears")
    worker.fill("#id_subject", "甲科技拖欠工资")
    worker.fill("#id_content", "车间十二名工人三个月没发工资。")
    pick(worker, "id_enterprise", "甲科技有限公司")
    worker.fill("#id_workers_involved", "12")
    worker.fill("#id_amount", "216000")
    worker.check("#id_is_anonymous")
    worker.screenshot(path=str(SHOTS / "rights-complaint-phone.png"), full_page=True)
    assert no_sideways_scroll(worker)
    worker.get_by_test_id("submit").click()
    expect(worker.get_by_test_id("receipt")).to_be_visible()
    expect(worker.get_by_test_id("group-notice")).to_be_visible()
    code = worker.get_by_test_id("follow-code").inner_text().strip()
    assert len(code.replace("-", "")) == 12
    worker.screenshot(path=str(SHOTS / "rights-receipt-phone.png"), full_page=True)
    assert no_sideways_scroll(worker)

    # The cadre of the covering union finds it on the to-do list and answers.
    cadre = login(browser, live_server, "union_a_admin")
    cadre.goto(f"{live_server.url}/tickets/todo/")
    cadre.get_by_role("link", name="12351-").first.click()
    expect(cadre.get_by_test_id("group-flag")).to_be_visible()
    expect(cadre.get_by_test_id("caller")).to_contain_text("匿名")
    cadre.get_by_test_id("start").click()
    cadre.locator("form[data-testid=object-form] button[type=submit]").click()
    expect(cadre.get_by_test_id("status")).to_have_text("办理中")
    cadre.get_by_test_id("reply").click()
    cadre.fill("#id_reply", "已约谈企业负责人，企业承诺本周五前补发全部工资。")
    cadre.check("#id_resolved")
    cadre.locator("form[data-testid=object-form] button[type=submit]").click()
    expect(cadre.get_by_test_id("status")).to_have_text("已答复")
    cadre.screenshot(path=str(SHOTS / "rights-ticket-cadre.png"), full_page=True)

    # The worker comes back with the code.
    worker.goto(f"{live_server.url}/m/rights/")
    worker.fill("#id_code", code.lower())
    worker.get_by_test_id("follow-submit").click()
    expect(worker.get_by_test_id("ticket-status")).to_have_text("已答复")
    expect(worker.get_by_test_id("ticket-reply")).to_contain_text("补发全部工资")
    worker.screenshot(path=str(SHOTS / "rights-follow-phone.png"), full_page=True)
    assert no_sideways_scroll(worker)
