"""Synthetic-data generators: each app contributes its own in ``<app>/seed.py``.

A generator is a function ``fn(ctx)`` registered with ``@register(name, order)``; the
``seed_city`` command imports every installed app's ``seed`` module (like the admin's
autodiscovery) and runs the generators by ascending ``order`` inside one transaction.
Generators share what they made through ``ctx.data`` (e.g. ``ctx.data["orgs"]``).

Determinism: same seed, same data. Generators draw randomness only from ``ctx.rng``, which
is re-seeded per generator from ``(seed, name)``, so adding or changing one generator does
not reshuffle the data of the others. Dates come from the seed and fixed reference dates,
never from the clock; ``fix_timestamps`` pins ``auto_now``/``auto_now_add`` columns.

``flush_seeded_data`` deletes everything the generators made: it empties ``orgs.Org`` and
every table that references it (directly or through other such tables), dependents first,
resets their id sequences, then runs the generators' ``flush`` hooks (reverse order) for
rows outside those tables, such as the demo user accounts.
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, connections, models, router, transaction
from django.utils.module_loading import autodiscover_modules

from core.bulk import insert_rows

# Ages and dates in generated data are computed against this day.
REFERENCE_DATE = datetime.date(2026, 1, 1)
# created_at / updated_at of generated rows.
SEED_TIMESTAMP = datetime.datetime(
    2026, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
)


@dataclass
class SeedContext:
    rng: random.Random
    members: int
    seed: int
    stdout: TextIO = sys.stdout
    data: dict[str, Any] = field(default_factory=dict)

    def log(self, message: str) -> None:
        self.stdout.write(f"  {message}\n")


@dataclass(frozen=True)
class Generator:
    name: str
    order: int
    fn: Callable[[SeedContext], None]
    flush: Callable[[SeedContext], None] | None = None


_registry: dict[str, Generator] = {}


def register(name: str, order: int, *, flush: Callable[[SeedContext], None] | None = None):
    """Decorator: register ``fn(ctx)`` as generator ``name``, run by ascending ``order``.

    ``flush(ctx)``, if given, deletes what the generator made that the generic table wipe
    of ``flush_seeded_data`` would not reach (e.g. user accounts); hooks run in reverse order.
    """

    def decorator(fn: Callable[[SeedContext], None]):
        _registry[name] = Generator(name=name, order=order, fn=fn, flush=flush)
        return fn

    return decorator


def autodiscover() -> None:
    """Import ``seed`` modules of all installed apps so their generators register."""
    autodiscover_modules("seed")


def generators() -> list[Generator]:
    autodiscover()
    return sorted(_registry.values(), key=lambda g: (g.order, g.name))


def generator_rng(seed: int, name: str) -> random.Random:
    # A str seed is hashed with SHA-512 by random.seed(version=2): stable across runs.
    return random.Random(f"{seed}:{name}")


def run_generators(ctx: SeedContext) -> None:
    """Run every registered generator in order, in one transaction, logging each one."""
    with transaction.atomic():
        for gen in generators():
            ctx.rng = generator_rng(ctx.seed, gen.name)
            ctx.stdout.write(f"[{gen.order:>3}] {gen.name} …\n")
            started = time.perf_counter()
            gen.fn(ctx)
            ctx.stdout.write(f"      {gen.name} done in {time.perf_counter() - started:.2f}s\n")
    # Planner statistics after a bulk load, or the first queries plan for empty tables.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bulk_insert(objects: list[models.Model], when: datetime.datetime = SEED_TIMESTAMP) -> None:
    """Insert many new rows of one model fast (``core.bulk.insert_rows``), with their
    timestamp columns pinned to ``when`` so that a seed is reproducible."""
    insert_rows(objects, now=when)


def fix_timestamps(queryset: models.QuerySet, when: datetime.datetime = SEED_TIMESTAMP) -> int:
    """Pin every auto_now / auto_now_add column of the queryset's rows to ``when``."""
    names = [
        f.name
        for f in queryset.model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    if not names:
        return 0
    return queryset.update(**dict.fromkeys(names, when))


def dependent_models(roots: list[type[models.Model]]) -> list[type[models.Model]]:
    """``roots`` plus every model that references them through a chain of foreign keys
    (SET_NULL links excepted), ordered so each model comes before the models it references.
    """
    members = {m._meta.label: m for m in roots}
    edges: dict[str, set[str]] = {}  # model label -> labels of members it references
    changed = True
    while changed:
        changed = False
        for model in apps.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            for f in model._meta.concrete_fields:
                if not f.is_relation or f.related_model is None:
                    continue
                target = f.related_model._meta.concrete_model._meta.label
                if target not in members or model._meta.label == target:
                    continue
                if f.remote_field.on_delete is models.SET_NULL:
                    continue
                edges.setdefault(model._meta.label, set()).add(target)
                if model._meta.label not in members:
                    members[model._meta.label] = model
                    changed = True
    ordered: list[type[models.Model]] = []
    done: set[str] = set()

    def visit(label: str, trail: frozenset[str]) -> None:
        if label in done or label in trail:
            return
        for referrer, targets in sorted(edges.items()):
            if label in targets:
                visit(referrer, trail | {label})
        done.add(label)
        ordered.append(members[label])

    for label in sorted(members):
        visit(label, frozenset())
    return ordered


def _null_set_null_links(targets: list[type[models.Model]]) -> None:
    labels = {m._meta.label for m in targets}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or model._meta.label in labels:
            continue
        for f in model._meta.concrete_fields:
            if (
                f.is_relation
                and f.related_model is not None
                and f.related_model._meta.label in labels
                and f.remote_field.on_delete is models.SET_NULL
            ):
                model._base_manager.filter(**{f"{f.name}__isnull": False}).update(**{f.name: None})


def flush_seeded_data(ctx: SeedContext, roots: list[type[models.Model]] | None = None) -> None:
    """Delete all generated data: every table depending on ``roots``, then flush hooks."""
    if roots is None:
        roots = [apps.get_model("orgs", "Org")]
    with transaction.atomic():
        targets = dependent_models(roots)
        _null_set_null_links(targets)
        for model in targets:
            count = model._base_manager.all()._raw_delete(router.db_for_write(model))
            ctx.stdout.write(f"  deleted {count} {model._meta.label}\n")
        connection = connections[router.db_for_write(roots[0])]
        sequences = [
            {"table": m._meta.db_table, "column": m._meta.pk.column}
            for m in targets
            if isinstance(
                m._meta.pk, models.AutoField | models.BigAutoField | models.SmallAutoField
            )
        ]
        statements = connection.ops.sequence_reset_by_name_sql(no_style(), sequences)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
        for gen in reversed(generators()):
            if gen.flush:
                gen.flush(ctx)


# --- shared helpers for generators ---------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
_MALE_GIVEN = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志成德海文东"
_FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀玲桂英梅琳燕红雪慧倩婷颖琴云莉萍洁佳蓉月晶欣怡雯悦璐丹"
_NEUTRAL_GIVEN = "晓春雨嘉子一思安乐心永佳新光益天"


def person_name(rng: random.Random, female: bool | None = None) -> str:
    """A plausible Chinese personal name (surname + 1–2 given characters)."""
    if female is None:
        female = rng.random() < 0.5
    pool = _FEMALE_GIVEN if female else _MALE_GIVEN
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.3:
        return surname + rng.choice(pool)
    first = rng.choice(pool + _NEUTRAL_GIVEN)
    return surname + first + rng.choice(pool)


def add_years(day: datetime.date, years: int) -> datetime.date:
    """``day`` moved by whole years; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
