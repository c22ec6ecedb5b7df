"""One scope test over every registered page and API endpoint of scoped models.

The URL tree is walked, so a new list, detail, form or API route is tested the day it is
added: a district-A cadre must get nothing of district B — lists, exports and counts
exclude it, and guessed ids answer 404 exactly like ids that do not exist.
"""

import datetime
import importlib
import io
import re

import openpyxl
import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from api.viewsets import ScopedViewSetMixin
from core import audit
from core.choices import AuditAction
from core.models import AuditEntry, ImportJob, RoleAssignment
from core.scoping import scoped_models
from core.views import ObjectListView, ScopedMixin
from dues import actions as dues_actions
from dues.models import DuesRecord
from members import actions as member_actions
from members.models import JoinApplication, Member, MembershipChange, Transfer
from members.tests.factories import make_member, submit_join_application
from orgs import actions
from orgs.models import Election, Enterprise, Org

pytestmark = pytest.mark.django_db


def _election(org, chair):
    return actions.election_record(
        actor=None,
        org=org,
        held_on=datetime.date(2025, 3, 1),
        term_years=5,
        chair_name=chair,
        committee_members="甲\n乙\n丙",
    )


@pytest.fixture
def samples(city, people):
    """For each scoped model: (row in district A, row in district B, text that marks each)."""
    election_a = _election(city.union_a, "钱甲甲")
    election_b = _election(city.union_b, "赵乙乙")
    audit.record(people.district_b_admin, city.union_b, AuditAction.UPDATE, extra={"x": [1, 2]})
    audit.record(people.district_a_admin, city.union_a, AuditAction.UPDATE, extra={"x": [1, 2]})
    member_a = make_member(city.union_a, name="钱甲会员", phone="13811110001")
    member_b = make_member(city.union_b, name="赵乙会员", phone="13822220002")
    transfer_a = member_actions.transfer_request(
        actor=None, member=member_a, to_org_code="SA", reason="1"
    )
    transfer_b = member_actions.transfer_request(
        actor=None, member=member_b, to_org_code="SB", reason="1"
    )
    job_a, job_b = (
        ImportJob.objects.create(kind="members", org=org, file_name=name, status="done")
        for org, name in ((city.union_a, "钱甲导入.xlsx"), (city.union_b, "赵乙导入.xlsx"))
    )
    dues_a, dues_b = (
        dues_actions.dues_record(
            actor=None, member=member, month=datetime.date(2025, 1, 1), wage_base="5000"
        )
        for member in (member_a, member_b)
    )
    join_a = submit_join_application(name="钱甲申请人", enterprise=city.enterprise_a)
    join_b = submit_join_application(name="赵乙申请人", enterprise=city.enterprise_b)
    return _app_samples(city, people) | {
        JoinApplication: (join_a, join_b, "钱甲申请人", "赵乙申请人"),
        DuesRecord: (dues_a, dues_b, "钱甲会员", "赵乙会员"),
        ImportJob: (job_a, job_b, "钱甲导入", "赵乙导入"),
        Transfer: (transfer_a, transfer_b, "钱甲会员", "赵乙会员"),
        Member: (member_a, member_b, "钱甲会员", "赵乙会员"),
        MembershipChange: (
            member_a.changes.first(),
            member_b.changes.first(),
            "钱甲会员",
            "赵乙会员",
        ),
        Org: (city.union_a, city.union_b, "甲公司工会", "乙公司工会"),
        Enterprise: (city.enterprise_a, city.enterprise_b, "甲科技有限公司", "乙物流有限公司"),
        Election: (election_a, election_b, "钱甲甲", "赵乙乙"),
        AuditEntry: (
            AuditEntry.objects.filter(object_repr="甲公司工会").first(),
            AuditEntry.objects.filter(object_repr="乙公司工会").first(),
            "甲公司工会",
            "乙公司工会",
        ),
        RoleAssignment: (
            RoleAssignment.objects.get(user=people.district_a_admin),
            RoleAssignment.objects.get(user=people.district_b_admin),
            "district_a_admin",
            "district_b_admin",
        ),
    }


def _app_samples(city, people) -> dict:
    """Samples contributed by apps: ``<app>/tests/scope_samples.py`` defines
    ``samples(city, people)`` returning the same shape as the fixture below, so a new app
    adds its models without editing this file."""
    found = {}
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.tests.scope_samples")
        except ModuleNotFoundError as error:
            if error.name not in (f"{config.name}.tests", f"{config.name}.tests.scope_samples"):
                raise
            continue
        found |= module.samples(city, people)
    return found


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _html_routes():
    for route, callback in _walk(get_resolver().url_patterns):
        view_class = getattr(callback, "view_class", None)
        if view_class and issubclass(view_class, ScopedMixin):
            yield route, view_class


