import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.scoping import OutOfScope
from employment import actions
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobPosting
from employment.selectors import employment_stats
from employment.tests.scope_samples import fair_data, posting_data
from members.models import Member
from members.tests.factories import make_member
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_a_job_is_posted_through_the_union_covering_the_employer(job_a, city):
    assert job_a.org == city.union_a and job_a.status == "open"
    assert job_a.published_on == TODAY()


def test_an_employer_without_a_union_cannot_post(city):
    with pytest.raises(ValidationError, match="has no union"):
        actions.job_posting_create(actor=None, data=posting_data(city.enterprise_a2, "x"))
    assert not JobPosting.objects.exists()


def test_posting_rules_are_checked_together(city):
    data = posting_data(
        city.enterprise_a,
        "",
        positions=0,
        salary_min=9000,
        salary_max=5000,
        expires_on=TODAY() - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        actions.job_posting_create(actor=None, data=data)
    assert set(error.value.message_dict) == {"title", "positions", "salary_max", "expires_on"}


def test_a_cadre_cannot_post_for_another_districts_employer(city, people):
    with pytest.raises(OutOfScope):
        actions.job_posting_create(
            actor=people.district_a_admin, data=posting_data(city.enterprise_b, "越权岗位")
        )
    assert not JobPosting.objects.exists()


def test_draft_is_published_then_closed_and_stays_closed(city, people):
    posting = actions.job_posting_create(
        actor=people.district_a_admin, data=posting_data(city.enterprise_a, "草稿")
    )
    assert posting.status == "draft"
    actions.job_posting_set_status(actor=people.district_a_admin, posting=posting, status="open")
    actions.job_posting_set_status(actor=people.district_a_admin, posting=posting, status="closed")
    with pytest.raises(ValidationError):
        actions.job_posting_set_status(
            actor=people.district_a_admin, posting=posting, status="open"
        )


def test_one_application_per_member_and_job(job_a, seeker):
    actions.job_apply(member=seeker, posting=job_a)
    with pytest.raises(ValidationError, match="already applied for this job"):
        actions.job_apply(member=seeker, posting=job_a)
    assert JobApplication.objects.count() == 1


def test_closed_or_expired_jobs_take_no_applications(job_a, seeker):
    JobPosting.objects.filter(pk=job_a.pk).update(expires_on=TODAY() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="no longer open"):
        actions.job_apply(member=seeker, posting=job_a)


def test_a_member_who_left_cannot_apply(job_a, seeker):
    seeker.status = "left"
    seeker.save()
    with pytest.raises(ValidationError, match="Only members"):
        actions.job_apply(member=seeker, posting=job_a)


def test_member_applies_from_the_portal_and_a_second_try_is_refused(client, job_a, seeker):
    assert client.get(reverse("employment:m-jobs")).status_code == 200  # public list
    detail = client.get(reverse("employment:m-job", args=[job_a.pk]))
    assert b"login-to-apply" in detail.content
    anonymous = client.post(reverse("employment:m-apply", args=[job_a.pk]))
    assert anonymous.status_code == 302 and "/m/login/" in anonymous["Location"]
    login_member(client, seeker)
    response = client.post(reverse("employment:m-apply", args=[job_a.pk]), {"message": "有经验"})
    assert response.status_code == 302 and response["Location"] == reverse("employment:m-mine")
    again = client.post(reverse("employment:m-apply", args=[job_a.pk]), follow=True)
    assert "您已申请过该岗位。" in again.content.decode()
    mine = client.get(reverse("employment:m-mine")).content.decode()
    assert "数控车工" in mine
    assert JobApplication.objects.get().message == "有经验"


def test_posting_union_records_the_outcome(job_a, seeker, people, city):
    application = actions.job_apply(member=seeker, posting=job_a)
    with pytest.raises(OutOfScope):
        actions.application_decide(
            actor=people.district_b_admin, application=application, status="hired"
        )
    actions.application_decide(
        actor=people.district_a_admin, application=application, status="hired", note="已入职"
    )
    with pytest.raises(ValidationError):
        actions.application_decide(
            actor=people.district_a_admin, application=application, status="declined"
        )
    assert employment_stats(city.district_a)["hired"] == 1


def test_fair_registration_once_and_within_capacity(fair_a, seeker, city):
    actions.fair_register(member=seeker, fair=fair_a)
    with pytest.raises(ValidationError, match="already registered"):
        actions.fair_register(member=seeker, fair=fair_a)
    small = actions.job_fair_create(actor=None, data=fair_data(city.district_a, "小场", capacity=1))
    actions.fair_register(member=seeker, fair=small)
    other = make_member(city.union_a, name="周二", phone="13811113333")
    with pytest.raises(ValidationError, match="full"):
        actions.fair_register(member=other, fair=small)
    assert FairRegistration.objects.count() == 2


def test_member_registers_for_a_fair_from_the_portal(client, fair_a, seeker):
    login_member(client, seeker)
    page = client.get(reverse("employment:m-fairs")).content.decode()
    assert "劳模送岗位专场" in page and 'data-testid="register"' in page
    client.post(reverse("employment:m-fair-register", args=[fair_a.pk]))
    assert FairRegistration.objects.filter(fair=fair_a, member=seeker).exists()
    page = client.get(reverse("employment:m-fairs")).content.decode()
    assert 'data-testid="register"' not in page


def test_fair_enterprises_are_added_and_removed_with_audit(client, people, fair_a, city):
    client.force_login(people.district_a_admin)
    url = reverse("employment:fair-enterprise-add", args=[fair_a.pk])
    assert client.post(url, {"enterprise": city.enterprise_a.pk}).status_code == 302
    assert list(fair_a.enterprises.all()) == [city.enterprise_a]
    again = client.post(url, {"enterprise": city.enterprise_a.pk})
    assert "该单位已在参会名单中" in again.content.decode()
    client.post(
        reverse("employment:fair-enterprise-remove", args=[fair_a.pk]),
        {"enterprise": city.enterprise_a.pk},
    )
    assert not fair_a.enterprises.exists()
    assert AuditEntry.objects.filter(object_id=str(fair_a.pk), action="update").count() == 2


def test_employment_aid_until_reemployed(city, people, seeker):
    aid = actions.aid_open(
        actor=people.district_a_admin,
        member=seeker,
        lost_job_on=TODAY() - datetime.timedelta(days=30),
        reason="layoff",
        help_given="登记求职意向",
    )
    with pytest.raises(ValidationError, match="already has an open aid record"):
        actions.aid_open(
            actor=people.district_a_admin, member=seeker, lost_job_on=TODAY(), reason="other"
        )
    actions.aid_add_help(actor=people.district_a_admin, aid=aid, help_given="推荐到甲公司面试")
    with pytest.raises(ValidationError, match="before the job was lost"):
        actions.aid_reemployed(
            actor=people.district_a_admin,
            aid=aid,
            reemployed_on=TODAY() - datetime.timedelta(days=60),
            new_employer="甲公司",
        )
    actions.aid_reemployed(
        actor=people.district_a_admin, aid=aid, reemployed_on=TODAY(), new_employer="甲公司"
    )
    aid.refresh_from_db()
    assert aid.status == "reemployed" and len(aid.help_given.splitlines()) == 2
    with pytest.raises(ValidationError, match="closed"):
        actions.aid_close(actor=people.district_a_admin, aid=aid, closed_reason="x")
    assert employment_stats(city.district_a)["helped_into_jobs"] == 1
    assert employment_stats(city.district_b)["helped_into_jobs"] == 0


def test_aid_for_another_districts_member_is_refused(city, people):
    other = make_member(city.union_b, name="吴乙", phone="13822223333")
    with pytest.raises(OutOfScope):
        actions.aid_open(
            actor=people.district_a_admin, member=other, lost_job_on=TODAY(), reason="layoff"
        )
    assert not EmploymentAid.objects.exists()


def test_cadre_pages_render_with_few_queries(
    client, people, job_a, fair_a, seeker, django_assert_max_num_queries
):
    actions.job_apply(member=seeker, posting=job_a)
    actions.fair_register(member=seeker, fair=fair_a)
    client.force_login(people.district_a_admin)
    for name in ("job-list", "application-list", "fair-list", "aid-list"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"employment:{name}")).status_code == 200
    for url in (
        job_a.get_absolute_url(),
        job_a.get_absolute_url() + "?tab=applications",
        fair_a.get_absolute_url() + "?tab=registrations",
        fair_a.get_absolute_url() + "?tab=enterprises",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
    assert "孙求职" in client.get(job_a.get_absolute_url() + "?tab=applications").content.decode()


def test_api_posts_a_job_and_lists_applications(api_for, people, city, seeker):
    api = api_for(people.district_a_admin)
    expires = (TODAY() + datetime.timedelta(days=20)).isoformat()
    response = api.post(
        "/api/v1/jobs/",
        {
            "enterprise": city.enterprise_a.pk,
            "title": "仓管员",
            "positions": 2,
            "salary_min": 4000,
            "salary_max": 5000,
            "location": "东湖路",
            "expires_on": expires,
            "publish": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    posting = JobPosting.objects.get(title="仓管员")
    assert posting.status == "open" and posting.org == city.union_a
    actions.job_apply(member=seeker, posting=posting)
    rows = api.get("/api/v1/job-applications/").json()["results"]
    assert [row["member_name"] for row in rows] == ["孙求职"]
    decided = api.post(
        f"/api/v1/job-applications/{rows[0]['id']}/decide/", {"status": "referred"}, format="json"
    )
    assert decided.json()["status"] == "referred"
    refused = api.post(
        "/api/v1/jobs/",
        {
            "enterprise": city.enterprise_b.pk,
            "title": "越权",
            "positions": 1,
            "salary_min": 1,
            "salary_max": 2,
            "location": "x",
            "expires_on": expires,
        },
        format="json",
    )
    assert refused.status_code == 400
    assert not JobPosting.objects.filter(title="越权").exists()


def test_a_job_fair_counts_as_taking_part_for_the_six_month_review(fair_a, seeker, city):
    from dues.participation import participants

    actions.fair_register(member=seeker, fair=fair_a)
    members = Member.objects.filter(pk=seeker.pk).values("pk")
    window = (fair_a.held_on, fair_a.held_on + datetime.timedelta(days=1))
    took_part = {row["member_id"] for ids in participants(members, *window) for row in ids}
    assert seeker.pk in took_part
    before = (fair_a.held_on - datetime.timedelta(days=30), fair_a.held_on)
    assert not any(list(ids) for ids in participants(members, *before))


def test_api_lists_take_few_queries(
    api_for, people, city, job_a, fair_a, seeker, django_assert_max_num_queries
):
    actions.job_apply(member=seeker, posting=job_a)
    actions.fair_register(member=seeker, fair=fair_a)
    other = make_member(city.union_a, name="周二", phone="13811113333")
    actions.job_apply(member=other, posting=job_a)
    actions.fair_register(member=other, fair=fair_a)
    api = api_for(people.district_a_admin)
    for url in (
        "/api/v1/jobs/",
        "/api/v1/job-applications/",
        "/api/v1/job-fairs/",
        "/api/v1/fair-registrations/",
        "/api/v1/employment-aid/",
    ):
        with django_assert_max_num_queries(7):
            assert api.get(url).status_code == 200, url
