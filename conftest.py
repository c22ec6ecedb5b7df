"""Shared fixtures: a small city with two districts and named personas.

city ─┬─ district A ─ street A ─┬─ union A (standalone, covers enterprise A)
      │                         └─ (enterprise A2, uncovered)
      └─ district B ─ street B ─── union B (standalone, covers enterprise B)
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from core.choices import Role
from core.models import RoleAssignment
from orgs.choices import OrgLevel
from orgs.tests.factories import EnterpriseFactory, make_org

# The Playwright ``browser`` fixture of the browser journeys.
pytest_plugins = ["core.tests.browser"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that need it say so (see test_accounts)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files (evidence, photos, works) go to a scratch directory per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def tasks_run_inline(settings):
    """Background tasks run at once in tests, so their effects can be asserted directly."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages go to ``core.sms.outbox`` in tests, like e-mail to ``mail.outbox``;
    rate-limit counters (in the cache) start from zero."""
    from django.core.cache import cache

    from core import sms

    settings.GONGHUI_SMS_BACKEND = "core.sms.LocmemBackend"
    sms.outbox.clear()
    cache.clear()
    yield sms.outbox
    sms.outbox.clear()


def _fresh(org):
    """treebeard needs the parent's current numchild before adding a child."""
    org.refresh_from_db()
    return org


@pytest.fixture
def city(db):
    city = make_org(level=OrgLevel.CITY, name="示范市总工会", code="CITY")
    district_a = make_org(city, OrgLevel.DISTRICT, name="东湖区总工会", code="DA")
    district_b = make_org(_fresh(city), OrgLevel.DISTRICT, name="西山区总工会", code="DB")
    street_a = make_org(_fresh(district_a), OrgLevel.STREET, name="东湖街道总工会", code="SA")
    street_b = make_org(_fresh(district_b), OrgLevel.STREET, name="西山街道总工会", code="SB")
    union_a = make_org(_fresh(street_a), OrgLevel.GRASSROOTS, name="甲公司工会", code="UA")
    union_b = make_org(_fresh(street_b), OrgLevel.GRASSROOTS, name="乙公司工会", code="UB")
    enterprise_a = EnterpriseFactory(
        name="甲科技有限公司", territory=street_a, covering_union=union_a, employee_count=120
    )
    enterprise_a2 = EnterpriseFactory(
        name="丙商贸有限公司", territory=street_a, covering_union=None, employee_count=8
    )
    enterprise_b = EnterpriseFactory(
        name="乙物流有限公司", territory=street_b, covering_union=union_b, employee_count=60
    )
    return SimpleNamespace(
        city=city,
        district_a=district_a,
        district_b=district_b,
        street_a=street_a,
        street_b=street_b,
        union_a=union_a,
        union_b=union_b,
        enterprise_a=enterprise_a,
        enterprise_a2=enterprise_a2,
        enterprise_b=enterprise_b,
    )


def _user(username, org=None, role=Role.ADMIN, **extra):
    user = get_user_model().objects.create_user(username=username, password="pw-12345678", **extra)
    if org is not None:
        RoleAssignment.objects.create(user=user, org=org, role=role)
    return user


@pytest.fixture
def people(city):
    return SimpleNamespace(
        superuser=_user("root", is_superuser=True, is_staff=True),
        city_admin=_user("city_admin", city.city),
        district_a_admin=_user("district_a_admin", city.district_a),
        district_b_admin=_user("district_b_admin", city.district_b),
        district_a_viewer=_user("district_a_viewer", city.district_a, Role.VIEWER),
        union_a_admin=_user("union_a_admin", city.union_a),
        worker=_user("worker"),
    )


@pytest.fixture
def client_for(client):
    """Log a persona in on the test client; returns the client."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def api_for():
    from rest_framework.test import APIClient

    def login(user):
        api = APIClient()
        api.force_authenticate(user)
        return api

    return login
