"""Browser journey (Playwright, phone viewport 375×812): a member sends a photo to a call
for works on the phone; after the call closes the district sends the works to judging and
the work appears as an entry of the culture contest."""

import pytest
from django.urls import reverse

from activities.models import Submission
from activities.tests.helpers import JPEG_BYTES, close_call, make_works_call
from activities.tests.test_browser_activity_journey import _member_page
from core.tests.browser import SHOTS, login, no_sideways_scroll
from members.tests.factories import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_sends_a_photo_and_the_district_sends_it_to_judging(
    browser, live_server, city, people, tmp_path
):
    from playwright.sync_api import expect

    member = make_member(city.union_a, name="周摄影", phone="13811118888")
    call = make_works_call(city.district_a, title="“劳动最美”职工摄影征集")
    photo = tmp_path / "车间晨光.jpg"
    photo.write_bytes(JPEG_BYTES)

    phone = _member_page(browser, live_server, member)
    phone.goto(f"{live_server.url}/m/")
    phone.get_by_test_id("home-activities").click()
    phone.get_by_test_id(f"offered-{call.pk}").click()
    phone.get_by_test_id("send-work").click()
    phone.get_by_label("作品标题").fill("车间晨光")
    phone.get_by_label("作品文件").set_input_files(str(photo))
    phone.get_by_test_id("send-work").click()
    expect(phone.get_by_test_id("my-work")).to_contain_text("《车间晨光》")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "works-member-sent.png"), full_page=True)
    assert Submission.objects.get().file_name == "车间晨光.jpg"

    close_call(call)
    cadre = login(browser, live_server, "district_a_admin")
    cadre.goto(f"{live_server.url}{reverse('activities:detail', args=[call.pk])}?tab=registrations")
    expect(cadre.get_by_test_id("work-row")).to_contain_text("周摄影")
    cadre.get_by_test_id("send-to-judging").click()
    cadre.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(cadre.locator(".alert-success")).to_contain_text("作品已登记为赛事参赛作品")
    cadre.screenshot(path=str(SHOTS / "works-sent-to-judging.png"), full_page=True)
    entry = Submission.objects.select_related("entry").get().entry
    cadre.goto(f"{live_server.url}{entry.get_absolute_url()}")
    expect(cadre.get_by_test_id("work")).to_contain_text("《车间晨光》")
    cadre.screenshot(path=str(SHOTS / "works-entry.png"), full_page=True)
