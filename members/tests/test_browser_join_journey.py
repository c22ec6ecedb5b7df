"""Browser journey (Playwright, Debian chromium): a courier whose employer has no union
applies on a phone, the district's express federation approves, the courier opens the
e-card, and the district admin finds the new member by pinyin initials."""

import re

import pytest

from core.choices import Role
from core.models import RoleAssignment
from core.tests.browser import PHONE, SHOTS, login, no_sideways_scroll, pick
from orgs.choices import OrgLevel
from orgs.tests.factories import EnterpriseFactory, make_org

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_courier_applies_on_a_phone_is_approved_and_gets_the_e_card(
    browser, live_server, city, people, sms_outbox
):
    from django.contrib.auth import get_user_model
    from playwright.sync_api import expect

    from members.tests.factories import last_sms_code, make_id_number

    SHOTS.mkdir(parents=True, exist_ok=True)
    city.district_a.refresh_from_db()
    federation = make_org(
        city.district_a,
        OrgLevel.FEDERATION,
        name="东湖区快递行业工会联合会",
        code="FEXP",
        federation_kind="industry",
        sector="express",
    )
    EnterpriseFactory(name="快跑速递东湖网点", territory=city.street_a, covering_union=None)
    reviewer = get_user_model().objects.create_user(
        username="express_reviewer", password="pw-12345678"
    )
    RoleAssignment.objects.create(user=reviewer, org=federation, role=Role.REVIEWER)

    # The courier, on a phone, without an account.
    courier = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True).new_page()
    courier.goto(f"{live_server.url}/join/")
    expect(courier.get_by_test_id("join-form")).to_be_visible()
    courier.fill("#id_name", "林快递")
    courier.fill("#id_id_number", make_id_number(birth="19960718", seq=515))
    courier.select_option("#id_education", "40")
    courier.select_option("#id_household_type", "agricultural")
    courier.select_option("#id_employment_form", "courier")
    pick(courier, "id_enterprise", "快跑速递东湖网点")
    courier.select_option("#id_work_area", label="东湖街道")
    courier.fill("#id_phone", "13966668888")
    courier.get_by_test_id("send-code").click()
    expect(courier.get_by_test_id("code-status")).to_contain_text("139****8888")
    assert sms_outbox[-1].phone == "13966668888"
    courier.fill("#id_code", last_sms_code())
    courier.check("#id_consent")
    assert no_sideways_scroll(courier)
    courier.screenshot(path=str(SHOTS / "join-form-phone.png"), full_page=True)
    courier.get_by_test_id("submit").click()
    courier.wait_for_url(re.compile(r".*/join/status/[\w-]+/$"))
    status_url = courier.url
    expect(courier.get_by_test_id("join-union")).to_have_text("东湖区快递行业工会联合会")
    expect(courier.get_by_test_id("join-status")).to_be_visible()
    assert no_sideways_scroll(courier)
    courier.screenshot(path=str(SHOTS / "join-status-submitted-phone.png"), full_page=True)

    # The express federation's reviewer approves.
    desk = login(browser, live_server, "express_reviewer")
    expect(desk.get_by_test_id("join-pending")).to_be_visible()
    desk.get_by_test_id("join-pending").get_by_role("link").click()
    table = desk.get_by_test_id("list-table")
    expect(table).to_contain_text("林快递")
    desk.screenshot(path=str(SHOTS / "join-list-reviewer.png"), full_page=True)
    table.get_by_role("link", name="林快递").click()
    desk.get_by_test_id("approve").click()
    desk.get_by_test_id("object-form").locator("button[type=submit]").click()
    expect(desk.locator(".alert-success[role=alert]")).to_be_visible()
    expect(desk.get_by_test_id("created-member")).to_contain_text("林快递")
    desk.screenshot(path=str(SHOTS / "join-detail-approved.png"), full_page=True)

    # The courier comes back to the bookmarked page and opens the card.
    courier.goto(status_url)
    expect(courier.get_by_test_id("welcome")).to_contain_text("东湖区快递行业工会联合会")
    courier.get_by_test_id("card-link").click()
    expect(courier.get_by_test_id("card-name")).to_have_text("林快递")
    expect(courier.get_by_test_id("card-qr").locator("svg")).to_be_visible()
    expect(courier.get_by_test_id("card-number")).to_have_text(re.compile(r"^\d{12}$"))
    assert no_sideways_scroll(courier)
    courier.screenshot(path=str(SHOTS / "e-card-phone.png"), full_page=True)

    # The district admin finds the new member by the initials of 林快递.
    admin = login(browser, live_server, "district_a_admin")
    admin.goto(f"{live_server.url}/members/")
    admin.locator(".gh-filter input[name=q]").fill("lkd")
    expect(admin.get_by_test_id("list-table")).to_contain_text("林快递")
    expect(admin.get_by_test_id("list-table")).to_contain_text("东湖区快递行业工会联合会")
    admin.screenshot(path=str(SHOTS / "members-found-by-initials.png"), full_page=True)

    # Whoever scans the QR code sees that the card is valid; a cadre also sees its details.
    from members.models import Member
    from members.selectors import card_verification_value

    value = card_verification_value(Member.objects.get(name="林快递"))
    scanner = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True).new_page()
    scanner.goto(f"{live_server.url}/verify/{value}/")
    expect(scanner.get_by_test_id("verify-union")).to_have_text("东湖区快递行业工会联合会")
    expect(scanner.get_by_test_id("verify-details")).to_have_count(0)
    scanner.screenshot(path=str(SHOTS / "verify-anonymous-phone.png"), full_page=True)
    desk.goto(f"{live_server.url}/verify/{value}/")
    expect(desk.get_by_test_id("verify-details")).to_contain_text("林**")
