"""Services, requests and projects for tests, made through the actions."""

import datetime
import itertools

from members.tests.factories import make_member
from services import actions

_phones = itertools.count(1)


def make_service(org, **overrides):
    data = {
        "org": org,
        "name": "职工心理咨询",
        "category": "psychological",
        "description": "一对一心理咨询，每次50分钟。",
        "eligibility": "all",
        "how_to_apply": "写明方便的时间。",
        "capacity": None,
        "capacity_period": "month",
        "deadline_workdays": 5,
        "contact": "0571-12351",
        "status": "open",
    }
    data.update(overrides)
    return actions.service_create(actor=None, data=data)


def service_member(org, **overrides):
    overrides.setdefault("phone", f"137{next(_phones):08d}")
    return make_member(org, **overrides)


def submit(member, service, details="想预约一次心理咨询，工作日晚上方便。"):
    return actions.request_submit(member=member, service=service, details=details)


def make_project(org, **overrides):
    data = {
        "org": org,
        "year": datetime.date.today().year,
        "name": "职工心理健康服务进企业",
        "category": "psychological",
        "description": "",
        "target_quantity": 100,
        "target_unit": "人次",
        "budget": 50000,
        "responsible_org": org,
    }
    data.update(overrides)
    return actions.project_create(actor=None, data=data)
