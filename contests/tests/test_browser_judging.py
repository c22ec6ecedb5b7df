"""Browser journey (Playwright): a contest admin sets up a round with a rubric and two
judges, both judges score every entry on their sheets, and the ranking shows the scores
with the trimmed-mean rule and the tie rule spelled out."""

import pytest

from contests.tests.factories import make_contest, make_entry, make_user, open_contest
from core.tests.browser import SHOTS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHEETS = {
    # judge → entrant → (实际操作, 理论知识); totals = 0.7 × 实操 + 0.3 × 理论
    "judge_x": {"张甲": ("90", "80"), "李乙": ("70", "60")},
    "judge_y": {"张甲": ("80", "70"), "李乙": ("75.5", "65")},
}


def score_all(browser, live_server, username):
    from playwright.sync_api import expect

    # A judge has no cadre role: signing in lands on the judging page.
    page = login(browser, live_server, username, landing="/judging/")
    page.get_by_test_id("open-sheet").first.click()
    expect(page.get_by_test_id("rules")).to_contain_text("去掉一个最高分和一个最低分")
    for _ in SHEETS[username]:
        to_score = page.get_by_role("link", name="评分", exact=True)
        row = page.get_by_test_id("sheet-row").filter(has=to_score).first
        name = row.locator("td").nth(1).inner_text()
        row.get_by_test_id("score-link").click()
        practical, theory = SHEETS[username][name]
        inputs = page.locator("input[name^=criterion_]")
        inputs.nth(0).fill("101")  # above the maximum: refused, nothing saved
        inputs.nth(1).fill(theory)
        page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
        expect(page.get_by_test_id("field-error")).to_contain_text("0 到 100")
        page.locator("input[name^=criterion_]").nth(0).fill(practical)
        page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
        expect(page.locator(".alert-success")).to_contain_text("分数已保存")
    page.screenshot(path=str(SHOTS / f"contest-sheet-{username}.png"), full_page=True)
    page.context.close()


def test_admin_sets_up_a_round_two_judges_score_and_the_ranking_appears(
    browser, live_server, city, people
):
    from playwright.sync_api import expect

    admin = people.city_admin
    contest = make_contest(admin, city.city, name="全市电工技能大赛")
    open_contest(admin, contest)
    make_entry(admin, contest, city.union_a, "张甲")
    make_entry(admin, contest, city.union_b, "李乙")
    for username in SHEETS:
        make_user(username)

    page = login(browser, live_server, "city_admin")
    page.goto(f"{live_server.url}/contests/{contest.pk}/")
    page.get_by_test_id("add-stage").click()
    page.select_option("#id_round", "preliminary")
    page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.locator(".alert-success")).to_contain_text("赛程已添加")
    for name, weight in (("实际操作", "0.7"), ("理论知识", "0.3")):
        page.get_by_test_id("add-criterion").click()
        page.fill("#id_name", name)
        page.fill("#id_weight", weight)
        page.fill("#id_max_score", "100")
        page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("criteria")).to_contain_text("实际操作")
    for username in SHEETS:
        page.get_by_test_id("add-judge").click()
        page.fill("#id_username", username)
        page.fill("#id_name", f"评委{username[-1]}")
        page.get_by_test_id("object-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("judges")).to_contain_text("judge_y")
    page.screenshot(path=str(SHOTS / "contest-stage-setup.png"), full_page=True)
    page.get_by_test_id("open-stage").click()
    page.get_by_test_id("object-form").get_by_role("button", name="确认").click()
    expect(page.get_by_test_id("stage-status")).to_contain_text("评分中")

    for username in SHEETS:
        score_all(browser, live_server, username)

    page.get_by_test_id("ranking").click()
    table = page.get_by_test_id("ranking-table")
    # 张甲: 87 and 77 → 82.00; 李乙: 67 and 72.35 → 69.68 (two totals: nothing dropped).
    expect(table.get_by_test_id("rank-row").first).to_contain_text("张甲")
    expect(table.get_by_test_id("score").first).to_have_text("82.00")
    expect(table.get_by_test_id("score").nth(1)).to_have_text("69.68")
    expect(page.get_by_test_id("rules")).to_contain_text("1、2、2、4")
    page.screenshot(path=str(SHOTS / "contest-ranking.png"), full_page=True)
    page.goto(f"{live_server.url}/contest-stages/{contest.stages.get().pk}/")
    page.get_by_test_id("close-stage").click()
    page.get_by_test_id("object-form").get_by_role("button", name="确认").click()
    expect(page.get_by_test_id("stage-status")).to_contain_text("已出成绩")
