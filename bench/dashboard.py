"""Benchmark: the leaders' dashboard and the drafted work report at city scale.

    .venv/bin/python bench/dashboard.py --members 1000000 [--database-url postgres://...] [--reuse]

Seeds a scratch database like bench/city.py (``--reuse`` keeps one seeded before), then
times, in-process with Django's test client: computing every figure of the city (what a
snapshot refresh does), the dashboard page served from its snapshot and what it still
counts live (the to-dos, per user), the stats API from the snapshot and recomputed, the
org page of the city and of a district (sections from the snapshot) and of a street
(live), and drafting the city's work report (live figures, .docx included). Prints a
Markdown table for docs/PERFORMANCE.md, with the machine's load before and after, since
the live rows are CPU-bound and a shared machine slows them.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, repeat=5):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="keep an already seeded database")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        bench_dir = ROOT / "var" / "bench"
        bench_dir.mkdir(parents=True, exist_ok=True)
        db = bench_dir / f"city-{args.members}.sqlite3"
        if not args.reuse:
            db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from core import stats
    from members.models import Member
    from orgs.models import Org
    from reports import dashboard
    from reports.document import render_docx
    from reports.periods import Period
    from reports.selectors import build_draft, snapshot_refresh

    call_command("migrate", verbosity=0)
    if not (args.reuse and Member.objects.exists()):
        with open(os.devnull, "w") as quiet:
            call_command(
                "seed_city", members=args.members, seed=args.seed, flush=True, stdout=quiet
            )

    users = get_user_model().objects
    city = Org.objects.get(depth=1)
    district = Org.objects.filter(depth=2).order_by("path").first()
    street = Org.objects.filter(depth=3).order_by("path").first()
    period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    query = "from=2025-01-01&to=2025-12-31"
    city_admin = users.get(username="city_admin")
    client = Client()
    client.force_login(city_admin)
    repeat = args.repeat
    load_before = os.getloadavg()

    def org_page(org, name):
        members = Member.objects.filter(org__path__startswith=org.path).count()
        live = members <= settings.GONGHUI["LIVE_SECTIONS_MAX_MEMBERS"]
        served = "sections live" if live else "sections from the snapshot"
        return f"GET /orgs/{{{name}}}/ ({members:,} members: {served})"

    def todos():
        return [todo.count(city_admin, city) for todo in dashboard.todos()]

    # The org pages read the snapshot of this year so far: computed once before timing.
    this_year = Period.year_to_date(timezone.localdate())
    for org in (city, district):
        snapshot_refresh(org, this_year)
    # The process's first request of a page loads its templates and URL modules (about a
    # second): not what a leader waits for on a running server, so done before timing.
    for url in (
        f"/dashboard/?org={district.pk}&{query}",
        f"/api/v1/orgs/{district.pk}/stats/?{query}",
        f"/orgs/{street.pk}/",
    ):
        client.get(url)
    rows = [
        (
            "all sections of the org page of the city, computed live (the stats API before)",
            timed(lambda: stats.figures_for(city), 1),
        ),
        (
            "all figures of the city, computed (a snapshot refresh)",
            timed(lambda: snapshot_refresh(city, period), max(1, repeat // 2)),
        ),
        (
            "all figures of one district, computed",
            timed(lambda: snapshot_refresh(district, period), max(1, repeat // 2)),
        ),
        (
            "GET /dashboard/ (city, from its snapshot)",
            timed(lambda: client.get(f"/dashboard/?org={city.pk}&{query}"), repeat),
        ),
        (
            "GET /dashboard/ (district, from its snapshot)",
            timed(lambda: client.get(f"/dashboard/?org={district.pk}&{query}"), repeat),
        ),
        (
            "the city dashboard's to-do counts (live, per user: "
            f"{len(dashboard.todos())} indexed counts)",
            timed(todos, repeat),
        ),
        (
            "GET /api/v1/orgs/{city}/stats/?from&to (sections and figures from the snapshot)",
            timed(lambda: client.get(f"/api/v1/orgs/{city.pk}/stats/?{query}"), repeat),
        ),
        (
            "GET /api/v1/orgs/{city}/stats/?from&to&refresh=1 (all recomputed)",
            timed(lambda: client.get(f"/api/v1/orgs/{city.pk}/stats/?{query}&refresh=1"), 1),
        ),
        (
            org_page(city, "city"),
            timed(lambda: client.get(f"/orgs/{city.pk}/"), repeat),
        ),
        (
            org_page(district, "district"),
            timed(lambda: client.get(f"/orgs/{district.pk}/"), repeat),
        ),
        (
            org_page(street, "street"),
            timed(lambda: client.get(f"/orgs/{street.pk}/"), repeat),
        ),
        (
            "work report of the city drafted (live figures + .docx)",
            timed(lambda: render_docx(build_draft(city, period)), max(1, repeat // 2)),
        ),
        (
            "work report of one district drafted",
            timed(lambda: render_docx(build_draft(district, period)), max(1, repeat // 2)),
        ),
    ]
    print(
        f"\n### Dashboard and report · {Member.objects.count():,} members · "
        f"{Org.objects.count():,} orgs · {connection.vendor}\n"
    )
    load_after = os.getloadavg()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Median of runs, in-process test client. "
        f"Load average (1/5/15 min) before {'/'.join(f'{x:.1f}' for x in load_before)}, "
        f"after {'/'.join(f'{x:.1f}' for x in load_after)}.\n"
    )
    print("| what | time |\n|---|---|")
    for label, ms in rows:
        print(f"| {label} | {ms:,.0f} ms |")


if __name__ == "__main__":
    main()
