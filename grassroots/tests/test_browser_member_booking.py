"""Browser journey on a phone (375×812): a member signs in with an SMS code, books a free
slot of the district reading room and sees it under "my bookings"; no sideways scroll."""

import datetime

import pytest

from core.tests.browser import PHONE, SHOTS
from grassroots.models import Booking
from members.tests.factories import last_sms_code, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_books_a_reading_room_slot_on_a_phone(browser, live_server, city, venue, sms_outbox):
    from playwright.sync_api import expect

    member = make_member(city.union_a, name="钱书友", phone="13811113333")
    day = datetime.date.today() + datetime.timedelta(days=2)
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/m/login/")
    page.fill("#id_phone", "13811113333")
    page.get_by_test_id("send-code").click()
    expect(page.locator("#gh-code-status")).not_to_be_empty()
    page.fill("#id_code", last_sms_code())
    page.get_by_test_id("login").click()
    page.get_by_test_id("home-venue-booking").click()
    page.get_by_text("东湖区职工书屋").click()
    page.goto(f"{page.url}?date={day.isoformat()}")
    page.fill("#id_purpose", "借阅图书")
    page.screenshot(path=str(SHOTS / "grassroots-member-venue-day.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="10:00–11:00 · 预约").click()
    expect(page.get_by_test_id("m-bookings")).to_contain_text("东湖区职工书屋")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    booking = Booking.objects.get(member=member)
    assert booking.date == day and booking.purpose == "借阅图书"
    context.close()
