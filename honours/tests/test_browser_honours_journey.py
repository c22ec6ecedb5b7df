"""Browser journey (Playwright, Debian chromium): a grassroots cadre nominates a worker, the
district forwards it, the city opens the public notice (across 国庆), an objection is filed
and resolved, the title is awarded and appears in the model-worker registry."""

import datetime

import pytest

from core.tests.browser import SHOTS, login, pick
from honours.tests.factories import make_nominee, make_programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _confirm(page):
    page.get_by_test_id("object-form").locator("button[type=submit]").click()


def test_nomination_goes_up_through_notice_to_the_registry(
    browser, live_server, city, people, time_machine
):
    from playwright.sync_api import expect

    time_machine.move_to(datetime.datetime(2026, 9, 28, 9, 0, tzinfo=datetime.UTC), tick=True)
    programme = make_programme(city.city, name="2026年示范市五一劳动奖章")
    make_nominee(city.union_a, city.enterprise_a, name="钱甲劳模")

    page = login(browser, live_server, "union_a_admin")
    page.goto(
        f"{live_server.url}/honours/nominations/new/?programme={programme.pk}&org={city.union_a.pk}"
    )
    pick(page, "id_member", "钱甲劳模")
    page.check("#id_is_front_line")
    page.check("#id_is_industrial_worker")
    page.fill("#id_deeds", "带领班组攻克关键工艺难题，年节约成本三百万元。")
    page.select_option("#id_meeting_kind", "congress")
    page.fill("#id_meeting_date", "2026-09-20")
    page.fill("#id_votes_cast", "120")
    page.fill("#id_votes_for", "101")
    _confirm(page)
    expect(page.get_by_test_id("status")).to_contain_text("草稿")
    page.get_by_test_id("submit").click()
    _confirm(page)
    expect(page.get_by_test_id("stage")).to_contain_text("东湖区总工会")
    url = page.url

    district = login(browser, live_server, "district_a_admin")
    district.goto(url)
    district.get_by_test_id("forward").click()
    _confirm(district)
    expect(district.get_by_test_id("stage")).to_contain_text("示范市总工会")

    sibling = login(browser, live_server, "district_b_admin")
    assert sibling.goto(url).status == 404

    organiser = login(browser, live_server, "city_admin")
    organiser.goto(url)
    organiser.get_by_test_id("open-notice").click()
    _confirm(organiser)
    # Five working days from Monday 28 September: 国庆 (1–7 October) is skipped.
    expect(organiser.get_by_test_id("notice-state")).to_contain_text("2026-10-09")
    organiser.get_by_test_id("file-objection").click()
    organiser.fill("#id_objector", "匿名来信")
    organiser.fill("#id_content", "反映其事迹中的节约成本数据有夸大。")
    _confirm(organiser)
    expect(organiser.get_by_test_id("objections")).to_contain_text("匿名来信")
    organiser.goto(url + "?tab=veto")
    expect(organiser.get_by_test_id("veto-no_union")).to_contain_text("甲公司工会")
    expect(organiser.get_by_test_id("veto-wage_arrears")).to_contain_text("无数据")
    organiser.screenshot(path=str(SHOTS / "honours-veto.png"), full_page=True)
    organiser.goto(url)
    expect(organiser.get_by_test_id("notice-state")).to_contain_text("异议")

    organiser.goto(url + "?tab=objections")
    organiser.get_by_test_id("resolve").click()
    organiser.select_option("#id_upheld", "0")
    organiser.fill("#id_finding", "经核实，数据有财务凭证支撑，异议不成立。")
    _confirm(organiser)
    expect(organiser.get_by_test_id("objections")).to_contain_text("不成立")

    time_machine.move_to(datetime.datetime(2026, 10, 10, 9, 0, tzinfo=datetime.UTC), tick=True)
    organiser.goto(url)
    organiser.get_by_test_id("approve").click()
    _confirm(organiser)
    expect(organiser.get_by_test_id("status")).to_contain_text("已通过")
    organiser.get_by_test_id("award").click()
    organiser.fill("#id_document_number", "示工发〔2026〕18号")
    _confirm(organiser)
    expect(organiser.get_by_test_id("status")).to_contain_text("已表彰")
    organiser.screenshot(path=str(SHOTS / "honours-nomination.png"), full_page=True)

    organiser.goto(f"{live_server.url}/honours/model-workers/")
    organiser.get_by_role("link", name="钱甲劳模").click()
    expect(organiser.get_by_test_id("titles")).to_contain_text("五一劳动奖章")
    expect(organiser.get_by_test_id("titles")).to_contain_text("示工发〔2026〕18号")
    organiser.screenshot(path=str(SHOTS / "honours-model-worker.png"), full_page=True)
