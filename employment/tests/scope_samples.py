"""Rows of the employment app in district A and district B for the scope test."""

import datetime

from django.utils import timezone

from employment import actions
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting
from members.tests.factories import make_member


def posting_data(enterprise, title, **extra):
    data = {
        "enterprise": enterprise,
        "title": title,
        "positions": 3,
        "salary_min": 5000,
        "salary_max": 8000,
        "location": "园区一号楼",
        "requirements": "",
        "contact": "",
        "expires_on": timezone.localdate() + datetime.timedelta(days=30),
    }
    data.update(extra)
    return data


def fair_data(org, title, **extra):
    data = {
        "org": org,
        "title": title,
        "kind": "model_workers",
        "held_on": timezone.localdate() + datetime.timedelta(days=10),
        "hours": "09:00-12:00",
        "place": "职工服务中心",
        "capacity": None,
        "description": "",
    }
    data.update(extra)
    return data


def samples(city, people):
    seeker_a = make_member(city.union_a, name="钱甲求职者", phone="13811119001")
    seeker_b = make_member(city.union_b, name="赵乙求职者", phone="13822229002")
    job_a = actions.job_posting_create(
        actor=None, data=posting_data(city.enterprise_a, "钱甲岗位"), publish=True
    )
    job_b = actions.job_posting_create(
        actor=None, data=posting_data(city.enterprise_b, "赵乙岗位"), publish=True
    )
    application_a = actions.job_apply(member=seeker_a, posting=job_a)
    application_b = actions.job_apply(member=seeker_b, posting=job_b)
    fair_a = actions.job_fair_create(actor=None, data=fair_data(city.district_a, "钱甲招聘会"))
    fair_b = actions.job_fair_create(actor=None, data=fair_data(city.district_b, "赵乙招聘会"))
    registration_a = actions.fair_register(member=seeker_a, fair=fair_a)
    registration_b = actions.fair_register(member=seeker_b, fair=fair_b)
    aid_a, aid_b = (
        actions.aid_open(
            actor=None,
            member=member,
            lost_job_on=timezone.localdate() - datetime.timedelta(days=20),
            reason="layoff",
        )
        for member in (seeker_a, seeker_b)
    )
    return {
        JobPosting: (job_a, job_b, "钱甲岗位", "赵乙岗位"),
        JobApplication: (application_a, application_b, "钱甲求职者", "赵乙求职者"),
        JobFair: (fair_a, fair_b, "钱甲招聘会", "赵乙招聘会"),
        FairRegistration: (registration_a, registration_b, "钱甲求职者", "赵乙求职者"),
        EmploymentAid: (aid_a, aid_b, "钱甲求职者", "赵乙求职者"),
    }
