"""Browser journey (Playwright, Debian chromium): a district admin builds a union and sees
the coverage rate move on the street, district and city pages."""

import re

import pytest

from core.tests.browser import SHOTS, login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rate(page, live_server, org) -> str:
    page.goto(f"{live_server.url}/orgs/{org.pk}/")
    return page.get_by_test_id("coverage-rate").inner_text()


def test_district_admin_builds_a_union_and_coverage_rises(browser, live_server, city, people):
    from playwright.sync_api import expect

    SHOTS.mkdir(exist_ok=True)
    city_page = login(browser, live_server, "city_admin")
    city_before = rate(city_page, live_server, city.city)

    page = login(browser, live_server, "district_a_admin")
    expect(page.get_by_test_id("scope")).to_contain_text("东湖区总工会")
    page.get_by_role("link", name="组织体系").first.click()
    table = page.get_by_test_id("list-table")
    expect(table).to_contain_text("东湖街道总工会")
    expect(table).not_to_contain_text("西山区总工会")
    page.screenshot(path=str(SHOTS / "orgs-tree-district.png"), full_page=True)

    street_before = rate(page, live_server, city.street_a)
    district_before = rate(page, live_server, city.district_a)
    assert (street_before, district_before) == ("50.0%", "50.0%")

    page.goto(f"{live_server.url}/orgs/{city.street_a.pk}/")
    page.screenshot(path=str(SHOTS / "org-street.png"), full_page=True)
    page.get_by_test_id("add-child").click()
    page.fill("#id_code", "NEWU1")
    page.fill("#id_name", "丙商贸有限公司工会委员会")
    page.select_option("#id_level", "grassroots")
    page.select_option("#id_grassroots_type", "standalone")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.locator(".alert-success")).to_contain_text("组织已创建")
    expect(page.locator(".page-title")).to_contain_text("丙商贸有限公司工会委员会")

    page.goto(f"{live_server.url}/enterprises/?q=丙商贸")
    page.get_by_role("link", name="丙商贸有限公司").click()
    page.get_by_test_id("edit").click()
    pick(page, "id_covering_union", "丙商贸有限公司工会委员会")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("covering-union")).to_contain_text("丙商贸有限公司工会委员会")

    assert rate(page, live_server, city.street_a) == "100.0%"
    assert rate(page, live_server, city.district_a) == "100.0%"
    page.screenshot(path=str(SHOTS / "org-district-after.png"), full_page=True)
    city_after = rate(city_page, live_server, city.city)
    assert city_before != city_after
    assert re.fullmatch(r"\d+\.\d%", city_after)

    page.goto(f"{live_server.url}/orgs/{city.district_b.pk}/")
    expect(page.locator("body")).to_contain_text("未找到")


def test_worker_phone_sized_home(browser, live_server, city, people):
    page = login(browser, live_server, "worker", viewport={"width": 375, "height": 740})
    from playwright.sync_api import expect

    expect(page.get_by_test_id("no-scope")).to_be_visible()
    page.screenshot(path=str(SHOTS / "home-worker-phone.png"), full_page=True)
