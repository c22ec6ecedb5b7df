from activities import actions, notices
from activities.models import Notice, Registration
from activities.tests.helpers import make_activity
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
    return {
        Notice: (notice_a, notice_b, "东湖通知", "西山通知"),
        activity_a.__class__: (activity_a, activity_b, "东湖劳模宣讲", "西山劳模宣讲"),
        Registration: (registration_a, registration_b, "钱报名甲", "赵报名乙"),
    }
