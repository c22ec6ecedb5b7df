import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities import quizzes
from activities.models import Question, QuestionBank, QuizAttempt
from activities.tests.quiz_helpers import bank_file, make_bank, make_quiz
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db


def _right_shown(attempt):
    """The right answers, given by the positions this paper shows them at."""
    questions = Question.objects.in_bulk([item["q"] for item in attempt.paper])
    return {
        str(item["q"]): [item["order"].index(i) for i in questions[item["q"]].answer]
        for item in attempt.paper
    }


def test_bank_import_reads_every_kind_and_a_bad_row_refuses_the_whole_file(city, people):
    bank = make_bank(city.district_a, people.district_a_admin)
    assert bank.question_count == 4
    multiple = bank.questions.get(kind="multiple")
    assert multiple.answer == [0, 1, 2] and multiple.answer_letters == "ABC"
    assert bank.questions.get(kind="true_false").answer == [0]
    bad = [
        ["单选", "缺答案的题", "甲", "乙", "", "", "E"],
        ["问答", "未知题型", "", "", "", "", ""],
        ["判断", "判断题", "", "", "", "", "也许"],
    ]
    with pytest.raises(ValidationError) as error:
        quizzes.bank_import(
            actor=people.district_a_admin, org=city.district_a, name="坏题库", upload=bank_file(bad)
        )
    text = " ".join(error.value.message_dict["file"])
    assert "第2行" in text and "第3行：题型应为" in text and "判断题答案应为" in text
    assert not QuestionBank.objects.filter(name="坏题库").exists()


def test_shuffling_never_changes_the_score_of_the_same_answers(city):
    bank = make_bank(city.district_a)
    quiz = make_quiz(city.district_a, bank, attempts_allowed=5)
    member = make_member(city.union_a, name="答题者", phone="13811114441")
    scores = []
    for seed in range(3):
        attempt = quizzes.attempt_start(member=member, quiz=quiz, rng=random.Random(seed))
        shown = _right_shown(attempt)
        first = str(attempt.paper[0]["q"])
        shown[first] = [p for p in range(6) if p not in shown[first]][:1]  # one wrong answer
        attempt = quizzes.attempt_submit(member=member, attempt=attempt, shown_answers=shown)
        scores.append(attempt.score)
    assert scores == [3, 3, 3]
    papers = QuizAttempt.objects.filter(member=member).values_list("paper", flat=True)
    assert len({str(paper) for paper in papers}) > 1  # the papers really were shuffled


def test_a_paper_after_the_time_limit_is_not_scored(city, time_machine):
    bank = make_bank(city.district_a)
    quiz = make_quiz(city.district_a, bank, minutes=10)
    member = make_member(city.union_a, name="迟交者", phone="13811114442")
    attempt = quizzes.attempt_start(member=member, quiz=quiz)
    time_machine.move_to(attempt.deadline + datetime.timedelta(minutes=2))
    attempt = quizzes.attempt_submit(
        member=member, attempt=attempt, shown_answers=_right_shown(attempt)
    )
    assert attempt.late and attempt.score is None
    with pytest.raises(ValidationError, match="次数"):
        quizzes.attempt_start(member=member, quiz=quiz)


def test_one_attempt_per_member_unless_allowed_and_only_the_audience(city):
    bank = make_bank(city.district_a)
    quiz = make_quiz(city.district_a, bank, question_count=2)
    member = make_member(city.union_a, name="一次", phone="13811114443")
    attempt = quizzes.attempt_start(member=member, quiz=quiz)
    assert len(attempt.paper) == 2
    with pytest.raises(ValidationError, match="未完成"):
        quizzes.attempt_start(member=member, quiz=quiz)
    quizzes.attempt_submit(member=member, attempt=attempt, shown_answers={})
    with pytest.raises(ValidationError, match="次数"):
        quizzes.attempt_start(member=member, quiz=quiz)
    outsider = make_member(city.union_b, name="外区", phone="13822224444")
    with pytest.raises(ValidationError, match="东湖区总工会"):
        quizzes.attempt_start(member=outsider, quiz=quiz)
    with pytest.raises(ValidationError) as error:
        make_quiz(city.district_a, bank, question_count=9)
    assert "question_count" in error.value.message_dict


def test_leaderboard_gives_participation_rate_and_average_per_org(city, client_for, people):
    bank = make_bank(city.city)
    quiz = make_quiz(city.city, bank)
    a = make_member(city.union_a, name="甲答", phone="13811114445")
    make_member(city.union_a, name="甲未答", phone="13811114446")
    b = make_member(city.union_b, name="乙答", phone="13822224447")
    for member, right in ((a, True), (b, False)):
        attempt = quizzes.attempt_start(member=member, quiz=quiz)
        quizzes.attempt_submit(
            member=member, attempt=attempt, shown_answers=_right_shown(attempt) if right else {}
        )
    board = {row["org"]: row for row in quizzes.org_leaderboard(quiz)}
    assert board["东湖区总工会"]["rate"] == 50.0 and board["东湖区总工会"]["average"] == 4
    assert board["西山区总工会"]["rate"] == 100.0 and board["西山区总工会"]["average"] == 0
    page = client_for(people.city_admin).get(quiz.get_absolute_url(), {"tab": "leaderboard"})
    assert "甲答" in page.content.decode()


def test_member_takes_a_quiz_on_the_phone(client, city):
    bank = make_bank(city.district_a)
    quiz = make_quiz(city.district_a, bank)
    member = make_member(city.union_a, name="手机答题", phone="13811114448")
    login_member(client, member)
    assert quiz.title in client.get(reverse("activities:m-quizzes")).content.decode()
    started = client.post(reverse("activities:m-quiz", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(member=member)
    assert started["Location"] == reverse("activities:m-attempt", args=[attempt.pk])
    paper = client.get(started["Location"]).content.decode()
    assert 'data-testid="paper"' in paper
    post = {}
    for key, positions in _right_shown(attempt).items():
        post[f"q{key}"] = [str(p) for p in positions]
    result = client.post(started["Location"], post, follow=True).content.decode()
    assert "共 4 题，答对 4 题" in result
    attempt.refresh_from_db()
    assert attempt.score == 4


def test_cadre_imports_a_bank_and_publishes_a_quiz_through_the_pages(client_for, city, people):
    client = client_for(people.district_a_admin)
    response = client.post(
        reverse("activities:bank-import"),
        {"org": city.district_a.pk, "name": "页面题库", "file": bank_file()},
    )
    bank = QuestionBank.objects.get(name="页面题库")
    assert response["Location"] == bank.get_absolute_url()
    assert "工会法规定" in client.get(bank.get_absolute_url()).content.decode()
    response = client.post(
        reverse("activities:quiz-create"),
        {
            "org": city.district_a.pk,
            "audience": city.district_a.pk,
            "bank": bank.pk,
            "title": "页面竞赛",
            "question_count": 3,
            "time_limit_minutes": 15,
            "opens_at": "2030-01-01T09:00",
            "closes_at": "2030-01-05T09:00",
            "attempts_allowed": 1,
        },
    )
    assert response.status_code == 302
    assert "页面竞赛" in client.get(reverse("activities:quiz-list")).content.decode()
