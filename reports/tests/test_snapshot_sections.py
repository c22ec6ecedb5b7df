"""The org page's sections (core/stats.py) and the dashboard's org panels served from the
snapshot: the stats API always, the org page above GH_LIVE_SECTIONS_MAX_MEMBERS members,
the dashboard's risk panel; old snapshots completed, to-dos still per user."""

import dataclasses
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from core import stats
from members.tests.factories import make_member
from orgs.models import Org
from reports import dashboard
from reports.models import FigureSnapshot

pytestmark = pytest.mark.django_db


def _stats_url(org, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/api/v1/orgs/{org.pk}/stats/" + (f"?{query}" if query else "")


def _no_compute(*args, **kwargs):
    raise AssertionError("computed live although the snapshot holds it")


def test_stats_api_serves_the_sections_from_the_snapshot(
    api_for, people, city, monkeypatch, django_assert_max_num_queries
):
    make_member(city.union_a, enterprise=city.enterprise_a)
    api = api_for(people.district_a_admin)
    first = api.get(_stats_url(city.district_a)).json()
    assert first["membership"]["members"] == 1 and first["coverage"]["enterprises"] == 2
    make_member(city.union_a, enterprise=city.enterprise_a)
    # Served from the snapshot: no section is computed, a handful of queries whatever the
    # city's size, the same figures and time as the first answer.
    for section in stats.sections():
        monkeypatch.setitem(
            stats._sections, section.key, dataclasses.replace(section, compute=_no_compute)
        )
    with django_assert_max_num_queries(8):
        second = api.get(_stats_url(city.district_a)).json()
    assert second == first
    monkeypatch.undo()
    refreshed = api.get(_stats_url(city.district_a, refresh=1)).json()
    assert refreshed["membership"]["members"] == 2  # the whole payload recomputed
    assert refreshed["figures"]["members.total"]["value"] == 2
    assert refreshed["computed_at"] > first["computed_at"]


def test_stats_api_completes_a_snapshot_stored_before_sections_were_kept(
    api_for, client_for, people, city, monkeypatch
):
    make_member(city.union_a, enterprise=city.enterprise_a)
    api = api_for(people.district_a_admin)
    first = api.get(_stats_url(city.district_a)).json()
    snapshot = FigureSnapshot.objects.get(org=city.district_a)
    old = {key: snapshot.data[key] for key in ("values", "previous", "children", "trends")}
    FigureSnapshot.objects.filter(pk=snapshot.pk).update(data=old)
    again = api.get(_stats_url(city.district_a)).json()
    assert again == first  # no KeyError: the sections were computed and stored
    snapshot.refresh_from_db()
    assert snapshot.data["sections"]["membership"]["members"] == 1
    assert snapshot.computed_at.isoformat() == first["computed_at"]
    # A section registered after the snapshot was computed is added to it, alone.
    probe = stats.StatsSection("probe", lambda org: {"org": org.pk}, "orgs/_coverage.html")
    monkeypatch.setitem(stats._sections, "probe", probe)
    assert api.get(_stats_url(city.district_a)).json()["probe"] == {"org": city.district_a.pk}
    snapshot.refresh_from_db()
    assert snapshot.data["sections"]["probe"] == {"org": city.district_a.pk}
    monkeypatch.undo()
    # The dashboard reads the same completed snapshot (its panels were missing too).
    page = client_for(people.district_a_admin).get(
        reverse("reports:dashboard"), {"org": city.district_a.pk}
    )
    assert page.status_code == 200 and 'data-testid="risk-panel"' in page.content.decode()


def test_stats_of_another_district_computes_nothing(api_for, people, city):
    api = api_for(people.district_a_admin)
    assert api.get(_stats_url(city.district_b)).status_code == 404
    assert api.get(_stats_url(city.district_b, refresh=1)).status_code == 404
    assert not FigureSnapshot.objects.exists()


def test_dashboard_risk_panel_comes_from_the_snapshot_todos_stay_per_user(
    client_for, people, city, monkeypatch
):
    from members.tests.factories import submit_join_application

    client = client_for(people.district_a_admin)
    url = reverse("reports:dashboard")
    client.get(url)
    panel = next(p for p in dashboard.panels() if p.key == "warning-risk")
    monkeypatch.setitem(
        dashboard._panels, panel.key, dataclasses.replace(panel, context=_no_compute)
    )
    submit_join_application(name="钱申请", enterprise=city.enterprise_a)
    html = client.get(url).content.decode()
    assert 'data-testid="risk-panel"' in html and 'data-testid="computed-at"' in html
    assert "入会申请待审核" in html  # counted live: the snapshot predates the application
    viewer = client_for(people.district_a_viewer).get(url).content.decode()
    assert 'data-testid="risk-panel"' in viewer and "入会申请待审核" not in viewer


def _set_limit(settings, members):
    settings.GONGHUI = {**settings.GONGHUI, "LIVE_SECTIONS_MAX_MEMBERS": members}


def _sections_html(html):
    """The org page's sections, without the line saying when they were computed."""
    part = html.split("gh-tabs")[1].split('<div class="card mt-3">')[0]
    return part[part.index('<div class="mb-3">') :]


def test_org_page_of_a_small_subtree_stays_live(client_for, people, city, settings):
    make_member(city.union_a, enterprise=city.enterprise_a)
    client = client_for(people.district_a_admin)
    url = reverse("orgs:detail", args=[city.district_a.pk])
    client.get(reverse("reports:dashboard"))  # a snapshot exists, but the page is small
    make_member(city.union_a, enterprise=city.enterprise_a)
    page = client.get(url).content.decode()
    assert 'data-testid="stats-computed-at"' not in page
    assert 'data-testid="members-count">2<' in page  # exact at once


def test_org_page_of_a_large_subtree_reads_the_snapshot(
    client_for, people, city, settings, monkeypatch
):
    _set_limit(settings, 1)
    make_member(city.union_a, enterprise=city.enterprise_a)
    client = client_for(people.district_a_admin)
    url = reverse("orgs:detail", args=[city.district_a.pk])
    live = client.get(url).content.decode()  # 1 member: at the limit, live
    assert 'data-testid="stats-computed-at"' not in live
    make_member(city.union_a, enterprise=city.enterprise_a)
    first = client.get(url).content.decode()  # 2 members: over it, a snapshot computed now
    assert 'data-testid="stats-computed-at"' in first and "数据截至" in first
    snapshot = FigureSnapshot.objects.get(org=city.district_a)
    assert snapshot.data["sections"]["membership"]["members"] == 2
    make_member(city.union_a, enterprise=city.enterprise_a)
    for section in stats.sections():
        monkeypatch.setitem(
            stats._sections, section.key, dataclasses.replace(section, compute=_no_compute)
        )
    again = client.get(url).content.decode()  # from the snapshot: as computed
    assert _sections_html(again) == _sections_html(first)
    assert 'data-testid="members-count">2<' in again
    monkeypatch.undo()
    client.get(f"{url}?refresh=1")
    snapshot.refresh_from_db()
    assert snapshot.data["sections"]["membership"]["members"] == 3


def test_every_section_of_a_seeded_city_is_json_safe_and_renders_alike(
    client_for, settings, django_user_model
):
    """Every capability's section, as the seeds fill them, reads back from JSON as it was
    computed, so the org page renders the same live and from the snapshot."""
    call_command("seed_city", members=1500, seed=2, flush=True, stdout=StringIO())
    city = Org.objects.get(depth=1)
    district = Org.objects.filter(depth=2).order_by("path").first()
    for org in (city, district):
        computed = stats.figures_for(org)
        assert json.loads(json.dumps(computed)) == computed, org
    client = client_for(django_user_model.objects.get(username="city_admin"))
    url = reverse("orgs:detail", args=[city.pk])
    live = client.get(url).content.decode()
    _set_limit(settings, 0)
    stored = client.get(url).content.decode()
    assert 'data-testid="stats-computed-at"' not in live
    assert 'data-testid="stats-computed-at"' in stored
    assert _sections_html(live) == _sections_html(stored)


def test_org_page_shows_the_latest_snapshot_while_this_years_is_refreshed(
    client_for, people, city, settings
):
    import datetime

    from reports.periods import Period
    from reports.selectors import snapshot_refresh

    _set_limit(settings, 1)
    make_member(city.union_a, enterprise=city.enterprise_a)
    make_member(city.union_a, enterprise=city.enterprise_a)
    other = snapshot_refresh(
        city.district_a, Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    )
    make_member(city.union_a, enterprise=city.enterprise_a)
    client = client_for(people.district_a_admin)
    url = reverse("orgs:detail", args=[city.district_a.pk])
    page = client.get(url).content.decode()  # any period's sections serve: none computed
    assert 'data-testid="members-count">2<' in page and "数据截至" in page
    assert FigureSnapshot.objects.filter(org=city.district_a).count() == 1
    FigureSnapshot.objects.filter(pk=other.pk).update(
        computed_at=other.computed_at - datetime.timedelta(hours=1)
    )
    stale = client.get(url).content.decode()  # shown as it is, this year's queued
    assert 'data-testid="members-count">2<' in stale and "后台更新" in stale
    latest = FigureSnapshot.objects.filter(org=city.district_a).latest("computed_at")
    assert latest.pk != other.pk and latest.data["sections"]["membership"]["members"] == 3
    assert 'data-testid="members-count">3<' in client.get(url).content.decode()
