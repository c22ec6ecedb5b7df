"""Benchmark: import N member rows from an xlsx file, end to end, against the floor.

    .venv/bin/python bench/import_members.py --rows 100000 [--database-url postgres://...]

A scratch database (SQLite file under var/bench/ unless --database-url is given) gets a small
seeded city; an xlsx of N valid, unique member rows is generated; then it times

* the import itself (``import_file``, as ``import_members FILE --org CODE`` runs it: read,
  check every row, encrypt, write members and their 入会 history in one transaction), and
* the floor: reading the same file with python-calamine plus a bulk load of the same cells
  into a table of text columns (PostgreSQL ``COPY``; ``executemany`` on SQLite) — what no
  import can beat, because it neither checks nor encrypts anything.

Prints a Markdown table for docs/PERFORMANCE.md.
"""

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADERS = [
    "姓名",
    "身份证号码",
    "手机号码",
    "民族",
    "学历",
    "政治面貌",
    "户籍类型",
    "就业形态",
    "入会日期",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
EDUCATION = ["大学本科", "大专", "高中", "初中", "中专", "研究生"]
FORMS = ["标准劳动关系", "快递员", "网约配送员", "货车司机", "网约车司机"]


def id_numbers(count: int, rng: random.Random):
    """Unique valid ID numbers from a region and birth years the seeded city does not use
    for its members' sequence space collisions to matter."""
    from stdnum.cn import ric

    seen = set()
    while len(seen) < count:
        birth = f"{rng.randint(1966, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        body = f"530102{birth}{rng.randint(0, 999):03d}"
        number = body + ric.calc_check_digit(body + "0")
        if number not in seen:
            seen.add(number)
            yield number


def write_file(path: Path, rows: int, seed: int) -> None:
    import xlsxwriter

    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    for index, number in enumerate(id_numbers(rows, rng), start=1):
        sheet.write_row(
            index,
            0,
            [
                rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
                number,
                f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
                "汉族",
                rng.choice(EDUCATION),
                "群众",
                rng.choice(("农业户口", "非农业户口")),
                rng.choice(FORMS),
                f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            ],
        )
    book.close()


def floor_seconds(path: Path) -> float:
    """Read the file with calamine and bulk-load its cells as text, nothing else."""
    from django.db import connection, transaction
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    rows = [[str(v) for v in row] for row in grid[1:]]
    columns = ", ".join(f"c{i} text" for i in range(len(HEADERS)))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_floor")
        cursor.execute(f"CREATE TABLE bench_floor ({columns})")
        if connection.vendor == "postgresql":
            with cursor.cursor.copy("COPY bench_floor FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(HEADERS))
            cursor.executemany(f"INSERT INTO bench_floor VALUES ({marks})", rows)
    elapsed = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_floor")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        db = bench_dir / f"import-{args.rows}.sqlite3"
        db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from core.jobs import import_file
    from members.models import Member
    from orgs.choices import OrgLevel
    from orgs.models import Org

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed_city", members=2000, seed=args.seed, flush=True, stdout=quiet)
    union = Org.objects.filter(level=OrgLevel.GRASSROOTS, status="active").order_by("path").first()

    path = bench_dir / f"members-{args.rows}.xlsx"
    start = time.perf_counter()
    write_file(path, args.rows, args.seed)
    generate = time.perf_counter() - start
    size_mb = path.stat().st_size / 1024 / 1024

    before = Member.objects.count()
    start = time.perf_counter()
    job = import_file(actor=None, kind="members", org=union, path=path)
    import_seconds = time.perf_counter() - start
    written = Member.objects.count() - before
    assert written == job.rows_written == args.rows, (job.message, job.rows_rejected)

    floor = floor_seconds(path)
    print(f"### Import of {args.rows:,} member rows · {connection.vendor}\n")
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. File: {size_mb:.1f} MB xlsx, 9 columns "
        f"(generated in {generate:.1f} s).\n"
    )
    print("| what | time | rows/s |")
    print("|---|---|---|")
    print(
        f"| `import_members` end to end (read, check, encrypt, write) | {import_seconds:.1f} s "
        f"| {args.rows / import_seconds:,.0f} |"
    )
    print(
        f"| floor: calamine read + {'COPY' if connection.vendor == 'postgresql' else 'executemany'}"
        f" of the same cells | {floor:.1f} s | {args.rows / floor:,.0f} |"
    )
    print(f"\nImport / floor: {import_seconds / floor:.1f}×")


if __name__ == "__main__":
    main()
