"""Benchmark: the leaders' dashboard and the drafted work report at city scale.

    .venv/bin/python bench/dashboard.py --members 1000000 [--database-url postgres://...] [--reuse]

Seeds a scratch database like bench/city.py (``--reuse`` keeps one seeded before), then
times, in-process with Django's test client: computing every figure of the city (what a
snapshot refresh does), the dashboard page served from its snapshot, the stats API, and
drafting the city's work report (live figures, .docx included). Prints a Markdown table
for docs/PERFORMANCE.md.
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
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from members.models import Member
    from orgs.models import Org
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
    period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    query = "from=2025-01-01&to=2025-12-31"
    client = Client()
    client.force_login(users.get(username="city_admin"))
    repeat = args.repeat
    rows = [
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
            "GET /api/v1/orgs/{city}/stats/?from&to (snapshot)",
            timed(lambda: client.get(f"/api/v1/orgs/{city.pk}/stats/?{query}"), repeat),
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
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Median of runs, in-process test client.\n"
    )
    print("| what | time |\n|---|---|")
    for label, ms in rows:
        print(f"| {label} | {ms:,.0f} ms |")


if __name__ == "__main__":
    main()
