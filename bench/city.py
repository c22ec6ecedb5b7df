"""Benchmark: seed a synthetic city of N members and time what cadres wait for.

    .venv/bin/python bench/city.py --members 200000 [--database-url postgres://...]

Uses a scratch database (SQLite file under var/bench/ unless --database-url is given), so the
demo database is never touched. Prints a Markdown table for docs/PERFORMANCE.md.
"""

import argparse
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
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        bench_dir = ROOT / "var" / "bench"
        bench_dir.mkdir(parents=True, exist_ok=True)
        db = bench_dir / f"city-{args.members}.sqlite3"
        db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from orgs.models import Enterprise, Org
    from orgs.selectors import children_with_coverage, coverage_stats

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("seed_city", members=args.members, seed=args.seed, flush=True, stdout=quiet)
    seed_seconds = time.perf_counter() - start

    users = get_user_model().objects
    city_admin = users.get(username="city_admin")
    district_admin = users.get(username="district_admin")
    city = Org.objects.get(depth=1)
    client = Client()
    client.force_login(city_admin)
    district_client = Client()
    district_client.force_login(district_admin)
    rows = [
        ("seed_city (whole command)", f"{seed_seconds:.1f} s"),
        ("coverage_stats(city)", f"{timed(lambda: coverage_stats(city)):.0f} ms"),
        (
            "children_with_coverage(city)",
            f"{timed(lambda: children_with_coverage(city, city_admin)):.0f} ms",
        ),
        ("GET / (workbench, city admin)", f"{timed(lambda: client.get('/')):.0f} ms"),
        ("GET /orgs/ (city admin)", f"{timed(lambda: client.get('/orgs/')):.0f} ms"),
        (
            "GET /orgs/{city}/ (city admin)",
            f"{timed(lambda: client.get(f'/orgs/{city.pk}/')):.0f} ms",
        ),
        (
            "GET /enterprises/ (district admin)",
            f"{timed(lambda: district_client.get('/enterprises/')):.0f} ms",
        ),
        (
            "GET /enterprises/?coverage=none (city admin)",
            f"{timed(lambda: client.get('/enterprises/?coverage=none')):.0f} ms",
        ),
        (
            "GET /api/v1/orgs/{city}/stats/",
            f"{timed(lambda: client.get(f'/api/v1/orgs/{city.pk}/stats/')):.0f} ms",
        ),
    ]
    print(
        f"\n### {args.members:,} members · {Org.objects.count():,} orgs · "
        f"{Enterprise.objects.count():,} enterprises · {connection.vendor}\n"
    )
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Median of 5 runs, in-process test client.\n"
    )
    print("| what | time |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")


if __name__ == "__main__":
    main()
