"""Browser journey (Playwright, Debian chromium): a street cadre opens a hardship file for a
member, records the home visit, puts it on public notice, files the household after the
notice (working days), then pays 送温暖 from the street's share of the city campaign; the
city's campaign page shows the amount paid."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from assistance import actions
from assistance.tests.helpers import campaign, member_in
from core.choices import Role
from core.models import RoleAssignment
from core.tests.browser import SHOTS, login, menu, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_street_cadre_files_a_household_and_pays_winter_warmth(
    browser, live_server, city, people, time_machine
):
    from playwright.sync_api import expect

    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0))  # a Monday
    street_cadre = get_user_model().objects.create_user("street_a_admin", password="pw-12345678")
    RoleAssignment.objects.create(user=street_cadre, org=city.street_a, role=Role.ADMIN)
    member_in(city.union_a, "周困难")
    fund = campaign(city.city, "100000")
    root = fund.allocations.get()
    district = actions.allocation_create(
        actor=people.city_admin, parent=root, org=city.district_a, amount="60000"
    )
    street = actions.allocation_create(
        actor=people.district_a_admin, parent=district, org=city.street_a, amount="20000"
    )

    page = login(browser, live_server, "street_a_admin")
    menu(page, "困难职工档案")
    expect(page.get_by_test_id("empty")).to_be_visible()
    page.get_by_test_id("new-file").click()
    pick(page, "id_member", "周困难")
    page.get_by_label("疾病").check()
    page.fill("#id_head_monthly_income", "1500")
    page.fill("#id_essential_costs", "300")
    page.fill("#id_situation", "配偶患病，长期治疗")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.locator(".alert-success")).to_contain_text("困难职工档案已建立")

    page.get_by_role("link", name="家庭成员").click()
    page.get_by_test_id("add-household").click()
    page.fill("#id_name", "吴配偶")
    page.select_option("#id_relation", "spouse")
    page.fill("#id_monthly_income", "0")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("per-capita")).to_have_text("600.00")
    expect(page.get_by_test_id("suggested")).to_have_text("深度困难")

    page.get_by_test_id("verify").click()
    page.fill("#id_visited_by", "街道 王干事")
    page.fill("#id_findings", "入户核实，情况属实")
    expect(page.locator("#id_category")).to_have_value("deep")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("status")).to_have_text("已入户调查")

    page.get_by_test_id("publicize").click()
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("notice")).to_contain_text("2026年3月6日")
    expect(page.get_by_test_id("approve")).to_have_count(0)
    page.screenshot(path=str(SHOTS / "assistance-file-notice.png"), full_page=True)

    time_machine.move_to(datetime.datetime(2026, 3, 9, 9, 0))
    page.reload()
    page.get_by_test_id("approve").click()
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("status")).to_have_text("在档")
    expect(page.get_by_test_id("category")).to_have_text("深度困难")

    menu(page, "帮扶资金")
    page.get_by_role("link", name=fund.title).click()
    expect(page.get_by_test_id("balance")).to_contain_text("20,000.00")
    page.get_by_test_id("pay").click()
    pick(page, "id_member", "周困难")
    page.fill("#id_amount", "800")
    page.fill("#id_delivered_by", "街道 王干事")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.locator(".alert-success")).to_contain_text("发放已登记")
    expect(page.get_by_test_id("balance")).to_contain_text("19,200.00")
    page.screenshot(path=str(SHOTS / "assistance-fund-street.png"), full_page=True)
    assert street.pk

    city_page = login(browser, live_server, "city_admin")
    city_page.goto(f"{live_server.url}/assistance/campaigns/{fund.pk}/")
    expect(city_page.get_by_test_id("total-spent")).to_have_text("800.00")
    expect(city_page.get_by_test_id("total-people")).to_have_text("1")
    city_page.screenshot(path=str(SHOTS / "assistance-campaign-city.png"), full_page=True)

    phone = login(browser, live_server, "street_a_admin", viewport={"width": 375, "height": 812})
    phone.goto(f"{live_server.url}/assistance/files/")
    expect(phone.get_by_test_id("list-table")).to_contain_text("周困难")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    phone.screenshot(path=str(SHOTS / "assistance-files-phone.png"), full_page=True)


def test_member_applies_from_the_phone(browser, live_server, city, sms_outbox):
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from playwright.sync_api import expect

    from portal.auth import SESSION_KEY

    member = member_in(city.union_a, "郑职工")
    session = SessionStore()
    session[SESSION_KEY] = member.pk
    session.create()
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 812})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/m/")
    page.get_by_test_id("home-assistance").click()
    expect(page.get_by_test_id("no-file")).to_be_visible()
    page.get_by_test_id("apply").click()
    page.get_by_label("疾病").check()
    page.fill("#id_head_monthly_income", "1800")
    page.fill("#id_situation", "妻子患病住院，孩子读高中")
    page.screenshot(path=str(SHOTS / "assistance-apply-phone.png"), full_page=True)
    page.get_by_test_id("submit").click()
    expect(page.locator("[data-testid=field-error]").first).to_be_visible()  # no consent
    page.get_by_label("本人承诺所填信息真实", exact=False).check()
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("file-status")).to_have_text("已申请")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(SHOTS / "assistance-mine-phone.png"), full_page=True)
