"""Browser check (phone viewport): the quiz paper counts the time left down without a
reload, so a worker sees how long remains."""

import pytest
from django.urls import reverse

from activities import quizzes
from activities.tests.quiz_helpers import make_bank, make_quiz
from activities.tests.test_browser_activity_journey import _member_page
from core.tests.browser import SHOTS, no_sideways_scroll
from members.tests.factories import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_paper_counts_down_on_the_phone(browser, live_server, city):
    from playwright.sync_api import expect

    member = make_member(city.union_a, name="陈答题", phone="13811117777")
    quiz = make_quiz(city.district_a, make_bank(city.district_a), minutes=10)
    attempt = quizzes.attempt_start(member=member, quiz=quiz)

    phone = _member_page(browser, live_server, member)
    phone.goto(f"{live_server.url}{reverse('activities:m-attempt', args=[attempt.pk])}")
    clock = phone.locator("[data-countdown-clock]")
    first = clock.inner_text()
    assert first in {"10:00", "9:59", "9:58"}
    expect(clock).not_to_have_text(first, timeout=3000)
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "quiz-countdown.png"), full_page=True)
