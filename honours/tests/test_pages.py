"""Cadre pages of the honours capability through the test client (rendered in Chinese)."""

import datetime

import pytest

from honours import actions
from honours.models import CareRecord, HonourProgramme, ModelWorker, Nomination
from honours.tests.factories import make_nominee, nominate, recommendation

pytestmark = pytest.mark.django_db


def test_grassroots_cadre_is_offered_the_city_programme_and_nominates(
    client, city, people, programme, nominee
):
    client.force_login(people.union_a_admin)
    calls = client.get("/honours/nominations/").content.decode()
    assert 'data-testid="open-calls"' in calls and programme.name in calls
    form = client.get("/honours/nominations/new/")
    assert programme.name in form.content.decode()
    data = recommendation(member=nominee.pk, programme=programme.pk, org=city.union_a.pk)
    data["is_unit_head"] = ""
    response = client.post("/honours/nominations/new/", data)
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"] == nomination.get_absolute_url()
    page = client.get(nomination.get_absolute_url()).content.decode()
    assert 'data-testid="submit"' in page and 'data-testid="forward"' not in page
    client.post(f"/honours/nominations/{nomination.pk}/submit/", {})
    nomination.refresh_from_db()
    assert nomination.stage_org == city.district_a


def test_bad_nomination_shows_the_messages_and_writes_nothing(client, city, people, programme):
    client.force_login(people.union_a_admin)
    response = client.post(
        "/honours/nominations/new/",
        {
            "programme": programme.pk,
            "org": city.union_a.pk,
            "deeds": "x",
            "meeting_kind": "congress",
            "meeting_date": "2026-03-01",
            "votes_cast": 10,
            "votes_for": 3,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "请选择被推荐的会员。" in body and "过半数" in body
    assert not Nomination.objects.exists()


def test_sibling_district_cannot_open_a_nomination_or_its_forms(client, city, people, programme):
    nomination = nominate(programme, city.union_a, make_nominee(city.union_a, city.enterprise_a))
    actions.nomination_submit(actor=None, nomination=nomination)
    client.force_login(people.district_b_admin)
    for suffix in ("", "forward/", "reject/", "approve/"):
        assert client.get(f"/honours/nominations/{nomination.pk}/{suffix}").status_code == 404
    assert client.post(f"/honours/nominations/{nomination.pk}/forward/").status_code == 404
    nomination.refresh_from_db()
    assert nomination.stage_org == city.district_a


def test_district_forwards_and_city_opens_notice_through_the_pages(
    client, city, people, programme, nominee
):
    nomination = nominate(programme, city.union_a, nominee)
    actions.nomination_submit(actor=None, nomination=nomination)
    client.force_login(people.district_a_admin)
    waiting = client.get("/honours/nominations/", {"waiting": "true"}).content.decode()
    assert nominee.name in waiting
    client.post(f"/honours/nominations/{nomination.pk}/forward/", {})
    client.force_login(people.city_admin)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert 'data-testid="open-notice"' in page
    response = client.post(
        f"/honours/programmes/{programme.pk}/notice/",
        {"start": "2026-03-16", "nominations": [nomination.pk]},
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.notice_end) == ("in_notice", datetime.date(2026, 3, 20))


def test_lists_answer_with_a_fixed_number_of_queries(
    client, city, people, programme, django_assert_max_num_queries
):
    for index in range(4):
        member = make_nominee(city.union_a, city.enterprise_a, name=f"劳模{index}")
        nominate(programme, city.union_a, member)
        worker = actions.model_worker_create(
            actor=None, member=member, data={"kind": "craftsman", "level": "city", "year": 2024}
        )
        actions.care_record(
            actor=None,
            model_worker=worker,
            kind="visit",
            on=datetime.date(2026, 1, 20),
            visitors="市总领导",
        )
    client.force_login(people.city_admin)
    for url in (
        "/honours/nominations/",
        "/honours/programmes/",
        "/honours/model-workers/",
        "/honours/titles/",
        "/honours/care/",
    ):
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200, url
        fragment = client.get(url, headers={"HX-Request": "true"})
        assert b"<html" not in fragment.content
        export = client.get(url, {"export": "xlsx"})
        assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    registry = client.get("/honours/model-workers/").content.decode()
    assert "2024 市级" in registry and "2026-01-20" in registry


def test_programme_is_created_and_quota_set_through_the_pages(client, city, people, spring):
    client.force_login(people.city_admin)
    response = client.post(
        "/honours/programmes/new/",
        {
            "org": city.city.pk,
            "name": "2026年示范市劳动模范",
            "kind": "model_worker",
            "level": "city",
            "year": 2026,
            "notice_workdays": 7,
            "min_industrial_share": 35,
            "min_migrant_share": 10,
        },
    )
    programme = HonourProgramme.objects.get()
    assert response["Location"] == programme.get_absolute_url()
    assert programme.notice_workdays == 7 and programme.min_migrant_share == 10
    client.post(
        f"/honours/programmes/{programme.pk}/quota/", {"org": city.district_a.pk, "places": 3}
    )
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "东湖区总工会" in page and 'data-testid="quotas"' in page


def test_model_worker_care_is_recorded_with_clear_errors(client, city, people, nominee):
    worker = actions.model_worker_create(
        actor=None, member=nominee, data={"kind": "model_worker", "level": "city", "year": 2018}
    )
    client.force_login(people.union_a_admin)
    bad = client.post(
        f"/honours/model-workers/{worker.pk}/care/", {"kind": "visit", "on": "2026-01-05"}
    )
    assert "请填写走访人。" in bad.content.decode()
    client.post(
        f"/honours/model-workers/{worker.pk}/care/",
        {
            "kind": "hardship_aid",
            "on": "2026-01-05",
            "amount": "3000",
            "assistance_ref": "KN-2026-001",
        },
    )
    record = CareRecord.objects.get()
    assert (record.kind, record.assistance_ref) == ("hardship_aid", "KN-2026-001")
    page = client.get(worker.get_absolute_url(), {"tab": "care"}).content.decode()
    assert "KN-2026-001" in page
    client.post(
        f"/honours/model-workers/{worker.pk}/edit/",
        {"status": "retired", "in_hardship": "on", "hardship_note": "因病致困"},
    )
    assert ModelWorker.objects.get().in_hardship
