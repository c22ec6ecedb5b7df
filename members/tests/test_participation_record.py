"""The member's participation record (参与记录): every capability's rows of one member on the
member page (as far as the cadre's scope reaches) and on the member's phone (their own)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import actions as activity_actions
from activities import quizzes
from activities.tests.helpers import make_activity
from activities.tests.quiz_helpers import make_bank, make_quiz
from contests import actions as contest_actions
from contests.choices import EntryKind
from contests.tests.factories import make_contest, open_contest
from dues import participation
from employment import actions as employment_actions
from employment.tests.scope_samples import fair_data
from grassroots import actions as grassroots_actions
from grassroots.choices import VenueKind
from innovation import actions as innovation_actions
from members.tests.factories import make_member
from portal.tests.helpers import login_member
from services.tests.factories import make_service, submit
from skills import actions as skills_actions

pytestmark = pytest.mark.django_db


def _venue(org, name="职工书屋"):
    return grassroots_actions.venue_save(
        actor=None,
        org=org,
        name=name,
        kind=VenueKind.READING_ROOM,
        capacity=20,
        opens_at=datetime.time(0),
        closes_at=datetime.time(23),
        slot_minutes=60,
        open_weekdays="1234567",
        book_ahead_days=30,
        cancel_hours=0,
    )


def _contest_entry(city, member, name="焊工技能大赛", award="first"):
    contest = make_contest(None, city.district_a, name=name)
    open_contest(None, contest)
    entry = contest_actions.entry_create(
        actor=None,
        contest=contest,
        data={
            "kind": EntryKind.INDIVIDUAL,
            "name": member.name,
            "member": member,
            "enterprise": None,
            "org": city.union_a,
            "team_members": "",
            "participant_count": 1,
        },
    )
    # Awards come from the final round's ranking; only the stored result matters here.
    type(entry).objects.filter(pk=entry.pk).update(award=award)
    return entry


def _take_part(city, member, marker=""):
    """A registration (checked in), a quiz paper, a venue booking, a contest entry with a first
    prize and a service request of ``member``, titled with ``marker``."""
    activity = make_activity(city.district_a, title=f"劳模宣讲进车间{marker}")
    registration = activity_actions.registration_create(member=member, activity=activity)
    type(registration).objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
    quiz = make_quiz(city.district_a, make_bank(city.district_a), title=f"工会知识竞赛{marker}")
    quizzes.attempt_start(member=member, quiz=quiz)
    grassroots_actions.booking_create(
        actor=None,
        venue=_venue(city.district_a, f"职工书屋{marker}"),
        org=city.union_a,
        member=member,
        date=timezone.localdate() + datetime.timedelta(days=1),
        starts_at=datetime.time(10),
        purpose="读书会",
    )
    _contest_entry(city, member, name=f"焊工技能大赛{marker}")
    submit(member, make_service(city.district_a, name=f"职工心理咨询{marker}"))


@pytest.fixture
def member(city):
    return make_member(city.union_a, name="孙参与", phone="13811118888")


def _tab(client, member):
    return client.get(member.get_absolute_url(), {"tab": "activities"})


def test_member_page_shows_every_kind_of_participation(client_for, city, people, member):
    _take_part(city, member)
    page = _tab(client_for(people.district_a_admin), member).content.decode()
    assert "参与记录" in page
    for title in ("劳模宣讲进车间", "工会知识竞赛", "职工书屋", "焊工技能大赛", "职工心理咨询"):
        assert title in page
    # Kinds are labelled, and the status or result is shown.
    for label in ("活动报名", "答题记录", "阵地预约", "竞赛报名", "服务申请"):
        assert label in page
    assert "已签到" in page and "答题中" in page and "一等奖" in page
    assert page.count('data-testid="participation-row"') == 5


def test_innovations_trainings_and_job_fairs_show_too(client_for, city, people, member):
    innovation_actions.innovation_submit(
        actor=None,
        data={
            "member": member,
            "kind": "renovation",
            "title": "焊枪冷却改进",
            "submitter_kind": "individual",
            "description": "改进",
            "estimated_benefit": "3.5",
            "submitted_on": datetime.date(2025, 5, 1),
        },
    )
    training = skills_actions.training_save(
        actor=None,
        data={
            "org": city.district_a,
            "name": "电工进阶培训班",
            "kind": "course",
            "trade": "电工",
            "starts_on": datetime.date(2025, 3, 1),
            "ends_on": datetime.date(2025, 3, 31),
            "hours": 40,
            "capacity": None,
            "description": "",
        },
    )
    skills_actions.enrol(
        actor=None, training=training, member=member, enrolled_on=datetime.date(2025, 2, 1)
    )
    fair = employment_actions.job_fair_create(
        actor=None, data=fair_data(city.district_a, "春风行动招聘会")
    )
    employment_actions.fair_register(member=member, fair=fair)
    page = _tab(client_for(people.district_a_admin), member).content.decode()
    for text in ("焊枪冷却改进", "电工进阶培训班", "春风行动招聘会", "培训报名", "招聘会报名"):
        assert text in page


def test_rows_are_newest_first(city, people, member):
    _take_part(city, member)
    rows = participation.record(member, people.district_a_admin)
    days = [row.on for row in rows]
    assert days == sorted(days, reverse=True)
    assert isinstance(days[0], datetime.date) and not isinstance(days[0], datetime.datetime)


def test_cadre_of_another_district_cannot_open_the_member_page(client_for, city, people, member):
    _take_part(city, member)
    assert _tab(client_for(people.district_b_admin), member).status_code == 404


def test_a_row_outside_the_cadres_scope_is_not_shown(client_for, city, people, member):
    _take_part(city, member)
    # The request is handled by the district union: the member's own union does not see it.
    page = _tab(client_for(people.union_a_admin), member).content.decode()
    assert "劳模宣讲进车间" in page and "焊工技能大赛" in page
    assert "职工心理咨询" not in page
    assert page.count('data-testid="participation-row"') == 4


def test_query_count_does_not_grow_with_the_rows(
    client_for, city, people, member, django_assert_max_num_queries
):
    _take_part(city, member, "一")
    client = client_for(people.district_a_admin)
    # Session, user, roles, member, two permission checks, one query per registered source.
    budget = 6 + len(participation.record_providers()) + 1
    with django_assert_max_num_queries(budget):
        _tab(client, member)
    _take_part(city, member, "二")
    _take_part(city, member, "三")
    with django_assert_max_num_queries(budget):
        page = _tab(client, member).content.decode()
    assert page.count('data-testid="participation-row"') == 15


def test_empty_record_says_so(client_for, city, people, member):
    page = _tab(client_for(people.district_a_admin), member).content.decode()
    assert "暂无参与记录" in page


def test_every_counting_source_shows_on_the_record():
    assert set(participation.sources()) <= set(participation.record_providers())


def test_the_phone_shows_the_signed_in_members_own_record(client, city, member):
    other = make_member(city.union_a, name="周别人", phone="13811117777")
    _take_part(city, member)
    own = make_activity(city.district_a, title="别人的文体活动")
    activity_actions.registration_create(member=other, activity=own)
    login_member(client, member)
    home = client.get(reverse("portal:home")).content.decode()
    assert "我的参与" in home and reverse("portal:my-participation") in home
    page = client.get(reverse("portal:my-participation")).content.decode()
    for title in ("劳模宣讲进车间", "工会知识竞赛", "职工书屋", "焊工技能大赛", "职工心理咨询"):
        assert title in page
    assert "别人的文体活动" not in page
    # Links go to the member's own pages, never to the cadres'.
    assert "/m/activities/" in page and "/m/requests/" in page
    assert "/members/" not in page and "/contests/" not in page


def test_the_phone_page_needs_a_member_session_and_has_an_empty_state(client, city, member):
    response = client.get(reverse("portal:my-participation"))
    assert response.status_code == 302 and reverse("portal:login") in response["Location"]
    login_member(client, member)
    assert "暂无参与记录" in client.get(reverse("portal:my-participation")).content.decode()
