import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import notices
from activities.models import Notice
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db


def _publish(org, actor=None, **extra):
    data = {
        "org": org,
        "kind": "notice",
        "audience": "members",
        "title": "关于开展读书月活动的通知",
        "body": "请各级工会组织职工参加。",
        **extra,
    }
    return notices.notice_publish(actor=actor, data=data)


def test_members_of_the_subtree_see_and_read_a_notice_and_the_rate_follows(client, city):
    reader = make_member(city.union_a, name="读者", phone="13811113331")
    make_member(city.union_a, name="未读者", phone="13811113332")
    outsider = make_member(city.union_b, name="外区", phone="13822223333")
    notice = _publish(city.district_a)
    assert notice.recipients == 2
    login_member(client, reader)
    feed = client.get(reverse("activities:m-notices")).content.decode()
    assert notice.title in feed and "未读" in feed
    client.get(reverse("activities:m-notice", args=[notice.pk]))
    client.get(reverse("activities:m-notice", args=[notice.pk]))  # a second read counts once
    notice.refresh_from_db()
    assert notice.read_count == 1 and notices.read_rate(notice) == 50.0
    login_member(client, outsider)
    assert client.get(reverse("activities:m-notice", args=[notice.pk])).status_code == 404


def test_a_scheduled_notice_stays_hidden_until_its_time(client, city, time_machine):
    member = make_member(city.union_a, name="等待者", phone="13811113334")
    later = timezone.now() + datetime.timedelta(days=2)
    notice = _publish(city.district_a, publish_at=later, title="两天后发布的通知")
    login_member(client, member)
    assert "两天后发布的通知" not in client.get(reverse("activities:m-notices")).content.decode()
    assert client.get(reverse("activities:m-notice", args=[notice.pk])).status_code == 404
    time_machine.move_to(later + datetime.timedelta(minutes=1))
    assert "两天后发布的通知" in client.get(reverse("activities:m-notices")).content.decode()


def test_cadres_of_the_subtree_get_notices_for_cadres_in_their_inbox(client_for, city, people):
    notice = _publish(city.city, audience="cadres", title="统计调查工作通知")
    assert notice.recipients >= 3
    client = client_for(people.union_a_admin)
    inbox = client.get(reverse("activities:inbox")).content.decode()
    assert "统计调查工作通知" in inbox
    client.get(reverse("activities:inbox-detail", args=[notice.pk]))
    notice.refresh_from_db()
    assert notice.read_count == 1
    members_only = _publish(city.city, title="只给会员")
    assert client.get(reverse("activities:inbox-detail", args=[members_only.pk])).status_code == 404


def test_cadre_publishes_and_withdraws_with_audit_and_validation(client_for, city, people):
    client = client_for(people.district_a_admin)
    empty = client.post(
        reverse("activities:notice-create"),
        {"org": city.district_a.pk, "kind": "news", "audience": "members", "title": "", "body": ""},
    )
    assert empty.status_code == 200 and not Notice.objects.exists()
    client.post(
        reverse("activities:notice-create"),
        {
            "org": city.district_a.pk,
            "kind": "news",
            "audience": "members",
            "title": "我区劳模宣讲",
            "body": "内容",
        },
    )
    notice = Notice.objects.get()
    listing = client.get(reverse("activities:notice-list")).content.decode()
    assert "我区劳模宣讲" in listing
    client.post(reverse("activities:notice-withdraw", args=[notice.pk]))
    notice.refresh_from_db()
    assert notice.status == "withdrawn"
    page = client.get(notice.get_absolute_url(), {"tab": "history"}).content.decode()
    assert "我区劳模宣讲" in page


def test_api_publishes_a_notice(api_for, city, people):
    api = api_for(people.district_a_admin)
    response = api.post(
        "/api/v1/notices/",
        {
            "org": city.district_a.pk,
            "kind": "notice",
            "audience": "members",
            "title": "接口通知",
            "body": "正文",
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["read_count"] == 0
    outside = api.post(
        "/api/v1/notices/",
        {
            "org": city.district_b.pk,
            "kind": "notice",
            "audience": "members",
            "title": "越权",
            "body": "x",
        },
        format="json",
    )
    assert outside.status_code == 400 and not Notice.objects.filter(title="越权").exists()


def test_the_workbench_shows_the_newest_notices_for_cadres_with_the_unread_count(
    client_for, city, people
):
    client = client_for(people.union_a_admin)
    assert 'data-testid="workbench-notices"' not in client.get("/").content.decode()
    first = _publish(city.city, audience="cadres", title="统计调查工作通知")
    _publish(city.district_a, audience="cadres", title="东湖区工会干部培训通知")
    _publish(city.district_b, audience="cadres", title="西山区内部通知")
    _publish(city.city, title="只给会员的通知")
    client.get(reverse("activities:inbox-detail", args=[first.pk]))
    page = client.get("/").content.decode()
    assert "统计调查工作通知" in page and "东湖区工会干部培训通知" in page
    assert "西山区内部通知" not in page and "只给会员的通知" not in page
    assert "1 条未读" in page
