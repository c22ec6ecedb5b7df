"""Browser journey (Playwright, Debian chromium, phone viewport 375×812): a member registers
for a 劳模宣讲 on the phone, the cadre checks the member in by scanning the e-card code, and
the district's attendance figure rises."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from activities.tests.helpers import make_activity, start_now
from core.tests.browser import PHONE, SHOTS, login, no_sideways_scroll
from members.selectors import card_verification_value
from members.tests.factories import make_member
from portal.auth import SESSION_KEY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _member_page(browser, live_server, member):
    """A phone signed in as ``member`` (the session the SMS sign-in would create)."""
    session = SessionStore()
    session[SESSION_KEY] = member.pk
    session.create()
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_member_registers_cadre_checks_in_and_the_district_attendance_rises(
    browser, live_server, city, people
):
    from playwright.sync_api import expect

    member = make_member(city.union_a, name="吴职工", phone="13811119999")
    activity = make_activity(
        city.district_a, title="劳模工匠进企业宣讲", starts_in=datetime.timedelta(days=2)
    )

    phone = _member_page(browser, live_server, member)
    phone.goto(f"{live_server.url}/m/")
    phone.get_by_test_id("home-activities").click()
    phone.get_by_test_id(f"offered-{activity.pk}").click()
    phone.get_by_test_id("register").click()
    expect(phone.get_by_test_id("my-status")).to_have_text("已报名")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "activity-member-registered.png"), full_page=True)

    start_now(activity)
    cadre = login(browser, live_server, "district_a_admin", viewport=PHONE)
    cadre.goto(f"{live_server.url}{city.district_a.get_absolute_url()}")
    expect(cadre.get_by_test_id("activity-attendance")).to_have_text("0")
    cadre.goto(f"{live_server.url}{reverse('activities:check-in', args=[activity.pk])}")
    scanned = live_server.url + reverse("portal:verify", args=[card_verification_value(member)])
    cadre.fill("#id_scanned", scanned)
    cadre.get_by_role("button", name="签到").click()
    expect(cadre.get_by_text("吴职工（甲公司工会）已签到。")).to_be_visible()
    expect(cadre.get_by_test_id("checked-in")).to_have_text("1")
    assert no_sideways_scroll(cadre)
    cadre.screenshot(path=str(SHOTS / "activity-check-in.png"), full_page=True)
    cadre.goto(f"{live_server.url}{city.district_a.get_absolute_url()}")
    expect(cadre.get_by_test_id("activity-attendance")).to_have_text("1")
