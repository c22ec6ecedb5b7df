import datetime
import io

import docx
import pytest
from django.utils import timezone

from activities import actions
from activities.tests.helpers import make_activity, start_now
from members.tests.factories import make_member
from reports.document import render_docx
from reports.periods import Period
from reports.selectors import build_draft

pytestmark = pytest.mark.django_db


def test_drafted_report_states_the_activities_held_and_attendance(city):
    activity = make_activity(city.district_a, capacity=5)
    members = [make_member(city.union_a, name=f"会员{i}", phone=f"1381111200{i}") for i in range(3)]
    for member in members:
        actions.registration_create(member=member, activity=activity)
    start_now(activity)
    for member in members[:2]:
        actions.check_in_by_code(member=member, code=activity.checkin_code)
    from activities import notices

    make_member(city.union_a, name="未读会员", phone="13811112009")
    notice = notices.notice_publish(
        actor=None,
        data={
            "org": city.district_a,
            "kind": "news",
            "audience": "members",
            "title": "新闻",
            "body": "x",
        },
    )
    notices.notice_mark_read(notice, member=members[0])
    from activities import quizzes
    from activities.tests.quiz_helpers import make_bank, make_quiz

    quiz = make_quiz(city.district_a, make_bank(city.district_a))
    paper = quizzes.attempt_start(member=members[2], quiz=quiz)
    quizzes.attempt_submit(member=members[2], attempt=paper, shown_answers={})
    today = timezone.localdate()
    period = Period(today - datetime.timedelta(days=30), today + datetime.timedelta(days=1))
    document = docx.Document(io.BytesIO(render_docx(build_draft(city.district_a, period))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "开展宣讲、主题教育、文体等活动1场" in text
    assert "职工报名3人次，参加2人次，1人参加知识竞赛" in text
    assert "发布通知、新闻1条" in text and "阅读1人次，阅读率25.0%" in text
    quiet = Period(datetime.date(2020, 1, 1), datetime.date(2020, 3, 31))
    assert "文体等活动" not in "\n".join(
        s for sec in build_draft(city.district_a, quiet).sections for s in sec.paragraphs
    )
