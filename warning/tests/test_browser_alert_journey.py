"""Browser journey (Playwright): a district cadre sees a red enterprise on the risk list,
opens its alert, records the verification (核实) and the settlement (化解)."""

import pytest

from core.tests.browser import SHOTS, login, menu
from warning.tests.helpers import feed_arrears_and_group_tickets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_verifies_and_resolves_a_red_alert(browser, live_server, city, people):
    from playwright.sync_api import expect

    feed_arrears_and_group_tickets(city.enterprise_a)

    page = login(browser, live_server, "district_a_admin")
    menu(page, "风险企业")
    expect(page.get_by_test_id("count-red")).to_have_text("1")
    table = page.get_by_test_id("list-table")
    expect(table).to_contain_text("甲科技有限公司")
    expect(table).to_contain_text("欠薪")
    page.screenshot(path=str(SHOTS / "risk-list.png"), full_page=True)

    table.get_by_role("link", name="甲科技有限公司").click()
    expect(page.get_by_test_id("score")).to_have_text("65")
    expect(page.get_by_test_id("reasons")).to_contain_text("群体性投诉")
    page.screenshot(path=str(SHOTS / "risk-detail.png"), full_page=True)
    page.get_by_test_id("alert-link").first.click()

    expect(page.get_by_test_id("alert-status")).to_have_text("待核实")
    page.get_by_test_id("verify").click()
    page.fill("#id_finding", "入企核实：40 名职工两个月工资未发，情况属实")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("alert-status")).to_have_text("已核实")

    page.get_by_test_id("resolve").click()
    page.fill("#id_disposal", "约谈企业负责人，企业补发工资 48 万元")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("alert-status")).to_have_text("已化解")
    expect(page.get_by_test_id("disposal")).to_contain_text("补发工资")
    expect(page.get_by_test_id("steps")).to_contain_text("核实")
    page.screenshot(path=str(SHOTS / "alert-resolved.png"), full_page=True)

    phone = login(browser, live_server, "union_a_admin", viewport={"width": 375, "height": 812})
    phone.goto(f"{live_server.url}/alerts/")
    expect(phone.get_by_test_id("list-table")).to_contain_text("甲科技有限公司")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    phone.screenshot(path=str(SHOTS / "alerts-phone.png"), full_page=True)
