"""Contest pages and API: setup, judges' sheets (blind), scoring forms, ranking, stats."""

import pytest
from django.core.exceptions import ValidationError

from contests import actions
from contests.models import Contest, ContestEntry, Score, StageEntry
from contests.selectors import contest_stats
from contests.tests.factories import (
    make_contest,
    make_entry,
    make_stage,
    make_user,
    open_contest,
    score,
    seat,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(city, people):
    admin = people.city_admin
    contest = make_contest(admin, city.city, name="全市数控技能大赛")
    open_contest(admin, contest)
    make_entry(admin, contest, city.union_a, "张甲", enterprise=city.enterprise_a)
    make_entry(admin, contest, city.union_b, "李乙", enterprise=city.enterprise_b)
    make_entry(admin, contest, city.union_b, "乙公司代表队", kind="team", count=12)
    stage = make_stage(admin, contest, blind=True)
    judge_user = make_user("expert1")
    seat(admin, stage, judge_user, enterprise=city.enterprise_b)
    actions.stage_open(actor=admin, stage=stage)
    return contest, stage, judge_user


def test_blind_sheet_hides_names_and_marks_conflicts(client_for, running):
    _, stage, judge_user = running
    client = client_for(judge_user)
    page = client.get(f"/judging/stages/{stage.pk}/").content.decode()
    assert "A0001" in page and "张甲" not in page and "李乙" not in page
    assert page.count('data-testid="recused"') == 1  # 李乙 works at the judge's enterprise
    assert "全市数控技能大赛" in client.get("/judging/").content.decode()
    conflicted = StageEntry.objects.get(stage=stage, entry__name="李乙")
    response = client.post(f"/judging/entries/{conflicted.pk}/", {})
    assert response.status_code == 200
    assert not Score.objects.exists()


def test_judge_scores_through_the_form_and_errors_are_per_field(client_for, running):
    _, stage, judge_user = running
    se = StageEntry.objects.get(stage=stage, entry__name="张甲")
    ids = list(stage.criteria.order_by("id").values_list("pk", flat=True))
    client = client_for(judge_user)
    page = client.get(f"/judging/entries/{se.pk}/").content.decode()
    assert "张甲" not in page  # blind
    bad = client.post(
        f"/judging/entries/{se.pk}/", {f"criterion_{ids[0]}": "120", f"criterion_{ids[1]}": "x"}
    )
    assert bad.status_code == 200 and bad.content.decode().count('data-testid="field-error"') == 2
    good = client.post(
        f"/judging/entries/{se.pk}/", {f"criterion_{ids[0]}": "95.5", f"criterion_{ids[1]}": "80"}
    )
    assert good.status_code == 302
    assert Score.objects.filter(judge__user=judge_user).count() == 2


def test_cadre_without_a_seat_cannot_open_a_score_form(client_for, running, people):
    _, stage, _ = running
    se = StageEntry.objects.filter(stage=stage).first()
    client = client_for(people.city_admin)
    assert client.get(f"/judging/entries/{se.pk}/").status_code == 404
    assert client.get(f"/judging/stages/{stage.pk}/").status_code == 404


def test_host_pages_ranking_rules_and_export(
    client_for, running, people, django_assert_max_num_queries
):
    contest, stage, judge_user = running
    se = StageEntry.objects.get(stage=stage, entry__name="张甲")
    score(judge_user, se, 90, 80)
    client = client_for(people.city_admin)
    for url in [
        "/contests/",
        f"/contests/{contest.pk}/",
        f"/contest-stages/{stage.pk}/",
        "/contest-entries/",
        f"/contests/{contest.pk}/?tab=history",
        f"/contest-stages/{stage.pk}/?tab=history",
        "/contests/new/",
        f"/contest-entries/new/?contest={contest.pk}",
    ]:
        assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(10):
        page = client.get(f"/contest-stages/{stage.pk}/ranking/").content.decode()
    assert "87.00" in page and "1、2、2、4" in page
    assert client.get(f"/contest-stages/{stage.pk}/ranking/", {"export": "xlsx"}).status_code == 200
    with django_assert_max_num_queries(12):
        listing = client.get("/contest-entries/").content.decode()
    assert "乙公司代表队" in listing


def test_district_sees_city_contest_and_its_own_entries_only(client_for, running, people, city):
    contest, stage, _ = running
    client = client_for(people.district_a_admin)
    assert client.get(f"/contests/{contest.pk}/").status_code == 200
    entries = client.get("/contest-entries/").content.decode()
    assert "张甲" in entries and "李乙" not in entries
    response = client.post(
        "/contest-entries/new/",
        {
            "contest": contest.pk,
            "kind": "individual",
            "name": "越权",
            "org": city.union_b.pk,
            "participant_count": 1,
        },
    )
    assert response.status_code == 200
    assert not ContestEntry.objects.filter(name="越权").exists()
    # The round is the host's business.
    assert client.get(f"/contest-stages/{stage.pk}/").status_code == 404


def test_participants_count_for_any_subtree(running, city):
    assert contest_stats(city.city)["participants"] == 14
    assert contest_stats(city.district_b)["participants"] == 13
    assert contest_stats(city.district_a)["entries"] == 1
    assert contest_stats(city.district_a)["contests"] == 0
    assert contest_stats(city.city)["contests"] == 1


def test_district_contest_entry_nominated_into_the_city_contest(city, people):
    city_contest = make_contest(people.city_admin, city.city, name="市赛")
    open_contest(people.city_admin, city_contest)
    district = make_contest(
        people.district_a_admin, city.district_a, name="区赛", parent=city_contest
    )
    open_contest(people.district_a_admin, district)
    entry = make_entry(people.district_a_admin, district, city.union_a, "陈优秀")
    nominated = actions.entry_nominate(actor=people.district_a_admin, entry=entry)
    assert nominated.contest == city_contest and nominated.nominated_from == entry
    with pytest.raises(ValidationError, match="已推荐"):
        actions.entry_nominate(actor=people.district_a_admin, entry=entry)
    with pytest.raises(ValidationError):
        make_contest(people.district_b_admin, city.district_b, name="错", parent=district)
    assert not Contest.objects.filter(name="错").exists()


def test_api_contest_entry_and_ranking(api_for, running, people, city):
    _, stage, _ = running
    api = api_for(people.district_a_admin)
    created = api.post(
        "/api/v1/contests/",
        {
            "host": city.district_a.pk,
            "name": "区安康杯",
            "year": 2026,
            "kind": "ankang",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["level"] == "district"
    entry = api.post(
        "/api/v1/contest-entries/",
        {
            "contest": created.json()["id"],
            "kind": "enterprise",
            "enterprise": city.enterprise_a.pk,
            "org": city.union_a.pk,
            "participant_count": 3000,
        },
        format="json",
    )
    assert entry.status_code == 201, entry.content
    assert entry.json()["name"] == city.enterprise_a.name
    assert entry.json()["participant_count"] == 3000
    refused = api.post(
        "/api/v1/contest-entries/",
        {
            "contest": created.json()["id"],
            "kind": "individual",
            "name": "某",
            "org": city.union_a.pk,
            "participant_count": 5,
        },
        format="json",
    )
    assert refused.status_code == 400 and "participant_count" in refused.json()
    host = api_for(people.city_admin)
    ranking = host.get(f"/api/v1/contest-stages/{stage.pk}/ranking/").json()
    assert {row["code"] for row in ranking} == {"A0001", "A0002", "A0003"}


def test_api_lists_keep_a_constant_number_of_queries(
    api_for, running, people, city, django_assert_max_num_queries
):
    from innovation.tests.test_innovation import submit
    from skills.tests.test_skills import make_training

    for i in range(3):
        submit(None, city.union_a, title=f"建议{i}")
        make_training(None, city.district_a, name=f"培训{i}")
    api = api_for(people.city_admin)
    for url in [
        "/api/v1/contests/",
        "/api/v1/contest-entries/",
        "/api/v1/contest-stages/",
        "/api/v1/innovations/",
        "/api/v1/studios/",
        "/api/v1/trainings/",
        "/api/v1/skill-awards/",
    ]:
        with django_assert_max_num_queries(6):
            response = api.get(url)
        assert response.status_code == 200, url
