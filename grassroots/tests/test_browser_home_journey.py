"""Browser journey (Playwright, Debian chromium, phone viewport 375×812): a grassroots
union submits its 职工之家 self-assessment with an evidence file; the district reviewer
approves it, the 公示 runs five working days across 国庆 (the clock is frozen and moved with
time-machine), an award before its end is refused, and after it the district awards the
stars."""

import datetime

import pytest
import time_machine

from core.tests.browser import PHONE, SHOTS, login
from grassroots.models import HomeEvaluation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TZ = datetime.timezone(datetime.timedelta(hours=8))


def test_union_self_assessment_is_approved_after_the_public_notice(
    browser, live_server, city, people, programme, tmp_path, settings
):
    from playwright.sync_api import expect

    settings.MEDIA_ROOT = tmp_path / "media"
    evidence = tmp_path / "职工之家台账.pdf"
    evidence.write_bytes(b"%PDF-1.4 ledger")
    with time_machine.travel(datetime.datetime(2026, 9, 29, 9, tzinfo=TZ), tick=True) as clock:
        page = login(browser, live_server, "union_a_admin", viewport=PHONE)
        page.goto(f"{live_server.url}/homes/programmes/{programme.pk}/")
        page.get_by_test_id("join").click()
        page.get_by_role("button", name="开始自评").click()
        expect(page.get_by_test_id("status")).to_have_text("自评中")
        page.get_by_test_id("assess").click()
        for criterion in programme.criteria.all():
            page.fill(f"#id_score_{criterion.pk}", str(criterion.max_score - 1))
            page.fill(f"#id_note_{criterion.pk}", "达标")
        page.fill("#id_summary", "建家为民，活动阵地齐全。")
        page.get_by_role("button", name="保存").click()
        page.get_by_test_id("add-evidence").click()
        page.set_input_files("#id_file", str(evidence))
        page.get_by_role("button", name="保存").click()
        expect(page.get_by_test_id("evidence")).to_contain_text("职工之家台账.pdf")
        page.get_by_test_id("submit").click()
        expect(page.get_by_test_id("status")).to_have_text("待审核")
        page.screenshot(path=str(SHOTS / "grassroots-home-submitted.png"), full_page=True)
        page.context.close()

        reviewer = login(browser, live_server, "district_a_admin", viewport=PHONE)
        evaluation = HomeEvaluation.objects.get(programme=programme)
        reviewer.goto(f"{live_server.url}{evaluation.get_absolute_url()}")
        reviewer.get_by_test_id("review").click()
        reviewer.get_by_label("通过并开始公示").check()
        reviewer.get_by_role("button", name="保存").click()
        expect(reviewer.get_by_test_id("status")).to_have_text("公示")
        expect(reviewer.get_by_test_id("publicity")).to_contain_text("2026-10-12")
        reviewer.get_by_test_id("conclude").click()
        reviewer.get_by_label("无有效异议，授予称号").check()
        reviewer.get_by_role("button", name="保存").click()
        expect(reviewer.get_by_test_id("form-errors")).to_contain_text("2026-10-12")
        reviewer.context.close()

        clock.move_to(datetime.datetime(2026, 10, 13, 9, tzinfo=TZ))
        reviewer = login(browser, live_server, "district_a_admin", viewport=PHONE)
        reviewer.goto(f"{live_server.url}{evaluation.get_absolute_url()}")
        reviewer.get_by_test_id("conclude").click()
        reviewer.get_by_label("无有效异议，授予称号").check()
        reviewer.get_by_role("button", name="保存").click()
        expect(reviewer.get_by_test_id("status")).to_have_text("已命名")
        expect(reviewer.get_by_test_id("stars")).to_have_text(
            "★★★★"
        )  # 94 points: 4 stars (95 for 5)
        reviewer.screenshot(path=str(SHOTS / "grassroots-home-awarded.png"), full_page=True)
    evaluation.refresh_from_db()
    assert evaluation.awarded_on == datetime.date(2026, 10, 13) and evaluation.stars == 4
