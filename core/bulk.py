"""Writing many new rows fast: ids reserved up front, then one COPY (PostgreSQL) or one
``executemany`` (SQLite) per batch.

``bulk_create`` binds every value as a parameter; SQLite caps a statement at 999 of them
(about 35 member rows per INSERT) and PostgreSQL spends most of its time parsing the long
statements. COPY is the engine's own bulk path. Ids are reserved before writing so that
callers can derive values from them (card numbers) and link child rows without reading back.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
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
    db = connections[DEFAULT_DB_ALIAS]  # the proxy's lookup per value would cost more
    prep = [f.get_db_prep_save for f in fields]
    names = [f.attname for f in fields]
    insert_tuples(
        model,
        [f.column for f in fields],
        (
            [fn(getattr(obj, name), db) for fn, name in zip(prep, names, strict=True)]
            for obj in objects
        ),
    )
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_tuples(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence]):
    """Insert rows given as value sequences in ``columns`` order, the primary key included.
    Values are plain Python (str, int, bool, date, datetime, None); nothing is converted
    per field, which is what makes this the fast path for imports."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column_list = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) >= COPY_BATCH:
                    _copy(cursor, table, column_list, batch)
                    batch = []
            _copy(cursor, table, column_list, batch)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({column_list}) VALUES ({marks})"
            adapt = connection.ops.adapt_datetimefield_value
            cursor.executemany(
                sql,
                (
                    [
                        adapt(v)
                        if isinstance(v, datetime.datetime)
                        else v.isoformat()
                        if isinstance(v, datetime.date)
                        else v
                        for v in row
                    ]
                    for row in rows
                ),
            )


def _copy(cursor, table: str, column_list: str, rows: list) -> None:
    if rows:
        with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
