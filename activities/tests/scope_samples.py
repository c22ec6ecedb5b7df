import datetime

from activities import actions, notices, quizzes, works
from activities.choices import ActivityKind
from activities.models import (
    ActivityPhoto,
    Notice,
    NoticeAttachment,
    QuestionBank,
    Quiz,
    QuizAttempt,
    Registration,
    Submission,
)
from activities.tests.helpers import make_activity, work_file
from activities.tests.quiz_helpers import bank_file, make_quiz
from members.tests.factories import make_member


def samples(city, people):
    activity_a = make_activity(city.district_a, title="东湖劳模宣讲")
    activity_b = make_activity(city.district_b, title="西山劳模宣讲")
    member_a = make_member(city.union_a, name="钱报名甲", phone="13811112221")
    member_b = make_member(city.union_b, name="赵报名乙", phone="13822223332")
    registration_a = actions.registration_create(member=member_a, activity=activity_a)
    registration_b = actions.registration_create(member=member_b, activity=activity_b)
    notice_a, notice_b = (
        notices.notice_publish(
            actor=None,
            data={
                "org": org,
                "kind": "notice",
                "audience": "members",
                "title": title,
                "body": "正文",
            },
        )
        for org, title in ((city.district_a, "东湖通知"), (city.district_b, "西山通知"))
    )
    bank_a = quizzes.bank_import(
        actor=None, org=city.district_a, name="东湖题库", upload=bank_file()
    )
    bank_b = quizzes.bank_import(
        actor=None, org=city.district_b, name="西山题库", upload=bank_file()
    )
    quiz_a = make_quiz(city.district_a, bank_a, title="东湖竞赛")
    quiz_b = make_quiz(city.district_b, bank_b, title="西山竞赛")
    attempt_a = quizzes.attempt_start(member=member_a, quiz=quiz_a)
    attempt_b = quizzes.attempt_start(member=member_b, quiz=quiz_b)
    # Rows only, no stored files: the scope test never reaches a file of district B.
    attachment_a, attachment_b = (
        NoticeAttachment.objects.create(
            notice=notice, file=f"activities/notices/{notice.pk}/x.pdf", name=name, size=3
        )
        for notice, name in ((notice_a, "东湖附件.pdf"), (notice_b, "西山附件.pdf"))
    )
    photo_a, photo_b = (
        ActivityPhoto.objects.create(
            activity=activity,
            image=f"activities/photos/{activity.pk}/x.png",
            content_type="image/png",
            caption=caption,
        )
        for activity, caption in ((activity_a, "东湖合影"), (activity_b, "西山合影"))
    )
    call_a, call_b = (
        make_activity(
            org,
            kind=ActivityKind.CULTURE_CONTEST,
            title=title,
            starts_in=-datetime.timedelta(hours=1),
        )
        for org, title in ((city.district_a, "东湖诗歌征集"), (city.district_b, "西山诗歌征集"))
    )
    work_a, work_b = (
        works.submission_save(
            member=member, activity=call, title=title, upload=work_file("photo.jpg")
        )
        for member, call, title in ((member_a, call_a, "东湖晨光"), (member_b, call_b, "西山夕照"))
    )
    return {
        Submission: (work_a, work_b, "东湖晨光", "西山夕照"),
        NoticeAttachment: (attachment_a, attachment_b, "东湖附件", "西山附件"),
        ActivityPhoto: (photo_a, photo_b, "东湖合影", "西山合影"),
        QuestionBank: (bank_a, bank_b, "东湖题库", "西山题库"),
        Quiz: (quiz_a, quiz_b, "东湖竞赛", "西山竞赛"),
        QuizAttempt: (attempt_a, attempt_b, "钱报名甲", "赵报名乙"),
        Notice: (notice_a, notice_b, "东湖通知", "西山通知"),
        activity_a.__class__: (activity_a, activity_b, "东湖劳模宣讲", "西山劳模宣讲"),
        Registration: (registration_a, registration_b, "钱报名甲", "赵报名乙"),
    }
