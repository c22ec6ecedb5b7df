"""An account without a cadre role: a contest judge lands on its judging page and has a menu
entry for it; a plain account is still pointed to the members' sign-in."""

import pytest
from django.urls import reverse

from contests import actions
from contests.models import Score, StageEntry
from contests.tests.factories import make_contest, make_entry, make_stage, make_user, open_contest
from contests.tests.factories import seat as seat_judge

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345678"


@pytest.fixture
def judge(city, people):
    """A plain account (no org role) seated on the panel of an open, scoring round."""
    admin = people.city_admin
    contest = make_contest(admin, city.city, name="全市焊工技能大赛")
    open_contest(admin, contest)
    make_entry(admin, contest, city.union_a, "张甲", enterprise=city.enterprise_a)
    make_entry(admin, contest, city.union_b, "李乙", enterprise=city.enterprise_b)
    stage = make_stage(admin, contest)
    user = make_user("expert_judge")
    seat_judge(admin, stage, user)
    actions.stage_open(actor=admin, stage=stage)
    return user, stage


def test_a_judge_without_a_role_lands_on_judging_and_scores(client, judge):
    user, stage = judge
    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("contests:judging")
    page = response.content.decode()
    assert "全市焊工技能大赛" in page
    assert f'href="{reverse("contests:judging")}"' in page and "我的评审" in page
    assert 'data-testid="member-login-link"' not in page
    # Cadre entries stay hidden: the account has no org role.
    assert reverse("members:list") not in page and reverse("reports:dashboard") not in page

    sheet = client.get(reverse("contests:judge-sheet", args=[stage.pk]))
    assert sheet.status_code == 200 and "我的评审" in sheet.content.decode()
    entry = StageEntry.objects.get(stage=stage, entry__name="张甲")
    ids = list(stage.criteria.order_by("id").values_list("pk", flat=True))
    scored = client.post(
        reverse("contests:score", args=[entry.pk]),
        {f"criterion_{ids[0]}": "92", f"criterion_{ids[1]}": "85.5"},
    )
    assert scored.status_code == 302
    assert scored["Location"] == reverse("contests:judge-sheet", args=[stage.pk])
    assert Score.objects.filter(judge__user=user, stage_entry=entry).count() == 2


def test_an_account_without_role_or_seat_keeps_the_member_sign_in(client, judge, people):
    client.force_login(people.worker)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="member-login-link"' in page and "会员请登录职工服务" in page
    assert reverse("contests:judging") not in page


def test_a_cadre_keeps_the_workbench(client, judge, people):
    client.force_login(people.district_a_admin)
    home = client.get(reverse("home"))
    assert home.status_code == 200 and 'data-testid="no-scope"' not in home.content.decode()
    assert reverse("contests:judging") in home.content.decode()
