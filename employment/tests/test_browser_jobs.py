"""Browser journey (Playwright, 375×812 phone): a member signs in with phone and code,
finds a job from the home page and applies; a second application is not offered."""

import pytest

from core.tests.browser import PHONE, SHOTS, no_sideways_scroll
from employment import actions
from employment.models import JobApplication
from employment.tests.scope_samples import fair_data, posting_data
from members.tests.factories import last_sms_code, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_applies_to_a_job_on_a_phone(browser, live_server, city, sms_outbox):
    from playwright.sync_api import expect

    member = make_member(city.union_a, name="孙求职", phone="13811112222")
    posting = actions.job_posting_create(
        actor=None,
        data=posting_data(city.enterprise_b, "数控车工", salary_min=6000, salary_max=9000),
        publish=True,
    )
    actions.job_fair_create(actor=None, data=fair_data(city.district_a, "劳模先进送岗位专场"))
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/m/login/")
    page.fill("#id_phone", "13811112222")
    page.get_by_test_id("send-code").click()
    expect(page.get_by_test_id("code-status")).to_contain_text("138****2222")
    page.fill("#id_code", last_sms_code())
    page.get_by_test_id("login").click()
    page.get_by_test_id("home-jobs").click()

    jobs = page.get_by_test_id("job")
    expect(jobs).to_have_count(1)
    expect(jobs.first).to_contain_text("6,000–9,000")
    expect(page.locator("body")).to_contain_text("劳模先进送岗位专场")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "jobs-list-phone.png"), full_page=True)
    jobs.first.click()
    page.fill("#id_message", "有三年数控经验")
    page.get_by_test_id("apply").click()
    expect(page.get_by_test_id("my-application")).to_contain_text("数控车工")
    expect(page.get_by_test_id("my-application")).to_contain_text("已提交")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "jobs-applied-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/m/jobs/{posting.pk}/")
    expect(page.get_by_test_id("already-applied")).to_be_visible()
    expect(page.get_by_test_id("apply")).to_have_count(0)
    application = JobApplication.objects.get()
    assert (application.member, application.posting) == (member, posting)
    context.close()
