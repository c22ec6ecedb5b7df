"""Browser journey (Playwright, 375×812 phone): a worker finds the nearest station from the
phone's position and checks in by its QR page; a cadre looks at the coverage gaps."""

import pytest

from core.tests.browser import PHONE, SHOTS, login, no_sideways_scroll
from stations import actions
from stations.models import StationVisit
from stations.tests.scope_samples import station_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_worker_finds_the_nearest_station_and_checks_in(browser, live_server, city):
    from playwright.sync_api import expect

    near = actions.station_create(
        actor=None,
        data=station_data(city.street_b, "西山路爱心驿站", 30.2712, 120.1503, has_charging=True),
    )
    actions.station_create(
        actor=None, data=station_data(city.street_a, "东湖路暖心驿站", 30.2800, 120.1600)
    )
    context = browser.new_context(
        locale="zh-CN",
        viewport=PHONE,
        geolocation={"latitude": 30.2700, "longitude": 120.1500},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/m/stations/")
    expect(page.get_by_role("heading", name="附近的驿站")).to_be_visible()
    page.get_by_test_id("locate").click()
    results = page.get_by_test_id("near-station")
    expect(results).to_have_count(2)
    expect(results.first.get_by_test_id("near-name")).to_have_text("西山路爱心驿站")
    expect(results.first.get_by_test_id("near-distance")).to_have_text("137 m")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "stations-nearest-phone.png"), full_page=True)

    results.first.click()
    expect(page.get_by_test_id("station-name")).to_have_text("西山路爱心驿站")
    expect(page.get_by_test_id("public-station")).to_contain_text("充电")
    page.get_by_test_id("go-checkin").click()
    page.get_by_test_id("checkin").click()
    expect(page.get_by_test_id("checked-in")).to_contain_text("签到成功")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "stations-checked-in-phone.png"), full_page=True)
    assert StationVisit.objects.filter(station=near).count() == 1
    context.close()


def test_cadre_sees_the_station_qr_and_the_coverage_gaps(browser, live_server, city, people):
    from playwright.sync_api import expect

    station = actions.station_create(
        actor=None, data=station_data(city.street_a, "东湖路暖心驿站", 30.265, 120.145)
    )
    area = actions.district_area_set(
        actor=None, org=city.district_a, south=30.25, west=120.13, north=30.28, east=120.16
    )
    page = login(browser, live_server, "district_a_admin")
    page.goto(f"{live_server.url}{station.get_absolute_url()}")
    expect(page.get_by_test_id("station-qr").locator("svg")).to_be_visible()
    page.screenshot(path=str(SHOTS / "stations-detail.png"), full_page=True)
    page.goto(f"{live_server.url}{area.get_absolute_url()}")
    expect(page.get_by_test_id("coverage-svg")).to_be_visible()
    expect(page.get_by_test_id("gap-table")).to_be_visible()
    page.screenshot(path=str(SHOTS / "stations-coverage.png"), full_page=True)
    phone = login(browser, live_server, "district_a_admin", viewport=PHONE)
    phone.goto(f"{live_server.url}/stations/")
    expect(phone.get_by_test_id("list-table")).to_contain_text("东湖路暖心驿站")
    phone.screenshot(path=str(SHOTS / "stations-list-phone.png"), full_page=True)
