"""Writing many new rows fast: ids reserved up front, then one COPY (PostgreSQL) or one
``executemany`` (SQLite) per batch.

``bulk_create`` binds every value as a parameter; SQLite caps a statement at 999 of them
(about 35 member rows per INSERT) and PostgreSQL spends most of its time parsing the long
statements. COPY is the engine's own bulk path. Ids are reserved before writing so that
callers can derive values from them (card numbers) and link child rows without reading back.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models
from django.utils import timezone

COPY_BATCH = 50_000


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys no other writer will take.

    PostgreSQL draws them from the table's identity sequence. On SQLite the caller must be
    inside a transaction (Django's SQLite transactions here begin IMMEDIATE, so the database
    is locked for writing and nobody else can insert meanwhile).
    """
    if count <= 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}")
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def insert_rows(objects: Sequence[models.Model], *, now=None) -> None:
    """Insert new rows of one model. Rows without a primary key get reserved ones; unset
    auto_now/auto_now_add columns get ``now`` (default: the current time)."""
    if not objects:
        return
    model = type(objects[0])
    pk = model._meta.pk
    missing = [obj for obj in objects if getattr(obj, pk.attname) is None]
    for obj, new_id in zip(missing, reserve_ids(model, len(missing)), strict=True):
        setattr(obj, pk.attname, new_id)
    stamp = now or timezone.now()
    stamps = [
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    for obj in objects:
        for name in stamps:
            if getattr(obj, name) is None:
                setattr(obj, name, stamp)
    fields = list(model._meta.concrete_fields)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for start in range(0, len(objects), COPY_BATCH):
                batch = objects[start : start + COPY_BATCH]
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for obj in batch:
                        copy.write_row(
                            [
                                f.get_db_prep_save(getattr(obj, f.attname), connection)
                                for f in fields
                            ]
                        )
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                [
                    [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                    for obj in objects
                ],
            )
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
