"""Browser journey on a phone (375×812): a member signs in with an SMS code and requests a
心理服务, a district operator accepts and completes it, the member rates it; a request made
just before the Spring Festival shows as overdue only after its working-day deadline."""

import datetime
import re
import zoneinfo

import pytest
import time_machine

from core.choices import Role
from core.models import RoleAssignment
from core.tests.browser import PHONE, SHOTS, login, no_sideways_scroll
from services.tests.factories import make_service, service_member, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_member_requests_counselling_operator_completes_member_rates(
    browser, live_server, city, people, sms_outbox
):
    from django.contrib.auth import get_user_model
    from playwright.sync_api import expect

    from members.tests.factories import last_sms_code

    operator = get_user_model().objects.create_user(
        username="district_operator", password="pw-12345678", first_name="吴晓梅"
    )
    RoleAssignment.objects.create(user=operator, org=city.district_a, role=Role.OPERATOR)
    make_service(city.district_a, name="职工心理咨询", category="psychological")
    make_service(city.district_a, name="职工法律援助", category="rights")
    member = service_member(city.union_a, name="何晓雨", phone="13912345678")

    # The member signs in on a phone with the SMS code.
    phone = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True).new_page()
    phone.goto(f"{live_server.url}/m/login/")
    phone.fill("#id_phone", "13912345678")
    phone.get_by_test_id("send-code").click()
    expect(phone.get_by_test_id("code-status")).to_contain_text("139****5678")
    phone.fill("#id_code", last_sms_code())
    phone.get_by_test_id("login").click()
    phone.wait_for_url(f"{live_server.url}/m/")
    phone.get_by_test_id("home-service-request").click()
    expect(phone.get_by_test_id("catalogue")).to_contain_text("职工心理咨询")
    phone.get_by_test_id("categories").get_by_role("link", name="心理服务").click()
    expect(phone.get_by_test_id("catalogue")).not_to_contain_text("职工法律援助")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "services-catalogue-phone.png"), full_page=True)
    phone.get_by_test_id("catalogue").get_by_role("link").first.click()
    assert no_sideways_scroll(phone)
    phone.get_by_test_id("submit-request").click()
    expect(phone.get_by_test_id("field-error")).to_be_visible()  # details are required
    phone.fill("#id_details", "最近工作压力大，想预约一次心理咨询，工作日晚上方便。")
    phone.get_by_test_id("submit-request").click()
    phone.wait_for_url(re.compile(r".*/m/requests/\d+/$"))
    request_url = phone.url
    expect(phone.get_by_test_id("status")).to_have_text("待受理")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "services-request-submitted-phone.png"), full_page=True)

    # The district operator, also on a phone, finds it on the workbench and handles it.
    desk = login(browser, live_server, "district_operator", viewport=PHONE)
    desk.get_by_test_id("todo-service-waiting").get_by_role("link").click()
    table = desk.get_by_test_id("list-table")
    expect(table).to_contain_text("何晓雨")
    desk.screenshot(path=str(SHOTS / "services-requests-operator-phone.png"), full_page=True)
    table.get_by_role("link", name=re.compile(r"^FW\d+")).first.click()
    desk.get_by_test_id("accept").click()
    desk.fill("#id_note", "已安排心理咨询师，将电话联系您。")
    desk.get_by_test_id("object-form").locator("button[type=submit]").click()
    expect(desk.get_by_test_id("status")).to_have_text("已受理")
    desk.get_by_test_id("complete").click()
    desk.fill("#id_result", "已完成一次50分钟面谈，并约定两周后回访。")
    desk.get_by_test_id("object-form").locator("button[type=submit]").click()
    expect(desk.get_by_test_id("status")).to_have_text("已办结")
    expect(desk.get_by_test_id("events")).to_contain_text("吴晓梅")
    assert no_sideways_scroll(desk)
    desk.screenshot(path=str(SHOTS / "services-request-done-operator-phone.png"), full_page=True)

    # The member reads the result and rates it.
    phone.goto(request_url)
    expect(phone.get_by_test_id("result")).to_contain_text("50分钟面谈")
    phone.locator("label.gh-star", has=phone.get_by_test_id("star-5")).click()
    phone.fill("#id_comment", "咨询师很专业，谢谢工会！")
    phone.get_by_test_id("submit-rating").click()
    expect(phone.get_by_test_id("my-rating")).to_contain_text("★★★★★")
    expect(phone.get_by_test_id("rating-form")).to_have_count(0)
    expect(phone.get_by_test_id("events")).to_contain_text("评价")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "services-request-rated-phone.png"), full_page=True)
    phone.get_by_test_id("back-requests").click()
    expect(phone.get_by_test_id("my-requests")).to_contain_text("职工心理咨询")
    expect(phone.get_by_test_id("my-requests")).to_contain_text("已办结")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "services-my-requests-phone.png"), full_page=True)
    member.refresh_from_db()
    assert member.service_requests.get().rating == 5


def test_request_before_spring_festival_is_overdue_only_after_working_day_deadline(
    browser, live_server, city, people
):
    """Submitted Friday 13 Feb 2026 with 5 working days: due Friday 27 Feb (the holiday of
    15–23 Feb does not count); on 26 Feb it is not overdue, on 2 March it is."""
    from playwright.sync_api import expect

    service = make_service(city.district_a, name="节前心理咨询", deadline_workdays=5)
    with time_machine.travel(datetime.datetime(2026, 2, 13, 16, tzinfo=SHANGHAI), tick=False):
        request = submit(service_member(city.union_a, name="节前会员"), service)
    assert request.due_on == datetime.date(2026, 2, 27)
    desk = login(browser, live_server, "district_a_admin", viewport=PHONE)
    url = f"{live_server.url}/service-requests/?overdue=true"
    with time_machine.travel(datetime.datetime(2026, 2, 26, 10, tzinfo=SHANGHAI)):
        desk.goto(url)
        expect(desk.get_by_test_id("empty")).to_be_visible()
        desk.goto(f"{live_server.url}{request.get_absolute_url()}")
        expect(desk.get_by_test_id("overdue")).to_have_count(0)
        expect(desk.get_by_test_id("due-on")).to_contain_text("2026-02-27")
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=SHANGHAI)):
        desk.goto(url)
        expect(desk.get_by_test_id("overdue-row")).to_contain_text("节前会员")
        assert no_sideways_scroll(desk)
        desk.screenshot(path=str(SHOTS / "services-overdue-phone.png"), full_page=True)
        desk.goto(f"{live_server.url}{request.get_absolute_url()}")
        expect(desk.get_by_test_id("overdue")).to_be_visible()