def _api_routes():
    for route, callback in _walk(get_resolver().url_patterns):
        viewset = getattr(callback, "cls", None)
        if viewset and issubclass(viewset, ScopedViewSetMixin) and "format" not in route:
            yield route, viewset, callback.actions


def _url(route: str, pk=None) -> str:
    path = route.replace("^", "").replace("$", "")
    path = re.sub(r"<int:pk>|\(\?P<pk>[^)]*\)", str(pk), path)
    return "/" + path


def _has_pk(route: str) -> bool:
    return "<int:pk>" in route or "(?P<pk>" in route


def test_every_scoped_model_has_samples(samples):
    assert set(scoped_models()) <= set(samples), "add the new scoped model to samples"


def test_walk_finds_the_known_routes():
    html = {route for route, _ in _html_routes()}
    api = {route for route, _, _ in _api_routes()}
    assert "orgs/<int:pk>/" in html and "enterprises/" in html and "audit/" in html
    assert any("stats" in route for route in api)
    assert any(route.startswith("api/v1/^enterprises") for route in api)


def test_html_pages_of_district_b_are_404_for_district_a(client, people, samples):
    client.force_login(people.district_a_admin)
    checked = 0
    for route, view_class in _html_routes():
        if not _has_pk(route):
            continue
        _, sample_b, _, _ = samples[view_class.model]
        for method in [m for m in ("get", "post") if hasattr(view_class, m)]:
            response = getattr(client, method)(_url(route, sample_b.pk))
            assert response.status_code == 404, f"{method.upper()} {route}"
            missing = getattr(client, method)(_url(route, 987654321))
            assert missing.status_code == 404
        checked += 1
    assert checked >= 8


def test_forms_given_a_district_b_parent_are_404(client, people, samples, city):
    client.force_login(people.district_a_admin)
    for route, view_class in _html_routes():
        if _has_pk(route) or issubclass(view_class, ObjectListView):
            continue
        assert client.get(_url(route), {"parent": city.street_b.pk}).status_code == 404, route
        response = client.post(
            _url(route),
            {"parent": city.street_b.pk, "code": "X1", "name": "越权工会", "level": "grassroots"},
        )
        assert response.status_code == 404, route
    assert not Org.objects.filter(code="X1").exists()


def test_html_lists_and_exports_exclude_district_b(client, people, samples):
    client.force_login(people.district_a_admin)
    checked = 0
    for route, view_class in _html_routes():
        if _has_pk(route) or not issubclass(view_class, ObjectListView):
            continue
        _, _, _, marker_b = samples[view_class.model]
        url = _url(route)
        page = client.get(url)
        assert page.status_code == 200, route
        html = page.content.decode()
        assert marker_b not in html, route
        fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert marker_b not in fragment, route
        export = client.get(url, {"export": "xlsx"})
        assert export.status_code == 200, route
        workbook = openpyxl.load_workbook(io.BytesIO(export.content))
        text = " ".join(
            str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row
        )
        assert marker_b not in text, route
        checked += 1
    assert checked >= 3


def test_api_of_district_b_is_404_and_lists_exclude_it(api_for, people, samples):
    api = api_for(people.district_a_admin)
    checked = 0
    for route, viewset, route_actions in _api_routes():
        model = viewset.queryset.model
        _, sample_b, marker_a, marker_b = samples[model]
        if _has_pk(route):
            for method in list(route_actions):
                response = getattr(api, method)(_url(route, sample_b.pk), {}, format="json")
                assert response.status_code == 404, f"{method.upper()} {route}"
        elif "get" in route_actions:
            response = api.get(_url(route), {"page_size": 500})
            assert response.status_code == 200, route
            body = response.content.decode()
            assert marker_b not in body, route
            assert marker_a in body, route
            visible = model.objects.visible_to(people.district_a_admin).count()
            assert response.json()["count"] == visible
        checked += 1
    assert checked >= 6


def test_stats_of_another_district_read_like_missing(api_for, people, city):
    api = api_for(people.district_a_admin)
    other = api.get(f"/api/v1/orgs/{city.district_b.pk}/stats/")
    missing = api.get("/api/v1/orgs/987654321/stats/")
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json()


def test_anonymous_gets_login_or_401(client, city):
    for route, _ in _html_routes():
        response = client.get(_url(route, city.union_a.pk))
        assert response.status_code == 302 and "/login/" in response["Location"], route
    for route, _, _ in _api_routes():
        response = client.get(_url(route, city.union_a.pk))
        assert response.status_code in (401, 403), route


def test_scope_path_step_is_the_org_trees():
    from core.scoping import PATH_STEPLEN, path_and_ancestors, strict_ancestor_paths

    assert Org.steplen == PATH_STEPLEN
    assert path_and_ancestors("000100020003") == ["0001", "00010002", "000100020003"]
    assert strict_ancestor_paths(["000100020003", "0005"]) == {"0001", "00010002"}
